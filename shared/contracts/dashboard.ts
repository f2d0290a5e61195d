/** Filled in by the dashboard work (issue 6). */
export const dashboardContracts = {} as const;

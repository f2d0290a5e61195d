/** Filled in by the sheets work (issue 6). */
export const sheetsContracts = {} as const;

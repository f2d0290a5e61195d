/** Filled in by the documents work (issue 6). */
export const documentsContracts = {} as const;

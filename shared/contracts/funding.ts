/** Contracts of the funding area of the project lifecycle (filled in as the area is built). */
export const fundingContracts = {} as const;

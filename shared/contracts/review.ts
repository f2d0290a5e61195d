/** Contracts of the review area of the project lifecycle (filled in as the area is built). */
export const reviewContracts = {} as const;

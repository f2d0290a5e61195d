import { z } from 'zod';
import { exportedFile, idSchema } from './common';

/**
 * Paper copies the notice asks for (纸质版材料), generated as .docx to print, sign and seal:
 * the 申报书 (附件2) of a flagship project and the brand report (附件1, the "五有").
 * `rows` of the answer counts the document's sections.
 */
export const documentsContracts = {
  /** The 申报书 of one application, in any state from draft on; for the people who may read it. */
  'export.application': {
    input: z.object({ projectId: idSchema }).strict(),
    output: exportedFile,
  },
  /** The brand report with its logo and photos; for the brand's committee and the 组织部. */
  'export.brandReport': {
    input: z.object({ brandId: idSchema }).strict(),
    output: exportedFile,
  },
} as const;

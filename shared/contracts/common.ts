import { z } from 'zod';

export const idSchema = z.string({ error: '编号须为文字' }).min(1, '编号不能为空').max(64, '编号过长');
export const versionSchema = z.number({ error: '版本号须为数字' }).int('版本号须为整数').min(1, '版本号无效');
export const empty = z.object({}).strict();

/** What every export answers: where to fetch the generated .docx/.xlsx and what it holds. */
export const exportedFile = z.object({
  fileId: z.string(),
  url: z.string(),
  fileName: z.string(),
  size: z.number(),
  /** Data rows written (lists), or sections (documents). */
  rows: z.number(),
});
export type ExportedFile = z.output<typeof exportedFile>;

import { z } from 'zod';
import { charCount, stripControlChars } from '../domain/text';

/**
 * The pieces of a server-paged desk list (评审与立项, 各党委申报): a page number, a page size, a
 * sort direction and a search box, each refused with the name the person sees on the page.
 */
export const PAGE_SIZES = [20, 50] as const;
export const DEFAULT_PAGE_SIZE = 20;
export const SEARCH_MAX = 40;

export const pageField = z.number({ error: '页码须为数字' }).int('页码须为整数').min(0, '页码不能小于 0').max(10_000, '页码过大').default(0);

/** A page size without a default, for a list that pages only when asked to (the secretary's inbox). */
export const pageSizeChoice = z
  .number({ error: '每页条数须为数字' })
  .int('每页条数须为整数')
  .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), `每页条数只能是 ${PAGE_SIZES.join(' 或 ')}`);

export const pageSizeField = pageSizeChoice.default(DEFAULT_PAGE_SIZE);

export const directionField = z.enum(['asc', 'desc'], { error: '排序方向只能是升序或降序' });
export type SortDirection = z.infer<typeof directionField>;

/** A title or number to look for: trimmed; empty means no search. */
export const searchField = z
  .string({ error: '搜索内容须为文字' })
  .transform((s) => stripControlChars(s).trim())
  .refine((s) => charCount(s) <= SEARCH_MAX, `搜索内容不能超过${SEARCH_MAX}字`);

/** One page of a list, and how many rows the whole filtered list has. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });

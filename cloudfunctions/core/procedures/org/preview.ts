import type { ParsedInputOf } from '@shared/contracts';
import { problem } from '@shared/domain/import/table';
import type { ImportPreview } from '@shared/contracts/org';
import { diffOrg } from '@shared/domain/import/org-sheet';
import { diffRoster, type StoredRoster } from '@shared/domain/import/roster-sheet';
import type { Context } from '../../context';
import { readSheet } from '../../exports/sheets/read';
import { forEachPage } from '../../exports/sheets/scan';
import { previewOf, refuseWhileApplying, stage } from './imports';
import { RULES } from './sheets';
import { readOrg } from './units';

/**
 * Reads the uploaded sheet, checks every row against the rules and the stored state, and stages
 * the writes when nothing is wrong. Nothing the person sees changes until `orgImport.apply`.
 */
export async function previewImport(ctx: Context, input: ParsedInputOf<'orgImport.preview'>): Promise<ImportPreview> {
  await refuseWhileApplying(ctx.store);
  const bytes = await ctx.files.read(input.fileId);
  const read = bytes ? await readSheet(bytes, RULES[input.sheet]) : { cells: null, problem: problem('NO_FILE', null, null, '找不到刚上传的文件（可能已过期）。请重新选择文件上传') };
  if (read.problem) return previewOf(input.sheet, { rows: 0, add: 0, change: 0, unchanged: 0, ops: [], problems: [read.problem], samples: [] }, null);
  const org = await readOrg(ctx.store);
  let diff;
  if (input.sheet === 'org') diff = diffOrg(org, read.cells);
  else {
    const roster = new Map<string, StoredRoster>();
    await forEachPage<StoredRoster>(ctx.store, 'roster', {}, (page) => {
      for (const e of page) roster.set(e._id, e);
    });
    diff = diffRoster(org, roster, read.cells);
  }
  if (diff.problems.length) return previewOf(input.sheet, diff, null);
  return previewOf(input.sheet, diff, await stage(ctx, input.sheet, diff));
}

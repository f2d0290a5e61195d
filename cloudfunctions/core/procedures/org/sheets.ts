import type { ExportedFile } from '@shared/contracts/common';
import type { ImportSheet } from '@shared/contracts/org';
import { ORG_RULES, orgRows } from '@shared/domain/import/org-sheet';
import { ROSTER_RULES, rosterRow, type StoredRoster } from '@shared/domain/import/roster-sheet';
import { FIRST_DATA_ROW, type SheetRules } from '@shared/domain/import/table';
import type { Context } from '../../context';
import { XlsxBook, type SheetWriter } from '../../exports/sheets/book';
import { beijingText } from '../../exports/sheets/columns';
import { forEachPage } from '../../exports/sheets/scan';
import { saveBook } from '../sheets/common';
import { readOrg } from './units';

export const RULES: Record<ImportSheet, SheetRules> = { org: ORG_RULES, roster: ROSTER_RULES };

const GENERAL = (rules: SheetRules) => [
  `只在「${rules.sheet}」表中填写：第1行是标题，第2行是表头（不要修改、增删或调整顺序），从第3行起每行一条，中间不要留空行。`,
  `最多${rules.maxRows}行数据。不要合并单元格，不要使用公式（请“粘贴为数值”），代码和工号/学号列已设为文本格式，请不要改成数字格式。`,
  '导入前先预览：系统列出将新增、修改和不变的条数，以及每个问题所在的行和列；没有问题时才能导入，导入要么全部生效，要么完全不生效。',
  '同一份表再次导入不会产生变化；表中没有列出的单位或人员保持原样（导入不会删除任何内容，撤销单位请在“状态”列填“已撤销”）。',
];

/** The data sheet in the template's layout: text-formatted columns, drop-downs where values are fixed. */
function dataSheet(book: XlsxBook, rules: SheetRules): SheetWriter {
  const writer = book.sheet({
    name: rules.sheet,
    title: rules.title,
    columns: rules.columns.map((c) => ({ header: c.header, width: c.width, kind: c.kind === 'int' ? 'int' : 'text', textFormat: c.kind !== 'int' })),
  });
  rules.columns.forEach((c, i) => {
    if (c.choices) writer.choices(i, c.choices, FIRST_DATA_ROW, FIRST_DATA_ROW + rules.maxRows - 1);
  });
  return writer;
}

function guideSheet(book: XlsxBook, rules: SheetRules, now: Date): void {
  const guide = book.sheet({ name: '说明', title: `${rules.title} · 填写说明（${beijingText(now.toISOString())}）`, columns: [{ header: '列', width: 20 }, { header: '填写说明', width: 100, wrap: true }] });
  for (const line of GENERAL(rules)) guide.add(['整体', line]);
  for (const c of rules.columns) guide.add([c.header, `${c.required ? '必填。' : '选填。'}${c.note}${c.choices ? `（可选：${c.choices.join('、')}）` : ''}`]);
}

export async function importTemplate(ctx: Context, input: { sheet: ImportSheet }): Promise<ExportedFile> {
  const rules = RULES[input.sheet];
  const book = new XlsxBook({ title: `${rules.sheet}导入模板`, now: ctx.now });
  dataSheet(book, rules);
  guideSheet(book, rules, ctx.now);
  return saveBook(ctx, book, `${rules.sheet}导入模板`, 0);
}

/** The current organisation or roster in the template's layout: exporting and re-importing changes nothing. */
export async function importExport(ctx: Context, input: { sheet: ImportSheet }): Promise<ExportedFile> {
  const rules = RULES[input.sheet];
  const book = new XlsxBook({ title: rules.sheet, now: ctx.now });
  const writer = dataSheet(book, rules);
  if (input.sheet === 'org') {
    for (const row of orgRows(await readOrg(ctx.store))) writer.add(row);
  } else {
    await forEachPage<StoredRoster>(ctx.store, 'roster', {}, (page) => {
      for (const e of page) writer.add(rosterRow(e));
    });
  }
  guideSheet(book, rules, ctx.now);
  return saveBook(ctx, book, `${rules.sheet}（导出）`, writer.rows);
}

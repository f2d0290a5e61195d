import type { ExportedFile } from '@shared/contracts/common';
import type { ParsedInputOf } from '@shared/contracts';
import type { Project } from '@shared/domain/project/project';
import { PROJECT_STATE_LABELS } from '@shared/domain/project/state';
import type { Context } from '../../context';
import { XlsxBook } from '../../exports/sheets/book';
import type { ColumnSpec } from '../../exports/sheets/columns';
import { forEachInOrder, sortedKeys } from '../../exports/sheets/scan';
import { PLACED_STATES, publicityText } from '../review/batch';
import { allCommittees, categoryLabel, committeeName, committeeOrder, exportedAt, ProjectPeople, projectQuery, requireBatch, saveBook, titleOf } from './common';

const COLUMNS: ColumnSpec[] = [
  { header: '序号', width: 6, kind: 'int' },
  { header: '项目名称', width: 34, wrap: true },
  { header: '项目类别', width: 16 },
  { header: '所属党委/总支', width: 24 },
  { header: '项目负责人', width: 12 },
  { header: '团队成员', width: 36, wrap: true },
  { header: '当前状态', width: 12 },
];

type Key = [order: number, committeeId: string, title: string];

/**
 * 公示名单: the applications publicised in this batch — in the 公示 now, or approved after it —
 * by committee, as the public list shows them, with the team for the printed notice.
 */
export async function exportPublicity(ctx: Context, input: ParsedInputOf<'export.publicity'>): Promise<ExportedFile> {
  const batch = await requireBatch(ctx, input.batchId);
  const committees = await allCommittees(ctx);
  const q = projectQuery({ batchId: batch._id }, PLACED_STATES);
  const keys = await sortedKeys<Project, Key>(
    ctx.store,
    'projects',
    q.coarse,
    (p) => [committeeOrder(committees, p.committeeId), p.committeeId, titleOf(p)],
    (a, b) => a[0] - b[0] || a[1].localeCompare(b[1]) || a[2].localeCompare(b[2], 'zh-Hans-CN'),
    q.keep,
  );
  const period = publicityText(batch.calendar) ?? '公示期未设定';
  const book = new XlsxBook({ title: `${batch.name}公示名单`, now: ctx.now });
  const sheet = book.sheet({
    name: '公示名单',
    title: `${batch.name}拟立项项目公示名单`,
    subtitle: `${period} · 共 ${keys.length} 项 · ${exportedAt(ctx)}`,
    columns: COLUMNS,
  });
  const people = new ProjectPeople(ctx);
  await forEachInOrder<Project, Key>(ctx.store, 'projects', q.full, keys, async (page) => {
    await people.load(page.map((r) => r.doc));
    for (const { doc: p } of page) {
      sheet.add([
        sheet.rows + 1,
        titleOf(p),
        categoryLabel(p.fields.category),
        committeeName(committees, p.committeeId),
        p.hostName,
        people.memberNames(p).join('、'),
        PROJECT_STATE_LABELS[p.state],
      ]);
    }
  });
  if (sheet.rows === 0) sheet.note('暂无数据：本批次还没有公示的项目。');
  return saveBook(ctx, book, `${batch.name}公示名单`, sheet.rows);
}

import type { ExportedFile } from '@shared/contracts/common';
import type { ParsedInputOf } from '@shared/contracts';
import { budgetTotal, completeFields } from '@shared/domain/project/application';
import type { Project } from '@shared/domain/project/project';
import { PROJECT_STATE_LABELS, RECOMMENDED_ONWARD_STATES } from '@shared/domain/project/state';
import type { Context } from '../../context';
import { XlsxBook } from '../../exports/sheets/book';
import type { ColumnSpec } from '../../exports/sheets/columns';
import { forEachInOrder, sortedKeys } from '../../exports/sheets/scan';
import {
  allCommittees,
  categoryLabel,
  committeeName,
  committeeOrder,
  committeeScope,
  exportedAt,
  ProjectPeople,
  projectQuery,
  requireBatch,
  saveBook,
  scopeWhere,
  titleOf,
} from './common';

/** 推荐名单's columns; the 纸质材料包's 推荐汇总表 shows them without the first two (one committee). */
export const RECOMMENDATION_COLUMNS: ColumnSpec[] = [
  { header: '序号', width: 6, kind: 'int' },
  { header: '所属党委/总支', width: 24 },
  { header: '推荐排序', width: 10, kind: 'int' },
  { header: '项目名称', width: 32, wrap: true },
  { header: '负责人', width: 10 },
  { header: '支部', width: 24 },
  { header: '联系电话', width: 15 },
  { header: '类别', width: 16 },
  { header: '经费预算（元）', width: 15, kind: 'yuan' },
  { header: '团队人数', width: 10, kind: 'int' },
  { header: '推荐意见', width: 48, wrap: true },
  { header: '当前状态', width: 14 },
];

type Key = [order: number, committeeId: string, rank: number, title: string];

const compareKeys = (a: Key, b: Key) => a[0] - b[0] || a[1].localeCompare(b[1]) || a[2] - b[2] || a[3].localeCompare(b[3], 'zh-Hans-CN');

/** 推荐名单: each committee's recommendations in its ranking (择优推荐), with its 推荐意见. */
export async function exportRecommendations(ctx: Context, input: ParsedInputOf<'export.recommendations'>): Promise<ExportedFile> {
  const batch = await requireBatch(ctx, input.batchId);
  const committees = await allCommittees(ctx);
  const scope = committeeScope(ctx, input.committeeId, committees);
  const q = projectQuery({ batchId: batch._id, ...scopeWhere(scope) }, RECOMMENDED_ONWARD_STATES);
  const keys = await sortedKeys<Project, Key>(
    ctx.store,
    'projects',
    q.coarse,
    (p) => [committeeOrder(committees, p.committeeId), p.committeeId, p.committeeRank ?? Number.MAX_SAFE_INTEGER, titleOf(p)],
    compareKeys,
    q.keep,
  );
  const book = new XlsxBook({ title: `${batch.name}推荐名单`, now: ctx.now });
  const sheet = book.sheet({
    name: '推荐名单',
    title: `${batch.name}基层党委推荐名单`,
    subtitle: `范围：${scope.label} · 共 ${keys.length} 项，按推荐排序 · ${exportedAt(ctx)}`,
    columns: RECOMMENDATION_COLUMNS,
  });
  const people = new ProjectPeople(ctx);
  await forEachInOrder<Project, Key>(ctx.store, 'projects', q.full, keys, async (page) => {
    await people.load(page.map((r) => r.doc));
    for (const { doc: p } of page) {
      const fields = completeFields(p.fields);
      sheet.add([
        sheet.rows + 1,
        committeeName(committees, p.committeeId),
        p.committeeRank ?? null,
        titleOf(p),
        p.hostName,
        people.branchName(p),
        fields.contactPhone,
        categoryLabel(fields.category),
        budgetTotal(fields.budget),
        people.teamSize(p),
        p.committeeOpinion ?? '',
        PROJECT_STATE_LABELS[p.state],
      ]);
    }
  });
  if (sheet.rows === 0) sheet.note('暂无数据：该范围内还没有推荐的项目。');
  return saveBook(ctx, book, `${batch.name}推荐名单（${scope.label}）`, sheet.rows);
}

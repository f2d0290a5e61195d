import type { ExportedFile } from '@shared/contracts/common';
import type { ParsedInputOf } from '@shared/contracts';
import type { User } from '@shared/domain/person';
import type { Project } from '@shared/domain/project/project';
import { aggregate } from '@shared/domain/project/review';
import { PROJECT_STATE_LABELS, type ProjectState } from '@shared/domain/project/state';
import type { Context } from '../../context';
import { XlsxBook } from '../../exports/sheets/book';
import type { CellInput, ColumnSpec } from '../../exports/sheets/columns';
import { ByIdCache, findIn, forEachInOrder, forEachPage, sortedKeys, type Keyed } from '../../exports/sheets/scan';
import { rubricOf } from '../review/batch';
import type { Review, ReviewAssignment } from '../review/docs';
import { allCommittees, committeeName, committeeOrder, exportedAt, projectQuery, requireBatch, saveBook, titleOf, type StoredCommittee } from './common';
import { RECOMMENDED_ONWARD_STATES } from '@shared/domain/project/state';

/** Every state a project can reach once its 立项评审 has opened. */
const REVIEWED: readonly ProjectState[] = RECOMMENDED_ONWARD_STATES.filter((s) => s !== 'recommended');

const MISSING = '未评';

type Key = { average: number | null; order: number; rank: number; title: string };

const compareKeys = (a: Key, b: Key) =>
  (b.average ?? -1) - (a.average ?? -1) || a.order - b.order || a.rank - b.rank || a.title.localeCompare(b.title, 'zh-Hans-CN');

/** Competition ranking by average (1, 2, 2, 4); applications without a score get none. */
function ranks(keys: readonly Keyed<Key>[]): Map<string, number> {
  const out = new Map<string, number>();
  keys.forEach((k, i) => {
    if (k.key.average === null) return;
    const prev = keys[i - 1];
    out.set(k.id, prev && prev.key.average === k.key.average ? (out.get(prev.id) ?? i + 1) : i + 1);
  });
  return out;
}

interface Reviewer {
  id: string;
  name: string;
  committee: string;
}

function reviewerOf(users: ByIdCache<User>, committees: Map<string, StoredCommittee>, id: string): Reviewer {
  const u = users.get(id);
  const c = u?.profile.committeeId;
  return { id, name: u?.profile.name ?? '（已注销的用户）', committee: c ? committeeName(committees, c) : '校外专家' };
}

/**
 * 评审得分, two sheets: 得分汇总 — a row per application, ranked by average, with its spread, who
 * has not scored yet, and a column per reviewer (their total, 未评, or empty when not assigned);
 * 评分明细 — a row per application and reviewer with every rubric criterion and the comment.
 */
export async function exportReviewScores(ctx: Context, input: ParsedInputOf<'export.reviewScores'>): Promise<ExportedFile> {
  const batch = await requireBatch(ctx, input.batchId);
  const committees = await allCommittees(ctx);
  const rubric = rubricOf(batch);

  // Pass 1: totals per application and who reviews in this batch; only numbers and ids are kept.
  const totals = new Map<string, number[]>();
  const reviewerIds = new Set<string>();
  await forEachPage<Review>(ctx.store, 'reviews', { batchId: batch._id }, (page) => {
    for (const r of page) {
      totals.set(r.projectId, [...(totals.get(r.projectId) ?? []), r.total]);
      reviewerIds.add(r.reviewerId);
    }
  });
  await forEachPage<ReviewAssignment>(ctx.store, 'reviewAssignments', { batchId: batch._id }, (page) => {
    for (const a of page) reviewerIds.add(a.reviewerId);
  });
  const users = new ByIdCache<User>(ctx.store, 'users');
  await users.load([...reviewerIds]);
  const reviewers = [...reviewerIds].map((id) => reviewerOf(users, committees, id)).sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN') || a.id.localeCompare(b.id));
  const column = new Map(reviewers.map((r, i) => [r.id, i]));

  const q = projectQuery({ batchId: batch._id }, REVIEWED);
  const keys = await sortedKeys<Project, Key>(
    ctx.store,
    'projects',
    q.coarse,
    (p) => ({ average: aggregate(totals.get(p._id) ?? []).average, order: committeeOrder(committees, p.committeeId), rank: p.committeeRank ?? Number.MAX_SAFE_INTEGER, title: titleOf(p) }),
    compareKeys,
    q.keep,
  );
  const rankOf = ranks(keys);

  const book = new XlsxBook({ title: `${batch.name}评审得分`, now: ctx.now });
  const summary = book.sheet({
    name: '得分汇总',
    title: `${batch.name}立项评审得分汇总`,
    subtitle: `共 ${keys.length} 项，评审专家 ${reviewers.length} 位；按平均分排序，“${MISSING}”为已分配但尚未评分 · ${exportedAt(ctx)}`,
    columns: [
      { header: '排名', width: 6, kind: 'int' },
      { header: '项目名称', width: 30, wrap: true },
      { header: '所属党委/总支', width: 22 },
      { header: '负责人', width: 10 },
      { header: '推荐排序', width: 9, kind: 'int' },
      { header: '当前状态', width: 12 },
      { header: '应评人数', width: 9, kind: 'int' },
      { header: '已评人数', width: 9, kind: 'int' },
      { header: '平均分', width: 9, kind: 'score' },
      { header: '最高分', width: 9, kind: 'score' },
      { header: '最低分', width: 9, kind: 'score' },
      { header: '分差', width: 8, kind: 'score' },
      { header: '未评专家', width: 20, wrap: true },
      ...reviewers.map((r): ColumnSpec => ({ header: `${r.name}（${r.committee}）`, width: 14, kind: 'score' })),
    ],
  });

  /** A page's assignments and reviews, by application. */
  const readPage = async (projects: Project[]) => {
    const ids = projects.map((p) => p._id);
    const [assignments, reviews] = await Promise.all([
      findIn<ReviewAssignment>(ctx.store, 'reviewAssignments', 'projectId', ids),
      findIn<Review>(ctx.store, 'reviews', 'projectId', ids),
    ]);
    const newcomers = [...assignments.map((a) => a.reviewerId), ...reviews.map((r) => r.reviewerId)];
    await users.load(newcomers);
    const of = (projectId: string) => {
      const assigned = new Set(assignments.filter((a) => a.projectId === projectId).map((a) => a.reviewerId));
      const scored = new Map(reviews.filter((r) => r.projectId === projectId).map((r) => [r.reviewerId, r]));
      const everyone = [...new Set([...assigned, ...scored.keys()])]
        .map((id) => reviewerOf(users, committees, id))
        .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN') || a.id.localeCompare(b.id));
      return { assigned, scored, everyone };
    };
    return of;
  };

  await forEachInOrder<Project, Key>(ctx.store, 'projects', q.full, keys, async (page) => {
    const of = await readPage(page.map((r) => r.doc));
    for (const { doc: p } of page) {
      const { assigned, scored, everyone } = of(p._id);
      const agg = aggregate([...scored.values()].map((r) => r.total));
      const missing = everyone.filter((r) => !scored.has(r.id));
      const perReviewer: CellInput[] = reviewers.map(() => null);
      for (const r of everyone) {
        const i = column.get(r.id);
        if (i !== undefined) perReviewer[i] = scored.get(r.id)?.total ?? MISSING;
      }
      summary.add([
        rankOf.get(p._id) ?? null,
        titleOf(p),
        committeeName(committees, p.committeeId),
        p.hostName,
        p.committeeRank ?? null,
        PROJECT_STATE_LABELS[p.state],
        new Set([...assigned, ...scored.keys()]).size,
        agg.count,
        agg.average,
        agg.max,
        agg.min,
        agg.spread,
        missing.map((r) => r.name).join('、'),
        ...perReviewer,
      ]);
    }
  });
  if (summary.rows === 0) summary.note('暂无数据：本批次还没有进入立项评审的项目。');

  const detail = book.sheet({
    name: '评分明细',
    title: `${batch.name}立项评审评分明细`,
    subtitle: `每位专家一行；指标后括号内为满分与权重，加权总分满分 100 · ${exportedAt(ctx)}`,
    columns: [
      { header: '排名', width: 6, kind: 'int' },
      { header: '项目名称', width: 30, wrap: true },
      { header: '所属党委/总支', width: 22 },
      { header: '评审专家', width: 10 },
      { header: '专家所在单位', width: 20 },
      { header: '评分状态', width: 9 },
      ...rubric.map((c): ColumnSpec => ({ header: `${c.label}（满分${c.max}·权重${c.weight}%）`, width: 16, kind: 'score' })),
      { header: '加权总分', width: 10, kind: 'score' },
      { header: '评审意见', width: 40, wrap: true },
      { header: '评分时间（北京时间）', width: 18, kind: 'instant' },
    ],
  });
  await forEachInOrder<Project, Key>(ctx.store, 'projects', q.full, keys, async (page) => {
    const of = await readPage(page.map((r) => r.doc));
    for (const { doc: p } of page) {
      const { everyone, scored } = of(p._id);
      for (const r of everyone) {
        const review = scored.get(r.id);
        detail.add([
          rankOf.get(p._id) ?? null,
          titleOf(p),
          committeeName(committees, p.committeeId),
          r.name,
          r.committee,
          review ? '已评' : MISSING,
          ...rubric.map((c) => review?.scores[c.key] ?? null),
          review?.total ?? null,
          review?.comment ?? '',
          review?.updatedAt ?? null,
        ]);
      }
    }
  });
  if (detail.rows === 0) detail.note('暂无数据：还没有分配评审专家。');
  return saveBook(ctx, book, `${batch.name}评审得分`, summary.rows);
}

import type { Batch } from '@shared/domain/batch';
import type { Brand } from '@shared/domain/brand/brand';
import type { User } from '@shared/domain/person';
import type { Project } from '@shared/domain/project/project';
import { PROJECT_STATES, type ProjectState } from '@shared/domain/project/state';
import type { QueueKind } from '@shared/domain/queue/kinds';
import { awaitsFinalDecision, awaitsMidtermDecision, awaitsRecognition, confirmationLateBefore, expensesToRecord, IDENTITY_PATIENCE_DAYS, RECOGNITION_STATE, TRANCHE_STATES, trancheOwed } from '@shared/domain/queue/rules';
import { objectionAwaitsFinding, type ObjectionFinding } from '@shared/domain/review/objection';
import { hasRole, secretaryCommittees } from '@shared/domain/roles';
import type { AggregateRow, Store, StoreOps, StoredDoc } from '../../ports/store';
import { aggregateAll, keyNumber, keyText } from '../../services/aggregate-all';
import { readOnce } from '../../services/read-once';
import { batchesNewestFirst, projectsHostedBy } from '../../services/shared-reads';
import type { Objection } from '../review/docs';
import { dutiesOf, readEvery } from './duties';

/** One line of a person's queue: what, how many, until when or since when, and where it is done. */
export interface QueueEntry {
  kind: QueueKind;
  title: string;
  detail: string;
  count: number;
  /** A date in Beijing time, when the work has one. */
  deadline: string | null;
  /** Since when the oldest of it has waited (ISO), when it has no deadline. */
  since: string | null;
  link: string;
}

interface Reads {
  store: StoreOps;
  user: User;
  now: Date;
  batches: ReadonlyMap<string, Batch & StoredDoc>;
}

const batchName = (r: Reads, id: string) => r.batches.get(id)?.name ?? '（已删除的批次）';
const oldest = (times: ReadonlyArray<string | null | undefined>): string | null => times.reduce<string | null>((a, t) => (t && (a === null || t < a) ? t : a), null);
const titleOf = (p: Project) => p.fields.title.trim() || '未命名项目';

/** 认定: the reports sent to the 组织部 (a committee sends one a year: one page). */
async function brandsToRecognize(r: Reads): Promise<QueueEntry[]> {
  const waiting = (await readEvery<Brand & StoredDoc>(r.store, 'brands', { state: RECOGNITION_STATE })).filter(awaitsRecognition);
  if (waiting.length === 0) return [];
  const names = waiting.slice(0, 3).map((b) => `「${b.report.name || '未命名品牌'}」`).join('');
  return [
    {
      kind: 'recognizeBrand',
      title: `品牌认定：${waiting.length}份品牌报告待认定`,
      detail: `${names}${waiting.length > 3 ? '等' : ''}已报送组织部，请认定入库或退回修改`,
      count: waiting.length,
      deadline: null,
      since: oldest(waiting.map((b) => b.submittedAt ?? b.updatedAt)),
      link: `/packages/brand/library/index?state=${RECOGNITION_STATE}`,
    },
  ];
}

const stateOf = (row: AggregateRow): ProjectState => PROJECT_STATES.find((s) => s === keyText(row, 'state')) ?? 'approved';
const factsOf = (row: AggregateRow) => ({
  state: stateOf(row),
  grantFen: keyNumber(row, 'grantFen'),
  midtermPassed: row.key.midtermPassed === true,
  tranchesPaid: keyNumber(row, 'tranchesPaid'),
});

/**
 * 拨付, 中期 and 结项 acceptance and the 公示's objections, per batch: one aggregate of the projects
 * in the states where the 组织部 may owe them something, grouped by what decides it and by the last
 * change (since when it waits; a group per project at worst, a thousand per round trip), and the
 * objections of the batches in the 公示.
 */
async function fundedWork(r: Reads): Promise<QueueEntry[]> {
  const rows = await aggregateAll(r.store, 'projects', {
    where: { state: { $in: [...new Set<ProjectState>([...TRANCHE_STATES, 'midterm_review', 'final_review', 'in_publicity'])] } },
    groupBy: ['batchId', 'state', 'midtermPassed', 'tranchesPaid', 'grantFen', 'updatedAt'],
    measures: { n: { op: 'count' } },
  });
  type Tally = { count: number; since: string | null };
  const tallies = new Map<string, Tally>();
  const add = (kind: QueueKind, batchId: string, n: number, at: string | null) => {
    const key = `${kind}\u0000${batchId}`;
    const t = tallies.get(key) ?? { count: 0, since: null };
    tallies.set(key, { count: t.count + n, since: oldest([t.since, at]) });
  };
  const publicity = new Set<string>();
  for (const row of rows) {
    const batchId = keyText(row, 'batchId') ?? '';
    const n = row.values.n ?? 0;
    const facts = factsOf(row);
    const at = keyText(row, 'updatedAt');
    const tranche = trancheOwed(facts);
    if (tranche === 1) add('payFirstTranche', batchId, n, at);
    if (tranche === 2) add('paySecondTranche', batchId, n, at);
    if (awaitsMidtermDecision(facts)) add('acceptMidterm', batchId, n, at);
    if (awaitsFinalDecision(facts)) add('acceptFinal', batchId, n, at);
    if (facts.state === 'in_publicity') publicity.add(batchId);
  }
  if (publicity.size) {
    // The finding is recorded on the objection (shared/domain/review/objection.ts).
    const objections = await readEvery<Objection & { finding?: ObjectionFinding | null }>(r.store, 'objections', { batchId: publicity.size === 1 ? [...publicity][0] : { $in: [...publicity] } });
    for (const o of objections.filter(objectionAwaitsFinding)) add('answerObjection', o.batchId, 1, o.createdAt);
  }
  const out: QueueEntry[] = [];
  for (const [key, t] of tallies) {
    const [kind, batchId] = key.split('\u0000') as [QueueKind, string];
    const name = batchName(r, batchId);
    const funded = (q: string) => `/packages/admin/funded/index?batchId=${batchId}&${q}`;
    const entry = (title: string, detail: string, link: string): QueueEntry => ({ kind, title, detail, count: t.count, deadline: null, since: t.since, link });
    if (kind === 'payFirstTranche') out.push(entry(`拨付第一笔经费：${t.count}个项目`, `「${name}」已立项，立项经费（50%）待拨付`, funded('tranche=1')));
    if (kind === 'paySecondTranche') out.push(entry(`拨付第二笔经费：${t.count}个项目`, `「${name}」中期验收已通过，余下经费待拨付`, funded('tranche=2')));
    if (kind === 'acceptMidterm') out.push(entry(`中期验收：${t.count}个项目待审`, `「${name}」已提交中期验收材料，待组织部验收`, funded('state=midterm_review')));
    if (kind === 'acceptFinal') out.push(entry(`结项验收：${t.count}个项目待验收`, `「${name}」基层党委已报送结项材料，待安排答辩并验收`, funded('state=final_review')));
    if (kind === 'answerObjection') out.push(entry(`公示异议：${t.count}条待答复`, `「${name}」公示期间收到异议，请核实并答复`, `/packages/admin/round/index?batchId=${batchId}`));
  }
  return out;
}

/** Profiles no committee has confirmed for IDENTITY_PATIENCE_DAYS days: the oldest hundred tell since when and how many. */
async function lateIdentities(r: Reads): Promise<QueueEntry[]> {
  const where = { profileStatus: 'pending', createdAt: { $lte: confirmationLateBefore(r.now) } };
  const page = await r.store.find<User>('users', { where, orderBy: [{ field: 'createdAt', direction: 'asc' }], limit: 100 });
  if (page.length === 0) return [];
  const count = page.length < 100 ? page.length : await r.store.count('users', where);
  return [
    {
      kind: 'confirmIdentityLate',
      title: `身份确认：${count}人超过${IDENTITY_PATIENCE_DAYS}天未确认`,
      detail: '所在基层党委迟迟未确认，组织部可代为确认或督促',
      count,
      deadline: null,
      since: page[0].createdAt,
      link: `/packages/committee/members/index?waitedDays=${IDENTITY_PATIENCE_DAYS}`,
    },
  ];
}

/** The members of the secretary's committees waiting for their identity to be confirmed. */
async function identitiesToConfirm(r: Reads): Promise<QueueEntry[]> {
  const committees = secretaryCommittees(r.user.roles);
  const where = { profileStatus: 'pending', 'profile.committeeId': committees.length === 1 ? committees[0] : { $in: committees } };
  const page = await r.store.find<User>('users', { where, orderBy: [{ field: 'createdAt', direction: 'asc' }], limit: 100 });
  if (page.length === 0) return [];
  const count = page.length < 100 ? page.length : await r.store.count('users', where);
  const names = page.slice(0, 3).map((u) => u.profile.name).join('、');
  return [
    {
      kind: 'confirmIdentity',
      title: `身份确认：${count}人待确认`,
      detail: `${names}${count > 3 ? '等' : ''}已绑定到本党委，确认后才能申报、加入团队`,
      count,
      deadline: null,
      since: page[0].createdAt,
      link: '/packages/committee/members/index',
    },
  ];
}

/** The host's running projects that have money and no expense recorded. */
async function expensesOf(r: Reads): Promise<QueueEntry[]> {
  return (await projectsHostedBy(r.store, r.user._id)).filter(expensesToRecord).map((p) => ({
    kind: 'recordExpenses',
    title: `登记经费支出：${titleOf(p)}`,
    detail: `「${batchName(r, p.batchId)}」已拨付经费，请凭票据登记支出（专款专用）`,
    count: 1,
    deadline: null,
    since: p.updatedAt,
    link: `/packages/project/funding/index?id=${p._id}`,
  }));
}

/** The work with a deadline (the reminders' duties): counted down, never older than its deadline. */
async function duties(r: Reads): Promise<QueueEntry[]> {
  return (await dutiesOf(r.store, r.user, r.now)).map((d) => ({ kind: d.kind, title: d.title, detail: d.detail, count: d.count, deadline: d.deadline, since: null, link: d.link }));
}

/**
 * Who can have which waiting work and where it is read. A new kind is one rule in
 * shared/domain/queue/rules.ts, one entry in QUEUE_KIND_INFO, and one reader here.
 */
const SOURCES: ReadonlyArray<{ who: (user: User) => boolean; read: (r: Reads) => Promise<QueueEntry[]> }> = [
  { who: () => true, read: duties },
  { who: () => true, read: expensesOf },
  { who: (u) => hasRole(u.roles, 'admin'), read: brandsToRecognize },
  { who: (u) => hasRole(u.roles, 'admin'), read: fundedWork },
  { who: (u) => hasRole(u.roles, 'admin'), read: lateIdentities },
  { who: (u) => secretaryCommittees(u.roles).length > 0, read: identitiesToConfirm },
];

/**
 * Everything waiting on `user` (我的待办): with a deadline first, soonest first; then what has
 * waited longest. Each reader asks the store once or twice (counts and aggregates, never one read
 * per item); the readers share the batches and the hosted projects they both read.
 */
export async function queueOf(base: Store, user: User, now: Date): Promise<QueueEntry[]> {
  const store = readOnce(base);
  const batches = new Map((await batchesNewestFirst(store)).map((b) => [b._id, b]));
  const reads: Reads = { store, user, now, batches };
  const parts = await Promise.all(SOURCES.filter((s) => s.who(user)).map((s) => s.read(reads)));
  return parts.flat().sort(
    (a, b) =>
      (a.deadline === null ? 1 : 0) - (b.deadline === null ? 1 : 0) ||
      (a.deadline ?? '').localeCompare(b.deadline ?? '') ||
      (a.since ?? '').localeCompare(b.since ?? '') ||
      a.title.localeCompare(b.title),
  );
}

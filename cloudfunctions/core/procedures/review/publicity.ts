import { AppError } from '@shared/contracts/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import type { PublicityList } from '@shared/contracts/review';
import type { BatchCalendar } from '@shared/domain/batch';
import { PROJECT_CATEGORY_LABELS } from '@shared/domain/project/application';
import type { Project } from '@shared/domain/project/project';
import { dateIn, formatDeadline, isBeforeDeadline } from '@shared/time/deadline';
import type { Context } from '../../context';
import { audit } from '../../services/audit';
import { Lookup } from '../../services/lookup';
import { SeenProjects } from '../../services/staged-view';
import { notifyParties } from '../../services/notify';
import { loadProject } from '../project/access';
import { formatDate, loadBatch, publicityText } from './batch';
import { roleHolders } from './directory';
import type { Objection } from './docs';
import { readAll } from './pages';
import { inTransaction, titleOf } from './release';

const NOT_IN_PUBLICITY = '公示名单中没有这个项目，请返回公示名单刷新后重试';

/** Per person and project: enough to add to an objection, not enough to flood the 组织部's inbox. */
export const MAX_OBJECTIONS = 3;

/** Objections are taken from the first day of the 公示 to the end of its last (Beijing time). */
export function inPublicityPeriod(c: BatchCalendar, now: Date): boolean {
  return Boolean(c.publicityStart && c.publicityEnd && dateIn(now) >= c.publicityStart && isBeforeDeadline(c.publicityEnd, now));
}

/** 公示名单, readable by anyone: title, committee, host, period; nothing else about the applicants. */
export async function publicityList(ctx: Context, input: ParsedInputOf<'review.publicityList'>): Promise<PublicityList> {
  const batch = await loadBatch(ctx.store, input.batchId);
  const lookup = new Lookup(ctx.store);
  // In 公示 as everyone sees it: a staged 公示 is not listed before its release, and a staged 立项
  // decision stays listed until its release (the 组织部 sees the list as it is).
  const seen = SeenProjects.of(ctx);
  const stored = await readAll<Project>(ctx.store, 'projects', { batchId: batch._id, state: { $in: seen.seesStaged ? ['in_publicity'] : ['in_publicity', 'approved', 'rejected'] } });
  const projects = (await seen.projects(stored)).filter((p) => p.state === 'in_publicity');
  const rows = await Promise.all(
    projects.map(async (p) => ({
      order: (await lookup.committee(p.committeeId))?.order ?? Number.MAX_SAFE_INTEGER,
      item: {
        projectId: p._id,
        title: titleOf(p),
        category: p.fields.category ? PROJECT_CATEGORY_LABELS[p.fields.category] : null,
        committeeName: await lookup.committeeName(p.committeeId),
        hostName: p.hostName,
      },
    })),
  );
  rows.sort((a, b) => a.order - b.order || a.item.title.localeCompare(b.item.title, 'zh-Hans-CN'));
  const c = batch.calendar;
  return {
    batchId: batch._id,
    batchName: batch.name,
    year: batch.year,
    publicityStart: c.publicityStart ?? null,
    publicityEnd: c.publicityEnd ?? null,
    periodText: publicityText(c),
    open: projects.length > 0 && inPublicityPeriod(c, ctx.now),
    items: rows.map((r) => r.item),
  };
}

/**
 * 异议: any bound user may object to a publicised project during the period. The text and the
 * objector are for the 组织部 only; the audit line records that an objection came, not what it says.
 */
export async function raiseObjection(ctx: Context, input: ParsedInputOf<'review.object'>): Promise<OutputOf<'review.object'>> {
  const user = ctx.user;
  if (!user) throw new AppError('UNAUTHENTICATED');
  const stored = await ctx.store.get<Project>('projects', input.projectId);
  const project = stored ? await SeenProjects.of(ctx).project(stored) : null;
  // Only what the 公示 shows is open to objections; anything else answers as if it did not exist,
  // so a stranger learns neither its title nor its state.
  if (!project || project.state !== 'in_publicity') throw new AppError('NOT_FOUND', NOT_IN_PUBLICITY);
  const batch = await loadBatch(ctx.store, project.batchId);
  const c = batch.calendar;
  if (!inPublicityPeriod(c, ctx.now)) {
    if (c.publicityStart && dateIn(ctx.now) < c.publicityStart) {
      throw new AppError('TOO_EARLY', `公示期自 ${formatDate(c.publicityStart)} 开始，届时才能提出异议`);
    }
    const end = c.publicityEnd ? `已于 ${formatDeadline(c.publicityEnd)} ` : '';
    throw new AppError('DEADLINE_PASSED', `公示期${end}结束，不再受理异议；如有重要情况，请直接联系党委组织部`);
  }
  const earlier = await readAll<Objection>(ctx.store, 'objections', { projectId: project._id });
  if (earlier.filter((o) => o.authorId === user._id).length >= MAX_OBJECTIONS) {
    throw new AppError('RATE_LIMITED', `您已就该项目提出 ${MAX_OBJECTIONS} 次异议，党委组织部会一并核实；如有补充，请直接联系党委组织部`);
  }
  const holders = await roleHolders(ctx.store);
  const at = ctx.now.toISOString();
  const id = ctx.newId();
  await inTransaction(ctx, async (tx) => {
    const fresh = await SeenProjects.of({ store: tx, user }).project(await loadProject(tx, project._id));
    if (fresh.state !== 'in_publicity') throw new AppError('INVALID_TRANSITION', '该项目刚刚结束公示，不能再提出异议');
    await tx.insert<Objection>('objections', {
      _id: id,
      batchId: fresh.batchId,
      projectId: fresh._id,
      authorId: user._id,
      authorName: user.profile.name,
      authorCommitteeId: user.profile.committeeId || null,
      text: input.text.trim(),
      createdAt: at,
    });
    // On the batch: the project's history is shown to its host and team, who must not learn who objected.
    await audit(tx, {
      _id: ctx.newId(),
      entityType: 'batch',
      entityId: fresh.batchId,
      action: 'object',
      actorId: user._id,
      at,
      from: null,
      to: null,
      reason: `对项目 ${fresh._id} 提出异议（内容见异议记录 ${id}）`,
      requestId: ctx.requestId,
    });
    await notifyParties(
      ctx,
      tx,
      {
        kind: 'review.objection',
        title: `「${titleOf(fresh)}」收到公示异议`,
        body: '请在立项评审的公示异议中查看并核实处理。',
        entityId: fresh._id,
        eventId: id,
        link: `/packages/admin/round/index?batchId=${fresh.batchId}`,
      },
      { adminIds: holders.adminIds },
      at,
    );
  });
  return { _id: id, createdAt: at, message: '已收到您的异议，党委组织部将核实处理。' };
}

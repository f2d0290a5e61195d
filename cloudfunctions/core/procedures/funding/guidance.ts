import { audit } from '../../services/audit';
import { AppError } from '@shared/contracts/errors';
import type { ParsedInputOf } from '@shared/contracts';
import type { GuidanceView } from '@shared/contracts/funding';
import { GUIDANCE_KIND_LABELS } from '@shared/domain/project/guidance';
import { PROJECT_STATE_LABELS } from '@shared/domain/project/state';
import { dateIn } from '@shared/time/deadline';
import type { Context } from '../../context';
import { notifyProject } from '../../services/notify';
import { loadProject } from '../project/access';
import { requireCommitteeSecretary, requireProjectReader } from './access';
import type { Guidance } from './records';
import { canGuide, toGuidanceView } from './views';

/** 基层党委负责具体指导: the committee records its guidance — "有目标、有计划、有成效". */
export async function addGuidance(ctx: Context, input: ParsedInputOf<'guidance.add'>): Promise<GuidanceView> {
  if (input.date > dateIn(ctx.now)) throw new AppError('VALIDATION', '指导日期不能晚于今天；计划中的安排请以“目标与计划”记录在今天', { field: 'date' });
  const at = ctx.now.toISOString();
  const project = await ctx.store.transaction(async (tx) => {
    const project = await loadProject(tx, input.projectId);
    requireCommitteeSecretary(ctx, project, '记录对本项目的培育指导');
    if (!canGuide(project)) {
      throw new AppError('INVALID_TRANSITION', `项目当前为「${PROJECT_STATE_LABELS[project.state]}」，培育期间（培育中、中期验收中、结项验收中）才能记录指导`);
    }
    const id = ctx.newId();
    const text = input.text.trim();
    await tx.insert<Guidance>('guidance', { _id: id, projectId: project._id, date: input.date, kind: input.kind, text, authorId: ctx.user?._id ?? '', createdAt: at });
    await audit(tx, { _id: ctx.newId(), entityType: 'project', entityId: project._id, action: 'guidance', actorId: ctx.user?._id ?? '', at, from: null, to: null, reason: `${GUIDANCE_KIND_LABELS[input.kind]}：${text}`, requestId: ctx.requestId });
    await notifyProject(
      ctx,
      tx,
      project,
      {
        kind: 'funding.guidance',
        title: `「${project.fields.title || '党建精品项目'}」收到基层党委的${GUIDANCE_KIND_LABELS[input.kind]}`,
        body: text,
        entityId: project._id,
        eventId: id,
      },
      at,
    );
    return project;
  });
  return toGuidanceView(ctx, project);
}

export async function listGuidance(ctx: Context, input: ParsedInputOf<'guidance.list'>): Promise<GuidanceView> {
  const project = await loadProject(ctx.store, input.projectId);
  requireProjectReader(ctx, project);
  return toGuidanceView(ctx, project);
}

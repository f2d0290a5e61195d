import { AppError } from '@shared/contracts/errors';
import type { ParsedInputOf, ProjectView } from '@shared/contracts';
import { batchFor } from '../../services/extensions';
import { canSubmitTo, submissionClosedMessage } from '@shared/domain/batch';
import { canJoinProjectTeam } from '@shared/domain/political-status';
import { emptyApplication } from '@shared/domain/project/application';
import type { Project } from '@shared/domain/project/project';
import { isOpen } from '@shared/domain/org';
import type { Context } from '../../context';
import { StoreError, type StoredDoc } from '../../ports/store';
import { audit } from '../../services/audit';
import { Lookup } from '../../services/lookup';
import { toProjectView } from './views';

/** Claims the (batch, host) slot: its fixed `_id` makes "one host, one project per batch" race-free. */
interface HostSlot extends StoredDoc {
  batchId: string;
  hostId: string;
  projectId: string;
}

export function hostSlotId(batchId: string, hostId: string): string {
  return `${batchId}:${hostId}`;
}

export async function createProject(ctx: Context, input: ParsedInputOf<'project.create'>): Promise<ProjectView> {
  const user = ctx.user;
  if (!user) throw new AppError('UNAUTHENTICATED');
  const lookup = new Lookup(ctx.store);
  const [batch, committee] = await Promise.all([lookup.requireBatch(input.batchId), lookup.committee(user.profile.committeeId)]);
  // A closed (撤销) committee takes no new application; its earlier ones stay readable.
  if (committee && !isOpen(committee)) throw new AppError('FORBIDDEN', `${committee.name}已撤销，不能再申报新项目。如已调整到其他单位，请联系组织部更新您的身份信息`);
  if (batch.level === 'committee' && batch.committeeId !== user.profile.committeeId) {
    throw new AppError('FORBIDDEN', '这是其他基层党委自行组织的批次，您不能在其中申报');
  }
  const own = (await batchFor(ctx.store, batch, { hostId: user._id, committeeId: user.profile.committeeId })).batch;
  if (!canSubmitTo(own, ctx.now)) throw new AppError('DEADLINE_PASSED', submissionClosedMessage(own));
  if (!canJoinProjectTeam(user.profile.politicalStatus)) {
    throw new AppError('FORBIDDEN', '党建精品项目由师生党员申报（团队可含入党积极分子、发展对象）；您的政治面貌不符合主持人条件');
  }

  const at = ctx.now.toISOString();
  const project: Omit<Project, 'version'> = {
    _id: ctx.newId(),
    batchId: batch._id,
    committeeId: user.profile.committeeId,
    hostId: user._id,
    hostName: user.profile.name,
    state: 'draft',
    fields: emptyApplication(),
    createdAt: at,
    updatedAt: at,
    submittedAt: null,
  };
  try {
    await ctx.store.transaction(async (tx) => {
      await tx.insert<HostSlot>('hostSlots', { _id: hostSlotId(batch._id, user._id), batchId: batch._id, hostId: user._id, projectId: project._id });
      await tx.insert<Project>('projects', project);
      await audit(tx, { _id: ctx.newId(), entityType: 'project', entityId: project._id, action: 'create', actorId: user._id, at, from: null, to: 'draft', requestId: ctx.requestId });
    });
  } catch (err) {
    if (err instanceof StoreError && err.kind === 'DUPLICATE') {
      const slot = await ctx.store.get<HostSlot>('hostSlots', hostSlotId(batch._id, user._id));
      throw new AppError('ALREADY_EXISTS', '每人每批次限主持1个项目：您在本批次已有一份申报书，请继续编辑它', {
        projectId: slot?.projectId ?? null,
      });
    }
    throw err;
  }
  const stored = await ctx.store.get<Project>('projects', project._id);
  if (!stored) throw new AppError('INTERNAL');
  return toProjectView(ctx, lookup, stored);
}

import { randomBytes } from 'node:crypto';
import { AppError } from '@shared/contracts/errors';
import type { ParsedInputOf } from '@shared/contracts';
import type { TeamMemberView } from '@shared/contracts/team';
import { canJoinProjectTeam } from '@shared/domain/political-status';
import type { Project } from '@shared/domain/project/project';
import { INVITATION_DAYS, MAX_TEAM_MEMBERS, teamIsOpen, type Invitation, type TeamMember } from '@shared/domain/project/team';
import type { Context } from '../../context';
import { MAX_PAGE, StoreError, type StoreOps } from '../../ports/store';
import { audit } from '../../services/audit';
import { SeenProjects } from '../../services/staged-view';
import { Lookup } from '../../services/lookup';
import { getMany } from '../../services/read-many';
import { notifyProject } from '../../services/notify';
import { loadProject, requireHost, requireProjectReader } from '../project/access';

export const JOIN_PAGE = '/packages/project/join/index';
const memberId = (projectId: string, userId: string) => `${projectId}:${userId}`;

async function members(store: StoreOps, projectId: string): Promise<TeamMemberView[]> {
  const docs = await store.find<TeamMember>('teamMembers', { where: { projectId }, limit: MAX_PAGE });
  const lookup = new Lookup(store);
  const out = await Promise.all(
    docs.map(async (m) => ({
      userId: m.userId,
      name: m.name,
      kind: m.kind,
      committeeName: await lookup.committeeName(m.committeeId),
      politicalStatus: m.politicalStatus,
      joinedAt: m.joinedAt,
    })),
  );
  return out.sort((a, b) => a.joinedAt.localeCompare(b.joinedAt));
}

/** An invitation card: a random token valid for a week, shared by the host. */
export async function invite(ctx: Context, input: ParsedInputOf<'team.invite'>) {
  const project = await loadProject(ctx.store, input.projectId);
  requireHost(ctx, project);
  if (!teamIsOpen(project.state)) throw new AppError('INVALID_TRANSITION', '申报书提交后团队不能再变动；如需调整，请先撤回');
  const token = randomBytes(16).toString('hex');
  const expiresAt = new Date(ctx.now.getTime() + INVITATION_DAYS * 86_400_000).toISOString();
  await ctx.store.insert<Invitation>('invitations', { _id: token, projectId: project._id, hostId: project.hostId, status: 'open', createdAt: ctx.now.toISOString(), expiresAt });
  return { token, expiresAt, path: `${JOIN_PAGE}?token=${token}`, title: `${project.hostName}邀请您加入党建精品项目「${project.fields.title || '未命名'}」` };
}

async function openInvitation(ctx: Context, store: StoreOps, token: string): Promise<{ invitation: Invitation; project: Project; reason: string | null }> {
  const invitation = await store.get<Invitation>('invitations', token);
  if (!invitation) throw new AppError('NOT_FOUND', '邀请链接无效，请向项目主持人重新索取');
  const project = await loadProject(store, invitation.projectId);
  let reason: string | null = null;
  if (invitation.status !== 'open') reason = '该邀请已被撤销，请向项目主持人重新索取';
  else if (invitation.expiresAt < ctx.now.toISOString()) reason = '该邀请已过期（有效期7天），请向项目主持人重新索取';
  else if (!teamIsOpen(project.state)) reason = '该项目已提交，团队不能再变动';
  return { invitation, project, reason };
}

export async function preview(ctx: Context, input: ParsedInputOf<'team.preview'>) {
  const { project, reason } = await openInvitation(ctx, ctx.store, input.token);
  const lookup = new Lookup(ctx.store);
  const userId = ctx.user?._id ?? '';
  const alreadyMember = userId === project.hostId || (await ctx.store.get<TeamMember>('teamMembers', memberId(project._id, userId))) !== null;
  return {
    projectId: project._id,
    title: project.fields.title || '（未命名的申报书）',
    hostName: project.hostName,
    committeeName: await lookup.committeeName(project.committeeId),
    batchName: (await lookup.requireBatch(project.batchId)).name,
    open: reason === null,
    reason,
    alreadyMember,
  };
}

/**
 * The invitee confirms from their own WeChat: 师生党员, 入党积极分子 or 发展对象 from any unit may
 * join; the host is already on the team; at most MAX_TEAM_MEMBERS members.
 */
export async function join(ctx: Context, input: ParsedInputOf<'team.join'>) {
  const user = ctx.user;
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!canJoinProjectTeam(user.profile.politicalStatus)) {
    throw new AppError('FORBIDDEN', '项目成员须为师生党员（可含入党积极分子、发展对象）；您的政治面貌不符合要求');
  }
  const at = ctx.now.toISOString();
  try {
    const projectId = await ctx.store.transaction(async (tx) => {
      const { project, reason } = await openInvitation(ctx, tx, input.token);
      if (reason) throw new AppError('INVALID_TRANSITION', reason);
      if (project.hostId === user._id) throw new AppError('ALREADY_EXISTS', '您是该项目的主持人，无需加入');
      if ((await tx.count('teamMembers', { projectId: project._id })) >= MAX_TEAM_MEMBERS) {
        throw new AppError('VALIDATION', `项目团队最多${MAX_TEAM_MEMBERS}名成员，请联系主持人`);
      }
      const p = user.profile;
      await tx.insert<TeamMember>('teamMembers', {
        _id: memberId(project._id, user._id),
        projectId: project._id,
        userId: user._id,
        name: p.name,
        kind: p.kind,
        committeeId: p.committeeId,
        politicalStatus: p.politicalStatus,
        joinedAt: at,
      });
      const auditId = ctx.newId();
      await audit(tx, { _id: auditId, entityType: 'project', entityId: project._id, action: 'join', actorId: user._id, at, from: null, to: null, reason: p.name, requestId: ctx.requestId });
      await notifyProject(ctx, tx, project, { kind: 'team.join', title: `${p.name}已加入项目团队`, body: project.fields.title, eventId: auditId }, at);
      return project._id;
    });
    return { projectId, members: await members(ctx.store, projectId) };
  } catch (err) {
    if (err instanceof StoreError && err.kind === 'DUPLICATE') throw new AppError('ALREADY_EXISTS', '您已是该项目的成员');
    throw err;
  }
}

export async function list(ctx: Context, input: ParsedInputOf<'team.list'>) {
  const project = await loadProject(ctx.store, input.projectId);
  await requireProjectReader(ctx, ctx.store, project);
  return { hostId: project.hostId, members: await members(ctx.store, project._id), open: teamIsOpen(project.state) };
}

export async function remove(ctx: Context, input: ParsedInputOf<'team.remove'>) {
  const at = ctx.now.toISOString();
  const actorId = ctx.user?._id ?? '';
  await ctx.store.transaction(async (tx) => {
    const project = await loadProject(tx, input.projectId);
    if (actorId !== project.hostId && actorId !== input.userId) throw new AppError('FORBIDDEN', '只有项目主持人可以移除成员（成员可以自行退出）');
    // Membership before state: someone "leaving" a team they are not on learns nothing of the project.
    const m = await tx.get<TeamMember>('teamMembers', memberId(project._id, input.userId));
    if (!m) throw new AppError('NOT_FOUND', '该成员不在项目团队中');
    if (!teamIsOpen(project.state)) throw new AppError('INVALID_TRANSITION', '申报书提交后团队不能再变动；如需调整，请先撤回');
    await tx.remove('teamMembers', m._id, m.version);
    await audit(tx, { _id: ctx.newId(), entityType: 'project', entityId: project._id, action: actorId === input.userId ? 'leave' : 'removeMember', actorId, at, from: null, to: null, reason: m.name, requestId: ctx.requestId });
  });
  return { members: await members(ctx.store, input.projectId) };
}

/** Projects the caller joined as a member, newest first. */
export async function listJoined(ctx: Context) {
  const mine = await ctx.store.find<TeamMember>('teamMembers', { where: { userId: ctx.user?._id ?? '' }, limit: MAX_PAGE });
  const lookup = new Lookup(ctx.store);
  // The projects in reads of a hundred by id, not one read each.
  const projects = await getMany<Project>(ctx.store, 'projects', mine.map((m) => m.projectId));
  const seen = SeenProjects.of(ctx);
  const out = [];
  for (const m of mine) {
    const stored = projects.get(m.projectId);
    const p = stored ? await seen.project(stored) : undefined;
    if (p) out.push({ _id: p._id, title: p.fields.title || '（未命名的申报书）', hostName: p.hostName, state: p.state, batchName: (await lookup.requireBatch(p.batchId)).name });
  }
  return out;
}

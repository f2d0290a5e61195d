import { AppError } from '@shared/contracts/errors';
import type { Project } from '@shared/domain/project/project';
import { PROJECT_STATE_LABELS, type ProjectState } from '@shared/domain/project/state';
import { hasRole, secretaryCommittees } from '@shared/domain/roles';
import type { Context } from '../../context';
import { StoreError } from '../../ports/store';

const roles = (ctx: Context) => ctx.user?.roles ?? [];

export const isAdmin = (ctx: Context) => hasRole(roles(ctx), 'admin');
export const isHost = (ctx: Context, project: Project) => ctx.user?._id === project.hostId;
/** A secretary or 组织员 of the project's own committee (the 组织部 is not one by office). */
export const isCommitteeSecretary = (ctx: Context, project: Project) => secretaryCommittees(roles(ctx)).includes(project.committeeId);

/** Host, the project's committee, the 组织部 (the team is not resolved yet, so members are not readers). */
export function requireProjectReader(ctx: Context, project: Project): void {
  if (isHost(ctx, project) || isCommitteeSecretary(ctx, project) || isAdmin(ctx)) return;
  throw new AppError('FORBIDDEN', '这个项目不属于您或您所在的基层党委，无法查看');
}

export function requireHost(ctx: Context, project: Project, what: string): void {
  if (!isHost(ctx, project)) throw new AppError('FORBIDDEN', `只有项目主持人本人可以${what}`);
}

export function requireCommitteeSecretary(ctx: Context, project: Project, what: string): void {
  if (!isCommitteeSecretary(ctx, project)) throw new AppError('FORBIDDEN', `只有项目所在基层党委（总支）可以${what}，请联系该党委`);
}

export function requireAdmin(ctx: Context, what: string): void {
  if (!isAdmin(ctx)) throw new AppError('FORBIDDEN', `只有党委组织部可以${what}`);
}

/** States in which the project's money moves: from 立项 until the 结项 decision. */
const MONEY_STATES: readonly ProjectState[] = ['approved', 'cultivating', 'midterm_review', 'final_review'];
const CLOSED: Partial<Record<ProjectState, string>> = {
  terminated: '项目未通过中期验收，已终止',
  concluded: '项目已结项',
  failed: '项目结项验收未通过',
};

export const isBooksClosed = (state: ProjectState) => CLOSED[state] !== undefined;
export const isMoneyOpen = (state: ProjectState) => MONEY_STATES.includes(state);

/** Terminated, concluded and failed projects are read-only; nothing moves before 立项. */
export function requireMoneyOpen(project: Project, what: string): void {
  const closed = CLOSED[project.state];
  if (closed) throw new AppError('INVALID_TRANSITION', `${closed}，经费账目只读，不能再${what}。如有疑问请联系党委组织部`);
  if (!isMoneyOpen(project.state)) {
    throw new AppError('INVALID_TRANSITION', `项目当前为「${PROJECT_STATE_LABELS[project.state]}」，立项后才能${what}`);
  }
}

/** A store-level version clash becomes the coded CONFLICT the phone knows how to explain. */
export function conflictToApp(err: unknown): never {
  if (err instanceof StoreError && err.kind === 'CONFLICT') throw new AppError('CONFLICT', '项目刚刚被其他人修改，请刷新后再操作');
  throw err;
}

import { AppError } from '@shared/contracts/errors';
import type { User } from '@shared/domain/person';
import type { Project } from '@shared/domain/project/project';
import { PROJECT_STATE_LABELS } from '@shared/domain/project/state';
import { hasRole } from '@shared/domain/roles';
import type { Lookup } from '../../services/lookup';
import { titleOf } from './release';

/** 公平: a reviewer holds the reviewer role and is neither of the applicant's committee nor its host. */
export async function requireEligibleReviewer(lookup: Lookup, user: User | null, reviewerId: string, project: Project): Promise<User> {
  if (!user) {
    throw new AppError('VALIDATION', `找不到编号为 ${reviewerId} 的评审专家，请刷新专家名单后重新选择`, { reviewerId });
  }
  const name = user.profile.name;
  if (!hasRole(user.roles, 'reviewer')) {
    throw new AppError('VALIDATION', `「${name}」不是评审专家，请另选专家，或先为其授予评审专家身份`, { reviewerId });
  }
  if (user.profile.committeeId === project.committeeId) {
    const committee = await lookup.committeeName(project.committeeId);
    throw new AppError('FORBIDDEN', `「${name}」与申报单位同属${committee}，须回避本单位的申报项目，请另选评审专家`, { reviewerId });
  }
  if (user._id === project.hostId) {
    throw new AppError('FORBIDDEN', `「${name}」是该项目的主持人，须回避，请另选评审专家`, { reviewerId });
  }
  return user;
}

/** Reviewers are assigned only while the application is under review. */
export function requireUnderReview(project: Project): void {
  if (project.state === 'under_review') return;
  const hint = project.state === 'recommended' ? '请先开始立项评审。' : '评审已结束，不能再调整评审专家。';
  throw new AppError('INVALID_TRANSITION', `「${titleOf(project)}」当前为「${PROJECT_STATE_LABELS[project.state]}」，${hint}`, { projectId: project._id });
}

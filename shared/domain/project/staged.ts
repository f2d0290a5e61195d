import type { ProjectState } from './state';

/**
 * A round's outcome staged on a project (公示 or 立项), told to nobody until the 组织部 releases
 * it (DESIGN, Messages: "Before the release nobody outside the 组织部 can see them"). The project
 * already holds its new state; `shown` is the state everyone else is shown until then: under review
 * (评审中) for a 公示 decision, in 公示 for a 立项 decision.
 */
export interface StagedOutcome {
  releaseId: string;
  /** When it was staged (ISO): a release started at or after this time has shown it. */
  stagedAt: string;
  shown: ProjectState;
}

/** What the store keeps of a release: when it started showing (it shows everything staged before). */
export interface ReleaseStart {
  startedAt: string;
}

/** The lifecycle actions a staged outcome is made of: their audit lines wait for the release too. */
export const STAGED_ACTIONS: readonly string[] = ['publicize', 'reject', 'approve'];

/** Whether a staged outcome is out: its release has started since it was staged. */
export function outcomeReleased(staged: StagedOutcome | null | undefined, release: ReleaseStart | null | undefined): boolean {
  if (!staged) return true;
  return Boolean(release && release.startedAt >= staged.stagedAt);
}

/**
 * The one rule of "what may be seen": the 组织部 (`seesStaged`) sees a project as it is; everyone
 * else sees a staged, unreleased outcome as the state before it.
 */
export function seenState(project: { state: ProjectState; staged?: StagedOutcome | null }, release: ReleaseStart | null | undefined, seesStaged: boolean): ProjectState {
  if (seesStaged || outcomeReleased(project.staged, release)) return project.state;
  return project.staged?.shown ?? project.state;
}

/** Whether an audit line of the project belongs to its unreleased outcome (hidden with it). */
export function lineOfUnreleased(line: { at: string; action: string }, staged: StagedOutcome | null | undefined, release: ReleaseStart | null | undefined): boolean {
  return Boolean(staged) && !outcomeReleased(staged, release) && STAGED_ACTIONS.includes(line.action) && line.at >= (staged?.stagedAt ?? '');
}

import type { TimelineEntry } from '@shared/contracts';
import type { Project } from '@shared/domain/project/project';
import { lineOfUnreleased, outcomeReleased, seenState, type ReleaseStart, type StagedOutcome } from '@shared/domain/project/staged';
import { hasRole } from '@shared/domain/roles';
import type { Context } from '../context';
import type { StoreOps, StoredDoc } from '../ports/store';

type StoredRelease = ReleaseStart & StoredDoc;

/**
 * "What may be seen" of projects, for one call: every place a project's state leaves the server
 * passes its projects through here (shared/domain/project/staged.ts holds the rule). The 组织部
 * sees them as they are; everyone else sees a staged, unreleased outcome as the state before it,
 * without its grant and without the audit lines that made it. Each release is read once per call.
 */
export class SeenProjects {
  private readonly releases = new Map<string, Promise<StoredRelease | null>>();

  constructor(
    private readonly store: StoreOps,
    readonly seesStaged: boolean,
  ) {}

  static of(ctx: { store: StoreOps; user: Context['user'] }): SeenProjects {
    return new SeenProjects(ctx.store, hasRole(ctx.user?.roles ?? [], 'admin'));
  }

  private release(staged: StagedOutcome): Promise<StoredRelease | null> {
    let r = this.releases.get(staged.releaseId);
    if (!r) {
      r = this.store.get<StoredRelease>('releases', staged.releaseId);
      this.releases.set(staged.releaseId, r);
    }
    return r;
  }

  /** Whether the project shows an outcome the caller may not see yet. */
  async hides(project: Pick<Project, 'staged'>): Promise<boolean> {
    if (this.seesStaged || !project.staged) return false;
    return !outcomeReleased(project.staged, await this.release(project.staged));
  }

  /** The project as the caller may see it. */
  async project<P extends Project>(project: P): Promise<P> {
    if (!(await this.hides(project)) || !project.staged) return project;
    const state = seenState(project, null, false);
    return { ...project, state, grantFen: null };
  }

  async projects<P extends Project>(projects: readonly P[]): Promise<P[]> {
    return Promise.all(projects.map((p) => this.project(p)));
  }

  /** The project's timeline without the lines of its unreleased outcome. */
  async timeline(project: Pick<Project, 'staged'>, entries: TimelineEntry[]): Promise<TimelineEntry[]> {
    if (!(await this.hides(project)) || !project.staged) return entries;
    const release = await this.release(project.staged);
    return entries.filter((e) => !lineOfUnreleased(e, project.staged, release));
  }
}

/** The mark a staged move leaves on its project: what everyone else is shown until the release. */
export async function stagedMark(store: StoreOps, project: Project, releaseId: string, at: string): Promise<StagedOutcome> {
  // Staged twice before one release (公示 then 立项 while the 公示 is still held): the first "before" stands.
  if (project.staged && !outcomeReleased(project.staged, await store.get<StoredRelease>('releases', project.staged.releaseId))) {
    return { releaseId, stagedAt: at, shown: project.staged.shown };
  }
  return { releaseId, stagedAt: at, shown: project.state };
}

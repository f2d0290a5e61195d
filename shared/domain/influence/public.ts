import type { ProjectState } from '../project/state';

/** A project's page is public once it was approved (立项) and after, except when it was stopped or failed. */
const PUBLIC_PROJECT_STATES: ReadonlySet<ProjectState> = new Set(['approved', 'cultivating', 'midterm_review', 'final_review', 'concluded']);

export const isPublicProject = (state: ProjectState) => PUBLIC_PROJECT_STATES.has(state);

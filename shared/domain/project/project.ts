import type { ApplicationFields } from './application';
import type { ProjectState } from './state';

/** A flagship project as stored: the application plus where it stands. */
export interface Project {
  _id: string;
  version: number;
  batchId: string;
  committeeId: string;
  hostId: string;
  hostName: string;
  state: ProjectState;
  fields: ApplicationFields;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
}

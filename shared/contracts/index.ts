import type { z } from 'zod';
import { brandContracts } from './brand';
import { batchContracts } from './batch';
import { peopleContracts } from './people';
import { peopleListContracts } from './people-list';
import { committeeContracts } from './committee';
import { teamContracts } from './team';
import { fundingContracts } from './funding';
import { reviewContracts } from './review';
import { roundContracts } from './round';
import { applicationsContracts } from './applications';
import { profileContracts } from './profile';
import { homeContracts } from './home';
import { projectContracts } from './project';
import { remindersContracts } from './reminders';
import { documentsContracts } from './documents';
import { sheetsContracts } from './sheets';
import { dashboardContracts } from './dashboard';
import { messagesContracts } from './messages';
import { paperworkContracts } from './paperwork';
import { pcContracts } from './pc';
import { bulkContracts } from './bulk';
import { orgContracts } from './org';
import { influenceContracts } from './influence';

/**
 * Every procedure the phone can call, with its input and output schema. The client and the
 * server router are both typed from this map, so a renamed procedure fails to compile on both.
 */
export const contracts = {
  ...profileContracts,
  ...homeContracts,
  ...projectContracts,
  ...committeeContracts,
  ...batchContracts,
  ...peopleContracts,
  ...peopleListContracts,
  ...teamContracts,
  ...brandContracts,
  ...reviewContracts,
  ...roundContracts,
  ...applicationsContracts,
  ...fundingContracts,
  ...remindersContracts,
  ...documentsContracts,
  ...sheetsContracts,
  ...dashboardContracts,
  ...messagesContracts,
  ...paperworkContracts,
  ...pcContracts,
  ...bulkContracts,
  ...orgContracts,
  ...influenceContracts,
} as const;

export type Contracts = typeof contracts;
export type ProcedureName = keyof Contracts;
export type InputOf<P extends ProcedureName> = z.input<Contracts[P]['input']>;
export type ParsedInputOf<P extends ProcedureName> = z.output<Contracts[P]['input']>;
export type OutputOf<P extends ProcedureName> = z.output<Contracts[P]['output']>;

export * from './errors';
export type { Me, OrgTree } from './profile';
export type { BatchView, ProjectView, ProjectSummary, SubmittedView } from './project';
export type { BrandView, BrandSummary, PublicBrand, BranchFeatureView, TimelineEntry } from './brand';
export type { MessageView } from './messages';
export type { InfluenceFigures, WallItem } from './influence';

/**
 * The lists' fixed vocabularies: what each list may be sorted by and in which direction by
 * default, the states a list offers, the inbox's tabs. Plain constants, no schemas: the server's
 * list procedures read them without loading their area's contracts (which the router loads on
 * a call), and the phone's pickers read them too.
 */
import { PROJECT_STATES, type ProjectState } from '../domain/project/state';

/** Drafts are private to their team: no list offers them. */
export const LISTED_STATES = PROJECT_STATES.filter((s): s is Exclude<ProjectState, 'draft'> => s !== 'draft') as [
  Exclude<ProjectState, 'draft'>,
  ...Exclude<ProjectState, 'draft'>[],
];

export const APPLICATION_SORTS = ['submitted', 'updated', 'title', 'host', 'committee', 'rank', 'state'] as const;
export type ApplicationSort = (typeof APPLICATION_SORTS)[number];
/** Newest first for times; A→Z for names; the committee's first choice first for ranks. */
export const APPLICATION_SORT_DEFAULT_DIRECTION: Record<ApplicationSort, 'asc' | 'desc'> = {
  submitted: 'desc',
  updated: 'desc',
  title: 'asc',
  host: 'asc',
  committee: 'asc',
  rank: 'asc',
  state: 'asc',
};

export const LIBRARY_SORTS = ['updated', 'name', 'committee', 'year', 'stage', 'state'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];
/** The latest change and the latest year first; names A→Z; stages and states in their order. */
export const LIBRARY_SORT_DEFAULT_DIRECTION: Record<LibrarySort, 'asc' | 'desc'> = { updated: 'desc', name: 'asc', committee: 'asc', year: 'desc', stage: 'asc', state: 'asc' };

export const INBOX_VIEWS = ['pending', 'recommended', 'decided', 'all'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

/** What the inbox sorts by at a desk (one committee: no committee column). */
export const INBOX_SORTS = ['submitted', 'updated', 'title', 'host', 'rank', 'state'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];
/** Each tab's own order when none is asked for: 待处理 oldest first, 已推荐 by rank, the others newest change first. */
export const INBOX_DEFAULT_SORT: Record<InboxView, { sort: InboxSort; direction: 'asc' | 'desc' }> = {
  pending: { sort: 'submitted', direction: 'asc' },
  recommended: { sort: 'rank', direction: 'asc' },
  decided: { sort: 'updated', direction: 'desc' },
  all: { sort: 'updated', direction: 'desc' },
};
/** Without a page size the inbox answers its first hundred, as it always has (推荐排序 reads the whole 已推荐 tab). */
export const INBOX_UNPAGED = 100;

/** 培育与验收's sorts: 待拨付 (the tranche due: first before second before none), names, state, money, last change. */
export const FUNDED_SORTS = ['due', 'committee', 'title', 'host', 'state', 'grant', 'paid', 'spent', 'updated'] as const;
export type FundedSort = (typeof FUNDED_SORTS)[number];
/** Newest first for times, most first for money, A→Z for names, the tranche due first. */
export const FUNDED_SORT_DEFAULT_DIRECTION: Record<FundedSort, 'asc' | 'desc'> = {
  due: 'asc',
  committee: 'asc',
  title: 'asc',
  host: 'asc',
  state: 'asc',
  grant: 'desc',
  paid: 'desc',
  spent: 'desc',
  updated: 'desc',
};

export const PEOPLE_SORTS = ['name', 'committee', 'staffNo', 'bound'] as const;
export type PeopleSort = (typeof PEOPLE_SORTS)[number];
/** A→Z for names and numbers; the newest binding first. */
export const PEOPLE_SORT_DEFAULT_DIRECTION: Record<PeopleSort, 'asc' | 'desc'> = { name: 'asc', committee: 'asc', staffNo: 'asc', bound: 'desc' };

/** The states an application passes through in the round (what the list shows). */
export const ROUND_STATES = ['recommended', 'under_review', 'in_publicity', 'approved', 'rejected'] as const;
export type RoundState = (typeof ROUND_STATES)[number];

export const ROUND_SORTS = ['average', 'spread', 'progress', 'title', 'committee', 'host', 'rank', 'state'] as const;
export type RoundSort = (typeof ROUND_SORTS)[number];
/** Best first for scores; A→Z for names; fewest done first for progress. */
export const ROUND_SORT_DEFAULT_DIRECTION: Record<RoundSort, 'asc' | 'desc'> = {
  average: 'desc',
  spread: 'desc',
  progress: 'asc',
  title: 'asc',
  committee: 'asc',
  host: 'asc',
  rank: 'asc',
  state: 'asc',
};

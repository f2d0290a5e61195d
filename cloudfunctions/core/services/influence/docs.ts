import type { ChannelCounts, DayCounts, DayDelta, ShareCounts, TargetKind } from '@shared/domain/influence/counts';

/**
 * What the influence figures store. None of it holds an OPENID, a cookie value or an address:
 * visitors are salted hashes whose salt is dropped the day after, likes are keyed by a keyed hash.
 */

/** One function instance's buffer of views and shares, folded (and removed) by the timed job. */
export interface BufferDoc {
  _id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** dayKey (`brand:<id>:<day>`) → what was counted for that page that day. */
  days: Record<string, DayDelta>;
}

/** A page's folded figures for one day; `_id` = dayKey. */
export interface DayDoc extends DayCounts {
  _id: string;
  version: number;
  /** `brand:<id>` */
  target: string;
  kind: TargetKind;
  targetId: string;
  day: string;
  year: number;
  /** The day's visitor hashes while its salt lives (to count each visitor once); emptied after. */
  seen: string[];
  /** Still holding `seen`: emptied (false) once the day's salt is dropped. */
  open: boolean;
}

/** A page's all-time figures; `_id` = `brand:<id>`. */
export interface TotalsDoc {
  _id: string;
  version: number;
  kind: TargetKind;
  views: number;
  visitors: number;
  byChannel: ChannelCounts;
  shares: ShareCounts;
  likes: number;
}

/** When the job last folded (`_id` = FOLD_ID in influenceTotals). */
export interface FoldDoc {
  _id: string;
  version: number;
  at: string;
}
export const FOLD_ID = 'fold';

/** One like: `_id` = a keyed hash of the page and the liker (never the OPENID or cookie itself). */
export interface LikeDoc {
  _id: string;
  version: number;
  target: string;
  year: number;
  at: string;
}

/** A day's visitor salt (`_id` = `day:<day>`, in influenceSalts) or the likes' key (`_id` = LIKE_KEY_ID, in influenceKeys). */
export interface SaltDoc {
  _id: string;
  version: number;
  salt: string;
  /** The day a visitor salt is for; '' for the likes' key. */
  day: string;
  createdAt: string;
}
export const LIKE_KEY_ID = 'likes';

export const targetKey = (kind: TargetKind, id: string) => `${kind}:${id}`;

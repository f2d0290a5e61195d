import { CHANNELS, SHARE_KINDS, type Channel, type ShareKind } from './channel';

/** Public pages whose views are counted. */
export const TARGET_KINDS = ['brand', 'project'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export type ChannelCounts = Record<Channel, number>;
export type ShareCounts = Record<ShareKind, number>;

export const noChannels = (): ChannelCounts => Object.fromEntries(CHANNELS.map((c) => [c, 0])) as ChannelCounts;
export const noShares = (): ShareCounts => Object.fromEntries(SHARE_KINDS.map((k) => [k, 0])) as ShareCounts;

/**
 * What one buffer holds for one page on one day before it is folded: views by channel, shares
 * by kind and the day's visitor hashes (salted per day; never an OPENID, cookie or address).
 */
export interface DayDelta {
  views: Partial<ChannelCounts>;
  shares: Partial<ShareCounts>;
  visitors: string[];
}

/** A page's figures for one day (Asia/Shanghai), as folded. */
export interface DayCounts {
  views: number;
  byChannel: ChannelCounts;
  shares: ShareCounts;
  visitors: number;
}

export const emptyDelta = (): DayDelta => ({ views: {}, shares: {}, visitors: [] });

/** The key of one page's day in a buffer: `brand:<id>:2026-11-27`. */
export const dayKey = (kind: TargetKind, id: string, day: string) => `${kind}:${id}:${day}`;
export function parseDayKey(key: string): { kind: TargetKind; id: string; day: string } | null {
  const m = /^(brand|project):(.+):(\d{4}-\d{2}-\d{2})$/.exec(key);
  return m ? { kind: m[1] as TargetKind, id: m[2], day: m[3] } : null;
}

/** Adds `b` into `a` (both buffers' deltas for the same page and day); visitors are a set. */
export function mergeDelta(a: DayDelta, b: DayDelta): DayDelta {
  const views = { ...a.views };
  for (const c of CHANNELS) if (b.views[c]) views[c] = (views[c] ?? 0) + (b.views[c] ?? 0);
  const shares = { ...a.shares };
  for (const k of SHARE_KINDS) if (b.shares[k]) shares[k] = (shares[k] ?? 0) + (b.shares[k] ?? 0);
  return { views, shares, visitors: [...new Set([...a.visitors, ...b.visitors])] };
}

export const sumChannels = (c: Partial<ChannelCounts>) => CHANNELS.reduce((n, k) => n + (c[k] ?? 0), 0);
export const sumShares = (s: Partial<ShareCounts>) => SHARE_KINDS.reduce((n, k) => n + (s[k] ?? 0), 0);

/**
 * A day's stored figures after folding `delta` in. `seen` are the day's visitor hashes so far
 * (kept only while the day's salt lives); a visitor already seen that day is not counted again.
 */
export function foldDay(before: { counts: DayCounts; seen: string[] } | null, delta: DayDelta): { counts: DayCounts; seen: string[] } {
  const counts: DayCounts = before ? { ...before.counts, byChannel: { ...before.counts.byChannel }, shares: { ...before.counts.shares } } : { views: 0, byChannel: noChannels(), shares: noShares(), visitors: 0 };
  for (const c of CHANNELS) counts.byChannel[c] += delta.views[c] ?? 0;
  for (const k of SHARE_KINDS) counts.shares[k] += delta.shares[k] ?? 0;
  counts.views += sumChannels(delta.views);
  const seen = new Set(before?.seen ?? []);
  for (const v of delta.visitors) {
    if (!seen.has(v)) {
      seen.add(v);
      counts.visitors += 1;
    }
  }
  return { counts, seen: [...seen] };
}

/** Totals over days: views, visitors (a person on two days counts twice), shares. */
export function addCounts(a: DayCounts, b: DayCounts): DayCounts {
  const byChannel = noChannels();
  for (const c of CHANNELS) byChannel[c] = a.byChannel[c] + b.byChannel[c];
  const shares = noShares();
  for (const k of SHARE_KINDS) shares[k] = a.shares[k] + b.shares[k];
  return { views: a.views + b.views, byChannel, shares, visitors: a.visitors + b.visitors };
}

export const zeroCounts = (): DayCounts => ({ views: 0, byChannel: noChannels(), shares: noShares(), visitors: 0 });

import { foldDay, mergeDelta, noChannels, noShares, parseDayKey, type DayDelta } from '@shared/domain/influence/counts';
import { CHANNELS, SHARE_KINDS } from '@shared/domain/influence/channel';
import { addCalendarDays, dateIn } from '@shared/time/deadline';
import { StoreError, type NewDoc, type Store } from '../ports/store';
import { getMany } from '../services/read-many';
import type { Brand } from '@shared/domain/brand/brand';
import { isPublic } from '@shared/domain/brand/state';
import type { Project } from '@shared/domain/project/project';
import { isPublicProject } from '@shared/domain/influence/public';
import { FOLD_ID, targetKey, type BufferDoc, type DayDoc, type FoldDoc, type SaltDoc, type TotalsDoc } from '../services/influence/docs';
import { saltId } from '../services/influence/salts';

export interface FoldSummary {
  /** Buffer documents folded and removed. */
  buffers: number;
  /** Views and shares they held. */
  events: number;
  /** Page-days written. */
  days: number;
}

/** Buffer documents folded in one transaction. */
const PAGE = 50;

const eventsIn = (d: DayDelta) => Object.values(d.views).reduce((a, b) => a + (b ?? 0), 0) + Object.values(d.shares).reduce((a, b) => a + (b ?? 0), 0);
const isRetryable = (err: unknown) => err instanceof StoreError && (err.kind === 'CONFLICT' || err.kind === 'DUPLICATE' || err.kind === 'NOT_FOUND');

/**
 * One page of buffer documents folded into the per-day and all-time figures. The buffers are
 * removed (versioned) in the same transaction that writes the figures, so each event counts at
 * most once: a rerun, or a second job at the same time, finds them gone or conflicts and rolls back.
 */
async function foldPage(store: Store, buffers: BufferDoc[], now: Date): Promise<FoldSummary> {
  const merged = new Map<string, DayDelta>();
  for (const b of buffers) for (const [k, d] of Object.entries(b.days)) merged.set(k, merged.has(k) ? mergeDelta(merged.get(k) as DayDelta, d) : d);
  // Only pages that are public count: a share sent for an unknown or unpublished page is dropped.
  const parsed = [...merged.keys()].map((k) => ({ key: k, p: parseDayKey(k) }));
  const ids = (kind: 'brand' | 'project') => parsed.flatMap(({ p }) => (p && p.kind === kind ? [p.id] : []));
  const [brands, projects] = await Promise.all([getMany<Brand>(store, 'brands', ids('brand')), getMany<Project>(store, 'projects', ids('project'))]);
  const shown = (kind: 'brand' | 'project', id: string) => (kind === 'brand' ? isPublic(brands.get(id)?.state ?? 'draft') : isPublicProject(projects.get(id)?.state ?? 'draft'));
  const keys = parsed.flatMap(({ key, p }) => (p && shown(p.kind, p.id) ? [key] : []));
  const targets = [...new Set(keys.map((k) => { const p = parseDayKey(k); return p ? targetKey(p.kind, p.id) : ''; }))];
  const [days, totals] = await Promise.all([getMany<DayDoc>(store, 'influenceDays', keys), getMany<TotalsDoc | FoldDoc>(store, 'influenceTotals', [...targets, FOLD_ID])]);
  // A day whose salt is gone (two days back) cannot tell its visitors apart any more: keep no hashes.
  const oldest = addCalendarDays(dateIn(now), -1);
  const dayWrites: Array<{ before: DayDoc | undefined; doc: NewDoc<DayDoc> }> = [];
  const totalAdds = new Map<string, { views: number; visitors: number; byChannel: Record<string, number>; shares: Record<string, number> }>();
  let events = 0;
  for (const key of keys) {
    const p = parseDayKey(key);
    if (!p) continue;
    const delta = merged.get(key) as DayDelta;
    events += eventsIn(delta);
    const before = days.get(key);
    const open = p.day >= oldest;
    const { counts, seen } = foldDay(before ? { counts: before, seen: before.seen } : null, delta);
    const target = targetKey(p.kind, p.id);
    dayWrites.push({ before, doc: { _id: key, target, kind: p.kind, targetId: p.id, day: p.day, year: Number(p.day.slice(0, 4)), ...counts, seen: open ? seen : [], open } });
    const add = totalAdds.get(target) ?? { views: 0, visitors: 0, byChannel: {}, shares: {} };
    add.views += counts.views - (before?.views ?? 0);
    add.visitors += counts.visitors - (before?.visitors ?? 0);
    for (const c of CHANNELS) add.byChannel[c] = (add.byChannel[c] ?? 0) + counts.byChannel[c] - (before?.byChannel[c] ?? 0);
    for (const s of SHARE_KINDS) add.shares[s] = (add.shares[s] ?? 0) + counts.shares[s] - (before?.shares[s] ?? 0);
    totalAdds.set(target, add);
  }
  await store.transaction(async (tx) => {
    for (const b of buffers) await tx.remove('influenceBuffer', b._id, b.version);
    for (const { before, doc } of dayWrites) {
      const { _id, ...fields } = doc;
      if (before) await tx.update<DayDoc>('influenceDays', _id, before.version, fields);
      else await tx.insert<DayDoc>('influenceDays', doc);
    }
    for (const [target, add] of totalAdds) {
      const before = totals.get(target) as TotalsDoc | undefined;
      const byChannel = noChannels();
      for (const c of CHANNELS) byChannel[c] = (before?.byChannel[c] ?? 0) + (add.byChannel[c] ?? 0);
      const shares = noShares();
      for (const s of SHARE_KINDS) shares[s] = (before?.shares[s] ?? 0) + (add.shares[s] ?? 0);
      const fields = { views: (before?.views ?? 0) + add.views, visitors: (before?.visitors ?? 0) + add.visitors, byChannel, shares };
      if (before) await tx.update<TotalsDoc>('influenceTotals', target, before.version, fields);
      else await tx.insert<TotalsDoc>('influenceTotals', { _id: target, kind: target.startsWith('project:') ? 'project' : 'brand', likes: 0, ...fields });
    }
    const fold = totals.get(FOLD_ID) as FoldDoc | undefined;
    if (fold) await tx.update<FoldDoc>('influenceTotals', FOLD_ID, fold.version, { at: now.toISOString() });
    else await tx.insert<FoldDoc>('influenceTotals', { _id: FOLD_ID, at: now.toISOString() });
  });
  return { buffers: buffers.length, events, days: dayWrites.length };
}

/** Empties the visitor hashes of days whose salt is dropped, and drops those salts. */
async function forgetOldVisitors(store: Store, now: Date): Promise<void> {
  const oldest = addCalendarDays(dateIn(now), -1);
  for (let round = 0; round < 20; round++) {
    const open = await store.find<DayDoc>('influenceDays', { where: { open: true, day: { $lt: oldest } }, limit: 100 });
    if (open.length === 0) break;
    for (const d of open) {
      try {
        await store.update<DayDoc>('influenceDays', d._id, d.version, { seen: [], open: false });
      } catch (err) {
        if (!isRetryable(err)) throw err;
      }
    }
  }
  const salts = await store.find<SaltDoc>('influenceSalts', { where: { day: { $lt: oldest } }, limit: 100 });
  for (const s of salts) {
    if (s._id !== saltId(s.day)) continue;
    await store.remove('influenceSalts', s._id, s.version).catch((err: unknown) => {
      if (!isRetryable(err)) throw err;
    });
  }
}

/**
 * The timed job's fold: every buffer document into the per-day figures, a page at a time, then
 * the day-old visitor hashes and salts forgotten. Safe to rerun: folded buffers are gone.
 */
export async function foldInfluence(deps: { store: Store; now: Date; maxPages?: number }): Promise<FoldSummary> {
  const { store, now } = deps;
  const sum: FoldSummary = { buffers: 0, events: 0, days: 0 };
  for (let page = 0; page < (deps.maxPages ?? 1000); page++) {
    const buffers = await store.find<BufferDoc>('influenceBuffer', { orderBy: [{ field: 'createdAt', direction: 'asc' }], limit: PAGE });
    if (buffers.length === 0) break;
    let done: FoldSummary | null = null;
    for (let attempt = 0; attempt < 3 && !done; attempt++) {
      try {
        const page = attempt === 0 ? buffers : await store.find<BufferDoc>('influenceBuffer', { orderBy: [{ field: 'createdAt', direction: 'asc' }], limit: PAGE });
        done = page.length === 0 ? { buffers: 0, events: 0, days: 0 } : await foldPage(store, page, now);
      } catch (err) {
        // A buffer written or folded meanwhile: read again and retry.
        if (!isRetryable(err)) throw err;
      }
    }
    if (!done) break;
    sum.buffers += done.buffers;
    sum.events += done.events;
    sum.days += done.days;
  }
  await forgetOldVisitors(store, now);
  return sum;
}

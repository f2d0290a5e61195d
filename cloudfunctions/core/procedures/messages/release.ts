import { AppError } from '@shared/contracts/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import { EVENT_LABELS, type EventKind } from '@shared/domain/messages/events';
import type { User } from '@shared/domain/person';
import type { Context } from '../../context';
import { finishRelease, heldPage, releaseIdOf, showHeld, type Release } from '../../jobs/release';
import { StoreError } from '../../ports/store';
import type { OutboxEntry } from '../../services/outbox';
import { getMany } from '../../services/read-many';
import { readEvery } from '../reminders/duties';
import { loadBatch } from '../review/batch';

const SAMPLES = 20;
/** A call shows messages for about this long, then answers with what is left (the page calls again). */
const STEP_MS = 2_000;
const STAGE_LABELS = { publicity: '公示', approval: '立项' } as const;

/** Every message a release will send, grouped by kind with counts and the first few as they will read. */
export async function releasePreview(ctx: Context, input: ParsedInputOf<'release.preview'>): Promise<OutputOf<'release.preview'>> {
  await loadBatch(ctx.store, input.batchId);
  const id = releaseIdOf(input.batchId, input.stage);
  const [held, release, released] = await Promise.all([
    readEvery<OutboxEntry>(ctx.store, 'outbox', { releaseId: id, box: 'held' }),
    ctx.store.get<Release>('releases', id),
    ctx.store.count('outbox', { releaseId: id, box: 'inbox' }),
  ]);
  const byKind = new Map<EventKind, OutboxEntry[]>();
  for (const e of held) byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), e]);
  const names = await getMany<User>(ctx.store, 'users', [...byKind.values()].flatMap((es) => es.slice(0, SAMPLES).map((e) => e.recipientId)));
  const groups = [...byKind].map(([kind, es]) => ({
    kind,
    label: EVENT_LABELS[kind],
    count: es.length,
    samples: es.slice(0, SAMPLES).map((e) => ({ recipientName: names.get(e.recipientId)?.profile.name ?? '（已注销）', title: e.title, body: e.body })),
  }));
  const state = held.length > 0 ? (release?.state === 'releasing' ? 'releasing' : 'staged') : released > 0 ? 'released' : 'none';
  return { stage: input.stage, state, held: held.length, released, groups };
}

/**
 * Releases a round's staged messages: 'releasing' is recorded first, then the messages are shown
 * (each once, by a versioned write) in steps of about two seconds. A second tap, a retry or the
 * timed job continue where the first stopped; nobody is told twice.
 */
export async function runRelease(ctx: Context, input: ParsedInputOf<'release.run'>): Promise<OutputOf<'release.run'>> {
  await loadBatch(ctx.store, input.batchId);
  const id = releaseIdOf(input.batchId, input.stage);
  const [first] = await heldPage(ctx.store, id, 1);
  let release = await ctx.store.get<Release>('releases', id);
  if (!first) {
    if (release) return { released: 0, remaining: 0, totalReleased: release.released };
    throw new AppError('INVALID_TRANSITION', `本批次的${STAGE_LABELS[input.stage]}结果尚未决定，没有可发布的通知。请先在立项评审中作出${STAGE_LABELS[input.stage]}决定`);
  }
  const at = ctx.now.toISOString();
  try {
    release = release
      ? release.state === 'releasing'
        ? release
        : await ctx.store.update<Release>('releases', id, release.version, { state: 'releasing', startedAt: at, releasedBy: ctx.user?._id ?? '' })
      : await ctx.store.insert<Release>('releases', { _id: id, batchId: input.batchId, stage: input.stage, state: 'releasing', released: 0, startedAt: at, releasedAt: null, releasedBy: ctx.user?._id ?? '' });
  } catch (err) {
    // A concurrent tap started it: carry on with theirs.
    if (!(err instanceof StoreError && (err.kind === 'DUPLICATE' || err.kind === 'CONFLICT'))) throw err;
    release = await ctx.store.get<Release>('releases', id);
    if (!release) throw err;
  }
  const progress = await showHeld(ctx.store, id, ctx.now, STEP_MS);
  if (progress.remaining > 0) {
    await bump(ctx, release, progress.released);
    return { released: progress.released, remaining: progress.remaining, totalReleased: await ctx.store.count('outbox', { releaseId: id, box: 'inbox' }) };
  }
  const done = await finishRelease(ctx.store, release, ctx.now, progress.released);
  return { released: progress.released, remaining: 0, totalReleased: done.released };
}

async function bump(ctx: Context, release: Release, shown: number): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await ctx.store.get<Release>('releases', release._id);
    if (!current) return;
    try {
      await ctx.store.update<Release>('releases', current._id, current.version, { released: current.released + shown });
      return;
    } catch (err) {
      if (!(err instanceof StoreError && err.kind === 'CONFLICT')) throw err;
    }
  }
}

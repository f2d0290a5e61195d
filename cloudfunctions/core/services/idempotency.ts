import { AsyncLocalStorage } from 'node:async_hooks';
import type { CallResult, ProcedureName } from '@shared/contracts';
import { AppError } from '@shared/contracts/errors';
import { StoreError, type NewDoc, type Patch, type Store, type StoredDoc, type StoreOps } from '../ports/store';

/**
 * Idempotency by request id: the phone sends a fresh id per user action and reuses it when it
 * retries (a network failure after the server acted). The first write of a call claims
 * `requests/<caller>:<procedure>:<requestId>` INSIDE the same transaction, so the claim commits
 * iff the writes commit; the call's answer is stored on the claim afterwards. A retry whose
 * claim already exists does not act again: it gets the stored answer.
 *
 * A procedure declared `claim: 'withAnswer'` works out its answer inside its transaction and
 * hands it to `ctx.answer(tx, data)`: the claim is then inserted with that answer as the
 * transaction's LAST write (one round trip instead of the claim first and the answer after the
 * commit). A duplicate fails that insert, the transaction rolls back, and the stored answer is
 * given; a retry that its own checks refuse first (a versioned move finds the version moved on)
 * is answered from the record as any refused retry is.
 */

/**
 * Procedures that never write to the store. They run on the plain store: no claim, no extra
 * round trip. Every other procedure is treated as mutating — a new procedure is safe by default
 * (the claim is lazy: a mutating call that ends up writing nothing costs nothing extra either).
 */
export const READ_ONLY_PROCEDURES: ReadonlySet<string> = new Set<ProcedureName>([
  'session.me',
  'brand.influence',
  'project.influence',
  'brand.wall',
  'influence.likes',
  'org.tree',
  'batch.list',
  'batch.get',
  'project.get',
  'project.listMine',
  'project.listJoined',
  'committee.inbox',
  'committee.progress',
  'committee.applications',
  'team.preview',
  'team.list',
  'people.find',
  'people.list',
  'people.withRole',
  'pcSession.ofPerson',
  'people.pending',
  'brand.mine',
  'brand.get',
  'brand.library',
  'brand.public',
  'brand.publicList',
  'brand.posterCode',
  'branchFeature.list',
  'review.roundStatus',
  'review.roundList',
  'review.roundApplication',
  'review.roundReviewers',
  'review.myAssignments',
  'review.publicityList',
  'review.objections',
  'funding.list',
  'funding.status',
  'guidance.list',
  'project.reports',
  'todo.mine',
  'subscribe.templates',
  'dashboard.university',
  'dashboard.committee',
]);

/**
 * Writes that do not claim the request: caches that are idempotent by their own `_id` and may
 * be written before the call's real work (a picture's content check is keyed by its file id).
 */
const UNCLAIMED_COLLECTIONS: ReadonlySet<string> = new Set(['mediaChecks']);

export const ALREADY_DONE_MESSAGE = '该操作已完成，请刷新查看最新状态';

/** The stored claim of one request and, once the handler returned, its answer. */
export interface RequestRecord extends StoredDoc {
  procedure: string;
  callerId: string;
  requestId: string;
  at: string;
  /** Which call claimed it (unique per call): tells a call its own claim from a parallel one's. */
  claimant: string;
  /** Null between the commit of the first write and the answer being stored (or after a crash there). */
  result: CallResult<unknown> | null;
}

/** One run of the claiming transaction (a rolled-back run's answer is forgotten with it). */
interface ClaimAttempt {
  tx: StoreOps;
  answer: CallResult<unknown> | null;
}

/** Thrown inside a call whose request id was already claimed: the router answers from the record. */
export class AlreadyClaimed extends Error {
  constructor(readonly recordId: string) {
    super(`request ${recordId} already ran`);
    this.name = 'AlreadyClaimed';
  }
}

export function requestRecordId(callerId: string, procedure: string, requestId: string): string {
  return `${callerId}:${procedure}:${requestId}`;
}

/** Stores a call's answer with its claim, in the transaction that acts (see `claim: 'withAnswer'`). */
export type AnswerInTransaction = <T>(tx: StoreOps, data: T) => void;

/** For a call that claims nothing (no request id, or a read-only procedure): there is nothing to store. */
export const NO_CLAIM_ANSWER: AnswerInTransaction = () => undefined;

export interface IdempotencyOptions {
  /** How long a parallel duplicate waits for the first call's answer to be stored (ms, total). */
  waitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** One call's claim: the store the handler gets, and what to do with its answer. */
export interface RequestClaim {
  store: Store;
  /** True once a write carrying the claim committed. */
  readonly claimed: boolean;
  /** True when the claim already existed: the request ran before. */
  readonly duplicate: boolean;
  /** True once the answer was stored with the claim, in the transaction that acted. */
  readonly answered: boolean;
  /**
   * True when the transaction that was to claim failed on a write conflict: with the claim
   * written last, another call may hold this very request, its commit not visible yet.
   */
  readonly collided: boolean;
  /** With `last`: stores the answer with the claim as the claiming transaction's last write. */
  answer: AnswerInTransaction;
  /** The unique token this call writes into its claim. */
  readonly claimant: string;
  /** Stores the answer on the claim (after the handler returned); best effort. */
  finish(result: CallResult<unknown>): Promise<void>;
}

export function claimRequest(
  store: Store,
  key: { callerId: string; procedure: string; requestId: string },
  at: string,
  claimant: string,
  /** Insert the claim as the claiming transaction's last write (with the answer, when given), not its first. */
  mode: { last?: boolean } = {},
): RequestClaim {
  const recordId = requestRecordId(key.callerId, key.procedure, key.requestId);
  let claimed = false;
  let duplicate = false;
  let answered = false;
  let collided = false;

  async function insertClaim(tx: StoreOps, result: CallResult<unknown> | null = null): Promise<void> {
    try {
      await tx.insert<RequestRecord>('requests', {
        _id: recordId,
        procedure: key.procedure,
        callerId: key.callerId,
        requestId: key.requestId,
        at,
        claimant,
        result,
      });
    } catch (err) {
      if (err instanceof StoreError && err.kind === 'DUPLICATE') {
        duplicate = true;
        throw new AlreadyClaimed(recordId);
      }
      throw err;
    }
  }

  function guard(): void {
    if (duplicate) throw new AlreadyClaimed(recordId);
  }

  // The claiming transaction in flight. A handler may write from several places at once (the
  // reminder job sends in parallel): those writes wait for the claim to commit, then run
  // unclaimed; if it rolled back, the next write claims. Code running inside the claiming
  // transaction itself (a nested call) must not wait for it: it is recognised by its async context.
  let claiming: Promise<unknown> | null = null;
  const insideClaim = new AsyncLocalStorage<ClaimAttempt>();

  /** A transaction that claims the request first, when nothing has claimed it yet. */
  async function claimingTransaction<R>(fn: (tx: StoreOps) => Promise<R>): Promise<R> {
    guard();
    if (claimed || insideClaim.getStore()) return store.transaction(fn);
    if (claiming) {
      await claiming.catch(() => undefined);
      return claimingTransaction(fn);
    }
    let answeredHere = false;
    const attempt = store.transaction((tx) => {
      const here: ClaimAttempt = { tx, answer: null };
      return insideClaim.run(here, async () => {
        if (!mode.last) await insertClaim(tx);
        const result = await fn(tx);
        if (mode.last) {
          // The claim with the answer, or without one when the handler gave none: last, either way.
          await insertClaim(tx, here.answer);
          answeredHere = here.answer !== null;
        }
        return result;
      });
    });
    claiming = attempt;
    try {
      const result = await attempt;
      claimed = true;
      answered = answeredHere;
      return result;
    } catch (err) {
      if (err instanceof StoreError && err.kind === 'CONFLICT') collided = true;
      throw err;
    } finally {
      if (claiming === attempt) claiming = null;
    }
  }

  /** A write outside any transaction: the first one becomes a transaction with the claim. */
  function direct<R>(collection: string, write: (ops: StoreOps) => Promise<R>): Promise<R> {
    guard();
    if (claimed || insideClaim.getStore() || UNCLAIMED_COLLECTIONS.has(collection)) return write(store);
    return claimingTransaction(write);
  }

  const wrapped: Store = {
    get: (c, id) => store.get(c, id),
    find: (c, o) => store.find(c, o),
    count: (c, w) => store.count(c, w),
    aggregate: (c, s) => store.aggregate(c, s),
    insert: <T extends StoredDoc>(c: string, doc: NewDoc<T>) => direct(c, (ops) => ops.insert<T>(c, doc)),
    update: <T extends StoredDoc>(c: string, id: string, v: number, p: Patch<T>) => direct(c, (ops) => ops.update<T>(c, id, v, p)),
    remove: (c, id, v) => direct(c, (ops) => ops.remove(c, id, v)),
    transaction: claimingTransaction,
    close: () => store.close(),
  };

  return {
    store: wrapped,
    claimant,
    get claimed() {
      return claimed;
    },
    get duplicate() {
      return duplicate;
    },
    get answered() {
      return answered;
    },
    get collided() {
      return collided;
    },
    answer(tx, data) {
      // Only the claiming transaction's own answer is kept; anywhere else finish() stores it.
      const here = insideClaim.getStore();
      if (!mode.last || !here || here.tx !== tx) return;
      here.answer = storable({ ok: true, data });
    },
    async finish(result) {
      if (!claimed || answered) return;
      // The claim was inserted at version 1 and only this call writes it again: one round trip on
      // every mutating call, not a read and a write.
      await store.update<RequestRecord>('requests', recordId, 1, { result: storable(result) });
    },
  };
}

/**
 * Answers a retried request from its record: the stored answer, or CONFLICT when there is none.
 * A claim younger than `waitMs` (by the server's clock) may belong to a call still running in
 * parallel: wait for its answer that long. An older one without an answer lost it (a crash
 * between the commit and the answer): the work is done, the caller should look at the new state.
 */
export async function answerFromRecord(store: Store, recordId: string, now: Date, options: IdempotencyOptions = {}, ownClaimant?: string): Promise<CallResult<unknown>> {
  const waitMs = options.waitMs ?? 1000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const step = 50;
  for (let waited = 0; ; waited += step) {
    const record = await store.get<RequestRecord>('requests', recordId);
    if (record?.result) return record.result;
    // This very call committed the claim and then lost the answer: nobody else will write it.
    if (record && record.claimant === ownClaimant) break;
    const age = record ? now.getTime() - Date.parse(record.at) : 0;
    if (waited + age >= waitMs) break;
    await sleep(step);
  }
  return { ok: false, error: new AppError('CONFLICT', ALREADY_DONE_MESSAGE).toBody() };
}

/**
 * The answer of a request whose claim may not be visible yet (written last, by a parallel call
 * still committing): polled for up to `waitMs`; null when none appeared.
 */
export async function awaitAnswer(store: Store, recordId: string, options: IdempotencyOptions = {}): Promise<CallResult<unknown> | null> {
  const waitMs = options.waitMs ?? 1000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const step = 100;
  for (let waited = 0; waited < waitMs; waited += step) {
    await sleep(step);
    const record = await store.get<RequestRecord>('requests', recordId);
    if (record?.result) return record.result;
  }
  return null;
}

/** Keeps the answer JSON-clean (undefined fields dropped) so both adapters store the same thing. */
function storable(result: CallResult<unknown>): CallResult<unknown> {
  return JSON.parse(JSON.stringify(result)) as CallResult<unknown>;
}

/** Deletes request records older than `before` (the scheduler's housekeeping); returns how many. */
export async function purgeRequests(store: Store, before: string, max = 1000): Promise<number> {
  let removed = 0;
  while (removed < max) {
    const start = removed;
    const page = await store.find<RequestRecord>('requests', { where: { at: { $lt: before } }, orderBy: [{ field: 'at', direction: 'asc' }], limit: 100 });
    if (page.length === 0) break;
    for (const r of page) {
      try {
        await store.remove('requests', r._id, r.version);
        removed += 1;
      } catch (err) {
        if (!(err instanceof StoreError)) throw err;
      }
    }
    // Nothing could be removed (all changed under us): stop rather than spin.
    if (removed === start) break;
  }
  return removed;
}


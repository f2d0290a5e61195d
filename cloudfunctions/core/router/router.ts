import { z } from 'zod';
import { AppError, type CallResult, type ErrorBody } from '@shared/contracts/errors';
import type { ProcedureName } from '@shared/contracts';
import { contractOf, isProcedureName } from '@shared/contracts/areas';
import { describeValidation, shownText, zhErrorMap, zhErrorMapFor } from '@shared/contracts/zod-zh';
import { hasRole } from '@shared/domain/roles';
import { OPEN_BEFORE_CONFIRMATION, unconfirmedMessage } from '@shared/domain/person';
import { buildContext, type ClientMeta, type Context, type Identity, type Ports } from '../context';
import { StoreError } from '../ports/store';
import { AlreadyClaimed, answerFromRecord, awaitAnswer, claimRequest, READ_ONLY_PROCEDURES, requestRecordId, type IdempotencyOptions, type RequestRecord } from '../services/idempotency';
import { callerKey, type RateLimiter } from '../services/rate-limit';
import type { StoreLimits } from '../services/store-limits';
import type { Procedure, ProcedureTable } from './procedure';

/** The envelope every caller sends: the procedure, its input, and a request id for retries. */
export const callEnvelope = z.object({
  procedure: z.string().min(1).max(64),
  input: z.unknown().optional(),
  // Printable ASCII only: it becomes part of a stored document id and of audit lines.
  requestId: z.string().max(64).regex(/^[!-~]*$/, '请求编号格式有误，请更新小程序后重试').optional(),
});

export interface Logger {
  error(message: string, err: unknown): void;
}

/** What the host saw about the caller beyond the identity (the remote address, the User-Agent). */
export type CallMeta = ClientMeta;

export interface Router {
  /** Never throws: every failure becomes `{ ok: false, error }`. */
  call(identity: Identity | null, event: unknown, meta?: CallMeta): Promise<CallResult<unknown>>;
}

export interface RouterOptions {
  /** Limits the calls of 'public' procedures per caller; null for none. */
  publicLimiter?: RateLimiter | null;
  /** Per-caller limits kept in the store (services/store-limits.ts), for procedures declaring `limit`. */
  limits?: StoreLimits | null;
  idempotency?: IdempotencyOptions;
}

export function createRouter(table: ProcedureTable, ports: Ports, logger: Logger = console, options: RouterOptions = {}): Router {
  /**
   * A mutating call with a request id: its first write claims the id in the same transaction;
   * a retry that finds the claim answers what the first call answered instead of acting again.
   */
  async function callOnce(openid: string, procedure: ProcedureName, requestId: string, proc: Procedure<ProcedureName>, input: unknown, identity: Identity, client: ClientMeta): Promise<CallResult<unknown>> {
    const last = proc.claim === 'withAnswer';
    const claim = claimRequest(ports.store, { callerId: openid, procedure, requestId }, ports.clock().toISOString(), ports.newId(), { last });
    const recordId = requestRecordId(openid, procedure, requestId);
    let result: CallResult<unknown>;
    try {
      const ctx = await buildContext(identity, { ...ports, store: claim.store }, requestId, client, claim.answer);
      authorise(ctx, proc, procedure);
      await takeLimit(proc, identity, client);
      result = { ok: true, data: await proc.handler(ctx, input as never) };
    } catch (err) {
      if (err instanceof AlreadyClaimed || claim.duplicate) return answerFromRecord(ports.store, recordId, ports.clock(), options.idempotency);
      result = fail(toErrorBody(err, logger));
    }
    if (!claim.claimed && !claim.duplicate) {
      // Nothing written this time. A success is answered as is: a call that writes nothing (a
      // reader not listed as read-only, a rerun with nothing left to do) pays no extra read. A
      // refusal may be a retry that the handler's own check stopped before writing ("already
      // bound", "not under review any more"): if this id already ran, its answer is the one to give.
      if (result.ok) return result;
      const earlier = await ports.store.get<RequestRecord>('requests', recordId);
      if (earlier) return answerFromRecord(ports.store, recordId, ports.clock(), options.idempotency, claim.claimant);
      // A claim written last is not visible while a parallel duplicate's transaction is still
      // committing, and a write conflict with it is what refused this one: wait for its answer, briefly.
      if (last && claim.collided) return (await awaitAnswer(ports.store, recordId, options.idempotency)) ?? result;
      return result;
    }
    // A handler that swallowed the claim's failure must not answer as if it had acted.
    if (claim.duplicate) return answerFromRecord(ports.store, recordId, ports.clock(), options.idempotency);
    try {
      await claim.finish(result);
    } catch (err) {
      // The writes stand; a retry of this id will be told it is done (CONFLICT) rather than redo it.
      logger.error('request result not stored', err);
    }
    return result;
  }

  /**
   * A procedure's per-caller limit, counted in the store across request ids and instances, once
   * the input is valid and the role allows the call (so invalid or denied calls write nothing).
   * Sign-in per address, signed in or not (a flood of tickets or polls comes from one place); the rest per caller.
   */
  async function takeLimit(proc: Procedure<ProcedureName>, identity: Identity | null, client: ClientMeta): Promise<void> {
    if (proc.limit) await options.limits?.take(proc.limit, callerKey(proc.limit === 'signIn' ? null : identity?.openid, client.clientKey));
  }

  return {
    async call(identity, event, meta) {
      try {
        const envelope = callEnvelope.safeParse(event, { error: zhErrorMap });
        if (!envelope.success) return fail(validation(envelope.error));
        const { procedure, input, requestId } = envelope.data;
        if (!isProcedureName(procedure)) {
          return fail({ code: 'NOT_FOUND', message: `没有名为「${shownText(procedure, 64)}」的接口，请更新小程序后重试` });
        }
        const proc = table[procedure] as Procedure<ProcedureName>;
        if (!identity && proc.access !== 'public') {
          return fail(new AppError('UNAUTHENTICATED', '未能识别您的身份，请重新进入小程序').toBody());
        }
        if (proc.access === 'public') options.publicLimiter?.take(callerKey(identity?.openid, meta?.clientKey));
        const client: ClientMeta = { clientKey: meta?.clientKey ?? null, userAgent: meta?.userAgent ?? null, visit: meta?.visit };
        const parsed = (await contractOf(procedure)).input.safeParse(input ?? {}, { error: zhErrorMapFor(procedure) });
        if (!parsed.success) return fail(validation(parsed.error, procedure));
        if (!identity || !requestId || READ_ONLY_PROCEDURES.has(procedure)) {
          const ctx = await buildContext(identity, ports, requestId ?? null, client);
          authorise(ctx, proc, procedure);
          await takeLimit(proc, identity, client);
          const data = await proc.handler(ctx, parsed.data as never);
          return { ok: true, data };
        }
        return await callOnce(identity.openid, procedure, requestId, proc, parsed.data, identity, client);
      } catch (err) {
        return fail(toErrorBody(err, logger));
      }
    },
  };
}

function fail(error: ErrorBody): CallResult<never> {
  return { ok: false, error };
}

function validation(error: z.ZodError, procedure?: string): ErrorBody {
  const d = describeValidation(error, procedure);
  return { code: 'VALIDATION', message: d.message, details: { issues: d.issues } };
}

function authorise(ctx: Context, proc: Procedure<ProcedureName>, procedure: ProcedureName): void {
  if (proc.access === 'public' || proc.access === 'identified') return;
  if (!ctx.user) throw new AppError('UNAUTHENTICATED');
  // A bound profile acts once its committee confirmed it (DESIGN: "the committee confirms it").
  const waiting = OPEN_BEFORE_CONFIRMATION.has(procedure) ? null : unconfirmedMessage(ctx.user);
  if (waiting) throw new AppError('FORBIDDEN', waiting, { profileStatus: ctx.user.profileStatus });
  if (proc.access === 'bound') return;
  if (!proc.access.some((role) => hasRole(ctx.user?.roles ?? [], role))) {
    throw new AppError('FORBIDDEN');
  }
}

/** Maps anything thrown to a coded error; nothing internal (stack, database text) leaks. */
export function toErrorBody(err: unknown, logger: Logger): ErrorBody {
  if (err instanceof AppError) return err.toBody();
  if (err instanceof StoreError) {
    if (err.kind === 'CONFLICT') return new AppError('CONFLICT').toBody();
    if (err.kind === 'NOT_FOUND') return new AppError('NOT_FOUND').toBody();
    if (err.kind === 'DUPLICATE') return new AppError('ALREADY_EXISTS').toBody();
    if (err.kind === 'UNAVAILABLE') {
      logger.error('store unavailable', err);
      return new AppError('INTERNAL', '数据服务暂时无法连接，请稍后重试；如持续出现请联系组织部').toBody();
    }
  }
  logger.error('unexpected failure', err);
  return new AppError('INTERNAL').toBody();
}

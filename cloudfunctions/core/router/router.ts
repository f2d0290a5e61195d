import { z } from 'zod';
import { AppError, contracts, isProcedureName, type CallResult, type ErrorBody, type ProcedureName } from '../../../shared/contracts';
import { describeValidation, zhErrorMap } from '../../../shared/contracts/zod-zh';
import { hasRole } from '../../../shared/domain/roles';
import { buildContext, type Context, type Identity, type Ports } from '../context';
import { StoreError } from '../ports/store';
import type { Procedure, ProcedureTable } from './procedure';

/** The envelope every caller sends: the procedure, its input, and a request id for retries. */
export const callEnvelope = z.object({
  procedure: z.string().min(1).max(64),
  input: z.unknown().optional(),
  requestId: z.string().max(64).optional(),
});

export interface Logger {
  error(message: string, err: unknown): void;
}

export interface Router {
  /** Never throws: every failure becomes `{ ok: false, error }`. */
  call(identity: Identity | null, event: unknown): Promise<CallResult<unknown>>;
}

export function createRouter(table: ProcedureTable, ports: Ports, logger: Logger = console): Router {
  return {
    async call(identity, event) {
      try {
        const envelope = callEnvelope.safeParse(event, { error: zhErrorMap });
        if (!envelope.success) return fail(validation(envelope.error));
        const { procedure, input, requestId } = envelope.data;
        if (!isProcedureName(procedure)) {
          return fail({ code: 'NOT_FOUND', message: `没有名为「${procedure}」的接口，请更新小程序后重试` });
        }
        const proc = table[procedure] as Procedure<ProcedureName>;
        if (!identity && proc.access !== 'public') {
          return fail(new AppError('UNAUTHENTICATED', '未能识别您的身份，请重新进入小程序').toBody());
        }
        const parsed = contracts[procedure].input.safeParse(input ?? {}, { error: zhErrorMap });
        if (!parsed.success) return fail(validation(parsed.error));
        const ctx = await buildContext(identity, ports, requestId ?? null);
        authorise(ctx, proc);
        const data = await proc.handler(ctx, parsed.data as never);
        return { ok: true, data };
      } catch (err) {
        return fail(toErrorBody(err, logger));
      }
    },
  };
}

function fail(error: ErrorBody): CallResult<never> {
  return { ok: false, error };
}

function validation(error: z.ZodError): ErrorBody {
  const d = describeValidation(error);
  return { code: 'VALIDATION', message: d.message, details: { issues: d.issues } };
}

function authorise(ctx: Context, proc: Procedure<ProcedureName>): void {
  if (proc.access === 'public' || proc.access === 'identified') return;
  if (!ctx.user) throw new AppError('UNAUTHENTICATED');
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

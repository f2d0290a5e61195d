import type { ErrorCode, InputOf, OutputOf, ProcedureName } from '@shared/contracts';
import { ERROR_MESSAGES, isErrorCode } from '@shared/contracts/errors';
import { platform } from '../platform';

/** A failed call as the UI sees it: a stable code and a Chinese message that says what to do. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

let counter = 0;
function newRequestId(): string {
  counter += 1;
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}-${counter}`;
}

function asResult(raw: unknown): { ok: true; data: unknown } | { ok: false; code: ErrorCode; message: string; details?: Record<string, unknown> } {
  if (typeof raw === 'object' && raw !== null && 'ok' in raw) {
    const r = raw as { ok: boolean; data?: unknown; error?: { code?: unknown; message?: unknown; details?: Record<string, unknown> } };
    if (r.ok) return { ok: true, data: r.data };
    const code = isErrorCode(r.error?.code) ? r.error.code : 'INTERNAL';
    const message = typeof r.error?.message === 'string' ? r.error.message : ERROR_MESSAGES[code];
    return { ok: false, code, message, details: r.error?.details };
  }
  return { ok: false, code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL };
}

/** Pause before the one automatic retry after a network failure. */
const RETRY_DELAY_MS = 800;

type Send = (envelope: { procedure: string; input: unknown; requestId: string }) => Promise<unknown>;

/**
 * Sends one user action, retrying once after a network failure WITH THE SAME request id: if the
 * first attempt reached the server before the network dropped, the server recognises the id and
 * answers what it answered then instead of acting twice (a second submit, a second payment).
 */
export async function sendOnce(
  send: Send,
  envelope: { procedure: string; input: unknown },
  requestId: string = newRequestId(),
  delay: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<unknown> {
  try {
    return await send({ ...envelope, requestId });
  } catch {
    await delay(RETRY_DELAY_MS);
    try {
      return await send({ ...envelope, requestId });
    } catch {
      throw new ApiError('INTERNAL', '网络连接失败，请检查网络后重试');
    }
  }
}

/** Calls a procedure; typed from the shared contract map, so names and shapes match the server. */
export async function call<P extends ProcedureName>(procedure: P, input: InputOf<P>): Promise<OutputOf<P>> {
  const raw = await sendOnce((e) => platform.callFunction(e), { procedure, input });
  const result = asResult(raw);
  if (!result.ok) throw new ApiError(result.code, result.message, result.details);
  return result.data as OutputOf<P>;
}

export function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return ERROR_MESSAGES.INTERNAL;
}

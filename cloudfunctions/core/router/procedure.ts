import type { ParsedInputOf, OutputOf, ProcedureName } from '@shared/contracts';
import type { Role } from '@shared/domain/roles';
import type { Context } from '../context';
import type { LimitKind } from '../services/store-limits';

/**
 * Who may call a procedure, checked by the router before the handler runs:
 * - 'public': anyone, even signed out (public showcase pages);
 * - 'identified': any caller with a platform identity (used to bind a profile);
 * - 'bound': a caller with a bound profile;
 * - a list of roles: a bound caller holding one of them.
 * Scope (which committee, whose project) is checked by the handler against the data.
 */
export type Access = 'public' | 'identified' | 'bound' | readonly Role[];

export interface Procedure<P extends ProcedureName> {
  access: Access;
  /** A per-caller limit counted in the store (services/store-limits.ts); 'signIn' counts per address. */
  limit?: LimitKind;
  /**
   * 'withAnswer': the handler works out its answer inside the transaction that acts and hands it
   * to `ctx.answer(tx, data)`; a call with a request id then stores its claim and answer as that
   * transaction's last write, one round trip (services/idempotency.ts).
   */
  claim?: 'withAnswer';
  handler: (ctx: Context, input: ParsedInputOf<P>) => Promise<OutputOf<P>>;
}

/** One handler for every contract: a contract without a handler does not compile. */
export type ProcedureTable = { [P in ProcedureName]: Procedure<P> };

/** The handlers of one area (its own contract map), spread into the ProcedureTable. */
export type AreaTable<C> = { [P in keyof C & ProcedureName]: Procedure<P> };

import type { ParsedInputOf, OutputOf } from '@shared/contracts';
import type { Context } from '../../context';
import { runReminders } from '../../jobs/remind';

/** Runs the reminder job now, as of `asOf` when given (the dev clock otherwise). */
export async function schedulerRun(ctx: Context, input: ParsedInputOf<'scheduler.run'>): Promise<OutputOf<'scheduler.run'>> {
  return runReminders({ store: ctx.store, notifier: ctx.notifier, config: ctx.reminderConfig, now: input.asOf ? new Date(input.asOf) : ctx.now });
}

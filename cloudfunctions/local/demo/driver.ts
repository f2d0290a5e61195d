import { randomUUID } from 'node:crypto';
import type { InputOf, OutputOf, ProcedureName } from '@shared/contracts';
import { addCalendarDays, dateIn } from '@shared/time/deadline';
import type { Router } from '../../core/router/router';

/**
 * Drives the real router as each demo person, on a clock the demo moves: every document the demo
 * leaves behind is one the procedures wrote, at a time the rules allowed.
 */
export class DemoDriver {
  private instant: Date;
  /** Today in Beijing time when the demo ends (the real "now"). */
  readonly today: string;

  private readonly router: Router;
  private readonly runReminders: (now: Date) => Promise<unknown>;

  /** `app` builds the server on the demo's clock; `reminders` runs the reminder job as of an instant. */
  constructor(
    readonly end: Date,
    app: (clock: () => Date) => { router: Router; reminders: (now: Date) => Promise<unknown> },
  ) {
    this.instant = end;
    this.today = dateIn(end);
    const built = app(this.clock);
    this.router = built.router;
    this.runReminders = built.reminders;
  }

  /** The hourly reminder job, run now on the demo's clock (it sends what is due as of then). */
  async remind(): Promise<void> {
    await this.runReminders(this.instant);
  }

  /** The clock the router reads. */
  readonly clock = (): Date => this.instant;

  /** Moves the clock to `hour`:00 Beijing time, `offset` days from today (negative: in the past). */
  day(offset: number, hour = 10): this {
    return this.set(beijing(this.date(offset), hour));
  }

  /** Moves the clock to `hour`:00 Beijing time on a calendar date. */
  on(date: string, hour = 10): this {
    return this.set(beijing(date, hour));
  }

  /** The calendar date `offset` days from today. */
  date(offset: number): string {
    return addCalendarDays(this.today, offset);
  }

  /** The year of the calendar date `offset` days from today. */
  year(offset = 0): number {
    return Number(this.date(offset).slice(0, 4));
  }

  private set(at: Date): this {
    if (at.getTime() > this.end.getTime()) throw new Error(`the demo may not act after now (${at.toISOString()})`);
    this.instant = at;
    return this;
  }

  /** A few minutes later, so that steps taken one after the other have distinct times. */
  private tick(): void {
    const next = new Date(this.instant.getTime() + 3 * 60_000);
    if (next.getTime() <= this.end.getTime()) this.instant = next;
  }

  /** Calls `procedure` as the WeChat identity `openid`; a refusal stops the demo with its message. */
  async as<P extends ProcedureName>(openid: string, procedure: P, input: InputOf<P>): Promise<OutputOf<P>> {
    this.tick();
    const r = await this.router.call({ openid }, { procedure, input, requestId: randomUUID() });
    if (!r.ok) throw new Error(`demo seed: ${openid} ${procedure} at ${this.instant.toISOString()} refused: ${r.error.code} ${r.error.message}`);
    return r.data as OutputOf<P>;
  }
}

/** `hour`:00 in Beijing (UTC+8, no daylight saving) on a calendar date. */
export function beijing(date: string, hour: number): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d, hour - 8));
}

import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import type { Context } from '../../context';
import type { StoreOps, StoredDoc } from '../../ports/store';

/** How far one 纸质材料包 build has got; the phone asks export.packetProgress while it waits. */
export interface PacketJob extends StoredDoc {
  userId: string;
  stage: string;
  done: number;
  total: number;
  finished: boolean;
  updatedAt: string;
}

const jobKey = (userId: string, jobId: string) => `${userId}:${jobId}`;
/** A write per step would cost a round trip per file on the cloud database; twice a second is enough to watch. */
const MIN_INTERVAL_MS = 500;

export class ProgressReporter {
  private version = 0;
  private last = 0;
  private done = 0;
  private stage = '准备中';
  /** The server's time at the start (the context's clock, which tests and the dev clock move), and the timer's then. */
  private startedAt = 0;
  private startedTick = 0;
  private constructor(
    private readonly store: StoreOps,
    private readonly id: string,
    private readonly userId: string,
    private total: number,
    private readonly clock: () => number,
  ) {}

  /** Starts (or restarts, for a retried job id) the job's record. */
  static async start(ctx: Context, jobId: string, total: number, clock: () => number = Date.now): Promise<ProgressReporter> {
    const userId = ctx.user?._id ?? '';
    const r = new ProgressReporter(ctx.store, jobKey(userId, jobId), userId, total, clock);
    r.startedAt = ctx.now.getTime();
    r.startedTick = clock();
    const earlier = await ctx.store.get<PacketJob>('packetJobs', r.id);
    const at = ctx.now.toISOString();
    try {
      const saved = earlier ? await ctx.store.update<PacketJob>('packetJobs', r.id, earlier.version, r.fields(false, at)) : await ctx.store.insert<PacketJob>('packetJobs', { _id: r.id, ...r.fields(false, at) });
      r.version = saved.version;
    } catch {
      // Another call with the same job id: this build goes on without reporting.
    }
    return r;
  }

  private fields(finished: boolean, at: string) {
    return { userId: this.userId, stage: this.stage, done: this.done, total: this.total, finished, updatedAt: at };
  }

  private async write(finished: boolean): Promise<void> {
    if (this.version === 0) return;
    try {
      const next = await this.store.update<PacketJob>('packetJobs', this.id, this.version, this.fields(finished, new Date(this.startedAt + this.clock() - this.startedTick).toISOString()));
      this.version = next.version;
    } catch {
      // Progress is for watching only: a lost write never fails the build.
    }
    this.last = this.clock();
  }

  grow(total: number): void {
    this.total = Math.max(this.total, total);
  }

  /** One more unit done, in `stage`; written when enough time has passed. */
  async step(stage: string, units = 1): Promise<void> {
    this.done = Math.min(this.total, this.done + units);
    const changed = stage !== this.stage;
    this.stage = stage;
    if (changed || this.clock() - this.last >= MIN_INTERVAL_MS) await this.write(false);
  }

  async finish(stage = '已完成'): Promise<void> {
    this.stage = stage;
    this.done = this.total;
    await this.write(true);
  }
}

/** export.packetProgress: the caller's own job only. */
export async function packetProgress(ctx: Context, input: ParsedInputOf<'export.packetProgress'>): Promise<OutputOf<'export.packetProgress'>> {
  const job = await ctx.store.get<PacketJob>('packetJobs', jobKey(ctx.user?._id ?? '', input.jobId));
  if (!job) return { found: false, stage: '准备中', done: 0, total: 0, finished: false };
  return { found: true, stage: job.stage, done: job.done, total: job.total, finished: job.finished };
}

import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * A FIFO async mutex: one SQLite connection serves one transaction at a time. It is
 * re-entrant within the async context that holds it, so a store call made from inside a
 * transaction callback runs inside that transaction instead of waiting for it forever.
 */
export class AsyncLock {
  private tail: Promise<void> = Promise.resolve();
  private readonly holder = new AsyncLocalStorage<boolean>();

  async run<R>(fn: () => Promise<R>): Promise<R> {
    if (this.holder.getStore()) return fn();
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => next);
    await previous;
    try {
      return await this.holder.run(true, fn);
    } finally {
      release();
    }
  }
}

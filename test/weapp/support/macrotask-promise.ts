// DOUBLE of the Promise WeChat gives the logic layer on iOS 15 and below: a polyfill whose
// callbacks run as setTimeout tasks, not microtasks ("JavaScript 支持情况": on those iPhones a
// `.then` runs after the timers already queued). As the setTimeout fallbacks of core-js and
// es6-promise do, reactions wait in one queue that a single timer flushes (a reaction queued
// during the flush runs in the same task). WeChat does not publish its polyfill's code, so this
// reproduces the documented timing only. An unhandled rejection is reported (console.error), as
// WeChat's console shows "Uncaught (in promise)".
type Schedule = (fn: () => void, ms: number) => unknown;
type Report = (...args: unknown[]) => void;
type Executor = (resolve: (v?: unknown) => void, reject: (e?: unknown) => void) => void;
type Then = (onFulfilled?: ((v: unknown) => unknown) | null, onRejected?: ((e: unknown) => unknown) | null) => unknown;

/** How many promises the doubles made in this worker (a test checks the app's own code uses it). */
export const made = { promises: 0 };

const isThenable = (v: unknown): v is { then: unknown } => (typeof v === 'object' && v !== null) || typeof v === 'function';

/** A Promise class for the sandbox, its callbacks run by `schedule` (the sandbox's setTimeout). */
export function macrotaskPromise(schedule: Schedule, report: Report): PromiseConstructor {
  const queue: Array<() => void> = [];
  let flushing = false;
  const enqueue = (job: () => void) => {
    queue.push(job);
    if (queue.length === 1 && !flushing) schedule(flush, 0);
  };
  const flush = () => {
    flushing = true;
    try {
      for (let job = queue.shift(); job; job = queue.shift()) job();
    } finally {
      flushing = false;
    }
  };

  class MacrotaskPromise {
    #state: 'pending' | 'fulfilled' | 'rejected' = 'pending';
    #value: unknown;
    #reactions: Array<() => void> = [];
    #handled = false;

    constructor(executor: Executor) {
      if (typeof executor !== 'function') throw new TypeError('Promise resolver is not a function');
      made.promises++;
      const [resolve, reject] = this.#resolvers();
      try {
        executor(resolve, reject);
      } catch (e) {
        reject(e);
      }
    }

    #resolvers(): [(v?: unknown) => void, (e?: unknown) => void] {
      let done = false;
      return [
        (v) => {
          if (done) return;
          done = true;
          this.#resolve(v);
        },
        (e) => {
          if (done) return;
          done = true;
          this.#settle('rejected', e);
        },
      ];
    }

    #resolve(v: unknown): void {
      if (v === this) return this.#settle('rejected', new TypeError('Chaining cycle detected for promise'));
      if (!isThenable(v)) return this.#settle('fulfilled', v);
      let then: unknown;
      try {
        then = (v as { then: unknown }).then;
      } catch (e) {
        return this.#settle('rejected', e);
      }
      if (typeof then !== 'function') return this.#settle('fulfilled', v);
      // A thenable is followed in a job of its own, as the specification's PromiseResolveThenableJob.
      enqueue(() => {
        const [resolve, reject] = this.#resolvers();
        try {
          (then as Then).call(v, resolve, reject);
        } catch (e) {
          reject(e);
        }
      });
    }

    #settle(state: 'fulfilled' | 'rejected', value: unknown): void {
      if (this.#state !== 'pending') return;
      this.#state = state;
      this.#value = value;
      for (const r of this.#reactions.splice(0)) enqueue(r);
      if (state === 'rejected')
        enqueue(() => {
          if (!this.#handled) report('Uncaught (in promise)', value instanceof Error ? (value.stack ?? value.message) : value);
        });
    }

    then(onFulfilled?: ((v: unknown) => unknown) | null, onRejected?: ((e: unknown) => unknown) | null): MacrotaskPromise {
      this.#handled = true;
      return new MacrotaskPromise((resolve, reject) => {
        const react = () => {
          const fn = this.#state === 'fulfilled' ? onFulfilled : onRejected;
          if (typeof fn !== 'function') return this.#state === 'fulfilled' ? resolve(this.#value) : reject(this.#value);
          try {
            resolve(fn(this.#value));
          } catch (e) {
            reject(e);
          }
        };
        if (this.#state === 'pending') this.#reactions.push(react);
        else enqueue(react);
      });
    }

    catch(onRejected?: ((e: unknown) => unknown) | null): MacrotaskPromise {
      return this.then(undefined, onRejected);
    }

    finally(onFinally?: (() => void) | null): MacrotaskPromise {
      if (typeof onFinally !== 'function') return this.then(onFinally, onFinally);
      return this.then(
        (v) => MacrotaskPromise.resolve(onFinally()).then(() => v),
        (e) =>
          MacrotaskPromise.resolve(onFinally()).then(() => {
            throw e;
          }),
      );
    }

    get [Symbol.toStringTag]() {
      return 'Promise';
    }

    static resolve(v?: unknown): MacrotaskPromise {
      if (v instanceof MacrotaskPromise) return v;
      return new MacrotaskPromise((resolve) => resolve(v));
    }

    static reject(e?: unknown): MacrotaskPromise {
      return new MacrotaskPromise((_, reject) => reject(e));
    }

    static all(items: Iterable<unknown>): MacrotaskPromise {
      return new MacrotaskPromise((resolve, reject) => {
        const list = [...items];
        const out: unknown[] = new Array(list.length);
        let left = list.length;
        if (left === 0) return resolve(out);
        list.forEach((item, i) =>
          MacrotaskPromise.resolve(item).then((v) => {
            out[i] = v;
            if (--left === 0) resolve(out);
          }, reject),
        );
      });
    }

    static allSettled(items: Iterable<unknown>): MacrotaskPromise {
      return MacrotaskPromise.all(
        [...items].map((item) =>
          MacrotaskPromise.resolve(item).then(
            (value) => ({ status: 'fulfilled', value }),
            (reason) => ({ status: 'rejected', reason }),
          ),
        ),
      );
    }

    static race(items: Iterable<unknown>): MacrotaskPromise {
      return new MacrotaskPromise((resolve, reject) => {
        for (const item of items) MacrotaskPromise.resolve(item).then(resolve, reject);
      });
    }

    static any(items: Iterable<unknown>): MacrotaskPromise {
      return new MacrotaskPromise((resolve, reject) => {
        const list = [...items];
        const errors: unknown[] = new Array(list.length);
        let left = list.length;
        if (left === 0) return reject(new AggregateError([], 'All promises were rejected'));
        list.forEach((item, i) =>
          MacrotaskPromise.resolve(item).then(resolve, (e) => {
            errors[i] = e;
            if (--left === 0) reject(new AggregateError(errors, 'All promises were rejected'));
          }),
        );
      });
    }
  }
  return MacrotaskPromise as unknown as PromiseConstructor;
}

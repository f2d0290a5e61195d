// Setup file of the 'weapp-ios15' vitest project: the same weapp tests again, with the sandbox's
// Promise replaced by the DOUBLE of WeChat's iOS ≤15 polyfill (macrotask-promise.ts), so a page
// that relies on a `.then` running before a timer already queued fails here.
import { beforeEach } from 'vitest';
import { macrotaskPromise } from './macrotask-promise';
import { onSandbox } from './sandbox';

onSandbox('ios15-promise', (context) => {
  const schedule = context.setTimeout as (fn: () => void, ms: number) => unknown;
  const report = (context.console as { error: (...a: unknown[]) => void }).error;
  context.Promise = macrotaskPromise(schedule, report);
});

// scripts/test.mjs counts these tests apart from the first run of the same files.
beforeEach((ctx) => {
  ctx.task.meta.promiseTiming = 'ios15-macrotask';
});

declare module 'vitest' {
  interface TaskMeta {
    promiseTiming?: string;
  }
}

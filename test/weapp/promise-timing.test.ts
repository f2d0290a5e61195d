// Which Promise the app's sandbox has: V8's own (callbacks are microtasks, before any timer) in the
// 'weapp' project, and the double of WeChat's iOS ≤15 polyfill (callbacks are setTimeout tasks,
// after the timers already queued) in 'weapp-ios15' (support/ios15-promise.ts).
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { HOST } from '../support/harness';
import { made } from './support/macrotask-promise';
import { sandboxChanges } from './support/sandbox';
import { useWeapp } from './support/session';

const w = useWeapp();
const ios15 = sandboxChanges().includes('ios15-promise');

describe(`the sandbox's Promise (${ios15 ? 'iOS ≤15: macrotasks' : 'microtasks'})`, () => {
  it('runs a .then after a timer queued before it only on iOS ≤15', async () => {
    const order: string[] = [];
    w.rt.sandbox.note = (s: string) => void order.push(s);
    vm.runInContext(
      `setTimeout(() => note('timer'), 0);
       Promise.resolve().then(() => note('then')).then(() => note('then again'));
       (async () => { await null; note('await'); })();
       Promise.reject(new Error('nobody handles this')).catch(() => note('caught'));`,
      w.rt.sandbox,
    );
    await w.rt.settle();
    if (ios15) expect(order).toEqual(['await', 'timer', 'then', 'caught', 'then again']);
    else expect(order).toEqual(['then', 'await', 'caught', 'then again', 'timer']);
  });

  it('is the Promise the app’s own code uses (Taro, React, the api client)', async () => {
    const before = made.promises;
    w.rt.as(HOST);
    await w.me.open('/pages/index/index');
    await w.me.waitFor('张晓明，您好');
    if (ios15) expect(made.promises - before).toBeGreaterThan(10);
    else expect(made.promises - before).toBe(0);
  });

  // (V8's own unhandled rejection goes to Node, which fails the run: that one is not provoked here.)
  it.runIf(ios15)('reports a rejection nobody handles, as WeChat’s console does', async () => {
    w.rt.errors.length = 0;
    vm.runInContext(`Promise.reject(new Error('lost'))`, w.rt.sandbox);
    await w.rt.settle();
    expect(w.rt.errors.join('\n')).toMatch(/Uncaught \(in promise\).*lost/s);
    w.rt.errors.length = 0;
  });
});

// One browser test file's setup: builds once, starts Chromium and a local host with a fresh
// database, hands out phones (one browser context per person), and closes it all afterwards.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ensureBuilt } from './build-once';
import { launchBrowser } from './chromium';
import { startBuiltLocalHost, type BuiltLocalHost } from './local-host';
import { openPhone, shot as shotTo, signIn as signInAs } from './phone';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A procedure's raw answer, as the app receives it. */
export interface Answer<T = unknown> {
  ok: boolean;
  data?: T;
  error?: { code: string; message: string };
}

export interface E2e {
  /** The local host (available once the suite's beforeAll ran). */
  readonly host: BuiltLocalHost;
  readonly browser: Browser;
  /** Where screenshots (and files a test keeps) go: test-results/<shots>. */
  readonly shots: string;
  /** Every phone opened so far. */
  readonly pages: Page[];
  /** Uncaught errors of any page: a test ends by expecting none. */
  readonly pageErrors: string[];
  /** A phone for one person (its own cookies). */
  phone(): Promise<Page>;
  signIn(page: Page, openid: string): Promise<void>;
  /** A screenshot into test-results/<shots>/<name>.png. */
  shot(page: Page, name: string): Promise<void>;
  /** Calls a procedure as the person signed in on `who` (a phone) or as the demo identity `who`, as the app does. */
  call<T>(who: Page | string, procedure: string, input: unknown): Promise<Answer<T>>;
  /** The same, failing the test when the call fails. */
  ok<T>(who: Page | string, procedure: string, input: unknown): Promise<T>;
}

/** Registers the suite's beforeAll/afterAll; screenshots go to test-results/<shots>; `demo` seeds the demo university. */
export function useE2e(shots = 'e2e', options: { demo?: boolean; seed?: 'none' } = {}): E2e {
  const dir = path.join(ROOT, 'test-results', shots);
  let browser: Browser | undefined;
  let host: BuiltLocalHost | undefined;
  const pages: Page[] = [];
  const pageErrors: string[] = [];
  const started = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`${what} is not started: use it inside a test`);
    return value;
  };

  beforeAll(async () => {
    await ensureBuilt();
    mkdirSync(dir, { recursive: true });
    [browser, host] = await Promise.all([launchBrowser(), startBuiltLocalHost({ demo: options.demo, seed: options.seed })]);
  });
  afterAll(async () => {
    for (const p of pages) await p.context().close().catch(() => {});
    await browser?.close();
    await host?.stop();
  });

  const e2e: E2e = {
    get host() {
      return started(host, 'the local host');
    },
    get browser() {
      return started(browser, 'the browser');
    },
    shots: dir,
    pages,
    pageErrors,
    async phone() {
      const page = await openPhone(e2e.browser, pageErrors);
      pages.push(page);
      return page;
    },
    signIn: (page, openid) => signInAs(page, e2e.host.url, openid),
    shot: (page, name) => shotTo(page, dir, name),
    async call<T>(who: Page | string, procedure: string, input: unknown): Promise<Answer<T>> {
      const url = `${e2e.host.url}/api/${procedure}`;
      if (typeof who !== 'string') return (await (await who.request.post(url, { data: { input } })).json()) as Answer<T>;
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `dev_openid=${who}` },
        body: JSON.stringify({ input }),
      });
      return (await res.json()) as Answer<T>;
    },
    async ok<T>(who: Page | string, procedure: string, input: unknown): Promise<T> {
      const body = await e2e.call<T>(who, procedure, input);
      if (!body.ok) throw new Error(`${procedure}: ${body.error?.code} ${body.error?.message}`);
      return body.data as T;
    },
  };
  return e2e;
}

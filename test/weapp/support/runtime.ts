// DOUBLE of WeChat's mini-program runtime, for the weapp tests. It loads the REAL compiled
// dist/weapp (app.js, runtime, taro, vendors, common, each page's JS and its subpackage chunks)
// in a fresh V8 context that has only what WeChat's logic layer has: App, Page, Component,
// Behavior, getApp, getCurrentPages, require, wx and timers (no window, document, process).
// It keeps the page stack (navigateTo, redirectTo, navigateBack, switchTab, reLaunch, with
// WeChat's 10-page limit), runs each page's lifecycle with its query, applies setData paths to
// the page's data (Taro's `root.cn` tree) and dispatches the events Taro's handlers receive,
// bubbling through the elements whose template binds them. wx.cloud.callFunction goes to the
// real router (cloud.ts) with the test's identity as the OPENID.
// After each setData it draws the page's data through the WXML that WeChat's compiler made of the
// build (wxml.ts): what a person sees is read from that drawn tree, and a warning of WeChat's WXML
// runtime ("Template … not found") is kept in `warnings` (session.ts fails the test on one).
// NOT reproduced: layout (no WXSS applied, sizes are fixed),
// real timing (timers are Node's; no frame rate, no bridge latency), the view layer's own
// state (an input shows what the page last set), and WeChat's lazy injection of code.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import type { CloudSide } from './cloud';
import { createLoader, parseUrl, setPath } from './loading';
import { readTemplates, walk, propOf, type Templates, type TreeNode } from './tree';
import { shapeOf, type Shape } from './drawn';
import { createView, type Element } from './wxml';
import { createWx, type Device, type WxCall, type WxState } from './wx';
import type { PrivacyDouble } from './privacy';
import { prepareSandbox } from './sandbox';

export const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'dist', 'weapp');
const MAX_STACK = 10;

export interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  tabBar?: { list: Array<{ pagePath: string; text: string }> };
}

/** One setData as the view layer receives it: the page, when (the double's clock, ms), the payload's JSON bytes, and the drawn tree's shape after it. */
export interface Frame {
  route: string;
  at: number;
  bytes: number;
  shape: Shape;
  /** How long the double took to draw it (what drawing adds to a test's time). */
  drawMs: number;
}

export type PageConfig = Record<string, unknown> & { data?: Record<string, unknown> };

/** A page instance as WeChat makes it from the Page() config, with what it was opened with. */
export interface PageInstance {
  route: string;
  __route__: string;
  options: Record<string, string>;
  data: { root?: TreeNode } & Record<string, unknown>;
  setData(data: Record<string, unknown>, cb?: () => void): void;
  [method: string]: unknown;
}

export interface Runtime {
  appJson: AppJson;
  templates: Templates;
  device: Device;
  /** The `wx` object the app sees (a test may call it as the app would). */
  wx: Record<string, unknown>;
  log: WxCall[];
  state: WxState;
  privacy: PrivacyDouble;
  /** Errors the app threw or rejected with, and console.error lines. */
  errors: string[];
  /** What WeChat's WXML runtime printed while drawing a page (`route: WXMLRT_$gwx:…`). */
  warnings: string[];
  /** Every setData of every page, in order (the 体验评分 figures are read from these). */
  frames: Frame[];
  /** The double's clock (ms): when a frame happened. */
  now(): number;
  /** What the page shows: its data drawn through the compiled WXML after its last setData. */
  drawn(page: PageInstance): Element;
  stack(): PageInstance[];
  top(): PageInstance;
  /** The OPENID the cloud passes with each call from now on. */
  as(openid: string): void;
  /** Opens `url` as the only page (reLaunch) and waits until it has settled. */
  open(url: string): Promise<PageInstance>;
  /** The navigation bar's back arrow (WeChat's own, not an app call), then waits for the page. */
  back(): Promise<PageInstance>;
  /** The person pulls the page down (onPullDownRefresh, when the page's config enables it), then waits. */
  pullDown(): Promise<void>;
  /** Waits until no call, timer (under 200 ms) or setData is pending. */
  settle(): Promise<void>;
  /** The person leaves WeChat and comes back (the app's and the top page's onHide, then onShow), then waits. */
  returnFromBackground(): Promise<void>;
  /** The WeChat event, bubbled through the elements that bind it, starting at `target`. */
  dispatch(page: PageInstance, target: TreeNode, ancestors: TreeNode[], type: string, detail: Record<string, unknown>): void;
  /** The V8 context the app runs in (its own Promise, JSON, timers). */
  sandbox: vm.Context;
  /** The navigation-bar title of a page (its config, or what setNavigationBarTitle set). */
  title(page: PageInstance): string;
  cloud: CloudSide;
}

export function createRuntime(cloud: CloudSide, device: Partial<Device> = {}): Runtime {
  const appJson = JSON.parse(readFileSync(path.join(DIST, 'app.json'), 'utf8')) as AppJson;
  const templates = readTemplates(path.join(DIST, 'base.wxml'));
  const allPages = [...appJson.pages, ...(appJson.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))];
  const tabRoutes = new Set((appJson.tabBar?.list ?? []).map((t) => t.pagePath));
  const dev: Device = { chatFiles: [], album: [], albumPermission: 'granted', subscribeAnswer: 'accept', modalConfirm: true, fontSizeScaleFactor: 1, ...device };
  const errors: string[] = [];
  const warnings: string[] = [];
  const frames: Frame[] = [];
  const view = createView(DIST);
  const drawnTrees = new WeakMap<PageInstance, Element>();
  const draw = (page: PageInstance): Element => {
    const { tree, warnings: said } = view.render(page.route, page.data);
    for (const w of said) warnings.push(`${page.route}: ${w}`);
    drawnTrees.set(page, tree);
    return tree;
  };
  let openid = 'dev-member-1';
  let tapDepth = 0;
  let inFlight = 0;
  let lastActivity = Date.now();
  const timers = new Map<unknown, number>();
  const stack: PageInstance[] = [];
  const tabCache = new Map<string, PageInstance>();
  const titles = new WeakMap<PageInstance, string>();
  const configs = new Map<string, PageConfig>();
  let loadingRoute: string | null = null;
  let appInstance: Record<string, unknown> | null = null;
  let webviewId = 0;

  const track = <T>(p: Promise<T>): Promise<T> => {
    inFlight++;
    lastActivity = Date.now();
    return p.finally(() => {
      inFlight--;
      lastActivity = Date.now();
    });
  };
  /** The app's wx.onPageNotFound handlers. */
  const notFound: Array<(res: unknown) => void> = [];
  const context = vm.createContext({});
  const appJSON = vm.runInContext('JSON', context) as JSON;
  const toApp = (v: unknown) => (v === undefined ? undefined : appJSON.parse(JSON.stringify(v)));

  const wxParts = createWx(
    {
      cloud,
      openid: () => openid,
      topRoute: () => stack.at(-1)?.route ?? null,
      isTabPage: () => tabRoutes.has(stack.at(-1)?.route ?? ''),
      duringTap: () => tapDepth > 0,
      navigate: (api, o) => navigate(api, o),
      nodeById(id) {
        const page = stack.at(-1);
        if (!page?.data.root) return null;
        for (const f of walk(templates, page.data.root)) if (f.node.uid === id) return { tag: f.tag, width: 300, height: 150 };
        return null;
      },
      track,
      toApp,
      onPageNotFound: (handler) => void notFound.push(handler),
    },
    dev,
  );

  // Timers as WeChat's logic layer has them; the runtime counts the short ones to know when a page has settled.
  const wrapTimer = (fn: unknown, ms: unknown, repeat: boolean) => {
    const delay = Number(ms ?? 0);
    const run = () => {
      if (!repeat) timers.delete(handle);
      lastActivity = Date.now();
      try {
        if (typeof fn === 'function') (fn as () => void)();
      } catch (e) {
        errors.push(`timer: ${String((e as Error)?.stack ?? e)}`);
      }
    };
    const handle = repeat ? setInterval(run, delay) : setTimeout(run, delay);
    if (!repeat) timers.set(handle, Date.now() + delay);
    return handle;
  };
  const report = (label: string) => (...args: unknown[]) => {
    errors.push(`${label}: ${args.map((a) => (a instanceof Object && 'stack' in a ? String((a as Error).stack) : String(a))).join(' ')}`);
  };

  const requireFile = createLoader(context);
  Object.assign(context, {
    wx: wxParts.wx,
    console: { log: () => {}, info: () => {}, debug: () => {}, warn: () => {}, error: report('console.error') },
    setTimeout: (fn: unknown, ms: unknown) => wrapTimer(fn, ms, false),
    setInterval: (fn: unknown, ms: unknown) => wrapTimer(fn, ms, true),
    clearTimeout: (h: ReturnType<typeof setTimeout>) => {
      timers.delete(h);
      clearTimeout(h);
    },
    clearInterval: (h: ReturnType<typeof setInterval>) => clearInterval(h),
    App(config: Record<string, unknown>) {
      appInstance = config;
    },
    Page(config: PageConfig) {
      if (!loadingRoute) throw new Error('Page() called outside a page file');
      configs.set(loadingRoute, config);
    },
    Component: () => undefined,
    Behavior: (b: unknown) => b,
    getApp: () => appInstance,
    getCurrentPages: () => [...stack],
  });
  vm.runInContext('globalThis.addEventListener = undefined;', context);
  prepareSandbox(context);

  function instantiate(route: string, query: Record<string, string>): PageInstance {
    if (!allPages.includes(route)) throw { errMsg: `page "${route}" is not found` };
    if (!configs.has(route)) {
      loadingRoute = route;
      try {
        requireFile(path.join(DIST, route));
      } finally {
        loadingRoute = null;
      }
      if (!configs.has(route)) throw new Error(`${route}.js did not call Page()`);
    }
    const config = configs.get(route) as PageConfig;
    const page = { ...config } as unknown as PageInstance;
    Object.assign(page, {
      route,
      __route__: route,
      options: query,
      __wxWebviewId__: ++webviewId,
      __wxExparserNodeId__: `page-${webviewId}`,
      data: JSON.parse(JSON.stringify(config.data ?? {})) as PageInstance['data'],
      setData(data: Record<string, unknown>, cb?: () => void) {
        lastActivity = Date.now();
        // What crosses WeChat's bridge to the view layer: the payload as JSON.
        const payload = JSON.stringify(data);
        const sent = JSON.parse(payload) as Record<string, unknown>;
        for (const k of Object.keys(data)) setPath(page.data, k, sent[k]);
        const drawStarted = performance.now();
        const shape = shapeOf(draw(page));
        frames.push({ route, at: Date.now(), bytes: Buffer.byteLength(payload), shape, drawMs: performance.now() - drawStarted });
        if (cb) void track(new Promise((r) => setTimeout(r, 0)).then(() => cb()));
      },
      selectComponent: () => null,
      selectAllComponents: () => [],
      createSelectorQuery: () => (wxParts.wx.createSelectorQuery as () => unknown)(),
      getOpenerEventChannel: () => ({ on: () => undefined, emit: () => undefined, once: () => undefined }),
      getPageId: () => `page-${webviewId}`,
    });
    const json = path.join(DIST, `${route}.json`);
    const own = existsSync(json) ? (JSON.parse(readFileSync(json, 'utf8')) as { navigationBarTitleText?: string }).navigationBarTitleText : undefined;
    titles.set(page, own ?? '');
    draw(page);
    return page;
  }

  const call = (page: PageInstance, name: string, ...args: unknown[]) => {
    const fn = page[name];
    if (typeof fn !== 'function') return undefined;
    try {
      return (fn as (...a: unknown[]) => unknown).apply(page, args);
    } catch (e) {
      errors.push(`${page.route}.${name}: ${String((e as Error)?.stack ?? e)}`);
      return undefined;
    }
  };
  const show = (page: PageInstance) => {
    call(page, 'onShow');
  };
  const load = (page: PageInstance) => {
    call(page, 'onLoad', toApp(page.options));
    call(page, 'onShow');
    void track(new Promise((r) => setTimeout(r, 0)).then(() => call(page, 'onReady')));
  };
  const unload = (page: PageInstance) => {
    call(page, 'onUnload');
    tabCache.delete(page.route);
  };

  async function navigate(api: string, o: Record<string, unknown>): Promise<void> {
    const top = stack.at(-1) ?? null;
    if (api === 'navigateBack') {
      const delta = Math.max(1, Number(o.delta ?? 1));
      if (stack.length <= 1) throw { errMsg: 'navigateBack:fail cannot navigate back at first page.' };
      for (let i = 0; i < delta && stack.length > 1; i++) unload(stack.pop() as PageInstance);
      show(stack.at(-1) as PageInstance);
      return;
    }
    const { route, query } = parseUrl(String(o.url ?? ''), top?.route ?? null);
    if (!allPages.includes(route)) throw { errMsg: `${api}:fail page "${route}" is not found` };
    const isTab = tabRoutes.has(route);
    if ((api === 'navigateTo' || api === 'redirectTo') && isTab) throw { errMsg: `${api}:fail can not ${api} a tabbar page` };
    if (api === 'switchTab' && !isTab) throw { errMsg: 'switchTab:fail can not switch to no-tabBar page' };
    if (api === 'navigateTo' && stack.length >= MAX_STACK) throw { errMsg: 'navigateTo:fail webview count limit exceed' };
    if (api === 'navigateTo') {
      if (top) call(top, 'onHide');
      const page = instantiate(route, query);
      stack.push(page);
      load(page);
    } else if (api === 'redirectTo') {
      const page = instantiate(route, query);
      if (top) unload(stack.pop() as PageInstance);
      stack.push(page);
      load(page);
    } else if (api === 'switchTab') {
      while (stack.length) {
        const p = stack.pop() as PageInstance;
        if (tabRoutes.has(p.route)) call(p, 'onHide');
        else unload(p);
      }
      const kept = tabCache.get(route);
      if (kept) {
        stack.push(kept);
        show(kept);
      } else {
        const page = instantiate(route, {});
        tabCache.set(route, page);
        stack.push(page);
        load(page);
      }
    } else if (api === 'reLaunch') {
      while (stack.length) unload(stack.pop() as PageInstance);
      for (const p of tabCache.values()) unload(p);
      const page = instantiate(route, query);
      if (isTab) tabCache.set(route, page);
      stack.push(page);
      load(page);
    }
  }

  async function settle(): Promise<void> {
    const started = Date.now();
    let quiet = 0;
    while (quiet < 3) {
      await new Promise((r) => setTimeout(r, 5));
      const now = Date.now();
      const shortTimers = [...timers.values()].filter((due) => due - now < 200).length;
      if (inFlight === 0 && shortTimers === 0 && now - lastActivity >= 5) quiet++;
      else quiet = 0;
      if (now - started > 15_000) throw new Error(`the page did not settle in 15 s (${inFlight} calls in flight, ${shortTimers} short timers)`);
    }
  }

  let launched = false;
  function launch(route: string, query: Record<string, string>) {
    requireFile(path.join(DIST, 'app.js'));
    if (!appInstance) throw new Error('app.js did not call App()');
    const options = toApp({ path: route, query, scene: 1001, referrerInfo: {} });
    for (const hook of ['onLaunch', 'onShow']) {
      const fn = appInstance[hook];
      if (typeof fn === 'function') (fn as (o: unknown) => void).call(appInstance, options);
    }
    launched = true;
  }

  const runtime: Runtime = {
    appJson,
    templates,
    device: dev,
    wx: wxParts.wx,
    log: wxParts.log,
    state: wxParts.state,
    privacy: wxParts.privacy,
    errors,
    sandbox: context,
    warnings,
    frames,
    now: () => Date.now(),
    drawn: (page) => drawnTrees.get(page) ?? draw(page),
    cloud,
    stack: () => [...stack],
    top: () => {
      const t = stack.at(-1);
      if (!t) throw new Error('no page is open');
      return t;
    },
    as(id) {
      openid = id;
    },
    async returnFromBackground() {
      const page = stack.at(-1);
      for (const hook of ['onHide', 'onShow']) {
        const fn = appInstance?.[hook];
        if (typeof fn === 'function') (fn as (o: unknown) => void).call(appInstance, toApp({ path: page?.route ?? '', query: {}, scene: 1001, referrerInfo: {} }));
        if (page) call(page, hook);
      }
      await settle();
    },
    async open(url) {
      const { route, query } = parseUrl(url, null);
      if (!launched) launch(route, query);
      if (!allPages.includes(route)) {
        // As WeChat does when a scan or a message opens a path the app lacks: onPageNotFound, then
        // whatever page the handler opened — or WeChat's own "页面不存在" when there is none.
        if (notFound.length === 0) throw new Error(`page "${route}" is not found, and the app has no onPageNotFound handler`);
        while (stack.length) unload(stack.pop() as PageInstance);
        for (const p of tabCache.values()) unload(p);
        tabCache.clear();
        for (const handler of notFound) handler(toApp({ path: route, query, isEntryPage: true }));
        await settle();
        return runtime.top();
      }
      await navigate('reLaunch', { url: url.startsWith('/') ? url : `/${url}` });
      await settle();
      return runtime.top();
    },
    async back() {
      await navigate('navigateBack', { delta: 1 });
      await settle();
      return runtime.top();
    },
    async pullDown() {
      const page = runtime.top();
      const json = path.join(DIST, `${page.route}.json`);
      const enabled = existsSync(json) && (JSON.parse(readFileSync(json, 'utf8')) as { enablePullDownRefresh?: boolean }).enablePullDownRefresh === true;
      if (!enabled) throw new Error(`${page.route} does not enable pull-down refresh`);
      call(page, 'onPullDownRefresh');
      await settle();
    },
    settle,
    dispatch(page, target, ancestors, type, detail) {
      const chain = [target, ...[...ancestors].reverse()];
      const ref = (n: TreeNode) => ({ id: String(n.uid ?? n.sid ?? ''), dataset: { sid: n.sid }, offsetLeft: 0, offsetTop: 0 });
      const isTap = type === 'tap';
      if (isTap) tapDepth++;
      try {
        for (const node of chain) {
          const t = templates.get(String(node.nn ?? ''));
          if (!t || !(t.binds.has(type) || t.catches.has(type))) continue;
          const event = { type, timeStamp: Date.now(), target: ref(target), currentTarget: ref(node), detail: toApp(detail), touches: [], changedTouches: [], mark: {}, mut: false };
          call(page, 'eh', event);
          if (t.catches.has(type)) break;
        }
        if (isTap && propOf(templates, target, 'open-type') === 'agreePrivacyAuthorization') {
          wxParts.privacy.agreeButtonTapped(String(target.uid ?? target.sid));
          const t = templates.get(String(target.nn ?? ''));
          if (t?.binds.has('agreeprivacyauthorization')) call(page, 'eh', { type: 'agreeprivacyauthorization', timeStamp: Date.now(), target: ref(target), currentTarget: ref(target), detail: toApp({}), mark: {} });
        }
      } finally {
        if (isTap) tapDepth--;
      }
      lastActivity = Date.now();
    },
    title(page) {
      const set = [...wxParts.log].reverse().find((c) => c.api === 'setNavigationBarTitle' && c.page === page.route);
      return set ? String((set.args as { title?: string }).title ?? '') : (titles.get(page) ?? '');
    },
  };
  return runtime;
}

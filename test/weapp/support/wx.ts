// DOUBLE of the `wx` object of WeChat's mini-program runtime (see runtime.ts for what the double
// as a whole does not reproduce). Every call is recorded in `log` with the page on top and
// whether it ran inside a tap handler. Callbacks answer asynchronously, as WeChat's do.
// What the person does on the phone outside the page (files in a chat, the album permission,
// the subscription dialog's answer, a modal's answer) is set beforehand on `device`.
import type { CloudSide } from './cloud';
import { createCanvasDouble, isCanvasDouble, type CanvasDouble } from './canvas';
import { privacyApis, type PrivacyDouble } from './privacy';

export interface WxCall {
  api: string;
  args: unknown;
  /** The route of the page on top of the stack when the call was made. */
  page: string | null;
  duringTap: boolean;
}

export interface Device {
  /** Files the person picks in a chat (chooseMessageFile); empty: they close the picker. */
  chatFiles: Array<{ name: string; bytes: Buffer }>;
  /** Photos the person picks (chooseMedia, chooseImage); empty: they close the picker. */
  album: Buffer[];
  /** scope.writePhotosAlbum: what the person answers (or answered before). */
  albumPermission: 'granted' | 'denied';
  /** The answer the subscription dialog gets for each template id. */
  subscribeAnswer: 'accept' | 'reject';
  /** Whether showModal's confirm (true) or cancel is tapped. */
  modalConfirm: boolean;
  /** WeChat's font size as a factor of the standard 17 px (wx.getAppBaseInfo): 1, or 1.4 for 关怀模式 (23.8 px). */
  fontSizeScaleFactor: number;
}

export interface WxState {
  toasts: string[];
  modals: Array<{ title: string; content: string }>;
  badges: Map<number, string>;
  clipboard: string;
  opened: Array<{ filePath: string; fileType?: string; showMenu?: boolean; bytes: Buffer }>;
  saved: Array<{ filePath: string; bytes: Buffer }>;
  previewed: Array<{ urls: string[]; current?: string }>;
  storage: Map<string, unknown>;
  /** wx APIs the app asked for that the double lacks. */
  missing: Set<string>;
}

/** What the runtime double gives the wx double. */
export interface WxHost {
  cloud: CloudSide;
  openid(): string;
  topRoute(): string | null;
  isTabPage(): boolean;
  duringTap(): boolean;
  /** Page navigation (navigateTo, redirectTo, switchTab, reLaunch, navigateBack); throws an errMsg. */
  navigate(api: string, options: Record<string, unknown>): Promise<void>;
  /** The node of the top page with that id, or null. */
  nodeById(id: string): { tag: string; width: number; height: number } | null;
  /** Counts work in flight so the runtime knows when the page has settled. */
  track<T>(p: Promise<T>): Promise<T>;
  /** A JSON value recreated inside the app's realm (what crosses WeChat's bridge is serialised). */
  toApp(value: unknown): unknown;
  /** wx.onPageNotFound: the app's handler for an entry path that is not one of its pages. */
  onPageNotFound(handler: (res: unknown) => void): void;
}

type Options = Record<string, unknown> & { success?: (r: unknown) => void; fail?: (r: unknown) => void; complete?: (r: unknown) => void };
type Impl = (o: Options, api: string, duringTap: boolean) => Promise<unknown> | unknown;

const imageExt = (b: Buffer) => (b.subarray(1, 4).toString() === 'PNG' ? 'png' : 'jpg');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Strips functions and buffers so the log holds what a person could read back. */
function loggable(v: unknown, depth = 0): unknown {
  if (typeof v === 'function') return undefined;
  if (v === null || typeof v !== 'object') return v;
  if (depth > 3) return '…';
  if (isCanvasDouble(v)) return '[canvas]';
  if (Array.isArray(v)) return v.map((x) => loggable(x, depth + 1));
  return Object.fromEntries(Object.entries(v).filter(([, x]) => typeof x !== 'function').map(([k, x]) => [k, loggable(x, depth + 1)]));
}

export function createWx(host: WxHost, device: Device): { wx: Record<string, unknown>; log: WxCall[]; state: WxState; privacy: PrivacyDouble; temp: Map<string, Buffer> } {
  const log: WxCall[] = [];
  const state: WxState = { toasts: [], modals: [], badges: new Map(), clipboard: '', opened: [], saved: [], previewed: [], storage: new Map(), missing: new Set() };
  const temp = new Map<string, Buffer>();
  let tempN = 0;
  const newTemp = (ext: string, bytes: Buffer) => {
    const p = `wxfile://tmp_${(++tempN).toString(36)}.${ext}`;
    temp.set(p, bytes);
    return p;
  };
  const record = (api: string, args: unknown) => log.push({ api, args: loggable(args), page: host.topRoute(), duringTap: host.duringTap() });
  const fail = (api: string, why: string) => ({ errMsg: `${api}:fail ${why}` });
  const privacy = privacyApis(host, record);

  /** An async API: callbacks when given, a promise otherwise (as WeChat does for most APIs). */
  const asyncApi = (api: string, impl: Impl, guarded = false) => (options: Options = {}) => {
    record(api, options);
    const tap = host.duringTap();
    const run = (async () => {
      await host.track(sleep(0));
      if (guarded) await privacy.gate(api);
      const res = await host.track(Promise.resolve().then(() => impl(options, api, tap)));
      return host.toApp({ errMsg: `${api}:ok`, ...(res as object) });
    })();
    const hasCallbacks = options.success || options.fail || options.complete;
    if (!hasCallbacks) return run;
    run.then(
      (r) => {
        options.success?.(r);
        options.complete?.(r);
      },
      (e: unknown) => {
        const r = host.toApp(typeof e === 'object' && e && 'errMsg' in e ? e : fail(api, String(e)));
        options.fail?.(r);
        options.complete?.(r);
      },
    );
    return undefined;
  };
  const syncApi = (api: string, impl: (...args: unknown[]) => unknown) => (...args: unknown[]) => {
    record(api, args.length === 1 ? args[0] : args);
    return impl(...args);
  };
  const noop = () => ({});

  const screen = { pixelRatio: 2, screenWidth: 375, screenHeight: 812, windowWidth: 375, windowHeight: 724, statusBarHeight: 44, safeArea: { left: 0, right: 375, top: 44, bottom: 778, width: 375, height: 734 } };
  const system = { ...screen, brand: 'devtools', model: 'iPhone X', system: 'iOS 16.0', platform: 'devtools', version: '8.0.50', SDKVersion: '3.3.4', language: 'zh_CN', theme: 'light', fontSizeSetting: 16 };

  async function download(url: string) {
    const res = await fetch(url);
    const bytes = Buffer.from(await res.arrayBuffer());
    const ext = /\.([a-z0-9]{1,5})(?:\?|$)/i.exec(decodeURIComponent(url))?.[1] ?? 'bin';
    return { tempFilePath: newTemp(ext, bytes), statusCode: res.status };
  }

  const api: Record<string, unknown> = {
    // Navigation and the page stack.
    navigateTo: asyncApi('navigateTo', (o, n) => host.navigate(n, o)),
    redirectTo: asyncApi('redirectTo', (o, n) => host.navigate(n, o)),
    switchTab: asyncApi('switchTab', (o, n) => host.navigate(n, o)),
    reLaunch: asyncApi('reLaunch', (o, n) => host.navigate(n, o)),
    navigateBack: asyncApi('navigateBack', (o, n) => host.navigate(n, o)),
    // Feedback.
    showToast: asyncApi('showToast', (o) => void state.toasts.push(String(o.title ?? ''))),
    hideToast: asyncApi('hideToast', noop),
    showLoading: asyncApi('showLoading', noop),
    hideLoading: asyncApi('hideLoading', noop),
    showModal: asyncApi('showModal', (o) => {
      state.modals.push({ title: String(o.title ?? ''), content: String(o.content ?? '') });
      return { confirm: device.modalConfirm, cancel: !device.modalConfirm };
    }),
    showActionSheet: asyncApi('showActionSheet', () => Promise.reject(fail('showActionSheet', 'cancel'))),
    setNavigationBarTitle: asyncApi('setNavigationBarTitle', noop),
    setNavigationBarColor: asyncApi('setNavigationBarColor', noop),
    stopPullDownRefresh: asyncApi('stopPullDownRefresh', noop),
    startPullDownRefresh: asyncApi('startPullDownRefresh', noop),
    pageScrollTo: asyncApi('pageScrollTo', noop),
    setTabBarBadge: asyncApi('setTabBarBadge', (o) => {
      if (!host.isTabPage()) throw fail('setTabBarBadge', 'not TabBar page');
      state.badges.set(Number(o.index), String(o.text));
    }),
    removeTabBarBadge: asyncApi('removeTabBarBadge', (o) => {
      if (!host.isTabPage()) throw fail('removeTabBarBadge', 'not TabBar page');
      state.badges.delete(Number(o.index));
    }),
    setClipboardData: asyncApi('setClipboardData', (o) => void (state.clipboard = String(o.data ?? ''))),
    getClipboardData: asyncApi('getClipboardData', () => ({ data: state.clipboard }), true),
    // Files and pictures.
    chooseMessageFile: asyncApi(
      'chooseMessageFile',
      (o) => {
        const picked = device.chatFiles.splice(0, Number(o.count ?? 1));
        if (picked.length === 0) throw fail('chooseMessageFile', 'cancel');
        return { tempFiles: picked.map((f) => ({ path: newTemp(f.name.split('.').pop() ?? 'bin', f.bytes), size: f.bytes.length, name: f.name, type: 'file', time: 1 })) };
      },
      true,
    ),
    chooseMedia: asyncApi(
      'chooseMedia',
      (o) => {
        const picked = device.album.splice(0, Number(o.count ?? 9));
        if (picked.length === 0) throw fail('chooseMedia', 'cancel');
        return { type: 'image', tempFiles: picked.map((b) => ({ tempFilePath: newTemp(imageExt(b), b), size: b.length, fileType: 'image' })) };
      },
      true,
    ),
    chooseImage: asyncApi(
      'chooseImage',
      (o) => {
        const picked = device.album.splice(0, Number(o.count ?? 9));
        if (picked.length === 0) throw fail('chooseImage', 'cancel');
        const paths = picked.map((b) => newTemp(imageExt(b), b));
        return { tempFilePaths: paths, tempFiles: paths.map((p, i) => ({ path: p, size: picked[i].length })) };
      },
      true,
    ),
    previewImage: asyncApi('previewImage', (o) => void state.previewed.push({ urls: (o.urls as string[]) ?? [], current: o.current as string | undefined })),
    openDocument: asyncApi('openDocument', (o) => {
      const bytes = temp.get(String(o.filePath));
      if (!bytes) throw fail('openDocument', `file not found ${String(o.filePath)}`);
      state.opened.push({ filePath: String(o.filePath), fileType: o.fileType as string | undefined, showMenu: o.showMenu as boolean | undefined, bytes });
    }),
    saveImageToPhotosAlbum: asyncApi(
      'saveImageToPhotosAlbum',
      (o) => {
        if (device.albumPermission === 'denied') throw fail('saveImageToPhotosAlbum', 'auth deny');
        const bytes = temp.get(String(o.filePath));
        if (!bytes) throw fail('saveImageToPhotosAlbum', 'invalid file type');
        state.saved.push({ filePath: String(o.filePath), bytes });
      },
      true,
    ),
    getSetting: asyncApi('getSetting', () => ({ authSetting: { 'scope.writePhotosAlbum': device.albumPermission === 'granted' } })),
    openSetting: asyncApi('openSetting', () => ({ authSetting: { 'scope.writePhotosAlbum': device.albumPermission === 'granted' } })),
    authorize: asyncApi('authorize', (o) => {
      if (o.scope === 'scope.writePhotosAlbum' && device.albumPermission === 'denied') throw fail('authorize', 'auth deny');
    }),
    // Canvas.
    createSelectorQuery: syncApi('createSelectorQuery', () => selectorQuery()),
    canvasToTempFilePath: asyncApi('canvasToTempFilePath', (o) => {
      const c = o.canvas as CanvasDouble | undefined;
      if (!isCanvasDouble(c)) throw fail('canvasToTempFilePath', 'canvas is empty');
      if (c.drawn() === 0) throw fail('canvasToTempFilePath', 'canvas is empty');
      return { tempFilePath: newTemp(String(o.fileType ?? 'png'), c.picture()) };
    }),
    // Network, answered by the loopback host.
    request: asyncApi('request', async (o) => {
      const res = await fetch(String(o.url), { method: String(o.method ?? 'GET'), headers: o.header as Record<string, string>, body: o.data === undefined || o.method === 'GET' ? undefined : JSON.stringify(o.data) });
      const text = await res.text();
      let data: unknown = text;
      try {
        data = JSON.parse(text);
      } catch {
        /* not JSON: WeChat answers the string */
      }
      return { data, statusCode: res.status, header: Object.fromEntries(res.headers) };
    }),
    downloadFile: asyncApi('downloadFile', (o) => download(String(o.url))),
    uploadFile: asyncApi('uploadFile', async (o) => {
      const bytes = temp.get(String(o.filePath));
      if (!bytes) throw fail('uploadFile', 'file not found');
      const form = new FormData();
      for (const [k, v] of Object.entries((o.formData as Record<string, string>) ?? {})) form.append(k, v);
      form.append(String(o.name ?? 'file'), new Blob([new Uint8Array(bytes)]), String(o.filePath).split('/').pop());
      const res = await fetch(String(o.url), { method: 'POST', body: form, headers: o.header as Record<string, string> });
      return { data: await res.text(), statusCode: res.status };
    }),
    // Subscription messages: WeChat opens the dialog only from a tap.
    requestSubscribeMessage: asyncApi('requestSubscribeMessage', (o, _api, duringTap) => {
      if (!duringTap) throw { errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.', errCode: 20004 };
      const ids = (o.tmplIds as string[]) ?? [];
      if (ids.length === 0 || ids.length > 3) throw fail('requestSubscribeMessage', 'invalid tmplIds');
      return Object.fromEntries(ids.map((id) => [id, device.subscribeAnswer]));
    }),
    // Storage.
    setStorageSync: syncApi('setStorageSync', (k, v) => void state.storage.set(String(k), JSON.parse(JSON.stringify(v ?? null)))),
    getStorageSync: syncApi('getStorageSync', (k) => (state.storage.has(String(k)) ? host.toApp(state.storage.get(String(k))) : '')),
    removeStorageSync: syncApi('removeStorageSync', (k) => void state.storage.delete(String(k))),
    clearStorageSync: syncApi('clearStorageSync', () => state.storage.clear()),
    setStorage: asyncApi('setStorage', (o) => void state.storage.set(String(o.key), JSON.parse(JSON.stringify(o.data ?? null)))),
    getStorage: asyncApi('getStorage', (o) => {
      if (!state.storage.has(String(o.key))) throw fail('getStorage', 'data not found');
      return { data: state.storage.get(String(o.key)) };
    }),
    removeStorage: asyncApi('removeStorage', (o) => void state.storage.delete(String(o.key))),
    // Device and app information.
    getSystemInfoSync: syncApi('getSystemInfoSync', () => host.toApp(system)),
    getSystemInfo: asyncApi('getSystemInfo', () => system),
    getWindowInfo: syncApi('getWindowInfo', () => host.toApp(screen)),
    getDeviceInfo: syncApi('getDeviceInfo', () => host.toApp({ brand: system.brand, model: system.model, system: system.system, platform: system.platform, pixelRatio: 2 })),
    getAppBaseInfo: syncApi('getAppBaseInfo', () =>
      host.toApp({ SDKVersion: system.SDKVersion, version: system.version, language: 'zh_CN', theme: 'light', fontSizeScaleFactor: device.fontSizeScaleFactor, fontSizeSetting: Math.round(17 * device.fontSizeScaleFactor * 10) / 10 }),
    ),
    getMenuButtonBoundingClientRect: syncApi('getMenuButtonBoundingClientRect', () => host.toApp({ width: 87, height: 32, top: 48, right: 368, bottom: 80, left: 281 })),
    getAccountInfoSync: syncApi('getAccountInfoSync', () => host.toApp({ miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' } })),
    canIUse: syncApi('canIUse', () => true),
    getUpdateManager: syncApi('getUpdateManager', () => ({ onCheckForUpdate: noop, onUpdateReady: noop, onUpdateFailed: noop, applyUpdate: noop })),
    login: asyncApi('login', () => ({ code: 'test-code' })),
    onAppShow: syncApi('onAppShow', noop),
    onAppHide: syncApi('onAppHide', noop),
    offAppShow: syncApi('offAppShow', noop),
    offAppHide: syncApi('offAppHide', noop),
    onError: syncApi('onError', noop),
    onUnhandledRejection: syncApi('onUnhandledRejection', noop),
    onPageNotFound: syncApi('onPageNotFound', (handler) => void host.onPageNotFound(handler as (res: unknown) => void)),
    onMemoryWarning: syncApi('onMemoryWarning', noop),
    onNetworkStatusChange: syncApi('onNetworkStatusChange', noop),
    reportAnalytics: syncApi('reportAnalytics', noop),
    nextTick: (fn: () => void) => void setTimeout(fn, 0),
    env: { USER_DATA_PATH: 'wxfile://usr' },
    ...privacy.wx,
    cloud: {
      init: syncApi('cloud.init', noop),
      callFunction: asyncApi('cloud.callFunction', async (o) => {
        if (o.name !== 'api') throw fail('cloud.callFunction', `FunctionName parameter could not be found: ${String(o.name)}`);
        // The cloud passes the caller's OPENID itself; the event is what the phone sent, serialised.
        const event = JSON.parse(JSON.stringify(o.data ?? {})) as unknown;
        const result = await host.cloud.router.call({ openid: host.openid() }, event);
        return { result: JSON.parse(JSON.stringify(result)) as unknown, requestID: `req-${log.length}` };
      }),
      uploadFile: asyncApi('cloud.uploadFile', (o) => {
        const bytes = temp.get(String(o.filePath));
        if (!bytes) throw fail('cloud.uploadFile', 'file not found');
        const fileID = host.cloud.fileIdFor(String(o.cloudPath));
        host.cloud.storage.set(fileID, bytes);
        return { fileID, statusCode: 204 };
      }),
      downloadFile: asyncApi('cloud.downloadFile', (o) => download(host.cloud.tempUrl(String(o.fileID)))),
      getTempFileURL: asyncApi('cloud.getTempFileURL', (o) => ({ fileList: ((o.fileList as string[]) ?? []).map((fileID) => ({ fileID, tempFileURL: host.cloud.tempUrl(fileID), status: 0 })) })),
    },
  };

  function selectorQuery() {
    const wanted: Array<{ id: string; fields: Record<string, unknown> }> = [];
    const query = {
      in: () => query,
      select(selector: string) {
        const id = selector.replace(/^#/, '');
        const ref = {
          fields(fields: Record<string, unknown>) {
            wanted.push({ id, fields });
            return query;
          },
          boundingClientRect() {
            wanted.push({ id, fields: { size: true, rect: true } });
            return query;
          },
          node() {
            wanted.push({ id, fields: { node: true } });
            return query;
          },
        };
        return ref;
      },
      selectViewport: () => ({ scrollOffset: () => query, boundingClientRect: () => query }),
      exec(cb?: (res: unknown[]) => void) {
        const answer = wanted.map(({ id, fields }) => {
          const found = host.nodeById(id);
          if (!found) return null;
          const out: Record<string, unknown> = { id, width: found.width, height: found.height };
          if (fields.node && found.tag === 'canvas') out.node = createCanvasDouble(record, found.width, found.height);
          return out;
        });
        void host.track(sleep(0).then(() => cb?.(answer)));
      },
    };
    return query;
  }

  const wx = new Proxy(api, {
    get(target, key, receiver) {
      if (typeof key === 'string' && !(key in target) && key !== 'webpackJsonp' && key !== 'then' && key !== 'toJSON') state.missing.add(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { wx, log, state, privacy: privacy.double, temp };
}

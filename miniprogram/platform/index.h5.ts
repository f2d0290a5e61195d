import Taro from '@tarojs/taro';
import type { Platform, UploadedDocument, UploadedImage } from './types';

const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
const DOCUMENT_ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.jpg,.jpeg,.png';

/** Opens the browser's file picker; resolves with the chosen files ([] when cancelled). */
function pickFiles(count: number): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = count > 1;
    input.accept = DOCUMENT_ACCEPT;
    // Attached (and hidden) so that it can be found and filled by automated browsers too.
    input.className = 'platform-file-input';
    input.style.display = 'none';
    const done = (files: File[]) => {
      input.remove();
      resolve(files.slice(0, count));
    };
    input.addEventListener('change', () => done(Array.from(input.files ?? [])));
    input.addEventListener('cancel', () => done([]));
    document.body.appendChild(input);
    input.click();
  });
}

async function uploadDocument(file: File): Promise<UploadedDocument> {
  if (file.size > MAX_DOCUMENT_BYTES) throw new Error(`「${file.name}」超过 20 MB，请压缩或拆分后再上传`);
  let res: Response;
  try {
    res = await fetch('/upload?kind=document', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': file.type || 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) },
      body: file,
    });
  } catch {
    throw new Error('网络连接失败，文件未上传，请检查网络后重试');
  }
  const body = (await res.json().catch(() => null)) as { ok: boolean; data?: UploadedDocument; error?: { message?: string } } | null;
  if (!body?.ok || !body.data) throw new Error(`「${file.name}」上传失败：${body?.error?.message ?? '请重试'}`);
  return body.data;
}

async function upload(blobUrl: string, name: string): Promise<UploadedImage> {
  const blob = await (await fetch(blobUrl)).blob();
  if (blob.size > MAX_IMAGE_BYTES) throw new Error('图片不能超过 5 MB，请压缩后再上传');
  const res = await fetch('/upload', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': blob.type || 'application/octet-stream', 'x-file-name': encodeURIComponent(name) },
    body: blob,
  });
  const body = (await res.json()) as { ok: boolean; data?: UploadedImage; error?: { message?: string } };
  if (!body.ok || !body.data) throw new Error(body.error?.message ?? '图片上传失败，请重试');
  return body.data;
}

/**
 * In a browser, POST <API_BASE>/api/<procedure> answers: the local host (same site, with its demo
 * sign-in), or — deployed — the api cloud function behind the HTTP access service, which answers
 * public procedures only (the showcase and 公示 pages; everything else is done in WeChat).
 */
const API_BASE = typeof H5_API_BASE === 'string' ? H5_API_BASE : '';
const SAME_SITE = API_BASE === '';

/** The PC's session token (扫码登录): in this browser's storage, sent only as a bearer header. */
const TOKEN_KEY = typeof H5_PC_TOKEN_KEY === 'string' ? H5_PC_TOKEN_KEY : 'dangjian.pcSession';
const PC_LOGIN_PAGE = '/pages/pc-login/index';
const storedToken = (): string | null => {
  try {
    return window.localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
};
const forgetToken = () => {
  try {
    window.localStorage.removeItem(TOKEN_KEY);
  } catch {
    /* storage blocked: nothing kept */
  }
};

/**
 * The home page's call that index.html's head already started (config/early-home.js), taken once
 * and only for the same session token: the page makes one call, not two.
 */
function takeEarlyHome(procedure: string, token: string | null): Promise<Response> | null {
  const early = window.__earlyHome;
  if (procedure !== 'home.open' || !early) return null;
  delete window.__earlyHome;
  return early.token === token ? early.response : null;
}

/** Set by the first call refused as signed out: the page is on its way to a sign-in. */
let leaving = false;

export const platform: Platform = {
  name: 'h5',
  signInUrl: SAME_SITE ? '/dev/sign-in' : null,
  pcSession: {
    signedIn: () => storedToken() !== null,
    keep(token) {
      window.localStorage.setItem(TOKEN_KEY, token);
    },
    forget: forgetToken,
  },
  launchScene: () => null,
  referrer: () => (typeof document !== 'undefined' && document.referrer ? document.referrer : null),
  watchWidth(onWidth) {
    const report = () => onWidth(window.innerWidth);
    report();
    window.addEventListener('resize', report);
    return () => window.removeEventListener('resize', report);
  },
  warnBeforeLeaving(message) {
    window.onbeforeunload = message
      ? (e: BeforeUnloadEvent) => {
          e.preventDefault();
          e.returnValue = message;
          return message;
        }
      : null;
  },
  watchSaveKey(onSave) {
    // Capture phase: Taro's input and textarea components stop the native keydown at the field and
    // re-emit their own (a CustomEvent without key or modifiers), so a bubbling listener never sees it.
    const onKey = (e: Event) => {
      if (!(e instanceof KeyboardEvent)) return;
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        onSave();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  },
  init() {
    // The browser's visitor id for counting views and likes of public pages (one browser, one
    // visitor); the web host sets it with a showcase page, and the app when it opens elsewhere.
    if (typeof document !== 'undefined' && !/(?:^|;\s*)vid=/.test(document.cookie)) {
      const bytes = new Uint8Array(16);
      crypto.getRandomValues(bytes);
      const id = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
      document.cookie = `vid=${id}; path=/; max-age=31536000; SameSite=Lax`;
    }
  },
  async callFunction({ procedure, input, requestId }) {
    const token = storedToken();
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const send = () =>
      fetch(`${API_BASE}/api/${encodeURIComponent(procedure)}`, {
        method: 'POST',
        headers,
        credentials: SAME_SITE ? 'same-origin' : 'omit',
        body: JSON.stringify({ input, requestId }),
      });
    const early = takeEarlyHome(procedure, token);
    // A failed early call (the network dropped) is simply made again.
    const res = early ? await early.catch(send) : await send();
    const onSignIn = window.location.pathname === PC_LOGIN_PAGE;
    if (res.status === 401 && !onSignIn && !leaving) {
      // Only the first refusal decides where to go: a second call refused on the same page finds
      // the token already forgotten and would send a signed-out PC to the demo sign-in instead.
      leaving = true;
      if (token || !SAME_SITE) {
        // Signed out on the phone, revoked or expired: back to the sign-in code.
        forgetToken();
        window.location.href = PC_LOGIN_PAGE;
      } else {
        // Back to this very page after signing in (e.g. an invitation link opened signed out).
        window.location.href = `/dev/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`;
      }
    }
    return res.json();
  },
  async chooseAndUploadImages(count) {
    let picked: Taro.chooseImage.SuccessCallbackResult;
    try {
      picked = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    } catch {
      return [];
    }
    const files = picked.tempFiles ?? [];
    const out: UploadedImage[] = [];
    for (const [i, path] of picked.tempFilePaths.entries()) {
      const original = files[i]?.originalFileObj as File | undefined;
      out.push(await upload(path, original?.name ?? `image-${i + 1}.jpg`));
    }
    return out;
  },
  chooseFilesLabel: '选择文件上传',
  async chooseAndUploadFiles(count) {
    const files = await pickFiles(count);
    const out: UploadedDocument[] = [];
    for (const f of files) out.push(await uploadDocument(f));
    return out;
  },
  async openDocument(url, name) {
    const href = `${url}${url.includes('?') ? '&' : '?'}name=${encodeURIComponent(name)}`;
    window.open(href, '_blank', 'noopener');
  },
  async deliverExport(url, fileName) {
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
  },
  async saveImage(source, fileName) {
    const a = document.createElement('a');
    a.href = source;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
  },
  loadCanvasImage(_canvas, src) {
    return new Promise((resolve, reject) => {
      const img = new Image();
      img.crossOrigin = 'anonymous';
      img.onload = () => resolve(img);
      img.onerror = () => reject(new Error('图片加载失败，请检查网络后重试'));
      img.src = src;
    });
  },
  async exportCanvas(canvas) {
    try {
      return (canvas as unknown as HTMLCanvasElement).toDataURL('image/png');
    } catch {
      throw new Error('海报导出失败：浏览器不允许导出含有外部图片的画布，请稍后重试');
    }
  },
  previewImages(_urls, current) {
    // A plain overlay: Taro's H5 previewImage brings a swiper library (~150 KB) into every page that shows photos.
    const mask = document.createElement('div');
    mask.setAttribute('role', 'dialog');
    mask.setAttribute('aria-label', '查看图片，点击关闭');
    mask.style.cssText = 'position:fixed;inset:0;z-index:1000;background:rgba(0,0,0,.9);display:flex;align-items:center;justify-content:center;cursor:zoom-out';
    const img = document.createElement('img');
    img.src = current;
    img.alt = '';
    img.style.cssText = 'max-width:100%;max-height:100%;object-fit:contain';
    mask.appendChild(img);
    mask.addEventListener('click', () => mask.remove());
    document.body.appendChild(mask);
  },
  async openLink(url) {
    window.open(url, '_blank', 'noopener');
  },
  publicUrl(path) {
    return `${window.location.origin}${path}`;
  },
  canSubscribe: false,
  async requestSubscribe() {
    // No subscription messages in a browser: reminders arrive in the WeChat mini-program.
    return {};
  },
  setTodoBadge() {},
  setMessageBadge() {},
  devInboxUrl: '/dev/inbox',
  takePrerendered() {
    // Ids agreed with cloudfunctions/core/showcase/prerender.ts.
    const el = document.getElementById('showcase-prerender-data');
    if (!el) return null;
    el.remove(); // once: a later page must not read it
    try {
      const v = JSON.parse(el.textContent ?? '') as { id?: unknown; brand?: unknown };
      return typeof v.id === 'string' && v.brand ? { id: v.id, data: v.brand } : null;
    } catch {
      return null;
    }
  },
  dropPrerendered() {
    // The showcase block (cloudfunctions/core/showcase/prerender.ts) and the early home greeting
    // (config/early-home.js), whichever this page had.
    document.getElementById('showcase-prerender')?.remove();
    window.__earlyHomeDone = true;
    document.getElementById('home-early')?.remove();
  },
  systemFontScale() {
    // <html> carries the layout's rem size, so ask what `medium` is: the browser's own font size setting.
    const probe = document.createElement('span');
    probe.style.cssText = 'position:absolute;visibility:hidden;font-size:medium';
    document.body.appendChild(probe);
    const px = parseFloat(getComputedStyle(probe).fontSize);
    probe.remove();
    return px > 0 ? px / 16 : 1;
  },
  applyFontScale(scale) {
    document.documentElement.style.setProperty('--font-scale', String(scale));
  },
  fontScaleOnPageRoot: false,
};

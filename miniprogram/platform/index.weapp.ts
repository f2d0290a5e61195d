import Taro from '@tarojs/taro';
import type { Platform, SubscribeAnswer, UploadedDocument, UploadedImage } from './types';

const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
const DOCUMENT_EXTENSIONS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'jpg', 'jpeg', 'png'];
const OPENABLE = ['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'pdf'] as const;
type Openable = (typeof OPENABLE)[number];

const extOfName = (name: string) => (/\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1] ?? '').toLowerCase();
const isOpenable = (ext: string): ext is Openable => (OPENABLE as readonly string[]).includes(ext);

function extOf(path: string): string {
  const m = /\.(jpe?g|png|webp)$/i.exec(path);
  return m ? m[1].toLowerCase() : 'jpg';
}

/** On WeChat the `api` cloud function answers; WeChat attaches the caller's OPENID itself. */
export const platform: Platform = {
  name: 'weapp',
  signInUrl: null,
  pcSession: null,
  watchWidth(onWidth) {
    onWidth(0);
    return () => {};
  },
  watchSaveKey() {
    return () => {};
  },
  referrer: () => null,
  warnBeforeLeaving(message) {
    try {
      if (message) Taro.enableAlertBeforeUnload({ message });
      else Taro.disableAlertBeforeUnload();
    } catch {
      // an older base library without the dialog: the draft kept on the device is the safety net
    }
  },
  launchScene() {
    try {
      return Taro.getEnterOptionsSync().scene ?? null;
    } catch {
      return null;
    }
  },
  init() {
    Taro.cloud.init({ traceUser: true });
  },
  async callFunction({ procedure, input, requestId }) {
    const res = await Taro.cloud.callFunction({ name: 'api', data: { procedure, input, requestId } });
    return res.result;
  },
  async chooseAndUploadImages(count) {
    let picked: Taro.chooseMedia.SuccessCallbackResult;
    try {
      picked = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    } catch {
      return [];
    }
    const out: UploadedImage[] = [];
    for (const file of picked.tempFiles) {
      if (file.size > MAX_IMAGE_BYTES) throw new Error('图片不能超过 5 MB，请压缩后再上传');
      const cloudPath = `uploads/${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${extOf(file.tempFilePath)}`;
      const res = await Taro.cloud.uploadFile({ cloudPath, filePath: file.tempFilePath });
      out.push({ fileId: res.fileID, url: file.tempFilePath });
    }
    return out;
  },
  chooseFilesLabel: '从微信聊天中选择文件',
  async chooseAndUploadFiles(count) {
    let picked: Taro.chooseMessageFile.SuccessCallbackResult;
    try {
      picked = await Taro.chooseMessageFile({ count, type: 'file', extension: DOCUMENT_EXTENSIONS });
    } catch {
      return [];
    }
    const out: UploadedDocument[] = [];
    for (const file of picked.tempFiles) {
      const ext = extOfName(file.name);
      if (!DOCUMENT_EXTENSIONS.includes(ext)) throw new Error(`「${file.name}」不是支持的格式：支撑材料只能是 PDF、Word、Excel、PPT 或 JPG/PNG 图片`);
      if (file.size > MAX_DOCUMENT_BYTES) throw new Error(`「${file.name}」超过 20 MB，请压缩或拆分后再上传`);
      const cloudPath = `documents/${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${ext}`;
      const res = await Taro.cloud.uploadFile({ cloudPath, filePath: file.path });
      out.push({ fileId: res.fileID, url: file.path, name: file.name, size: file.size });
    }
    return out;
  },
  async openDocument(url, name) {
    const ext = extOfName(name);
    if (ext === 'jpg' || ext === 'jpeg' || ext === 'png') {
      await Taro.previewImage({ urls: [url], current: url });
      return;
    }
    let filePath = url;
    try {
      if (url.startsWith('cloud://')) filePath = (await Taro.cloud.downloadFile({ fileID: url })).tempFilePath;
      else if (/^https?:\/\//.test(url)) {
        const res = await Taro.downloadFile({ url });
        if (res.statusCode !== 200) throw new Error(String(res.statusCode));
        filePath = res.tempFilePath;
      }
    } catch {
      throw new Error('文件下载失败，请检查网络后重试');
    }
    try {
      await Taro.openDocument(isOpenable(ext) ? { filePath, fileType: ext, showMenu: true } : { filePath, showMenu: true });
    } catch {
      throw new Error('无法在微信中打开该文件，请点右上角菜单转发到电脑查看');
    }
  },
  async deliverExport(url, fileName) {
    if (fileName.endsWith('.zip')) {
      // openDocument cannot show a .zip: the address is copied, to open in a computer's browser.
      try {
        await Taro.setClipboardData({ data: url });
      } catch {
        throw new Error('未能复制下载链接，请稍后重试');
      }
      await Taro.showModal({ title: '材料包已生成', content: `「${fileName}」的下载链接已复制（1小时内有效），请在电脑浏览器中粘贴打开下载后打印。`, showCancel: false });
      return;
    }
    // The temporary https address of the cloud file; openDocument's menu forwards or saves it.
    await platform.openDocument(url, fileName);
  },
  async saveImage(source) {
    try {
      await Taro.saveImageToPhotosAlbum({ filePath: source });
    } catch {
      throw new Error('未能保存到相册：请在“设置”中允许保存到相册后重试');
    }
  },
  loadCanvasImage(canvas, src) {
    return new Promise((resolve, reject) => {
      const img = (canvas as unknown as Taro.Canvas).createImage();
      img.onload = () => resolve(img as unknown as CanvasImageSource);
      img.onerror = () => reject(new Error('小程序码图片加载失败，请检查网络后重试'));
      img.src = src;
    });
  },
  async exportCanvas(canvas) {
    try {
      const res = await Taro.canvasToTempFilePath({ canvas: canvas as unknown as Taro.Canvas, fileType: 'png' });
      return res.tempFilePath;
    } catch {
      throw new Error('海报导出失败，请稍后重试');
    }
  },
  previewImages(urls, current) {
    void Taro.previewImage({ urls, current });
  },
  async openLink(url) {
    await Taro.setClipboardData({ data: url });
    await Taro.showToast({ title: '链接已复制，请在浏览器中打开', icon: 'none' });
  },
  publicUrl() {
    return null;
  },
  canSubscribe: true,
  async requestSubscribe(templateIds) {
    const tmplIds = templateIds.slice(0, 3);
    if (tmplIds.length === 0) return {};
    let res: Record<string, unknown>;
    try {
      // entityIds is Alipay's; WeChat takes tmplIds only.
      res = (await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, unknown>;
    } catch {
      // Closed, not from a tap, or the main switch is off: nothing granted, nothing to record.
      return {};
    }
    const out: Record<string, SubscribeAnswer> = {};
    for (const id of tmplIds) {
      const answer = res[id];
      if (answer === 'accept' || answer === 'reject' || answer === 'ban' || answer === 'filter') out[id] = answer;
    }
    return out;
  },
  setTodoBadge(count) {
    tabBadge(0, count);
  },
  setMessageBadge(count) {
    tabBadge(1, count);
  },
  devInboxUrl: null,
  takePrerendered: () => null,
  dropPrerendered() {},
  systemFontScale() {
    // wx.getAppBaseInfo (base library 2.20.1+) has the font size WeChat's settings chose.
    const info = typeof Taro.getAppBaseInfo === 'function' ? (Taro.getAppBaseInfo() as { fontSizeScaleFactor?: number }) : null;
    const factor = Number(info?.fontSizeScaleFactor);
    return factor > 0 ? factor : 1;
  },
  // Each page's root view carries the factor (components/font-scale/withFontScale.tsx).
  applyFontScale() {},
  fontScaleOnPageRoot: true,
};

function tabBadge(index: number, count: number): void {
  const done = count > 0 ? Taro.setTabBarBadge({ index, text: count > 99 ? '99+' : String(count) }) : Taro.removeTabBarBadge({ index });
  // Fails harmlessly when no tab bar is shown (e.g. a page opened from a share).
  void Promise.resolve(done).catch(() => {});
}

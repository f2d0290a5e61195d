import Taro from '@tarojs/taro';
import type { Platform, UploadedImage } from './types';

const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

function extOf(path: string): string {
  const m = /\.(jpe?g|png|webp)$/i.exec(path);
  return m ? m[1].toLowerCase() : 'jpg';
}

/** On WeChat the `api` cloud function answers; WeChat attaches the caller's OPENID itself. */
export const platform: Platform = {
  name: 'weapp',
  signInUrl: null,
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
};

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
  publicUrl() {
    return null;
  },
};

import Taro from '@tarojs/taro';
import type { Platform, UploadedImage } from './types';

const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

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

/** In a browser the local host (or the web host) answers POST /api/<procedure>. */
export const platform: Platform = {
  name: 'h5',
  signInUrl: '/dev/sign-in',
  init() {},
  async callFunction({ procedure, input, requestId }) {
    const res = await fetch(`/api/${encodeURIComponent(procedure)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ input, requestId }),
    });
    if (res.status === 401) {
      window.location.href = '/dev/sign-in';
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
  async saveImage(source, fileName) {
    const a = document.createElement('a');
    a.href = source;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
  },
  publicUrl(path) {
    return `${window.location.origin}${path}`;
  },
};

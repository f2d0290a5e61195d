import type { FileStore } from '../../ports/files';

/** The slice of wx-server-sdk used to show cloud-storage files (typed loosely by the SDK). */
export interface WechatStorage {
  getTempFileURL(options: { fileList: string[] }): unknown;
}

/** Narrows the SDK's answer to getTempFileURL into fileID → address. */
export async function tempUrls(cloud: WechatStorage, fileList: string[]): Promise<Map<string, string>> {
  const res = (await cloud.getTempFileURL({ fileList })) as { fileList?: unknown } | undefined;
  const out = new Map<string, string>();
  for (const f of Array.isArray(res?.fileList) ? res.fileList : []) {
    const item = f as { fileID?: unknown; tempFileURL?: unknown; status?: unknown };
    if (item.status === 0 && typeof item.fileID === 'string' && typeof item.tempFileURL === 'string' && item.tempFileURL) {
      out.set(item.fileID, item.tempFileURL);
    }
  }
  return out;
}

/** Cloud storage: the phone uploads, the server turns file ids into temporary addresses (50 per call). */
export function createWechatFiles(cloud: WechatStorage): FileStore {
  return {
    async urls(fileIds) {
      const out = new Map<string, string>();
      const ids = [...new Set(fileIds.filter((id) => id.startsWith('cloud://')))];
      for (let i = 0; i < ids.length; i += 50) {
        try {
          for (const [k, v] of await tempUrls(cloud, ids.slice(i, i + 50))) out.set(k, v);
        } catch {
          // A picture that cannot be resolved is left out rather than failing the whole page.
        }
      }
      return out;
    },
  };
}

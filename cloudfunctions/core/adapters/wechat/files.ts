import { randomUUID } from 'node:crypto';
import { exportExtension, type FileStore } from '../../ports/files';

/** The slice of wx-server-sdk used to show cloud-storage files (typed loosely by the SDK). */
export interface WechatStorage {
  getTempFileURL(options: { fileList: string[] }): unknown;
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
}

/** Reading back a file the phone uploaded (an import sheet), and deleting the server's exports when they expire. */
export interface WechatDownload {
  downloadFile(options: { fileID: string }): Promise<{ fileContent?: unknown }>;
  deleteFile(options: { fileList: string[] }): unknown;
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
export function createWechatFiles(cloud: WechatStorage & WechatDownload): FileStore {
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
    async read(fileId) {
      if (!fileId.startsWith('cloud://')) return null;
      try {
        const { fileContent } = await cloud.downloadFile({ fileID: fileId });
        return Buffer.isBuffer(fileContent) ? fileContent : null;
      } catch {
        return null;
      }
    },
    async remove(fileIds) {
      const ids = fileIds.filter((id) => id.startsWith('cloud://'));
      // 50 per call, as getTempFileURL; a file already gone is reported per file, not thrown.
      for (let i = 0; i < ids.length; i += 50) await Promise.resolve(cloud.deleteFile({ fileList: ids.slice(i, i + 50) }));
    },
    async saveExport(bytes, fileName) {
      if (!exportExtension(fileName)) throw new Error(`not an export name: ${fileName}`);
      // One folder per export keeps the person's file name (openDocument shows it) without clashes.
      const cloudPath = `exports/${new Date().toISOString().slice(0, 10)}/${randomUUID().replace(/-/g, '')}/${fileName.replace(/[\\/:*?"<>|\s]/g, '_')}`;
      const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: Buffer.from(bytes) });
      const url = (await tempUrls(cloud, [fileID])).get(fileID);
      if (!url) throw new Error('exported file has no address');
      return { fileId: fileID, url, fileName, size: bytes.length };
    },
  };
}

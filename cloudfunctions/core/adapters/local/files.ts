import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DOCUMENT_EXTENSIONS, documentMatches, exportExtension, IMAGE_TYPES, MAX_DOCUMENT_BYTES, MAX_IMAGE_BYTES, sniffImageType, type FileStore } from '../../ports/files';

export interface LocalFiles extends FileStore {
  dir: string;
  /** Stores an image after checking its real type and size; returns its id and address. */
  saveImage(bytes: Uint8Array): { fileId: string; url: string };
  /** Stores a 支撑材料 document after checking its extension, contents and size. */
  saveDocument(bytes: Uint8Array, originalName: string): { fileId: string; url: string; name: string; size: number };
  /** The file on disk for a `/files/<name>` request, or null. */
  pathFor(name: string): string | null;
}

export class UploadRefused extends Error {}

/** Files on disk under `dir`, served by the local host at /files/<name>. */
export function createLocalFiles(dir: string): LocalFiles {
  mkdirSync(dir, { recursive: true });
  const safe = (name: string) => /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$/.test(name) && !name.includes('..');
  return {
    dir,
    saveImage(bytes) {
      if (bytes.length === 0) throw new UploadRefused('文件是空的，请重新选择图片');
      if (bytes.length > MAX_IMAGE_BYTES) throw new UploadRefused('图片不能超过 5 MB，请压缩后再上传');
      const type = sniffImageType(bytes);
      if (!type) throw new UploadRefused('只能上传 JPG、PNG 或 WebP 格式的图片');
      const name = `${randomUUID().replace(/-/g, '')}.${IMAGE_TYPES[type]}`;
      writeFileSync(path.join(dir, name), bytes);
      return { fileId: `local:${name}`, url: `/files/${name}` };
    },
    saveDocument(bytes, originalName) {
      const name = originalName.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 100) || '附件';
      const ext = (/\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1] ?? '').toLowerCase();
      if (!(DOCUMENT_EXTENSIONS as readonly string[]).includes(ext)) {
        throw new UploadRefused('支撑材料只能是 PDF、Word、Excel、PPT 或 JPG/PNG 图片');
      }
      if (bytes.length === 0) throw new UploadRefused('文件是空的，请重新选择');
      if (bytes.length > MAX_DOCUMENT_BYTES) throw new UploadRefused('单个附件不能超过 20 MB');
      if (!documentMatches(bytes, ext)) throw new UploadRefused(`文件内容与扩展名 .${ext} 不符，请确认文件未损坏`);
      const stored = `${randomUUID().replace(/-/g, '')}.${ext}`;
      writeFileSync(path.join(dir, stored), bytes);
      return { fileId: `local:${stored}`, url: `/files/${stored}`, name, size: bytes.length };
    },
    async saveExport(bytes, fileName) {
      const ext = exportExtension(fileName);
      if (!ext) throw new Error(`not an export name: ${fileName}`);
      const stored = `${randomUUID().replace(/-/g, '')}.${ext}`;
      writeFileSync(path.join(dir, stored), bytes);
      return { fileId: `local:${stored}`, url: `/files/${stored}?name=${encodeURIComponent(fileName)}`, fileName, size: bytes.length };
    },
    async remove(fileIds) {
      for (const id of fileIds) {
        const name = id.startsWith('local:') ? id.slice('local:'.length) : null;
        if (name && safe(name)) rmSync(path.join(dir, name), { force: true });
      }
    },
    async read(fileId) {
      const name = fileId.startsWith('local:') ? fileId.slice('local:'.length) : null;
      if (!name || !safe(name) || !existsSync(path.join(dir, name))) return null;
      return readFileSync(path.join(dir, name));
    },
    pathFor(name) {
      if (!safe(name)) return null;
      const p = path.join(dir, name);
      return existsSync(p) ? p : null;
    },
    async urls(fileIds) {
      const out = new Map<string, string>();
      for (const id of fileIds) {
        const name = id.startsWith('local:') ? id.slice('local:'.length) : null;
        if (name && safe(name) && existsSync(path.join(dir, name))) out.set(id, `/files/${name}`);
      }
      return out;
    },
  };
}

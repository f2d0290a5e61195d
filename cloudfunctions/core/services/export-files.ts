import type { FileStore } from '../ports/files';
import type { Store, StoredDoc } from '../ports/store';

/** One file the server made for download, remembered so that the timed job can delete it after a day. */
export interface ExportFile extends StoredDoc {
  fileId: string;
  createdAt: string;
}

/**
 * The file store, with every export written down as it is made: an export is a download, not an
 * archive, and without a record nothing would ever delete it (50 calls made 50 files for good).
 */
export function recordingExports(files: FileStore, store: Store, clock: () => Date, newId: () => string): FileStore {
  return {
    ...files,
    async saveExport(bytes, fileName) {
      const saved = await files.saveExport(bytes, fileName);
      await store.insert<ExportFile>('exportFiles', { _id: newId(), fileId: saved.fileId, createdAt: clock().toISOString() });
      return saved;
    },
  };
}

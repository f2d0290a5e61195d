/**
 * The file port: photos and logos live in WeChat cloud storage (`cloud://…` file ids, uploaded
 * by the phone itself) or, locally, on disk under .data/files (`local:…`, uploaded to the local
 * host). The server stores ids and resolves them to addresses when it shows them.
 */
export interface FileStore {
  /** Addresses for the given ids; ids that are unknown or not stored here are left out. */
  urls(fileIds: readonly string[]): Promise<Map<string, string>>;
  /**
   * Keeps a file the server made (a .docx or .xlsx export) and answers where the person can fetch
   * it: cloud storage and a temporary address on WeChat, a random unguessable name on the local
   * host. `fileName` is what the person sees (Chinese allowed); it must end in .docx, .xlsx or .zip.
   */
  saveExport(bytes: Uint8Array, fileName: string): Promise<SavedExport>;
  /** The bytes of a file a person uploaded (an import sheet), or null when there is no such file. */
  read(fileId: string): Promise<Uint8Array | null>;
  /** Deletes files the server made (expired exports); ids not stored here, or gone already, are skipped. */
  remove(fileIds: readonly string[]): Promise<void>;
}

export interface SavedExport {
  fileId: string;
  /** Where the file can be downloaded (valid for at least an hour). */
  url: string;
  fileName: string;
  size: number;
}

export const EXPORT_TYPES = ['docx', 'xlsx', 'zip'] as const;

/** The extension of an export's name, or null when it is not one we make. */
export function exportExtension(fileName: string): (typeof EXPORT_TYPES)[number] | null {
  const ext = /\.([a-z]+)$/.exec(fileName)?.[1];
  return (EXPORT_TYPES as readonly string[]).includes(ext ?? '') ? (ext as (typeof EXPORT_TYPES)[number]) : null;
}

/** A file store with nothing in it and nowhere to keep exports (the default in tests). */
export const NO_FILES: FileStore = {
  urls: async () => new Map(),
  saveExport: async () => {
    throw new Error('no file store configured for exports');
  },
  read: async () => null,
  remove: async () => undefined,
};

export const FILE_ID_PATTERN = /^(local:[A-Za-z0-9][A-Za-z0-9._-]{0,120}|cloud:\/\/[^\s]{1,280})$/;

export const IMAGE_TYPES: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** 支撑材料 people hand in: office documents, PDF and pictures. */
export const DOCUMENT_EXTENSIONS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'jpg', 'jpeg', 'png'] as const;

/**
 * Whether the bytes are what the file name says: PDF, the zip container of docx/xlsx/pptx, the
 * OLE container of doc/xls/ppt, or an image. A renamed executable does not pass.
 */
export function documentMatches(bytes: Uint8Array, extension: string): boolean {
  const head = (n: number) => Array.from(bytes.slice(0, n));
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  switch (extension) {
    case 'pdf':
      return starts([0x25, 0x50, 0x44, 0x46]);
    case 'docx':
    case 'xlsx':
    case 'pptx':
      return starts([0x50, 0x4b, 0x03, 0x04]);
    case 'doc':
    case 'xls':
    case 'ppt':
      return starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    case 'jpg':
    case 'jpeg':
      return sniffImageType(bytes) === 'image/jpeg';
    case 'png':
      return sniffImageType(bytes) === 'image/png';
    default:
      return head(0).length > 0;
  }
}

/** The real type of an image from its first bytes; a client's content-type is not trusted. */
export function sniffImageType(bytes: Uint8Array): keyof typeof IMAGE_TYPES | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (String.fromCharCode(...bytes.slice(0, 4)) === 'RIFF' && String.fromCharCode(...bytes.slice(8, 12)) === 'WEBP') return 'image/webp';
  return null;
}

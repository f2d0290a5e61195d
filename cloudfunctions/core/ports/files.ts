/**
 * The file port: photos and logos live in WeChat cloud storage (`cloud://…` file ids, uploaded
 * by the phone itself) or, locally, on disk under .data/files (`local:…`, uploaded to the local
 * host). The server stores ids and resolves them to addresses when it shows them.
 */
export interface FileStore {
  /** Addresses for the given ids; ids that are unknown or not stored here are left out. */
  urls(fileIds: readonly string[]): Promise<Map<string, string>>;
}

export const FILE_ID_PATTERN = /^(local:[A-Za-z0-9][A-Za-z0-9._-]{0,120}|cloud:\/\/[^\s]{1,280})$/;

export const IMAGE_TYPES: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** The real type of an image from its first bytes; a client's content-type is not trusted. */
export function sniffImageType(bytes: Uint8Array): keyof typeof IMAGE_TYPES | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (String.fromCharCode(...bytes.slice(0, 4)) === 'RIFF' && String.fromCharCode(...bytes.slice(8, 12)) === 'WEBP') return 'image/webp';
  return null;
}

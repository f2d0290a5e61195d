import { writeFileSync } from 'node:fs';
import { png } from '../../cloudfunctions/local/demo/pictures';

/** A small striped RGB PNG (party red and cream), so tests need no fixture files. */
export function stripedPng(width = 120, height = 90): Buffer {
  return png(width, height, (x, y) => ((x + y) % 40 < 20 ? [200, 22, 29] : [255, 240, 200]));
}

/** Writes stripedPng to `file` and answers its path. */
export function writeStripedPng(file: string, width = 120, height = 90): string {
  writeFileSync(file, stripedPng(width, height));
  return file;
}

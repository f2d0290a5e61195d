import { AlignmentType, ImageRun, LineRuleType, Paragraph } from 'docx';

/** The picture formats Word embeds; WebP and anything else is listed by name instead. */
export type PictureType = 'png' | 'jpg' | 'gif' | 'bmp';

export interface PictureInfo {
  type: PictureType;
  width: number;
  height: number;
}

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const i32le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24);

function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    // Start-of-frame markers carry the size; DHT (C4), JPG (C8) and DAC (CC) do not.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: u16be(b, i + 5), width: u16be(b, i + 7) };
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    i += 2 + u16be(b, i + 2);
  }
  return null;
}

/** The format and pixel size from the picture's own bytes, or null when Word cannot embed it. */
export function pictureInfo(b: Uint8Array): PictureInfo | null {
  let size: { width: number; height: number } | null = null;
  let type: PictureType | null = null;
  if (b.length >= 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) {
    type = 'png';
    size = { width: u32be(b, 16), height: u32be(b, 20) };
  } else if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    type = 'jpg';
    size = jpegSize(b);
  } else if (b.length >= 10 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) {
    type = 'gif';
    size = { width: u16le(b, 6), height: u16le(b, 8) };
  } else if (b.length >= 26 && b[0] === 0x42 && b[1] === 0x4d) {
    type = 'bmp';
    size = { width: Math.abs(i32le(b, 18)), height: Math.abs(i32le(b, 22)) };
  }
  if (!type || !size || size.width <= 0 || size.height <= 0 || size.width > 50_000 || size.height > 50_000) return null;
  return { type, ...size };
}

/** Scales a picture down (never up) to fit a box given in pixels at 96 dpi. */
export function fitInto(info: { width: number; height: number }, maxWidth: number, maxHeight: number): { width: number; height: number } {
  const scale = Math.min(1, maxWidth / info.width, maxHeight / info.height);
  return { width: Math.max(1, Math.round(info.width * scale)), height: Math.max(1, Math.round(info.height * scale)) };
}

/** A centred paragraph holding one picture; auto line spacing, or the fixed body line would clip it. */
export function pictureParagraph(bytes: Uint8Array, info: PictureInfo, box: { width: number; height: number }, alt: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { before: 120, after: 60, line: 240, lineRule: LineRuleType.AUTO },
    children: [
      new ImageRun({
        type: info.type,
        data: bytes,
        transformation: fitInto(info, box.width, box.height),
        altText: { name: alt.slice(0, 100), description: alt.slice(0, 200), title: alt.slice(0, 100) },
      }),
    ],
  });
}

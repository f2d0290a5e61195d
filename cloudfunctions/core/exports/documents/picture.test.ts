import { describe, expect, it } from 'vitest';
import { fitInto, pictureInfo } from './picture';

const png = (w: number, h: number) => {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).copy(b);
  b.write('IHDR', 12);
  b.writeUInt32BE(w, 16);
  b.writeUInt32BE(h, 20);
  return b;
};

/** A JPEG's first segments: SOI, an APP0 (JFIF) segment, a DQT-like segment, then SOF2 with the size. */
const jpeg = (w: number, h: number) =>
  Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
    0xff, 0xdb, 0x00, 0x04, 0x00, 0x00,
    0xff, 0xc2, 0x00, 0x11, 0x08, h >> 8, h & 0xff, w >> 8, w & 0xff, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
  ]);

describe('pictureInfo', () => {
  it('reads the size of PNG, JPEG (past other segments), GIF and BMP', () => {
    expect(pictureInfo(png(640, 480))).toEqual({ type: 'png', width: 640, height: 480 });
    expect(pictureInfo(jpeg(1024, 768))).toEqual({ type: 'jpg', width: 1024, height: 768 });
    const gif = Buffer.from('GIF89a\x20\x00\x10\x00\x00', 'latin1');
    expect(pictureInfo(gif)).toEqual({ type: 'gif', width: 32, height: 16 });
    const bmp = Buffer.alloc(30);
    bmp.write('BM', 0);
    bmp.writeInt32LE(50, 18);
    bmp.writeInt32LE(-20, 22);
    expect(pictureInfo(bmp)).toEqual({ type: 'bmp', width: 50, height: 20 });
  });

  it('refuses what Word cannot embed: WebP, text, truncated or absurd headers', () => {
    expect(pictureInfo(Buffer.from('RIFF\x00\x00\x00\x00WEBPVP8 ', 'latin1'))).toBeNull();
    expect(pictureInfo(Buffer.from('<svg/>'))).toBeNull();
    expect(pictureInfo(new Uint8Array())).toBeNull();
    expect(pictureInfo(png(640, 480).subarray(0, 20))).toBeNull();
    expect(pictureInfo(png(0, 480))).toBeNull();
    expect(pictureInfo(png(100_000, 10))).toBeNull();
    expect(pictureInfo(jpeg(640, 480).subarray(0, 24))).toBeNull();
  });
});

describe('fitInto', () => {
  it('scales down to the box keeping the shape, and never up', () => {
    expect(fitInto({ width: 1600, height: 1200 }, 480, 320)).toEqual({ width: 427, height: 320 });
    expect(fitInto({ width: 4000, height: 1000 }, 480, 320)).toEqual({ width: 480, height: 120 });
    expect(fitInto({ width: 100, height: 50 }, 480, 320)).toEqual({ width: 100, height: 50 });
  });
});

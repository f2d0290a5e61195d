import UPNG from 'upng-js';

/** A screenshot made small for the repository: at most 256 colours, which text and flat UI survive. */
export function smallPng(png: Buffer): Buffer {
  const image = UPNG.decode(png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength) as ArrayBuffer);
  return Buffer.from(UPNG.encode(UPNG.toRGBA8(image), image.width, image.height, 256));
}

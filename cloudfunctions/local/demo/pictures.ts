import { deflateSync } from 'node:zlib';

/**
 * The demo's pictures, drawn here at seed time (no image files shipped): a round emblem for each
 * brand's 标识 and simple scenes for activity photos. Made by this project and under its licence;
 * no third-party artwork, photographs or fonts are used.
 */

type Rgb = readonly [number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc(body), body.length + 4);
  return out;
}

/** An RGB PNG whose every pixel is `paint(x, y)`. */
export function png(width: number, height: number, paint: (x: number, y: number) => Rgb): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  const row = width * 3 + 1;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set(paint(x, y), y * row + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const RED: Rgb = [200, 22, 29];
const GOLD: Rgb = [246, 196, 67];
const CREAM: Rgb = [255, 246, 228];

/** Whether (x, y) lies inside a five-pointed star of outer radius r centred on (cx, cy), point up. */
function inStar(x: number, y: number, cx: number, cy: number, r: number): boolean {
  const points = Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? r : r * 0.382;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    return [cx + radius * Math.cos(a), cy + radius * Math.sin(a)] as const;
  });
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** A brand emblem: a gold star (or several) on a party-red disc, ringed in gold, on cream. */
export function emblem(variant: number, size = 240): Buffer {
  const c = size / 2;
  const ring = size * 0.46;
  return png(size, size, (x, y) => {
    const d = Math.hypot(x - c, y - c);
    if (d > ring) return CREAM;
    if (d > ring - size * 0.035) return GOLD;
    if (variant % 3 === 0 && inStar(x, y, c, c, size * 0.3)) return GOLD;
    if (variant % 3 === 1 && (inStar(x, y, c, c * 0.9, size * 0.2) || Math.abs(y - c * 1.45) < size * 0.025)) return GOLD;
    if (variant % 3 === 2 && [0, 1, 2].some((i) => inStar(x, y, c + (i - 1) * size * 0.2, c - (i === 1 ? size * 0.06 : 0), size * 0.1))) return GOLD;
    return RED;
  });
}

/** An activity "photo": a sky, a hall with a red banner, and a row of people as simple shapes. */
export function scene(variant: number, width = 640, height = 400): Buffer {
  const horizon = height * 0.62;
  const skies: Rgb[] = [[170, 205, 235], [235, 200, 160], [190, 220, 200]];
  const sky = skies[variant % skies.length];
  return png(width, height, (x, y) => {
    const hall = x > width * 0.2 && x < width * 0.8 && y > height * 0.18 && y < horizon;
    if (hall && y < height * 0.3) return RED; // banner
    const person = Math.floor(x / 48);
    const px = person * 48 + 24;
    const head = Math.hypot(x - px, y - (horizon + 40)) < 12;
    const body = Math.abs(x - px) < 16 && y > horizon + 52 && y < horizon + 110;
    if ((head || body) && (person + variant) % 2 === 0) return head ? [90, 60, 50] : RED;
    if (head || body) return head ? [90, 60, 50] : [60, 70, 110];
    if (hall) return [236, 226, 214];
    if (y < horizon) return [sky[0] - Math.round((y / horizon) * 30), sky[1] - Math.round((y / horizon) * 20), sky[2]];
    return [150, 130, 110];
  });
}

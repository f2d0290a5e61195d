// Draws the tab bar icons (81×81 PNG, WeChat's recommended size) so no binary tool is needed.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const SIZE = 81;
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(inside, [r, g, b]) {
  const rows = [];
  for (let y = 0; y < SIZE; y += 1) {
    const row = Buffer.alloc(1 + SIZE * 4);
    for (let x = 0; x < SIZE; x += 1) {
      // 4× supersampling for smooth edges.
      let hits = 0;
      for (let sy = 0; sy < 4; sy += 1) for (let sx = 0; sx < 4; sx += 1) if (inside(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) hits += 1;
      row.set([r, g, b, Math.round((hits / 16) * 255)], 1 + x * 4);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}
const home = (x, y) => {
  const roof = y >= 12 && y <= 40 && Math.abs(x - 40.5) <= (y - 12) * 1.05 + 2 && Math.abs(x - 40.5) >= (y - 12) * 1.05 - 6;
  const walls = y >= 38 && y <= 70 && x >= 18 && x <= 63 && !(x >= 34 && x <= 47 && y >= 50) && !(x > 23 && x < 58 && y > 43 && y < 65 && !(x >= 34 && x <= 47));
  return roof || walls;
};
const person = (x, y) => {
  const head = Math.hypot(x - 40.5, y - 26) <= 13 && Math.hypot(x - 40.5, y - 26) >= 7;
  const body = y >= 46 && y <= 70 && Math.hypot((x - 40.5) / 26, (y - 72) / 24) <= 1 && !(Math.hypot((x - 40.5) / 20, (y - 74) / 18) <= 1);
  return head || body;
};
const GREY = [136, 136, 136];
const RED = [200, 22, 29];
const out = new URL('../miniprogram/assets/tab/', import.meta.url);
writeFileSync(new URL('home.png', out), png(home, GREY));
writeFileSync(new URL('home-active.png', out), png(home, RED));
writeFileSync(new URL('mine.png', out), png(person, GREY));
writeFileSync(new URL('mine-active.png', out), png(person, RED));
console.log('tab icons written');

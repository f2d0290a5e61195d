import { create as createQr } from 'qrcode/lib/core/qrcode';
import type { PublicBrand } from '@shared/contracts';

/** The poster in logical units; exported at SCALE× for a sharp image (900 × 1440). */
export const POSTER_WIDTH = 300;
export const POSTER_HEIGHT = 480;
export const POSTER_SCALE = 3;

const RED = '#c8161d';
const FONT = "'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";

/** What goes in the code corner: a mini-program code picture, or a web address drawn as a QR code. */
export type PosterCodeArt = { kind: 'image'; image: CanvasImageSource } | { kind: 'qr'; text: string };

/** Splits text into at most `maxLines` lines that fit `maxWidth`, ending in … when cut. */
export function wrapText(ctx: CanvasRenderingContext2D, text: string, maxWidth: number, maxLines: number): string[] {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  const lines: string[] = [];
  let line = '';
  let i = 0;
  for (; i < chars.length; i++) {
    if (ctx.measureText(line + chars[i]).width > maxWidth && line !== '') {
      lines.push(line);
      line = '';
      if (lines.length === maxLines) break;
    }
    line += chars[i];
  }
  if (lines.length < maxLines && line) {
    lines.push(line);
    line = '';
  }
  if (i < chars.length || line) {
    let last = lines[lines.length - 1] ?? '';
    while (last && ctx.measureText(`${last}…`).width > maxWidth) last = Array.from(last).slice(0, -1).join('');
    lines[lines.length - 1] = `${last}…`;
  }
  return lines;
}

/** Draws a QR code's dark modules as squares inside (x, y, size), with a quiet zone. */
export function drawQr(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, size: number): void {
  const { modules } = createQr(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const cell = size / (n + 4);
  ctx.fillStyle = '#fff';
  ctx.fillRect(x, y, size, size);
  ctx.fillStyle = '#000';
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      // A hair wider than a cell, so neighbouring squares do not show seams.
      if (modules.get(r, c)) ctx.fillRect(x + (c + 2) * cell, y + (r + 2) * cell, cell + 0.3, cell + 0.3);
    }
  }
}

/** Draws the share poster: brand name, committee, an excerpt of 内涵, and the code. */
export function drawPoster(ctx: CanvasRenderingContext2D, brand: PublicBrand, code: PosterCodeArt): void {
  const W = POSTER_WIDTH;
  const H = POSTER_HEIGHT;
  ctx.setTransform(POSTER_SCALE, 0, 0, POSTER_SCALE, 0, 0);
  ctx.textBaseline = 'top';
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, W, H);

  ctx.fillStyle = RED;
  ctx.fillRect(0, 0, W, 72);
  ctx.fillStyle = '#fff';
  ctx.font = `bold 17px ${FONT}`;
  ctx.fillText('基层党建品牌', 20, 18);
  ctx.font = `11px ${FONT}`;
  ctx.fillText('一党委一品牌 · 品牌推广', 20, 44);

  let y = 92;
  ctx.fillStyle = RED;
  ctx.font = `bold 22px ${FONT}`;
  for (const line of wrapText(ctx, brand.name, W - 40, 2)) {
    ctx.fillText(line, 20, y);
    y += 30;
  }
  ctx.fillStyle = '#666';
  ctx.font = `12px ${FONT}`;
  for (const line of wrapText(ctx, `${brand.committeeName} · ${brand.year} 年度`, W - 40, 1)) ctx.fillText(line, 20, y + 2);
  y += 28;
  ctx.fillStyle = '#f0e0e0';
  ctx.fillRect(20, y, W - 40, 1);
  y += 14;

  ctx.fillStyle = '#333';
  ctx.font = `13px ${FONT}`;
  for (const line of wrapText(ctx, brand.connotation || '（暂无品牌内涵）', W - 40, 6)) {
    ctx.fillText(line, 20, y);
    y += 21;
  }

  const codeSize = 104;
  const codeY = H - codeSize - 40;
  ctx.fillStyle = '#faf5f2';
  ctx.fillRect(0, codeY - 16, W, H - codeY + 16);
  if (code.kind === 'image') ctx.drawImage(code.image, 20, codeY, codeSize, codeSize);
  else drawQr(ctx, code.text, 20, codeY, codeSize);
  ctx.fillStyle = '#333';
  ctx.font = `bold 14px ${FONT}`;
  ctx.fillText(code.kind === 'image' ? '微信扫码' : '扫码查看', 140, codeY + 26);
  ctx.fillText('品牌展示页', 140, codeY + 48);
  ctx.fillStyle = '#999';
  ctx.font = `11px ${FONT}`;
  ctx.fillText(code.kind === 'image' ? '长按识别小程序码' : '用手机扫一扫打开', 140, codeY + 74);
  ctx.fillText('党建品牌与精品项目', 20, H - 24);
}

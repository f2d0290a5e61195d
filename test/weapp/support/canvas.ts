// DOUBLE of a `<canvas type="2d">` node as WeChat's selector query hands it out: its 2d context
// records the drawing calls instead of drawing (no pixels, no fonts), createImage loads a picture
// by fetching its address (load or error, as WeChat reports them), and the exported picture is a
// fixed small PNG. Each node method is logged with the wx calls as "Canvas.<method>".
import { stripedPng } from '../../support/png';

const MARK = Symbol('canvas double');

export interface CanvasDouble {
  [MARK]: true;
  width: number;
  height: number;
  /** How many drawing calls the context received. */
  drawn(): number;
  /** The drawing calls, by method name, in order. */
  calls(): string[];
  picture(): Buffer;
}

export const isCanvasDouble = (v: unknown): v is CanvasDouble => typeof v === 'object' && v !== null && MARK in v;

const PICTURE = stripedPng(30, 40);

type Record = (api: string, args: unknown) => void;

export function createCanvasDouble(record: Record, width: number, height: number): CanvasDouble {
  const calls: string[] = [];
  const props: { [k: string]: unknown } = { font: '10px sans-serif', fillStyle: '#000', strokeStyle: '#000', textAlign: 'start', textBaseline: 'alphabetic', lineWidth: 1, globalAlpha: 1 };
  const fontPx = () => Number(/(\d+(?:\.\d+)?)px/.exec(String(props.font))?.[1] ?? 10);
  const ctx = new Proxy(props, {
    get(target, key) {
      if (typeof key !== 'string') return undefined;
      if (key in target) return target[key];
      if (key === 'canvas') return canvas;
      return (...args: unknown[]) => {
        calls.push(key);
        if (key === 'measureText') return { width: String(args[0] ?? '').length * fontPx() };
        if (key === 'createLinearGradient' || key === 'createRadialGradient' || key === 'createPattern') return { addColorStop: () => undefined };
        if (key === 'getImageData') return { width: 1, height: 1, data: new Uint8ClampedArray(4) };
        return undefined;
      };
    },
    set(target, key, value) {
      if (typeof key === 'string') target[key] = value;
      return true;
    },
  });
  const canvas: CanvasDouble & { getContext(type: string): unknown; createImage(): unknown } = {
    [MARK]: true,
    width,
    height,
    drawn: () => calls.length,
    calls: () => [...calls],
    picture: () => PICTURE,
    getContext(type: string) {
      record('Canvas.getContext', type);
      return type === '2d' ? ctx : null;
    },
    createImage() {
      record('Canvas.createImage', null);
      const img: { src: string; width: number; height: number; onload: (() => void) | null; onerror: ((e: unknown) => void) | null } = {
        width: 0,
        height: 0,
        onload: null,
        onerror: null,
        get src() {
          return '';
        },
        set src(url: string) {
          record('Canvas.Image.src', url);
          void fetch(url)
            .then(async (res) => {
              if (!res.ok) throw new Error(String(res.status));
              await res.arrayBuffer();
              img.width = 430;
              img.height = 430;
              img.onload?.();
            })
            .catch((e: unknown) => img.onerror?.({ errMsg: String(e) }));
        },
      };
      return img;
    },
  };
  return canvas;
}

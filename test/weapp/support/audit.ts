// The figures WeChat DevTools' 体验评分 (Audits) judges, read from the runtime double's frames
// (one per setData, runtime.ts): the largest setData payload, setData calls per second (the most
// in any 1 s window of the double's clock), and the drawn tree's nodes, depth and children per node.
import type { Frame } from './runtime';

/** DevTools' thresholds: setData ≤ 256 KB a call and ≤ 20 a second; nodes < 1000, depth < 30, children < 60. */
export const AUDIT = { setDataBytes: 256 * 1024, setDataPerSecond: 20, nodes: 1000, depth: 30, children: 60 } as const;

export interface Figures {
  calls: number;
  maxBytes: number;
  perSecond: number;
  nodes: number;
  depth: number;
  children: number;
}

/** The most frames in any window of `windowMs` (frames in time order). */
export function busiestWindow(frames: Frame[], windowMs = 1000): number {
  let most = 0;
  let from = 0;
  for (let to = 0; to < frames.length; to++) {
    while (frames[to].at - frames[from].at >= windowMs) from++;
    most = Math.max(most, to - from + 1);
  }
  return most;
}

export function figures(frames: Frame[]): Figures {
  const max = (pick: (f: Frame) => number) => frames.reduce((m, f) => Math.max(m, pick(f)), 0);
  return {
    calls: frames.length,
    maxBytes: max((f) => f.bytes),
    perSecond: busiestWindow(frames),
    nodes: max((f) => f.shape.nodes),
    depth: max((f) => f.shape.depth),
    children: max((f) => f.shape.children),
  };
}

/** Each figure past its threshold, said as DevTools would flag it. */
export function overThresholds(f: Figures): string[] {
  const out: string[] = [];
  if (f.maxBytes > AUDIT.setDataBytes) out.push(`a setData of ${(f.maxBytes / 1024).toFixed(1)} KB (≤ 256 KB)`);
  if (f.perSecond > AUDIT.setDataPerSecond) out.push(`${f.perSecond} setData calls in one second (≤ 20)`);
  if (f.nodes >= AUDIT.nodes) out.push(`${f.nodes} nodes (< 1000)`);
  if (f.depth >= AUDIT.depth) out.push(`depth ${f.depth} (< 30)`);
  if (f.children >= AUDIT.children) out.push(`${f.children} children under one node (< 60)`);
  return out;
}

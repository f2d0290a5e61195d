// Reading the drawn tree (wxml.ts) as a person sees it: texts in order, elements by class, and
// the figures WeChat DevTools' 体验评分 judges (nodes, depth, children per node).
import type { Drawn, Element } from './wxml';

/** An element of the drawn tree with its parents (from the page's first element down). */
export interface Seen {
  el: Element;
  ancestors: Element[];
}

export function* elements(root: Element, ancestors: Element[] = []): Generator<Seen> {
  for (const child of root.children) {
    if (typeof child === 'string') continue;
    yield { el: child, ancestors };
    yield* elements(child, [...ancestors, child]);
  }
}

/** All text under an element, as a person reads it (texts in order). */
export function drawnText(node: Drawn): string {
  return typeof node === 'string' ? node : node.children.map(drawnText).join('');
}

export const drawnClasses = (el: Element) => String(el.attr.class ?? '').split(/\s+/).filter(Boolean);

/** The `sid` Taro gave the node an element draws (`data-sid`), which leads back to the page's data. */
export const sidOf = (el: Element): string | null => (el.attr['data-sid'] === undefined ? null : String(el.attr['data-sid']));

export interface Shape {
  /** Elements and non-empty texts drawn under the page. */
  nodes: number;
  /** The deepest element, counting the page's own children as depth 1. */
  depth: number;
  /** The most children (elements and texts) one node has, the page included. */
  children: number;
}

export function shapeOf(root: Element): Shape {
  let nodes = 0;
  let depth = 0;
  let children = 0;
  const visit = (el: Element, d: number) => {
    children = Math.max(children, el.children.length);
    for (const c of el.children) {
      if (typeof c === 'string') {
        if (c.trim() !== '') nodes++;
        continue;
      }
      nodes++;
      depth = Math.max(depth, d + 1);
      visit(c, d + 1);
    }
  };
  visit(root, 0);
  return { nodes, depth, children };
}

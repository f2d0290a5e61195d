// Reading what a page shows from its setData tree (Taro's `root.cn`): node names and props are
// numbered aliases, and which events a node binds is decided by the template base.wxml draws it
// with. So the aliases and bindings are read back from the built base.wxml itself.
import { readFileSync } from 'node:fs';

/** One node of Taro's tree as setData sends it: `nn` alias, `sid`, `cn` children, `v` text, `cl` class. */
export interface TreeNode {
  nn?: string;
  sid?: string;
  uid?: string;
  cn?: TreeNode[];
  v?: string;
  cl?: string;
  [prop: string]: unknown;
}

/** What base.wxml says about one node alias: the WXML tag, its props by alias and the events it binds. */
export interface Template {
  tag: string;
  /** prop alias (p0, p1, …) → WXML attribute name */
  props: Map<string, string>;
  /** event names bound with bind… or catch… ("tap", "input", "change", …) */
  binds: Set<string>;
  catches: Set<string>;
}

export type Templates = Map<string, Template>;

/** Parses the level-0 templates of base.wxml (`tmpl_0_<alias>`, and `_focus` for inputs). */
export function readTemplates(baseWxml: string): Templates {
  const text = readFileSync(baseWxml, 'utf8');
  const out: Templates = new Map();
  const re = /<template name="tmpl_0_([^"_]+)(_focus)?">\s*<([a-z-]+)\s([^>]*)>/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const [, alias, , tag, attrs] = m;
    if (tag === 'template' || tag === 'block') continue;
    const props = new Map<string, string>();
    const binds = new Set<string>();
    const catches = new Set<string>();
    for (const a of attrs.matchAll(/([a-zA-Z:-]+)="([^"]*)"/g)) {
      const [, name, value] = a;
      const ev = /^(bind|catch)([a-z]+)$/.exec(name);
      if (ev && value === 'eh') (ev[1] === 'bind' ? binds : catches).add(ev[2]);
      const p = /\bi\.(p\d+)\b/.exec(value);
      if (p) props.set(p[1], name);
    }
    out.set(alias, { tag, props, binds, catches });
  }
  // Text nodes are drawn by a `<block>{{i.v}}</block>` template.
  const textAlias = /<template name="tmpl_0_([^"_]+)">\s*<block>\{\{i\.v\}\}<\/block>/.exec(text)?.[1];
  if (textAlias) out.set(textAlias, { tag: '#text', props: new Map(), binds: new Set(), catches: new Set() });
  return out;
}

/** A node with its parents, as found in the tree. */
export interface Found {
  node: TreeNode;
  /** From the root's first child down to the node's parent. */
  ancestors: TreeNode[];
  tag: string;
}

export function tagOf(t: Templates, node: TreeNode): string {
  if (typeof node.v === 'string' && node.cn === undefined) return '#text';
  const nn = String(node.nn ?? '');
  return t.get(nn)?.tag ?? t.get(nn.replace(/^static-/, ''))?.tag ?? nn;
}

/** A prop by its WXML attribute name (e.g. "placeholder", "open-type"). */
export function propOf(t: Templates, node: TreeNode, attribute: string): unknown {
  const tmpl = t.get(String(node.nn ?? ''));
  if (tmpl) for (const [alias, name] of tmpl.props) if (name === attribute) return node[alias];
  const camel = attribute.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return node[camel] ?? node[attribute];
}

export function* walk(t: Templates, root: TreeNode, ancestors: TreeNode[] = []): Generator<Found> {
  for (const child of root.cn ?? []) {
    yield { node: child, ancestors, tag: tagOf(t, child) };
    yield* walk(t, child, [...ancestors, child]);
  }
}

/** All text under a node, joined as a person reads it (text nodes in order). */
export function textOf(node: TreeNode): string {
  if (typeof node.v === 'string') return node.v;
  return (node.cn ?? []).map(textOf).join('');
}

export const classesOf = (node: TreeNode) => String(node.cl ?? '').split(/\s+/).filter(Boolean);

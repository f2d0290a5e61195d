// Driving the weapp build the way a person does: find what the page shows by its text, tap it,
// type into a field found by its placeholder or class, pick a value in a picker. Each action
// dispatches the WeChat event Taro's handler receives (runtime.ts) and waits for the page to settle.
import type { PageInstance, Runtime } from './runtime';
import { classesOf, propOf, textOf, walk, type Found, type TreeNode } from './tree';

export type Target = string | RegExp | { cls: string; text?: string | RegExp } | Found;

const matches = (text: string, want: string | RegExp) => (typeof want === 'string' ? text.includes(want) : want.test(text));

export interface Person {
  rt: Runtime;
  page(): PageInstance;
  /** Everything the top page shows, as text. */
  text(): string;
  has(want: string | RegExp): boolean;
  /** All elements with that class (and containing that text). */
  all(cls: string, text?: string | RegExp): Found[];
  find(target: Target): Found;
  tap(target: Target): Promise<void>;
  type(field: string, value: string): Promise<void>;
  pick(field: string, value: unknown): Promise<void>;
  /** Waits until the page shows that text (a slow call, a debounce). */
  waitFor(want: string | RegExp, ms?: number): Promise<void>;
  /** Taps the navigation bar's back arrow. */
  back(): Promise<PageInstance>;
  /** Opens a page as its only page (reLaunch) and waits for it. */
  open(url: string): Promise<PageInstance>;
}

export function person(rt: Runtime): Person {
  const page = () => rt.top();
  const root = (): TreeNode => page().data.root ?? { cn: [] };
  const found = () => [...walk(rt.templates, root())];
  const describe = () => `page ${page().route} shows:\n${textOf(root()).slice(0, 1500)}`;

  function find(target: Target): Found {
    if (typeof target === 'object' && 'node' in target) return target;
    if (typeof target === 'object' && !(target instanceof RegExp)) {
      const hit = found().find((f) => classesOf(f.node).includes(target.cls) && (target.text === undefined || matches(textOf(f.node), target.text)));
      if (!hit) throw new Error(`no element .${target.cls}${target.text ? ` with “${String(target.text)}”` : ''}; ${describe()}`);
      return hit;
    }
    // The innermost element whose own text nodes read `target` (the text a finger lands on).
    const texts = found().filter((f) => f.tag === '#text' && matches(String(f.node.v ?? ''), target));
    // A text that reads exactly `target` wins over one that only contains it (a button over a hint).
    const hit = texts.find((f) => String(f.node.v).trim() === target) ?? texts[0] ?? found().filter((f) => f.tag !== '#text' && matches(textOf(f.node), target)).at(-1);
    if (!hit) throw new Error(`nothing shows “${String(target)}”; ${describe()}`);
    if (hit.tag === '#text') {
      const parent = hit.ancestors.at(-1);
      if (!parent) throw new Error(`“${String(target)}” is at the root`);
      return { node: parent, ancestors: hit.ancestors.slice(0, -1), tag: rt.templates.get(String(parent.nn))?.tag ?? '' };
    }
    return hit;
  }

  function field(name: string): Found {
    const hit = found().find(
      (f) => (f.tag === 'input' || f.tag === 'textarea' || f.tag === 'picker') && (classesOf(f.node).includes(name) || String(propOf(rt.templates, f.node, 'placeholder') ?? '') === name),
    );
    if (hit) return hit;
    // A class on a wrapper around the field (NutUI and our own components put it there), or on
    // what a picker shows inside it.
    const wrapper = found().find((f) => classesOf(f.node).includes(name));
    if (wrapper) {
      const tags = wrapper.ancestors.map((a) => rt.templates.get(String(a.nn))?.tag);
      const picker = tags.lastIndexOf('picker');
      if (picker >= 0) return { node: wrapper.ancestors[picker], ancestors: wrapper.ancestors.slice(0, picker), tag: 'picker' };
      const inner = [...walk(rt.templates, wrapper.node, [...wrapper.ancestors, wrapper.node])].find((f) => f.tag === 'input' || f.tag === 'textarea' || f.tag === 'picker');
      if (inner) return inner;
    }
    throw new Error(`no field “${name}” (placeholder or class); ${describe()}`);
  }

  const p: Person = {
    rt,
    page,
    text: () => textOf(root()),
    has: (want) => matches(textOf(root()), want),
    all: (cls, text) => found().filter((f) => classesOf(f.node).includes(cls) && (text === undefined || matches(textOf(f.node), text))),
    find,
    async tap(target) {
      const f = find(target);
      rt.dispatch(page(), f.node, f.ancestors, 'tap', { x: 10, y: 10 });
      await rt.settle();
    },
    async type(name, value) {
      const f = field(name);
      rt.dispatch(page(), f.node, f.ancestors, 'focus', { value: String(propOf(rt.templates, f.node, 'value') ?? ''), height: 0 });
      rt.dispatch(page(), f.node, f.ancestors, 'input', { value, cursor: value.length, keyCode: 0 });
      rt.dispatch(page(), f.node, f.ancestors, 'blur', { value, cursor: value.length });
      await rt.settle();
    },
    async pick(name, value) {
      const f = field(name);
      rt.dispatch(page(), f.node, f.ancestors, 'change', { value });
      await rt.settle();
    },
    async waitFor(want, ms = 5_000) {
      const started = Date.now();
      while (!matches(textOf(root()), want)) {
        if (Date.now() - started > ms) throw new Error(`waited ${ms} ms for “${String(want)}”; ${describe()}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      await rt.settle();
    },
    open: (url) => rt.open(url),
    back: () => rt.back(),
  };
  return p;
}

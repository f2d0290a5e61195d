// Driving the weapp build the way a person does: find what the page shows by its text (read from
// the page as drawn through its compiled WXML, wxml.ts), tap it,
// type into a field found by its placeholder or class, pick a value in a picker. Each action
// dispatches the WeChat event Taro's handler receives (runtime.ts) and waits for the page to settle.
import type { PageInstance, Runtime } from './runtime';
import { drawnClasses, drawnText, elements, sidOf, type Seen } from './drawn';
import { propOf, walk, type Found, type TreeNode } from './tree';
import type { Element } from './wxml';

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
  /** Types `value` one key at a time, `everyMs` apart (an input event per key, as a thumb types), then leaves the field. */
  typeKeys(field: string, value: string, everyMs: number): Promise<void>;
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
  /** What the page shows: its data drawn through the compiled WXML (wxml.ts), not the raw `root.cn`. */
  const drawn = () => rt.drawn(page());
  const seen = () => [...elements(drawn())];
  const describe = () => `page ${page().route} shows:\n${drawnText(drawn()).slice(0, 1500)}`;
  /** The node of the page's data an element draws (by its data-sid), with its parents: what events go to. */
  const dataOf = (s: Seen, what: string): Found => {
    const sid = sidOf(s.el);
    const hit = sid === null ? undefined : [...walk(rt.templates, root())].find((f) => String(f.node.sid ?? '') === sid);
    if (!hit) throw new Error(`${what} is drawn as <${s.el.tag}> with no node of the page's data behind it (data-sid ${sid ?? 'missing'})`);
    return hit;
  };
  const isField = (el: Element) => el.tag === 'wx-input' || el.tag === 'wx-textarea' || el.tag === 'wx-picker';

  function find(target: Target): Found {
    if (typeof target === 'object' && 'node' in target) return target;
    if (typeof target === 'object' && !(target instanceof RegExp)) {
      const hit = seen().find((s) => drawnClasses(s.el).includes(target.cls) && (target.text === undefined || matches(drawnText(s.el), target.text)));
      if (!hit) throw new Error(`no element .${target.cls}${target.text ? ` with “${String(target.text)}”` : ''}; ${describe()}`);
      return dataOf(hit, `.${target.cls}`);
    }
    // The innermost element whose own texts read `target` (the text a finger lands on).
    const texts = seen().flatMap((s) => s.el.children.filter((c): c is string => typeof c === 'string' && matches(c, target)).map((text) => ({ ...s, text })));
    // A text that reads exactly `target` wins over one that only contains it (a button over a hint).
    const hit = texts.find((t) => t.text.trim() === target) ?? texts[0] ?? seen().filter((s) => matches(drawnText(s.el), target)).at(-1);
    if (!hit) throw new Error(`nothing shows “${String(target)}”; ${describe()}`);
    return dataOf(hit, `“${String(target)}”`);
  }

  function field(name: string): Found {
    const all = seen();
    const hit = all.find((s) => isField(s.el) && (drawnClasses(s.el).includes(name) || String(s.el.attr.placeholder ?? '') === name));
    if (hit) return dataOf(hit, `field “${name}”`);
    // A class on a wrapper around the field (NutUI and our own components put it there), or on
    // what a picker shows inside it.
    const wrapper = all.find((s) => drawnClasses(s.el).includes(name));
    if (wrapper) {
      const picker = wrapper.ancestors.map((a) => a.tag).lastIndexOf('wx-picker');
      if (picker >= 0) return dataOf({ el: wrapper.ancestors[picker], ancestors: wrapper.ancestors.slice(0, picker) }, `picker around .${name}`);
      const inner = [...elements(wrapper.el, [...wrapper.ancestors, wrapper.el])].find((s) => isField(s.el));
      if (inner) return dataOf(inner, `field in .${name}`);
    }
    throw new Error(`no field “${name}” (placeholder or class); ${describe()}`);
  }

  const p: Person = {
    rt,
    page,
    text: () => drawnText(drawn()),
    has: (want) => matches(drawnText(drawn()), want),
    all: (cls, text) => seen().filter((s) => drawnClasses(s.el).includes(cls) && (text === undefined || matches(drawnText(s.el), text))).map((s) => dataOf(s, `.${cls}`)),
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
    async typeKeys(name, value, everyMs) {
      const first = field(name);
      const before = String(propOf(rt.templates, first.node, 'value') ?? '');
      rt.dispatch(page(), first.node, first.ancestors, 'focus', { value: before, height: 0 });
      for (let i = 1; i <= value.length; i++) {
        await new Promise((r) => setTimeout(r, everyMs));
        const f = field(name);
        const typed = before + value.slice(0, i);
        rt.dispatch(page(), f.node, f.ancestors, 'input', { value: typed, cursor: typed.length, keyCode: 0 });
      }
      const f = field(name);
      rt.dispatch(page(), f.node, f.ancestors, 'blur', { value: before + value, cursor: (before + value).length });
      await rt.settle();
    },
    async pick(name, value) {
      const f = field(name);
      rt.dispatch(page(), f.node, f.ancestors, 'change', { value });
      await rt.settle();
    },
    async waitFor(want, ms = 5_000) {
      const started = Date.now();
      while (!matches(drawnText(drawn()), want)) {
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

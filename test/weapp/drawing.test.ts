// The page as WeChat draws it. Taro's base.wxml has 15 levels of templates; a node deeper than
// that goes to `tmpl_15_container`, the `comp` custom component, which draws it from level 0
// again. No page of the app is that deep today (the deepest data tree is 11 levels), so this test
// nests the home page's own tree 40 levels down, through the setData Taro uses, and checks that
// WeChat would still draw every text of it: two `comp`s deep, with no template missing.
import { describe, expect, it } from 'vitest';
import { HOST } from '../support/harness';
import { drawnText, elements, shapeOf } from './support/drawn';
import { useWeapp } from './support/session';
import { textOf, type TreeNode } from './support/tree';

const w = useWeapp();
const LEVELS = 40;

describe('the drawn page', () => {
  it('shows all the text of a page nested deeper than Taro’s template levels (through comp)', async () => {
    w.rt.as(HOST);
    const page = await w.me.open('/pages/index/index');
    await w.me.waitFor('张晓明，您好');
    const own = page.data.root?.cn ?? [];
    const view = String(own[0]?.nn);
    let nested: TreeNode[] = own;
    for (let i = 0; i < LEVELS; i++) nested = [{ nn: view, sid: `deep-${i}`, cl: 'deep', cn: nested }];
    page.setData({ 'root.cn': nested });

    const drawn = w.rt.drawn(page);
    const comps = [...elements(drawn)].filter((s) => s.el.tag === 'wx-comp');
    expect(comps.length, 'the nodes past level 15 are drawn by the comp component, and past 30 by a comp inside it').toBeGreaterThanOrEqual(2);
    expect(shapeOf(drawn).depth).toBeGreaterThan(LEVELS);
    expect(drawnText(drawn)).toContain('张晓明，您好');
    expect(drawnText(drawn)).toBe(textOf(page.data.root ?? {}));
    expect(w.rt.warnings).toEqual([]);
  });

  it('reports a node that base.wxml has no template for, as WeChat prints it', async () => {
    w.rt.as(HOST);
    const page = await w.me.open('/pages/index/index');
    await w.me.waitFor('张晓明，您好');
    page.setData({ 'root.cn': [{ nn: 'i', sid: 'icon-1', cl: 'nut-icon', cn: [] }] });
    expect(w.rt.warnings.splice(0)).toEqual(['pages/index/index: WXMLRT_$gwx:base.wxml:template:3:16: Template `tmpl_0_i` not found.']);
  });
});

// 适老化: WeChat set to 关怀模式 (23.8 px on a 375 px iPhone, fontSizeScaleFactor 1.4). Every page of
// pages.table.ts opens in the weapp build with no error and its data shown, its text scaled through
// the --font-scale its root view carries; the factor is read again when the person comes back from
// WeChat's settings; 大字模式 in 我的 asks for the large size with WeChat at standard.
import { describe, expect, it } from 'vitest';
import { HOST } from '../support/harness';
import { PAGES } from './pages.table';
import { propOf } from './support/tree';
import { useWeapp } from './support/session';

const CARE = 23.8 / 17;
const w = useWeapp({ world: true, device: { fontSizeScaleFactor: CARE } });

/** The --font-scale the open page's root view carries (null: none). */
function pageScale(): number | null {
  const root = w.me.find({ cls: 'font-scale-root' });
  // Taro sends a node's style as `st` (base.wxml: style="{{i.st}}").
  const style = String(root.node.st ?? propOf(w.rt.templates, root.node, 'style') ?? '');
  const m = /--font-scale:\s*([\d.]+)/.exec(style);
  return m ? Number(m[1]) : null;
}

describe('every page at 关怀模式 size', () => {
  it('reads the font size from wx.getAppBaseInfo', () => {
    const info = (w.rt.wx.getAppBaseInfo as () => { fontSizeScaleFactor: number; fontSizeSetting: number })();
    expect(info).toMatchObject({ fontSizeScaleFactor: CARE, fontSizeSetting: 23.8 });
  });

  for (const [route, entry] of Object.entries(PAGES)) {
    it(`${route} opens with its text at 1.4×`, async () => {
      w.rt.errors.length = 0;
      w.rt.as(entry.as);
      const query = entry.query(w.world);
      await w.me.open(`/${route}${query ? `?${query}` : ''}`);
      await w.me.waitFor(entry.shows).catch((e: unknown) => {
        throw new Error(`${route}: ${(e as Error).message}`);
      });
      expect(w.me.all('error-box'), `${route} shows an error`).toEqual([]);
      expect(w.rt.errors, `${route} threw`).toEqual([]);
      expect(pageScale()).toBe(1.4);
    });
  }

  it('follows WeChat’s font size when the person comes back from changing it, and 大字模式 keeps it large here', async () => {
    w.rt.as(HOST);
    await w.me.open('/pages/mine/index');
    await w.me.waitFor('大字模式');
    w.rt.device.fontSizeScaleFactor = 1;
    await w.rt.returnFromBackground();
    expect(pageScale()).toBe(1);
    // Smaller than standard in WeChat: never below the standard size here.
    w.rt.device.fontSizeScaleFactor = 16 / 17;
    await w.rt.returnFromBackground();
    expect(pageScale()).toBe(1);

    await w.me.tap({ cls: 'mine-large-text-toggle' });
    await w.me.waitFor('已开启');
    expect(pageScale()).toBe(1.4);
    expect(w.rt.state.storage.get('dangjian.largeText')).toBe(true);
    // Remembered: another page opens large too.
    await w.me.open('/pages/index/index');
    await w.me.waitFor('张晓明，您好');
    expect(pageScale()).toBe(1.4);

    await w.me.open('/pages/mine/index');
    await w.me.tap({ cls: 'mine-large-text-toggle' });
    await w.me.waitFor('未开启');
    expect(pageScale()).toBe(1);
    w.rt.device.fontSizeScaleFactor = CARE;
    await w.rt.returnFromBackground();
    expect(pageScale()).toBe(1.4);
  });

  it('asked for no wx API the double lacks', () => {
    expect([...w.rt.state.missing]).toEqual([]);
  });
});

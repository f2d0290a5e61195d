// A promoted brand's showcase in the weapp build: its share hooks, opening it from a
// mini-program code's scene, and the poster path (canvas, then album) with a refused album.
import { beforeAll, describe, expect, it } from 'vitest';
import { MEMBER2, SECRETARY_CS } from '../support/harness';
import { stripedPng } from '../support/png';
import { classesOf, propOf, walk } from './support/tree';
import { brandName } from '../security/world';
import { useWeapp } from './support/session';

const PAGE = 'packages/showcase/brand/index';
const NAME = brandName('promoted', 'cs');
const COMMITTEE = '计算机与软件学院党委';
let id = '';
const w = useWeapp({ world: true });
beforeAll(() => {
  id = w.world.brands.promoted.cs.id;
  w.rt.as(MEMBER2);
});

const showsTheBrand = async () => {
  await w.me.waitFor('品牌内涵');
  expect(w.me.page().route).toBe(PAGE);
  expect(w.me.text()).toContain(NAME);
  expect(w.me.text()).toContain(`${COMMITTEE} · `);
  expect(w.rt.title(w.me.page())).toBe(NAME);
};

describe('a promoted brand in the weapp build', () => {
  it('shares to a chat and to 朋友圈 with its title and a path that opens it', async () => {
    const page = await w.me.open(`/${PAGE}?id=${id}`);
    await showsTheBrand();
    expect(typeof page.onShareAppMessage).toBe('function');
    expect(typeof page.onShareTimeline).toBe('function');
    const chat = (page.onShareAppMessage as (o: unknown) => { title: string; path: string })({ from: 'menu' });
    expect(chat.title).toBe(`${NAME} · ${COMMITTEE}党建品牌`);
    const moments = (page.onShareTimeline as () => { title: string; query: string })();
    expect(moments.title).toBe(`${NAME} · ${COMMITTEE}`);

    await w.me.open(chat.path);
    await showsTheBrand();
    await w.me.open(`/${PAGE}?${moments.query}`);
    await showsTheBrand();
    expect(w.rt.errors).toEqual([]);
  });

  it('draws the poster (code, canvas, picture) and saves it to the album after the privacy consent', async () => {
    await w.me.open(`/${PAGE}?id=${id}`);
    await showsTheBrand();
    const from = w.rt.log.length;
    await w.me.tap('生成分享海报');
    await w.me.waitFor('保存图片');
    await w.me.tap(/^保存图片$/);
    // WeChat holds the album until the person agrees to the privacy guide, shown on this page.
    await w.me.waitFor('用户隐私保护提示');
    expect(w.rt.privacy.held()).toEqual(['saveImageToPhotosAlbum']);
    await w.me.tap('同意并继续');
    await w.me.waitFor(/^(?!.*用户隐私保护提示)/);
    expect(w.rt.state.toasts).toContain('已保存到相册');
    expect(w.rt.state.saved).toHaveLength(1);
    expect(w.rt.state.saved[0].bytes.subarray(1, 4).toString()).toBe('PNG');

    const calls = w.rt.log.slice(from).map((c) => c.api).filter((a) => a !== 'privacy.resolve' && a !== 'setNavigationBarTitle');
    expect(calls).toEqual(['cloud.callFunction', 'createSelectorQuery', 'Canvas.getContext', 'Canvas.createImage', 'Canvas.Image.src', 'canvasToTempFilePath', 'saveImageToPhotosAlbum', 'showToast']);
    expect(w.rt.log.slice(from).find((c) => c.api === 'cloud.callFunction')?.args).toMatchObject({ name: 'api', data: { procedure: 'brand.posterCode', input: { id } } });
    expect(w.cloud.codes.at(-1)).toEqual({ scene: id, page: PAGE });
    expect(w.rt.errors).toEqual([]);
  });

  it('opens from the mini-program code: the scene in the query shows that brand', async () => {
    const scene = w.cloud.codes.at(-1)?.scene;
    expect(scene).toBe(id);
    // A scan launches the page with the scene URI-encoded in the query (scene 1047).
    await w.me.open(`/${w.cloud.codes.at(-1)?.page}?scene=${encodeURIComponent(encodeURIComponent(scene ?? ''))}`);
    await showsTheBrand();
    await w.me.open(`/${PAGE}?scene=${encodeURIComponent(scene ?? '')}`);
    await showsTheBrand();
  });

  it('查看报道 copies the outside link for a browser (WeChat cannot open it)', async () => {
    await w.me.open(`/${PAGE}?id=${id}`);
    await showsTheBrand();
    await w.me.tap('查看报道 ›');
    expect(w.rt.state.clipboard).toBe('https://www.xuexi.cn/a.html');
    expect(w.rt.state.toasts.at(-1)).toBe('链接已复制，请在浏览器中打开');
  });

  it('a refused album permission says what to do', async () => {
    w.rt.device.albumPermission = 'denied';
    await w.me.open(`/${PAGE}?id=${id}`);
    await showsTheBrand();
    await w.me.tap('生成分享海报');
    await w.me.waitFor('保存图片');
    const saved = w.rt.state.saved.length;
    await w.me.tap(/^保存图片$/);
    await w.me.waitFor('未能保存到相册：请在“设置”中允许保存到相册后重试');
    expect(w.rt.state.saved).toHaveLength(saved);
    expect(w.rt.log.at(-1)?.api).toBe('saveImageToPhotosAlbum');
  });

  it('a 活动载体 photo from the album (chooseMedia) uploads to cloud storage and shows, full screen on a tap', async () => {
    w.rt.as(SECRETARY_CS);
    const photo = stripedPng(64, 64);
    w.rt.device.album = [photo];
    await w.me.open(`/packages/brand/edit/index?id=${w.world.brands.draft.cs.id}`);
    await w.me.waitFor('品牌标识（可选）');
    const inCarrier = () => {
      const editor = w.me.find({ cls: 'carrier-photos' });
      return [...walk(w.rt.templates, editor.node, [...editor.ancestors, editor.node])];
    };
    const add = inCarrier().find((f) => classesOf(f.node).includes('photo-add'));
    expect(add, 'the 活动载体 photos offer ＋ 添加图片').toBeTruthy();
    await w.me.tap(add ?? { cls: 'photo-add' });
    const upload = w.rt.log.filter((c) => c.api === 'cloud.uploadFile').at(-1);
    expect((upload?.args as { cloudPath: string }).cloudPath).toMatch(/^uploads\/.+\.png$/);
    expect([...w.cloud.storage.values()].some((b) => b.equals(photo))).toBe(true);
    const images = inCarrier().filter((f) => f.tag === 'image');
    expect(images).toHaveLength(1);
    const src = String(propOf(w.rt.templates, images[0].node, 'src'));
    expect(src).toMatch(/^wxfile:\/\/tmp_.+\.png$/);
    await w.me.tap(images[0]);
    expect(w.rt.state.previewed.at(-1)).toEqual({ urls: [src], current: src });
    expect(w.rt.errors).toEqual([]);
  });
});

// A promoted brand's showcase in the weapp build: its share hooks, opening it from a
// mini-program code's scene, and the poster path (canvas, then album) with a refused album.
import { copyFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../cloudfunctions/core/adapters/sqlite/store';
import { MEMBER2 } from '../support/harness';
import { brandName, buildWorld, removeWorldFiles, WORLD_NOW, type World } from '../security/world';
import { startCloud, type CloudSide } from './support/cloud';
import { person, type Person } from './support/person';
import { createRuntime, type Runtime } from './support/runtime';

const PAGE = 'packages/showcase/brand/index';
const NAME = brandName('promoted', 'cs');
const COMMITTEE = '计算机与软件学院党委';
let world: World;
let cloud: CloudSide;
let rt: Runtime;
let me: Person;
let id = '';
beforeAll(async () => {
  world = await buildWorld();
  copyFileSync(world.file, `${world.file}.brand.sqlite`);
  cloud = await startCloud({ store: openSqliteStore(`${world.file}.brand.sqlite`), now: WORLD_NOW });
  rt = createRuntime(cloud);
  me = person(rt);
  id = world.brands.promoted.cs.id;
  rt.as(MEMBER2);
});
afterAll(async () => {
  await cloud?.close();
  removeWorldFiles();
});

const showsTheBrand = async () => {
  await me.waitFor('品牌内涵');
  expect(me.page().route).toBe(PAGE);
  expect(me.text()).toContain(NAME);
  expect(me.text()).toContain(`${COMMITTEE} · `);
  expect(rt.title(me.page())).toBe(NAME);
};

describe('a promoted brand in the weapp build', () => {
  it('shares to a chat and to 朋友圈 with its title and a path that opens it', async () => {
    const page = await me.open(`/${PAGE}?id=${id}`);
    await showsTheBrand();
    expect(typeof page.onShareAppMessage).toBe('function');
    expect(typeof page.onShareTimeline).toBe('function');
    const chat = (page.onShareAppMessage as (o: unknown) => { title: string; path: string })({ from: 'menu' });
    expect(chat.title).toBe(`${NAME} · ${COMMITTEE}党建品牌`);
    const moments = (page.onShareTimeline as () => { title: string; query: string })();
    expect(moments.title).toBe(`${NAME} · ${COMMITTEE}`);

    await me.open(chat.path);
    await showsTheBrand();
    await me.open(`/${PAGE}?${moments.query}`);
    await showsTheBrand();
    expect(rt.errors).toEqual([]);
  });

  it('draws the poster (code, canvas, picture) and saves it to the album after the privacy consent', async () => {
    await me.open(`/${PAGE}?id=${id}`);
    await showsTheBrand();
    const from = rt.log.length;
    await me.tap('生成分享海报');
    await me.waitFor('保存图片');
    await me.tap(/^保存图片$/);
    // WeChat holds the album until the person agrees to the privacy guide, shown on this page.
    await me.waitFor('用户隐私保护提示');
    expect(rt.privacy.held()).toEqual(['saveImageToPhotosAlbum']);
    await me.tap('同意并继续');
    await me.waitFor(/^(?!.*用户隐私保护提示)/);
    expect(rt.state.toasts).toContain('已保存到相册');
    expect(rt.state.saved).toHaveLength(1);
    expect(rt.state.saved[0].bytes.subarray(1, 4).toString()).toBe('PNG');

    const calls = rt.log.slice(from).map((c) => c.api).filter((a) => a !== 'privacy.resolve' && a !== 'setNavigationBarTitle');
    expect(calls).toEqual(['cloud.callFunction', 'createSelectorQuery', 'Canvas.getContext', 'Canvas.createImage', 'Canvas.Image.src', 'canvasToTempFilePath', 'saveImageToPhotosAlbum', 'showToast']);
    expect(rt.log.slice(from).find((c) => c.api === 'cloud.callFunction')?.args).toMatchObject({ name: 'api', data: { procedure: 'brand.posterCode', input: { id } } });
    expect(cloud.codes.at(-1)).toEqual({ scene: id, page: PAGE });
    expect(rt.errors).toEqual([]);
  });

  it('opens from the mini-program code: the scene in the query shows that brand', async () => {
    const scene = cloud.codes.at(-1)?.scene;
    expect(scene).toBe(id);
    // A scan launches the page with the scene URI-encoded in the query (scene 1047).
    await me.open(`/${cloud.codes.at(-1)?.page}?scene=${encodeURIComponent(encodeURIComponent(scene ?? ''))}`);
    await showsTheBrand();
    await me.open(`/${PAGE}?scene=${encodeURIComponent(scene ?? '')}`);
    await showsTheBrand();
  });

  it('a refused album permission says what to do', async () => {
    rt.device.albumPermission = 'denied';
    await me.open(`/${PAGE}?id=${id}`);
    await showsTheBrand();
    await me.tap('生成分享海报');
    await me.waitFor('保存图片');
    const saved = rt.state.saved.length;
    await me.tap(/^保存图片$/);
    await me.waitFor('未能保存到相册：请在“设置”中允许保存到相册后重试');
    expect(rt.state.saved).toHaveLength(saved);
    expect(rt.log.at(-1)?.api).toBe('saveImageToPhotosAlbum');
  });
});

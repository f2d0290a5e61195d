// Navigation in the weapp build: the app's own switchTab and redirectTo taps, and the page stack
// of the runtime double as WeChat keeps it (lifecycles, tab pages, the 10-page limit).
import { describe, expect, it } from 'vitest';
import { ADMIN, HOST, MEMBER2, OPEN_BATCH } from '../support/harness';
import { useWeapp } from './support/session';

const w = useWeapp();
const HOME = 'pages/index/index';

async function invitation(): Promise<{ projectId: string; token: string }> {
  const call = async (procedure: string, input: unknown) => {
    const r = await w.cloud.router.call({ openid: HOST }, { procedure, input, requestId: `nav-${procedure}` });
    if (!r.ok) throw new Error(`${procedure}: ${r.error.message}`);
    return r.data as Record<string, unknown>;
  };
  const project = await call('project.create', { batchId: OPEN_BATCH });
  const { token } = await call('team.invite', { projectId: project._id });
  return { projectId: String(project._id), token: String(token) };
}

/** Calls a wx navigation API as the app would and answers its errMsg. */
function wxNavigate(api: string, options: Record<string, unknown>): Promise<string> {
  return new Promise((resolve) => (w.rt.wx[api] as (o: unknown) => void)({ ...options, success: (r: { errMsg: string }) => resolve(r.errMsg), fail: (r: { errMsg: string }) => resolve(r.errMsg) }));
}

describe('the app navigates', () => {
  it('an invitation: 确认加入, then 查看项目 replaces the page with the 申报书 (redirectTo)', async () => {
    const { projectId, token } = await invitation();
    w.rt.as(MEMBER2);
    await w.me.open(`/packages/project/join/index?token=${token}`);
    await w.me.tap('确认加入');
    await w.me.waitFor('您已是该项目团队的成员');
    await w.me.tap('查看项目');
    expect(w.rt.stack().map((p) => p.route)).toEqual(['packages/project/edit/index']);
    expect(w.me.page().options.id).toBe(projectId);
    await w.me.waitFor('李思雨');
    expect(w.rt.log.filter((c) => c.api === 'redirectTo')).toHaveLength(1);
  });

  it('a refused page: 返回首页 switches to the home tab (switchTab)', async () => {
    w.rt.as(HOST);
    // 我的党建品牌 is the secretaries' page: a member is refused there.
    await w.me.open('/packages/brand/mine/index');
    await w.me.waitFor('返回首页');
    await w.me.tap('返回首页');
    expect(w.rt.stack().map((p) => p.route)).toEqual([HOME]);
    await w.me.waitFor('张晓明，您好');
    expect(w.rt.log.filter((c) => c.api === 'switchTab').at(-1)?.args).toMatchObject({ url: '/pages/index/index' });
  });
});

describe('a link from before a page moved to the packages/me subpackage', () => {
  it('a subscription message to pages/todo/index opens 我的待办 where it is now (onPageNotFound, redirectTo)', async () => {
    w.rt.as(HOST);
    await w.me.open('/pages/todo/index');
    expect(w.rt.stack().map((p) => p.route)).toEqual(['packages/me/todo/index']);
    await w.me.waitFor('开启微信提醒');
    expect(w.rt.log.filter((c) => c.api === 'redirectTo').at(-1)?.args).toMatchObject({ url: '/packages/me/todo/index' });
  });

  it('keeps the query of the old link, and sends a path that never existed to the home page', async () => {
    w.rt.as(HOST);
    await w.me.open('/pages/messages/index?from=wechat');
    expect(w.rt.stack().map((p) => p.route)).toEqual(['packages/me/messages/index']);
    expect(w.me.page().options.from).toBe('wechat');
    await w.me.open('/pages/nowhere/index');
    expect(w.rt.stack().map((p) => p.route)).toEqual([HOME]);
  });
});

describe('the app goes back', () => {
  it('saving a batch leaves its page for the list it came from (getCurrentPages, navigateBack)', async () => {
    w.rt.as(ADMIN);
    await w.me.open('/packages/admin/batches/index');
    await w.me.waitFor('第三批校级党建精品项目');
    await w.me.tap({ cls: 'batch-edit' });
    expect(w.rt.top().route).toBe('packages/admin/batch/index');
    await w.me.waitFor('修改后点“保存”');
    await w.me.tap({ cls: 'batch-save' });
    await w.me.waitFor('第三批校级党建精品项目');
    expect(w.rt.state.toasts).toContain('已保存');
    expect(w.rt.stack().map((p) => p.route)).toEqual(['packages/admin/batches/index']);
    expect(w.rt.log.filter((c) => c.api === 'navigateBack')).toHaveLength(1);
    expect(w.rt.errors).toEqual([]);
  });
});

describe('the page stack of the double', () => {
  it('keeps at most 10 pages, as WeChat does', async () => {
    w.rt.as(MEMBER2);
    await w.me.open('/packages/showcase/list/index');
    for (let i = 1; i < 10; i++) expect(await wxNavigate('navigateTo', { url: '/packages/showcase/list/index' })).toBe('navigateTo:ok');
    expect(w.rt.stack()).toHaveLength(10);
    expect(await wxNavigate('navigateTo', { url: '/packages/showcase/list/index' })).toBe('navigateTo:fail webview count limit exceed');
    expect(w.rt.stack()).toHaveLength(10);
    expect(await wxNavigate('redirectTo', { url: '/packages/showcase/publicity/index' })).toBe('redirectTo:ok');
    expect(w.rt.stack()).toHaveLength(10);
    expect(w.rt.top().route).toBe('packages/showcase/publicity/index');
    expect(await wxNavigate('navigateBack', { delta: 3 })).toBe('navigateBack:ok');
    expect(w.rt.stack()).toHaveLength(7);
    expect(await wxNavigate('navigateTo', { url: `/${HOME}` })).toBe('navigateTo:fail can not navigateTo a tabbar page');
    expect(await wxNavigate('switchTab', { url: '/packages/showcase/list/index' })).toBe('switchTab:fail can not switch to no-tabBar page');
    expect(await wxNavigate('switchTab', { url: `/${HOME}` })).toBe('switchTab:ok');
    expect(w.rt.stack().map((p) => p.route)).toEqual([HOME]);
    expect(await wxNavigate('navigateBack', {})).toBe('navigateBack:fail cannot navigate back at first page.');
    await w.rt.settle();
  });
});

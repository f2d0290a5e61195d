// Reminders and the to-do badge in the weapp build: requestSubscribeMessage runs only inside a
// tap handler (WeChat refuses it from onLoad or a timer), and the home tab's badge follows the
// number of open to-dos.
import { beforeAll, describe, expect, it } from 'vitest';
import { HOST } from '../support/harness';
import { useWeapp } from './support/session';

const w = useWeapp();
beforeAll(() => w.rt.as(HOST));

const subscribeCalls = () => w.rt.log.filter((c) => c.api === 'requestSubscribeMessage');
const HOME_TAB = 0;

describe('the home tab badge follows the to-do count', () => {
  it('shows no badge without to-dos, then 1 once a draft waits to be submitted', async () => {
    await w.me.open('/pages/index/index');
    expect(w.me.text()).toContain('暂无 ›');
    expect(w.rt.state.badges.has(HOME_TAB)).toBe(false);
    expect(w.rt.log.some((c) => c.api === 'removeTabBarBadge' && c.page === 'pages/index/index')).toBe(true);

    await w.me.tap('新建申报书');
    await w.me.waitFor('基本信息');
    await w.me.back();
    await w.me.waitFor('1 项 ›');
    expect(w.rt.top().route).toBe('pages/index/index');
    expect(w.rt.state.badges.get(HOME_TAB)).toBe('1');
  });
});

describe('requestSubscribeMessage only from a tap', () => {
  it('is not called while the to-do page opens, and is called once, inside the tap, by 开启微信提醒', async () => {
    const from = w.rt.log.length;
    await w.me.open('/packages/me/todo/index');
    await w.me.waitFor('开启微信提醒');
    await new Promise((r) => setTimeout(r, 300));
    expect(w.rt.log.slice(from).filter((c) => c.api === 'requestSubscribeMessage')).toEqual([]);

    await w.me.tap('开启微信提醒');
    await w.me.waitFor(/已开启 \d 类提醒/);
    const calls = w.rt.log.slice(from).filter((c) => c.api === 'requestSubscribeMessage');
    expect(calls).toHaveLength(1);
    expect(calls[0].duringTap).toBe(true);
    expect((calls[0].args as { tmplIds: string[] }).tmplIds.length).toBeGreaterThan(0);
  });

  it('every call the app made in this file was inside a tap', () => {
    expect(subscribeCalls().length).toBeGreaterThan(0);
    expect(subscribeCalls().filter((c) => !c.duringTap)).toEqual([]);
  });

  it('a pull-down on the to-do page reloads it and stops the refresh indicator', async () => {
    await w.me.open('/packages/me/todo/index');
    await w.me.waitFor('开启微信提醒');
    const from = w.rt.log.length;
    await w.rt.pullDown();
    const calls = w.rt.log.slice(from).map((c) => c.api);
    expect(calls).toContain('cloud.callFunction');
    expect(calls).toContain('stopPullDownRefresh');
    expect(calls).not.toContain('requestSubscribeMessage');
  });
});

// Reminders and the to-do badge in the weapp build: requestSubscribeMessage runs only inside a
// tap handler (WeChat refuses it from onLoad or a timer), and the home tab's badge follows the
// number of open to-dos.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST } from '../support/harness';
import { startCloud, type CloudSide } from './support/cloud';
import { person, type Person } from './support/person';
import { createRuntime, type Runtime } from './support/runtime';

let cloud: CloudSide;
let rt: Runtime;
let me: Person;
beforeAll(async () => {
  cloud = await startCloud();
  rt = createRuntime(cloud);
  me = person(rt);
  rt.as(HOST);
});
afterAll(() => cloud?.close());

const subscribeCalls = () => rt.log.filter((c) => c.api === 'requestSubscribeMessage');
const HOME_TAB = 0;

describe('the home tab badge follows the to-do count', () => {
  it('shows no badge without to-dos, then 1 once a draft waits to be submitted', async () => {
    await me.open('/pages/index/index');
    expect(me.text()).toContain('暂无 ›');
    expect(rt.state.badges.has(HOME_TAB)).toBe(false);
    expect(rt.log.some((c) => c.api === 'removeTabBarBadge' && c.page === 'pages/index/index')).toBe(true);

    await me.tap('新建申报书');
    await me.waitFor('基本信息');
    await me.back();
    await me.waitFor('1 项 ›');
    expect(rt.top().route).toBe('pages/index/index');
    expect(rt.state.badges.get(HOME_TAB)).toBe('1');
  });
});

describe('requestSubscribeMessage only from a tap', () => {
  it('is not called while the to-do page opens, and is called once, inside the tap, by 开启微信提醒', async () => {
    const from = rt.log.length;
    await me.open('/pages/todo/index');
    await me.waitFor('开启微信提醒');
    await new Promise((r) => setTimeout(r, 300));
    expect(rt.log.slice(from).filter((c) => c.api === 'requestSubscribeMessage')).toEqual([]);

    await me.tap('开启微信提醒');
    await me.waitFor(/已开启 \d 类提醒/);
    const calls = rt.log.slice(from).filter((c) => c.api === 'requestSubscribeMessage');
    expect(calls).toHaveLength(1);
    expect(calls[0].duringTap).toBe(true);
    expect((calls[0].args as { tmplIds: string[] }).tmplIds.length).toBeGreaterThan(0);
  });

  it('every call the app made in this file was inside a tap', () => {
    expect(subscribeCalls().length).toBeGreaterThan(0);
    expect(subscribeCalls().filter((c) => !c.duringTap)).toEqual([]);
  });
});

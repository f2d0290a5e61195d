import { describe, expect, it } from 'vitest';
import { createWechatNotifier } from './notifier';

const message = { toUserId: 'u1', openid: 'o1', templateId: 't1', title: '截止提醒', page: 'pages/index/index', data: { thing1: { value: '提交申报' } }, lines: [] };

const api = (behaviour: () => Promise<{ errCode?: number; errMsg?: string }>) => ({ subscribeMessage: { send: behaviour } });

describe('the WeChat notifier classifies subscribeMessage.send errors', () => {
  it.each([
    [43101, 'noGrant'],
    [47003, 'badData'],
    [-1, 'transient'],
    [45009, 'transient'],
  ])('errCode %i → %s', async (errCode, kind) => {
    const thrown = await createWechatNotifier(api(() => Promise.reject(Object.assign(new Error('x'), { errCode, errMsg: 'x' })))).send(message);
    expect(thrown).toMatchObject({ ok: false, kind });
    const answered = await createWechatNotifier(api(async () => ({ errCode, errMsg: 'x' }))).send(message);
    expect(answered).toMatchObject({ ok: false, kind });
  });

  it('a failure without a code (timeout) is unknown: maybe delivered, never retried', async () => {
    expect(await createWechatNotifier(api(() => Promise.reject(new Error('ETIMEDOUT')))).send(message)).toMatchObject({ ok: false, kind: 'unknown' });
  });

  it('errCode 0 is a send', async () => {
    expect(await createWechatNotifier(api(async () => ({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }))).send(message)).toEqual({ ok: true });
  });
});

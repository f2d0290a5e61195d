import cloud from 'wx-server-sdk';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { openWechatStore, stopWechatFake } from '../../../../test/support/wechat-store';
import type { Store } from '../../ports/store';
import type { MediaCheck } from '../../services/media-check';
import { createWechatMain, type WechatCloud } from './entry';
import { classifyTrigger, type WxContext } from './trigger';
import { createSchedulerMain, type SchedulerCloud } from './scheduler-entry';
import type { ExportFile } from '../../services/export-files';
import { loadReminderConfig } from '../../jobs/reminder-config';

// The api function's entry over the real wx-server-sdk database (against the loopback fake of
// CloudBase's wire); openapi is a labelled stand-in for Tencent's servers.
const fakeOpenapi = {
  security: { msgSecCheck: async () => ({ result: { suggest: 'pass' } }), mediaCheckAsync: async () => ({ trace_id: 'x' }) },
  wxacode: { getUnlimited: async () => ({ buffer: Buffer.from('png') }) },
  subscribeMessage: { send: async () => ({}) },
};

const MEMBER: WxContext = { OPENID: 'dev-member-1', SOURCE: 'wx_client' };
/** Undocumented in detail: a push or an HTTP request has no OPENID and no client SOURCE. */
const SERVER: WxContext = { SOURCE: 'wx_unknown' };

const push = { ToUserName: 'gh_abcdef123456', FromUserName: 'o-system', CreateTime: 1764640000, MsgType: 'event', Event: 'wxa_media_check', trace_id: 'trace-1', result: { suggest: 'pass' } };
const http = (path: string, headers: Record<string, string> = {}) => ({
  httpMethod: 'POST',
  path,
  headers: { 'content-type': 'application/json', ...headers },
  queryStringParameters: {},
  body: JSON.stringify({ input: {} }),
  isBase64Encoded: false,
  requestContext: { sourceIp: '203.0.113.7' },
});

let store: Store;
let context: WxContext;
let main: (event: unknown) => Promise<unknown>;

beforeEach(async () => {
  ({ store } = await openWechatStore());
  await store.insert<MediaCheck>('mediaChecks', { _id: 'cloud://env/logo.png', status: 'pending', traceId: 'trace-1', checkedAt: '2026-11-27T00:00:00.000Z' });
  const double: WechatCloud = {
    database: () => cloud.database() as unknown as ReturnType<WechatCloud['database']>,
    getWXContext: () => context,
    openapi: fakeOpenapi,
    uploadFile: async () => ({ fileID: 'cloud://env/x.png' }),
    getTempFileURL: async () => ({ fileList: [] }),
    downloadFile: async () => ({ fileContent: Buffer.alloc(0) }),
    deleteFile: async () => ({ fileList: [] }),
  };
  main = createWechatMain(double);
});
afterAll(() => stopWechatFake());

const verdict = async () => (await store.get<MediaCheck>('mediaChecks', 'cloud://env/logo.png'))?.status;

describe('the api entry tells its triggers apart by what WeChat puts in the context', () => {
  it('classifies by OPENID and SOURCE, not by the payload', () => {
    expect(classifyTrigger(push, MEMBER)).toEqual({ kind: 'call', openid: 'dev-member-1' });
    expect(classifyTrigger(http('/api/x'), MEMBER)).toEqual({ kind: 'call', openid: 'dev-member-1' });
    // A client call relayed by another function keeps the client's first link.
    expect(classifyTrigger(push, { OPENID: 'o1', SOURCE: 'wx_client,scf' }).kind).toBe('call');
    expect(classifyTrigger(push, SERVER)).toEqual({ kind: 'push' });
    expect(classifyTrigger(http('/api/x'), SERVER)).toEqual({ kind: 'http' });
    // A push that names a different user than the context's OPENID is not WeChat's push.
    expect(classifyTrigger(push, { OPENID: 'o-someone', SOURCE: 'wx_unknown' }).kind).toBe('call');
    expect(classifyTrigger({ procedure: 'session.me' }, SERVER)).toEqual({ kind: 'call', openid: null });
  });

  it('a forged push from a mini-program caller records no verdict', async () => {
    context = MEMBER;
    const answer = (await main(push)) as { ok: boolean; error?: { code: string } };
    expect(answer.ok).toBe(false);
    expect(answer.error?.code).toBe('VALIDATION');
    expect(await verdict()).toBe('pending');
  });

  it('WeChat’s own push records the verdict', async () => {
    context = SERVER;
    expect(await main(push)).toEqual({ ok: true, data: 'success' });
    expect(await verdict()).toBe('pass');
  });

  it('a forged HTTP shape from a mini-program caller gains nothing: no HTTP answer, no procedure run', async () => {
    context = MEMBER;
    const forged = (await main(http('/api/session.me', { authorization: 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }))) as Record<string, unknown>;
    expect(forged.statusCode).toBeUndefined();
    expect(forged).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('a real HTTP request is answered as one, signed out unless it carries a live session token', async () => {
    context = SERVER;
    const open = (await main(http('/api/brand.publicList'))) as { statusCode: number };
    expect(open.statusCode).toBe(200);
    const me = (await main(http('/api/session.me'))) as { statusCode: number };
    expect(me.statusCode).toBe(401);
    const dead = (await main(http('/api/brand.publicList', { authorization: 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }))) as { statusCode: number; body: string };
    expect(dead.statusCode).toBe(401);
    expect(JSON.parse(dead.body).error.details.signIn).toBe('pc');
  });
});

describe('the scheduler runs for its timer only', () => {
  const timer = { Type: 'Timer', TriggerName: 'every5min', Time: '2026-11-28T00:05:00Z', Message: '' };
  const NOW = new Date('2026-11-28T00:05:00Z');
  const OLD = '2026-11-26T00:00:00.000Z';

  async function scheduler(ctx: WxContext) {
    context = ctx;
    await store.insert<ExportFile>('exportFiles', { _id: 'e1', fileId: 'cloud://env/exports/old.xlsx', createdAt: OLD });
    const double = {
      database: () => cloud.database() as unknown as ReturnType<SchedulerCloud['database']>,
      getWXContext: () => context,
      openapi: fakeOpenapi,
      uploadFile: async () => ({ fileID: 'cloud://env/x.png' }),
      getTempFileURL: async () => ({ fileList: [] }),
      downloadFile: async () => ({ fileContent: Buffer.alloc(0) }),
      deleteFile: async (o: { fileList: string[] }) => {
        deleted.push(...o.fileList);
        return { fileList: [] };
      },
    };
    const deleted: string[] = [];
    return { main: createSchedulerMain(double, loadReminderConfig({}), () => NOW), deleted };
  }

  it('refuses a mini-program caller that sends a timer event: nothing runs', async () => {
    for (const ctx of [MEMBER, { OPENID: 'dev-member-1' }, { SOURCE: 'wx_devtools' }]) {
      const { main: run, deleted } = await scheduler(ctx);
      expect(await run(timer)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(deleted).toEqual([]);
      expect(await store.get('exportFiles', 'e1')).not.toBeNull();
      await store.remove('exportFiles', 'e1', 1);
    }
  });

  it('refuses a server caller whose event is not a timer’s', async () => {
    const { main: run } = await scheduler(SERVER);
    expect(await run({ procedure: 'scheduler.run' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await store.get('exportFiles', 'e1')).not.toBeNull();
  });

  it('runs for its timer, and deletes exports older than a day', async () => {
    const { main: run, deleted } = await scheduler(SERVER);
    expect(await run(timer)).toMatchObject({ ok: true });
    expect(deleted).toEqual(['cloud://env/exports/old.xlsx']);
    expect(await store.get('exportFiles', 'e1')).toBeNull();
  });
});

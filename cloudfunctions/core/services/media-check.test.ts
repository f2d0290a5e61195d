import { beforeEach, describe, expect, it } from 'vitest';
import type { BrandReport } from '@shared/domain/brand/report';
import { createHarness, SECRETARY_CS, ADMIN, type Harness } from '../../../test/support/harness';
import { mediaCheckPush } from '../adapters/wechat/push';
import { createApp } from '../app';
import { createLocalContentCheck, type ContentCheck } from '../ports/content-check';
import { NO_FILES, type FileStore } from '../ports/files';
import type { Router } from '../router/router';
import { recordMediaVerdict } from './media-check';

// WeChat's mediaCheckAsync answers later, by trace id: a stand-in for that behaviour.
const asyncCheck: ContentCheck = {
  checkText: createLocalContentCheck().checkText,
  async checkImage(url) {
    return { traceId: `trace-${url.split('/').pop()}` };
  },
};
const files: FileStore = { ...NO_FILES, async urls(ids) { return new Map(ids.map((id) => [id, `https://files.example.cn/${id.split(':').pop()}`])); } };

let h: Harness;
let app: Router;
beforeEach(async () => {
  h = await createHarness();
  app = createApp({ store: h.store, clock: () => h.now.value, files, contentCheck: asyncCheck, logger: { error: () => {} } });
});

async function as<T>(openid: string | null, procedure: string, input: unknown): Promise<T> {
  const r = await app.call(openid ? { openid } : null, { procedure, input });
  if (!r.ok) throw new Error(`${procedure}: ${r.error.message}`);
  return r.data as T;
}

const REPORT: BrandReport = {
  name: '红色引擎',
  logo: { fileId: 'local:logo.png', explanation: '标识' },
  connotation: '内涵',
  approach: '思路',
  stage: 'practice',
  carriers: [{ title: '讲堂', description: '', projectId: null, photos: ['local:a.jpg'] }],
  influence: [{ kind: 'award', title: '先进集体', date: '', link: 'https://example.cn/a', imageId: null }],
  problems: '',
  publicNames: [],
};

describe('pictures on a public page', () => {
  it('stay hidden until WeChat’s asynchronous check says they pass', async () => {
    type V = { _id: string; version: number };
    const b = await as<V>(SECRETARY_CS, 'brand.create', { year: 2026 });
    const s = await as<V>(SECRETARY_CS, 'brand.save', { id: b._id, version: b.version, report: REPORT });
    const sub = await as<V>(SECRETARY_CS, 'brand.submit', { id: s._id, version: s.version });
    const acc = await as<V>(ADMIN, 'brand.review', { id: sub._id, version: sub.version, decision: 'accept', comment: '' });
    await as<V>(ADMIN, 'brand.promote', { id: acc._id, version: acc.version });
    type Pub = { logo: unknown; carriers: Array<{ photos: string[] }> };
    const before = await as<Pub>(null, 'brand.public', { id: b._id });
    expect(before.logo).toBeNull();
    expect(before.carriers[0].photos).toEqual([]);

    const push = mediaCheckPush({ Event: 'wxa_media_check', trace_id: 'trace-logo.png', result: { suggest: 'pass' } });
    expect(push).toEqual({ traceId: 'trace-logo.png', suggest: 'pass' });
    expect(await recordMediaVerdict(h.store, push?.traceId ?? '', push?.suggest ?? '', h.now.value.toISOString())).toBe(true);
    await recordMediaVerdict(h.store, 'trace-a.jpg', 'risky', h.now.value.toISOString());
    const after = await as<Pub>(null, 'brand.public', { id: b._id });
    expect(after.logo).toEqual({ url: 'https://files.example.cn/logo.png', explanation: '标识' });
    expect(after.carriers[0].photos).toEqual([]); // judged risky: never shown
    expect(await recordMediaVerdict(h.store, 'unknown-trace', 'pass', h.now.value.toISOString())).toBe(false);
  });

  it('ignores events that are not media-check pushes', () => {
    expect(mediaCheckPush({ procedure: 'session.me' })).toBeNull();
    expect(mediaCheckPush(null)).toBeNull();
  });
});

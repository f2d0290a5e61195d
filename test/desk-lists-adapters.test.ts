/**
 * The desk lists that page in the store (people.list) or read their list as one aggregate
 * (committee.inbox, brand.library) answer the same on both adapters: SQLite, and WeChat through
 * wx-server-sdk to the CloudBase fake — the range searches, `_id $in` filters, counts, skips and
 * grouped reads they rely on.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { brandSearchText, type Brand } from '@shared/domain/brand/brand';
import type { BrandReport } from '@shared/domain/brand/report';
import type { User } from '@shared/domain/person';
import type { Project } from '@shared/domain/project/project';
import { createApp } from '../cloudfunctions/core/app';
import { NO_FILES } from '../cloudfunctions/core/ports/files';
import { nameKeys } from '../cloudfunctions/core/services/name-keys';
import type { Store } from '../cloudfunctions/core/ports/store';
import { seedIfEmpty } from '../cloudfunctions/local/seed';
import { COMPLETE_FIELDS, OPEN_BATCH } from './support/harness';
import { STORE_ADAPTERS } from './support/store-adapters';
import { stopWechatFake } from './support/wechat-store';

afterAll(stopWechatFake);

const NOW = new Date('2026-11-27T02:00:00Z');
const pad = (i: number) => String(i).padStart(2, '0');

async function seed(store: Store): Promise<void> {
  await seedIfEmpty(store, NOW);
  for (let i = 1; i <= 25; i++) {
    await store.insert<User>('users', {
      _id: `u_a${pad(i)}`,
      openid: `wx-a${pad(i)}`,
      profile: { name: `测试${pad(i)}`, staffNo: `Q${pad(i)}`, kind: 'teacher', committeeId: i % 2 ? 'c-pe' : 'c-art', branchId: i % 2 ? 'b-pe-t1' : 'b-art-t1', politicalStatus: 'full_member', isPartyWorker: false },
      ...nameKeys(`测试${pad(i)}`, `Q${pad(i)}`),
      profileStatus: i % 3 ? 'pending' : 'confirmed',
      roles: [{ role: 'member' }],
      createdAt: `2026-11-01T00:${pad(i)}:00.000Z`,
    });
    const at = `2026-11-20T01:${pad(i)}:00.000Z`;
    await store.insert<Project>('projects', {
      _id: `pa${pad(i)}`, batchId: OPEN_BATCH, committeeId: 'c-cs', hostId: `u_h${i}`, hostName: `主持${pad(i)}`, state: i % 4 ? 'submitted' : 'returned',
      fields: { ...COMPLETE_FIELDS, title: `项目${pad(26 - i)}` }, createdAt: at, updatedAt: at, submittedAt: at, committeeRank: null,
    });
    const report = { name: `品牌${pad(i)}`, stage: i % 2 ? 'summary' : 'improve' } as BrandReport;
    await store.insert<Brand>('brands', {
      _id: `ba${pad(i)}`, committeeId: i % 2 ? 'c-med' : 'c-me', year: 2024 + (i % 3), state: 'accepted', report, cultivation: null, returnComment: null,
      searchText: brandSearchText(report.name, i % 2 ? '医学部党委' : '机电与控制工程学院党委'), createdAt: at, updatedAt: at, submittedAt: at, acceptedAt: at, promotedAt: null,
    });
  }
}

const CALLS: Array<[string, string, Record<string, unknown>]> = [
  ['dev-admin', 'people.list', {}],
  ['dev-admin', 'people.list', { page: 1 }],
  ['dev-admin', 'people.list', { q: '测试1', sort: 'staffNo', direction: 'desc' }],
  ['dev-admin', 'people.list', { q: 'Q2' }],
  ['dev-admin', 'people.list', { sort: 'committee', page: 1 }],
  ['dev-admin', 'people.list', { sort: 'committee', direction: 'desc', pageSize: 50 }],
  ['dev-admin', 'people.list', { profileStatus: 'pending', committeeId: 'c-pe', sort: 'bound' }],
  ['dev-admin', 'people.list', { role: 'secretary', sort: 'committee' }],
  ['dev-secretary-cs', 'committee.inbox', {}],
  ['dev-secretary-cs', 'committee.inbox', { view: 'all', sort: 'title', pageSize: 20, page: 1 }],
  ['dev-secretary-cs', 'committee.inbox', { view: 'decided', q: '主持0' }],
  ['dev-admin', 'brand.library', { sort: 'committee', page: 1 }],
  ['dev-admin', 'brand.library', { keyword: '品牌1', sort: 'name', direction: 'desc' }],
  ['dev-secretary-me', 'brand.library', { year: 2025, stage: 'improve' }],
];

type Page = { items: Array<{ userId?: string; _id?: string }>; total: number };
const keyOf = (p: Page) => ({ total: p.total, ids: p.items.map((i) => i.userId ?? i._id) });

describe('the desk lists on both adapters', () => {
  it('answer the same pages, in the same order, with the same totals', async () => {
    const answers: Record<string, unknown[]> = {};
    for (const adapter of STORE_ADAPTERS) {
      const store = await adapter.open();
      try {
        await seed(store);
        let n = 0;
        const router = createApp({ store, clock: () => NOW, newId: () => `id${++n}`, files: NO_FILES, logger: { error: () => {} } });
        const out: unknown[] = [];
        for (const [openid, procedure, input] of CALLS) {
          const r = await router.call({ openid }, { procedure, input, requestId: `r${++n}` });
          if (!r.ok) throw new Error(`${adapter.name} ${procedure} ${JSON.stringify(input)}: ${r.error.code} ${r.error.message}`);
          out.push(keyOf(r.data as Page));
        }
        answers[adapter.name] = out;
      } finally {
        await store.close();
      }
    }
    expect(answers.wechat).toEqual(answers.sqlite);
    const [first, second, search, byNo] = answers.sqlite as Array<{ total: number; ids: string[] }>;
    expect(first.ids).toHaveLength(20);
    expect(new Set([...first.ids, ...second.ids]).size).toBe(first.ids.length + second.ids.length);
    expect(search.ids).toEqual(['u_a19', 'u_a18', 'u_a17', 'u_a16', 'u_a15', 'u_a14', 'u_a13', 'u_a12', 'u_a11', 'u_a10']);
    expect(byNo.ids).toEqual(['u_a20', 'u_a21', 'u_a22', 'u_a23', 'u_a24', 'u_a25']);
  }, 60_000);
});

import { beforeEach, describe, expect, it } from 'vitest';
import type { BrandReport } from '@shared/domain/brand/report';
import { createHarness, SECRETARY_CS, SECRETARY_ME, type Harness } from '../../../../test/support/harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

const REPORT: BrandReport = {
  name: '红色引擎',
  logo: null,
  connotation: '内涵',
  approach: '思路',
  stage: 'practice',
  carriers: [{ title: '讲堂', description: '', projectId: null, photos: [] }],
  influence: [{ kind: 'award', title: '先进集体', date: '', link: 'https://example.cn/a', imageId: null }],
  problems: '',
  publicNames: [],
};

const brandItems = async (openid: string) => (await h.ok(openid, 'todo.mine', {})).items.filter((i) => i.kind === 'submitBrandReport');

describe('the brand report in 我的待办', () => {
  it('is owed by each committee’s secretary until it is submitted, due with the batch’s applications', async () => {
    const [item] = await brandItems(SECRETARY_CS);
    expect(item).toMatchObject({ title: '2026年度党建品牌报告尚未创建', deadline: '2026-12-27', link: '/packages/brand/mine/index' });
    expect(await brandItems(SECRETARY_ME)).toHaveLength(1);
    const b = await h.ok(SECRETARY_CS, 'brand.create', { year: 2026 });
    expect((await brandItems(SECRETARY_CS))[0].title).toBe('2026年度党建品牌报告尚未报送');
    const saved = await h.ok(SECRETARY_CS, 'brand.save', { id: b._id, version: b.version, report: REPORT });
    await h.ok(SECRETARY_CS, 'brand.submit', { id: saved._id, version: saved.version });
    expect(await brandItems(SECRETARY_CS)).toEqual([]);
    expect(await brandItems(SECRETARY_ME)).toHaveLength(1);
  });
});

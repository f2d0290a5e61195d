import { beforeEach, describe, expect, it } from 'vitest';
import type { BrandView, ErrorCode, ProcedureName } from '@shared/contracts';
import type { Brand, BranchFeature } from '@shared/domain/brand/brand';
import type { BrandReport } from '@shared/domain/brand/report';
import { createApp } from '../../app';
import { NO_FILES, type FileStore } from '../../ports/files';
import type { MediaCheck } from '../../services/media-check';
import { ADMIN, COMPLETE_FIELDS, createHarness, HOST, OPEN_BATCH, SECRETARY_CS, SECRETARY_ME, type Harness } from '../../../../test/support/harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

const REVIEWER = 'dev-reviewer';

const FULL: BrandReport = {
  name: '红色引擎·智汇先锋',
  logo: { fileId: 'cloud://env/logo.png', explanation: '红色齿轮象征党建引领发展。' },
  connotation: '以党建引领科研创新，把支部建在团队上。',
  approach: '实践—总结—规范—提高—定型—推广，三年形成品牌。',
  stage: 'practice',
  carriers: [{ title: '先锋讲堂', description: '每月一次的党员讲堂。', projectId: null, photos: ['cloud://env/p1.jpg', 'local:p2.jpg'] }],
  influence: [{ kind: 'coverage', title: '学习强国报道', date: '2026-10-01', link: 'https://www.xuexi.cn/a.html', imageId: null }],
  problems: '品牌影响力仍需扩大。',
  publicNames: ['品牌工作室'],
};

/** Moves the clock on a minute, so that audit lines and updates have distinct times. */
function tick(minutes = 1) {
  h.now.value = new Date(h.now.value.getTime() + minutes * 60_000);
}

const COLLECTIONS = ['brands', 'brandSlots', 'brandProgress', 'brandEvents', 'branchFeatures', 'audit'] as const;

/** Everything a brand call may write: counts of each collection and every brand and feature as stored. */
async function snapshot() {
  const counts: Record<string, number> = {};
  for (const c of COLLECTIONS) counts[c] = await h.store.count(c);
  const brands = await h.store.find<Brand>('brands', { limit: 100 });
  const features = await h.store.find<BranchFeature>('branchFeatures', { limit: 100 });
  return { counts, brands, features };
}

/** Calls expecting `code`, and checks the call changed nothing stored. */
async function refused(openid: string | null, procedure: ProcedureName, input: unknown, code: ErrorCode) {
  const before = await snapshot();
  const r = await h.raw(openid, procedure, input);
  if (r.ok) throw new Error(`${procedure} unexpectedly succeeded`);
  expect(r.error.code, r.error.message).toBe(code);
  expect(await snapshot()).toEqual(before);
  return r.error;
}

async function create(openid = SECRETARY_CS, year = 2026, committeeId?: string): Promise<BrandView> {
  tick();
  return h.ok(openid, 'brand.create', committeeId ? { year, committeeId } : { year });
}

async function save(b: BrandView, report: BrandReport, openid = SECRETARY_CS): Promise<BrandView> {
  tick();
  return h.ok(openid, 'brand.save', { id: b._id, version: b.version, report });
}

async function submitted(report: BrandReport = FULL, openid = SECRETARY_CS, committeeId?: string, year = 2026): Promise<BrandView> {
  const b = await save(await create(openid, year, committeeId), report, openid);
  tick();
  return h.ok(openid, 'brand.submit', { id: b._id, version: b.version });
}

async function accepted(report: BrandReport = FULL, openid = SECRETARY_CS, committeeId?: string, year = 2026): Promise<BrandView> {
  const s = await submitted(report, openid, committeeId, year);
  tick();
  return h.ok(ADMIN, 'brand.review', { id: s._id, version: s.version, decision: 'accept', comment: '' });
}

async function promoted(report: BrandReport = FULL, openid = SECRETARY_CS, committeeId?: string, year = 2026): Promise<BrandView> {
  const a = await accepted(report, openid, committeeId, year);
  tick();
  return h.ok(ADMIN, 'brand.promote', { id: a._id, version: a.version });
}

/** A submitted (so linkable) flagship project hosted by `openid`. */
async function submittedProject(openid: string) {
  const p = await h.ok(openid, 'project.create', { batchId: OPEN_BATCH });
  const saved = await h.ok(openid, 'project.saveDraft', { id: p._id, version: p.version, fields: COMPLETE_FIELDS });
  return h.ok(openid, 'project.submit', { id: saved._id, version: saved.version });
}

describe('starting the committee’s brand (一党委一品牌)', () => {
  it('shows no brand yet, then creates a draft for the secretary’s committee', async () => {
    const none = await h.ok(SECRETARY_CS, 'brand.mine', {});
    expect(none).toEqual({ committeeId: 'c-cs', committeeName: '计算机与软件学院党委', year: 2026, brand: null });

    const b = await create();
    expect(b).toMatchObject({
      committeeId: 'c-cs',
      committeeName: '计算机与软件学院党委',
      year: 2026,
      state: 'draft',
      version: 1,
      cultivation: null,
      returnComment: null,
      submittedAt: null,
      progress: [],
      events: [],
      can: { edit: true, submit: true, review: false, cultivate: false, promote: false, addEvent: false },
    });
    expect(b.report).toEqual({ name: '', logo: null, connotation: '', approach: '', stage: 'practice', carriers: [], influence: [], problems: '', publicNames: [] });
    expect(b.timeline.map((t) => [t.action, t.actionLabel, t.actorName, t.to])).toEqual([['create', '创建', '王建国', 'draft']]);

    const mine = await h.ok(SECRETARY_CS, 'brand.mine', {});
    expect(mine.brand).toMatchObject({ _id: b._id, state: 'draft', stage: 'practice', name: '', year: 2026 });
    expect((await h.ok(SECRETARY_CS, 'brand.mine', { year: 2025 })).brand).toBeNull();
  });

  it('refuses a second brand for the same committee and year, pointing to the first', async () => {
    const b = await create();
    const e = await refused(SECRETARY_CS, 'brand.create', { year: 2026 }, 'ALREADY_EXISTS');
    expect(e.details?.brandId).toBe(b._id);
    expect(e.message).toContain('一党委一品牌');
    // The Organization Department is held to the same rule.
    expect((await refused(ADMIN, 'brand.create', { year: 2026, committeeId: 'c-cs' }, 'ALREADY_EXISTS')).details?.brandId).toBe(b._id);
    // Another year is another brand.
    expect((await create(SECRETARY_CS, 2027)).year).toBe(2027);
  });

  it('lets exactly one of simultaneous creations succeed', async () => {
    const results = await Promise.all([0, 1, 2].map(() => h.raw(SECRETARY_CS, 'brand.create', { year: 2026 })));
    const ok = results.filter((r) => r.ok);
    expect(ok).toHaveLength(1);
    const codes = results.flatMap((r) => (r.ok ? [] : [r.error.code]));
    expect(codes).toEqual(['ALREADY_EXISTS', 'ALREADY_EXISTS']);
    expect(await h.store.count('brands')).toBe(1);
    expect(await h.store.count('brandSlots')).toBe(1);
    const mine = await h.ok(SECRETARY_CS, 'brand.mine', {});
    expect(mine.brand).not.toBeNull();
    expect(await h.store.count('audit', { entityId: mine.brand?._id ?? '' })).toBe(1);
  });

  it('creates only for the secretary’s own committee; the Organization Department names one', async () => {
    await refused(SECRETARY_ME, 'brand.create', { year: 2026, committeeId: 'c-cs' }, 'FORBIDDEN');
    await refused(SECRETARY_ME, 'brand.mine', { committeeId: 'c-cs' }, 'FORBIDDEN');
    await refused(ADMIN, 'brand.create', { year: 2026 }, 'VALIDATION');
    await refused(SECRETARY_CS, 'brand.create', { year: 1999 }, 'VALIDATION');
    await refused(ADMIN, 'brand.create', { year: 2026, committeeId: 'c-none' }, 'NOT_FOUND');
    const b = await create(ADMIN, 2026, 'c-med');
    expect(b.committeeName).toBe('医学部党委');
    expect(b.timeline[0].actorName).toBe('刘芳');
  });
});

describe('saving the report', () => {
  it('saves with versioned writes and refuses a stale version, keeping what is stored', async () => {
    const b = await create();
    const first = await save(b, { ...FULL, name: '设备一' });
    expect(first.version).toBe(b.version + 1);
    expect(first.report.name).toBe('设备一');
    const e = await refused(SECRETARY_CS, 'brand.save', { id: b._id, version: b.version, report: { ...FULL, name: '设备二' } }, 'CONFLICT');
    expect(e.details?.currentVersion).toBe(first.version);
    const stored = await h.store.get<Brand>('brands', b._id);
    expect(stored?.report.name).toBe('设备一');
    expect(stored?.version).toBe(first.version);
  });

  it('stores the report trimmed, and the search text from name and committee', async () => {
    const b = await create();
    const saved = await save(b, { ...FULL, name: '  AI红色引擎  ' });
    expect(saved.report.name).toBe('AI红色引擎');
    expect((await h.store.get<Brand>('brands', b._id))?.searchText).toBe('ai红色引擎 计算机与软件学院党委');
  });

  it('refuses a 21-character name with the Chinese message, storing nothing', async () => {
    const b = await save(await create(), FULL);
    const e = await refused(SECRETARY_CS, 'brand.save', { id: b._id, version: b.version, report: { ...FULL, name: '党'.repeat(21) } }, 'VALIDATION');
    expect(e.message).toContain('品牌名称不能超过20个字');
    await refused(SECRETARY_CS, 'brand.save', { id: b._id, version: b.version, report: { ...FULL, name: '红色\n引擎' } }, 'VALIDATION');
    await refused(SECRETARY_CS, 'brand.save', { id: b._id, version: b.version, report: { ...FULL, stage: 'done' } }, 'VALIDATION');
    await refused(SECRETARY_CS, 'brand.save', { id: b._id, version: b.version, report: FULL, extra: 1 }, 'VALIDATION');
    await save(b, { ...FULL, name: '党'.repeat(20) });
  });

  it('lets carriers link only the committee’s own projects past the draft', async () => {
    const own = await submittedProject(HOST); // c-cs
    const other = await submittedProject(SECRETARY_ME); // c-me
    const ownDraft = await h.ok('dev-member-2', 'project.create', { batchId: OPEN_BATCH }); // c-cs, still a draft
    const b = await create();
    // With the batch's year, which tells apart projects of the same name.
    expect(b.linkableProjects).toEqual([{ _id: own._id, title: COMPLETE_FIELDS.title, year: (await h.store.get<{ _id: string; version: number; year: number }>('batches', OPEN_BATCH))!.year }]);

    const carrier = FULL.carriers[0];
    const link = (projectId: string): BrandReport => ({ ...FULL, carriers: [carrier, { ...carrier, title: '关联项目', projectId }] });
    const e = await refused(SECRETARY_CS, 'brand.save', { id: b._id, version: b.version, report: link(other._id) }, 'VALIDATION');
    expect(e.details?.projectId).toBe(other._id);
    expect(e.message).toContain('本基层党委');
    await refused(SECRETARY_CS, 'brand.save', { id: b._id, version: b.version, report: link(ownDraft._id) }, 'VALIDATION');
    await refused(SECRETARY_CS, 'brand.save', { id: b._id, version: b.version, report: link('no-such-project') }, 'VALIDATION');

    const saved = await save(b, link(own._id));
    expect(saved.report.carriers[1].projectId).toBe(own._id);
  });

  it('refuses to save a brand that does not exist', async () => {
    await refused(SECRETARY_CS, 'brand.save', { id: 'nope', version: 1, report: FULL }, 'NOT_FOUND');
  });
});

describe('submitting (品牌推选)', () => {
  it('refuses a report missing 五有 sections, naming them, and changes nothing', async () => {
    const b = await create();
    const e = await refused(SECRETARY_CS, 'brand.submit', { id: b._id, version: b.version }, 'INCOMPLETE');
    for (const label of ['有鲜明的品牌名称', '有深刻的品牌内涵', '有明确的创建思路', '有丰富的活动载体', '有广泛的社会影响']) {
      expect(e.message).toContain(label);
    }
    const missing = e.details?.missing as Array<{ section: string }>;
    expect(missing.map((m) => m.section)).toEqual(['name', 'connotation', 'approach', 'carriers', 'influence']);

    // An influence entry with neither link nor image does not count.
    const partial = await save(b, { ...FULL, influence: [{ ...FULL.influence[0], link: '' }] });
    const e2 = await refused(SECRETARY_CS, 'brand.submit', { id: b._id, version: partial.version }, 'INCOMPLETE');
    expect(e2.message).toContain('有广泛的社会影响');
    expect(e2.message).not.toContain('有鲜明的品牌名称');
    expect((await h.ok(SECRETARY_CS, 'brand.get', { id: b._id })).state).toBe('draft');
  });

  it('submits a complete report, records the time and audits it', async () => {
    const s = await submitted();
    expect(s.state).toBe('submitted');
    expect(s.submittedAt).toBe(h.now.value.toISOString());
    expect(s.can).toMatchObject({ edit: false, submit: false });
    const view = await h.ok(SECRETARY_CS, 'brand.get', { id: s._id });
    expect(view.timeline.map((t) => [t.action, t.actorName, t.from, t.to])).toEqual([
      ['create', '王建国', null, 'draft'],
      ['submit', '王建国', 'draft', 'submitted'],
    ]);
    expect((await h.ok(ADMIN, 'brand.get', { id: s._id })).can.review).toBe(true);
  });

  it('refuses a stale submit and a double submit, and any edit once submitted', async () => {
    const s = await submitted();
    await refused(SECRETARY_CS, 'brand.submit', { id: s._id, version: s.version - 1 }, 'CONFLICT');
    await refused(SECRETARY_CS, 'brand.submit', { id: s._id, version: s.version }, 'INVALID_TRANSITION');
    await refused(SECRETARY_CS, 'brand.save', { id: s._id, version: s.version, report: FULL }, 'INVALID_TRANSITION');
    await refused(SECRETARY_CS, 'brand.setCultivation', { id: s._id, version: s.version, plan: '计划', leader: '领导', cadre: '干部' }, 'INVALID_TRANSITION');
    await refused(SECRETARY_CS, 'brand.addProgress', { brandId: s._id, date: '2026-11-27', text: '进展', photos: [], stage: 'summary' }, 'INVALID_TRANSITION');
    await refused(ADMIN, 'brand.promote', { id: s._id, version: s.version }, 'INVALID_TRANSITION');
  });
});

describe('who may touch a committee’s brand', () => {
  it('keeps a draft and a submitted brand from other committees', async () => {
    const b = await save(await create(), FULL);
    await refused(SECRETARY_ME, 'brand.get', { id: b._id }, 'FORBIDDEN');
    await refused(SECRETARY_ME, 'brand.save', { id: b._id, version: b.version, report: { ...FULL, name: '改名' } }, 'FORBIDDEN');
    await refused(SECRETARY_ME, 'brand.submit', { id: b._id, version: b.version }, 'FORBIDDEN');
    tick();
    const s = await h.ok(SECRETARY_CS, 'brand.submit', { id: b._id, version: b.version });
    await refused(SECRETARY_ME, 'brand.get', { id: s._id }, 'FORBIDDEN');
    await refused(SECRETARY_ME, 'brand.save', { id: s._id, version: s.version, report: FULL }, 'FORBIDDEN');
  });

  it('closes every brand procedure to a plain member and a reviewer (the public pages aside)', async () => {
    const b = await save(await create(), FULL);
    const calls: Array<[ProcedureName, unknown]> = [
      ['brand.mine', {}],
      ['brand.create', { year: 2026 }],
      ['brand.get', { id: b._id }],
      ['brand.save', { id: b._id, version: b.version, report: FULL }],
      ['brand.submit', { id: b._id, version: b.version }],
      ['brand.review', { id: b._id, version: b.version, decision: 'accept', comment: '' }],
      ['brand.library', {}],
      ['brand.setCultivation', { id: b._id, version: b.version, plan: '计划', leader: '领导', cadre: '干部' }],
      ['brand.addProgress', { brandId: b._id, date: '2026-11-27', text: '进展', photos: [], stage: 'summary' }],
      ['brand.promote', { id: b._id, version: b.version }],
      ['brand.addEvent', { brandId: b._id, kind: 'feature', date: '2026-11-27', place: '校本部', report: '简报' }],
      ['branchFeature.list', { year: 2026 }],
      ['branchFeature.save', { branchId: 'b-cs-t1', year: 2026, name: '特色', description: '', version: null }],
    ];
    for (const who of [HOST, REVIEWER]) {
      for (const [procedure, input] of calls) await refused(who, procedure, input, 'FORBIDDEN');
    }
    // Signed out: only the public pages answer.
    for (const [procedure, input] of calls) await refused(null, procedure, input, 'UNAUTHENTICATED');
  });
});

describe('认定: the Organization Department accepts or returns', () => {
  it('returns with a comment, the committee revises and resubmits, then it is accepted', async () => {
    const s = await submitted();
    await refused(ADMIN, 'brand.review', { id: s._id, version: s.version, decision: 'return', comment: '' }, 'VALIDATION');
    await refused(ADMIN, 'brand.review', { id: s._id, version: s.version, decision: 'return', comment: '   ' }, 'VALIDATION');
    await refused(SECRETARY_CS, 'brand.review', { id: s._id, version: s.version, decision: 'accept', comment: '' }, 'FORBIDDEN');
    await refused(ADMIN, 'brand.review', { id: s._id, version: s.version - 1, decision: 'accept', comment: '' }, 'CONFLICT');

    tick();
    const r = await h.ok(ADMIN, 'brand.review', { id: s._id, version: s.version, decision: 'return', comment: ' 请补充社会影响的图片 ' });
    expect(r.state).toBe('returned');
    expect(r.returnComment).toBe('请补充社会影响的图片');
    await refused(ADMIN, 'brand.review', { id: r._id, version: r.version, decision: 'accept', comment: '' }, 'INVALID_TRANSITION');

    const seen = await h.ok(SECRETARY_CS, 'brand.get', { id: s._id });
    expect(seen.returnComment).toBe('请补充社会影响的图片');
    expect(seen.can).toMatchObject({ edit: true, submit: true });
    const revised = await save(seen, { ...FULL, influence: [...FULL.influence, { kind: 'award', title: '优秀党建品牌', date: '', link: '', imageId: 'cloud://env/a.jpg' }] });
    tick();
    const again = await h.ok(SECRETARY_CS, 'brand.submit', { id: s._id, version: revised.version });
    expect(again.state).toBe('submitted');
    expect(again.returnComment).toBeNull();

    tick();
    const a = await h.ok(ADMIN, 'brand.review', { id: s._id, version: again.version, decision: 'accept', comment: '' });
    expect(a.state).toBe('accepted');
    expect(a.acceptedAt).toBe(h.now.value.toISOString());
    expect(a.timeline.map((t) => [t.action, t.actorName, t.from, t.to, t.reason])).toEqual([
      ['create', '王建国', null, 'draft', null],
      ['submit', '王建国', 'draft', 'submitted', null],
      ['return', '刘芳', 'submitted', 'returned', '请补充社会影响的图片'],
      ['submit', '王建国', 'returned', 'submitted', null],
      ['accept', '刘芳', 'submitted', 'accepted', null],
    ]);
  });

  it('the decision reaches the committee’s secretaries, with the comment, by the timed job’s next run', async () => {
    const s = await submitted();
    tick();
    await h.ok(ADMIN, 'brand.review', { id: s._id, version: s.version, decision: 'return', comment: '请补充社会影响的图片' });
    expect((await h.ok(SECRETARY_CS, 'messages.list', {})).unread).toEqual([]);
    expect(await h.ok(ADMIN, 'scheduler.run', {})).toMatchObject({ fannedOut: 1 });
    const [m, ...more] = (await h.ok(SECRETARY_CS, 'messages.list', {})).unread;
    expect(more).toEqual([]);
    expect(m).toMatchObject({ kind: 'brand.return', body: '请补充社会影响的图片', link: `/packages/brand/edit/index?id=${s._id}` });
    expect((await h.ok(SECRETARY_ME, 'messages.list', {})).unread).toEqual([]);
  });

  it('refuses to review a draft', async () => {
    const b = await create();
    await refused(ADMIN, 'brand.review', { id: b._id, version: b.version, decision: 'accept', comment: '' }, 'INVALID_TRANSITION');
  });
});

describe('品牌培育 after acceptance', () => {
  it('freezes the report, records the plan and progress, and moves the stage forward only', async () => {
    const a = await accepted();
    await refused(SECRETARY_CS, 'brand.save', { id: a._id, version: a.version, report: { ...FULL, name: '改名' } }, 'INVALID_TRANSITION');
    expect(a.can).toMatchObject({ edit: false, submit: false, review: false, reopen: true, cultivate: true, promote: true }); // the admin's view
    expect((await h.ok(SECRETARY_CS, 'brand.get', { id: a._id })).can.cultivate).toBe(true);

    await refused(SECRETARY_CS, 'brand.setCultivation', { id: a._id, version: a.version, plan: '', leader: '张书记', cadre: '李老师' }, 'VALIDATION');
    tick();
    const c = await h.ok(SECRETARY_CS, 'brand.setCultivation', { id: a._id, version: a.version, plan: ' 三年培育计划 ', leader: '张书记', cadre: '李老师' });
    expect(c.cultivation).toEqual({ plan: '三年培育计划', leader: '张书记', cadre: '李老师' });
    await refused(SECRETARY_CS, 'brand.setCultivation', { id: a._id, version: a.version, plan: '旧版本', leader: '张书记', cadre: '李老师' }, 'CONFLICT');

    tick();
    const p = await h.ok(SECRETARY_CS, 'brand.addProgress', { brandId: a._id, date: '2026-11-20', text: '总结第一年经验', photos: ['cloud://env/x.jpg'], stage: 'summary' });
    expect(p.report.stage).toBe('summary');
    expect(p.progress).toEqual([expect.objectContaining({ date: '2026-11-20', text: '总结第一年经验', stage: 'summary', authorName: '王建国' })]);
    expect((await h.ok(SECRETARY_CS, 'brand.mine', {})).brand?.stage).toBe('summary');

    // Staying at the same stage is fine; skipping ahead is fine; going back is not.
    tick();
    await h.ok(SECRETARY_CS, 'brand.addProgress', { brandId: a._id, date: '2026-11-25', text: '继续总结', photos: [], stage: 'summary' });
    const back = await refused(SECRETARY_CS, 'brand.addProgress', { brandId: a._id, date: '2026-11-26', text: '回退', photos: [], stage: 'practice' }, 'VALIDATION');
    expect(back.message).toContain('总结');
    tick();
    const ahead = await h.ok(ADMIN, 'brand.addProgress', { brandId: a._id, date: '2026-11-27', text: '组织部指导规范提高', photos: [], stage: 'improve' });
    expect(ahead.report.stage).toBe('improve');
    expect(ahead.progress.map((x) => x.authorName)).toEqual(['刘芳', '王建国', '王建国']);
    expect(ahead.state).toBe('accepted');
    expect(ahead.timeline.filter((t) => t.action === 'progress').map((t) => [t.from, t.to])).toEqual([
      ['实践', '总结'],
      ['总结', '总结'],
      ['总结', '提高'],
    ]);
    expect(ahead.timeline.filter((t) => t.action === 'cultivation')).toHaveLength(1);
  });

  it('opens the accepted brand to other committees to read, never to cultivate', async () => {
    const a = await accepted();
    const seen = await h.ok(SECRETARY_ME, 'brand.get', { id: a._id });
    expect(seen.state).toBe('accepted');
    expect(seen.can).toEqual({ edit: false, submit: false, review: false, reopen: false, cultivate: false, promote: false, addEvent: false });
    await refused(SECRETARY_ME, 'brand.setCultivation', { id: a._id, version: a.version, plan: '计划', leader: '领导', cadre: '干部' }, 'FORBIDDEN');
    await refused(SECRETARY_ME, 'brand.addProgress', { brandId: a._id, date: '2026-11-27', text: '进展', photos: [], stage: 'summary' }, 'FORBIDDEN');
    await refused(SECRETARY_ME, 'brand.save', { id: a._id, version: a.version, report: FULL }, 'FORBIDDEN');
  });
});

describe('品牌推广 and the public showcase', () => {
  it('is not public before promotion, even to someone signed out', async () => {
    const a = await accepted();
    await refused(null, 'brand.public', { id: a._id }, 'NOT_FOUND');
    await refused(ADMIN, 'brand.public', { id: a._id }, 'NOT_FOUND');
    await refused(null, 'brand.public', { id: 'no-such-brand' }, 'NOT_FOUND');
    expect(await h.ok(ADMIN, 'brand.publicList', {})).toEqual([]);
  });

  it('promotes by the Organization Department only', async () => {
    const a = await accepted();
    await refused(SECRETARY_CS, 'brand.promote', { id: a._id, version: a.version }, 'FORBIDDEN');
    await refused(ADMIN, 'brand.promote', { id: a._id, version: a.version - 1 }, 'CONFLICT');
    tick();
    const p = await h.ok(ADMIN, 'brand.promote', { id: a._id, version: a.version });
    expect(p.state).toBe('promoted');
    expect(p.promotedAt).toBe(h.now.value.toISOString());
    expect(p.can.addEvent).toBe(true);
    expect(p.timeline.at(-1)).toMatchObject({ action: 'promote', actionLabel: '列为推广品牌', actorName: '刘芳', from: 'accepted', to: 'promoted' });
    await refused(ADMIN, 'brand.promote', { id: a._id, version: p.version }, 'INVALID_TRANSITION');
  });

  it('shows a promoted brand to anyone, without personal data', async () => {
    const own = await submittedProject(HOST);
    const report: BrandReport = { ...FULL, carriers: [...FULL.carriers, { title: '精品项目', description: '', projectId: own._id, photos: [] }] };
    const p = await promoted(report);
    tick();
    await h.ok(SECRETARY_CS, 'brand.addProgress', { brandId: p._id, date: '2026-11-27', text: '王建国带队调研', photos: [], stage: 'promote' });
    const cultivated = await h.ok(SECRETARY_CS, 'brand.get', { id: p._id });
    await h.ok(SECRETARY_CS, 'brand.setCultivation', { id: p._id, version: cultivated.version, plan: '内部培育安排', leader: '张书记', cadre: '李老师' });

    // The same data served with a file store that knows the cloud files (and not the local one).
    const files: FileStore = {
      ...NO_FILES,
      async urls(ids) {
        return new Map(ids.filter((id) => id.startsWith('cloud://env/')).map((id) => [id, `https://files.example.cn/${id.slice('cloud://env/'.length)}`]));
      },
    };
    // Pictures show only once their content check passed (promotion here ran without a file
    // store, so none could be checked): record the verdicts WeChat would have pushed.
    for (const id of ['cloud://env/logo.png', 'cloud://env/p1.jpg', 'local:p2.jpg']) {
      const check = await h.store.get<MediaCheck>('mediaChecks', id);
      if (check) await h.store.update<MediaCheck>('mediaChecks', id, check.version, { status: 'pass' });
    }
    const app = createApp({ store: h.store, clock: () => h.now.value, files, logger: { error: () => {} } });
    const r = await app.call(null, { procedure: 'brand.public', input: { id: p._id } });
    if (!r.ok) throw new Error(r.error.message);
    const pub = r.data;
    expect(pub).toEqual({
      _id: p._id,
      name: FULL.name,
      committeeName: '计算机与软件学院党委',
      year: 2026,
      logo: { url: 'https://files.example.cn/logo.png', explanation: '红色齿轮象征党建引领发展。' },
      connotation: FULL.connotation,
      approach: FULL.approach,
      stage: 'promote',
      carriers: [
        // A file the store cannot resolve is left out.
        { title: '先锋讲堂', description: '每月一次的党员讲堂。', photos: ['https://files.example.cn/p1.jpg'], projectTitle: null },
        // A project still at the committee's desk is not named in public.
        { title: '精品项目', description: '', photos: [], projectTitle: null },
      ],
      influence: [{ kind: '媒体报道', title: '学习强国报道', date: '2026-10-01', link: 'https://www.xuexi.cn/a.html', imageUrl: null }],
      publicNames: ['品牌工作室'],
      events: [],
      promotedAt: p.promotedAt,
    });
    // Without a file store, the page still shows, without pictures.
    const plain = await h.raw(null, 'brand.public', { id: p._id });
    expect(plain.ok && plain.data).toMatchObject({ name: FULL.name, logo: null, carriers: [{ photos: [] }, { photos: [] }] });

    const json = JSON.stringify(pub);
    for (const secret of ['u_dev', 'dev-', 'T2009031', 'T1998007', 'T2011020', '王建国', '刘芳', '张书记', '李老师', '内部培育安排', '带队调研', 'returnComment', 'authorId', 'actorId', 'cloud://']) {
      expect(json).not.toContain(secret);
    }

    const list = await h.raw(null, 'brand.publicList', {});
    expect(list.ok && list.data).toEqual([{ _id: p._id, name: FULL.name, committeeName: '计算机与软件学院党委', year: 2026, logoUrl: null }]);
    // With the files, the showcase list shows each brand's 标识 (checked, like the page).
    const withLogos = await app.call(null, { procedure: 'brand.publicList', input: {} });
    expect(withLogos.ok && withLogos.data).toEqual([{ _id: p._id, name: FULL.name, committeeName: '计算机与软件学院党委', year: 2026, logoUrl: 'https://files.example.cn/logo.png' }]);
  });

  it('refuses promotion when the public text fails the content check, leaving the brand accepted', async () => {
    const a = await accepted({ ...FULL, connotation: '以党建引领科研创新。违禁测试词' });
    const e = await refused(ADMIN, 'brand.promote', { id: a._id, version: a.version }, 'CONTENT_RISKY');
    expect(e.message).toContain('内容安全');
    const stored = await h.store.get<Brand>('brands', a._id);
    expect(stored?.state).toBe('accepted');
    expect(stored?.promotedAt).toBeNull();
    await refused(null, 'brand.public', { id: a._id }, 'NOT_FOUND');
  });

  it('checks every public text: a carrier title and a public name too', async () => {
    const a = await accepted({ ...FULL, carriers: [{ ...FULL.carriers[0], title: '违禁测试词讲堂' }] });
    await refused(ADMIN, 'brand.promote', { id: a._id, version: a.version }, 'CONTENT_RISKY');
    const b = await accepted({ ...FULL, publicNames: ['违禁测试词'] }, SECRETARY_ME);
    await refused(ADMIN, 'brand.promote', { id: b._id, version: b.version }, 'CONTENT_RISKY');
  });

  it('records promotion events only for a promoted brand, by the Organization Department, shown in public', async () => {
    const a = await accepted();
    const event = { brandId: a._id, kind: 'symposium', date: '2026-12-01', place: '校本部会议室', report: '召开品牌座谈交流会。' } as const;
    await refused(ADMIN, 'brand.addEvent', event, 'INVALID_TRANSITION');
    tick();
    const p = await h.ok(ADMIN, 'brand.promote', { id: a._id, version: a.version });
    await refused(SECRETARY_CS, 'brand.addEvent', event, 'FORBIDDEN');
    await refused(ADMIN, 'brand.addEvent', { ...event, place: '' }, 'VALIDATION');
    await refused(ADMIN, 'brand.addEvent', { ...event, report: '违禁测试词' }, 'CONTENT_RISKY');
    await refused(ADMIN, 'brand.addEvent', { ...event, brandId: 'no-such-brand' }, 'NOT_FOUND');

    tick();
    const withEvent = await h.ok(ADMIN, 'brand.addEvent', event);
    expect(withEvent.events).toEqual([{ _id: expect.any(String), kind: 'symposium', date: '2026-12-01', place: '校本部会议室', report: '召开品牌座谈交流会。' }]);
    expect(withEvent.version).toBe(p.version); // an event does not touch the brand document
    expect(withEvent.timeline.at(-1)?.action).toBe('event');
    const pub = await h.raw(null, 'brand.public', { id: a._id });
    expect(pub.ok && pub.data).toMatchObject({ events: [{ kind: 'symposium', date: '2026-12-01', place: '校本部会议室', report: '召开品牌座谈交流会。' }] });
  });
});

describe('党建品牌资源库', () => {
  /** c-cs 2026 draft; c-me 2026 accepted at 提高; c-med 2025 accepted; c-art 2026 promoted. */
  async function seedLibrary() {
    const draft = await save(await create(), { ...FULL, name: '红色引擎' });
    const me = await accepted({ ...FULL, name: '智造先锋', stage: 'improve' }, SECRETARY_ME);
    const med = await accepted({ ...FULL, name: '医者仁心' }, ADMIN, 'c-med', 2025);
    const art = await promoted({ ...FULL, name: 'Art美育先锋' }, ADMIN, 'c-art');
    return { draft, me, med, art };
  }
  const ids = (r: { items: Array<{ _id: string }> }) => r.items.map((i) => i._id).sort();

  it('shows the Organization Department every brand, drafts included', async () => {
    const { draft, me, med, art } = await seedLibrary();
    const all = await h.ok(ADMIN, 'brand.library', {});
    expect(ids(all)).toEqual([draft._id, me._id, med._id, art._id].sort());
    expect(all.hasMore).toBe(false);
    expect(ids(await h.ok(ADMIN, 'brand.library', { state: 'draft' }))).toEqual([draft._id]);
  });

  it('shows a committee the accepted and promoted brands, never another committee’s draft', async () => {
    const { draft, me, med, art } = await seedLibrary();
    const lib = await h.ok(SECRETARY_ME, 'brand.library', {});
    expect(ids(lib)).toEqual([me._id, med._id, art._id].sort());
    expect(lib.items.find((i) => i._id === art._id)).toMatchObject({ name: 'Art美育先锋', committeeName: '艺术学部党委', state: 'promoted' });
    expect((await h.ok(SECRETARY_ME, 'brand.library', { committeeId: 'c-cs' })).items).toEqual([]);
    expect((await h.ok(SECRETARY_ME, 'brand.library', { state: 'draft' })).items).toEqual([]);
    expect((await h.ok(SECRETARY_ME, 'brand.library', { keyword: '红色' })).items).toEqual([]);
    // Its own committee's draft shows when it asks for its committee, and among the library.
    expect(ids(await h.ok(SECRETARY_CS, 'brand.library', { committeeId: 'c-cs' }))).toEqual([draft._id]);
    expect(ids(await h.ok(SECRETARY_CS, 'brand.library', {}))).toContain(draft._id);
  });

  it('filters by year, stage, keyword and committee', async () => {
    const { me, med, art } = await seedLibrary();
    expect(ids(await h.ok(SECRETARY_ME, 'brand.library', { year: 2025 }))).toEqual([med._id]);
    expect(ids(await h.ok(SECRETARY_ME, 'brand.library', { year: 2026 }))).toEqual([me._id, art._id].sort());
    expect(ids(await h.ok(SECRETARY_ME, 'brand.library', { stage: 'improve' }))).toEqual([me._id]);
    expect((await h.ok(SECRETARY_ME, 'brand.library', { stage: 'promote' })).items).toEqual([]);
    expect(ids(await h.ok(SECRETARY_ME, 'brand.library', { keyword: '智造' }))).toEqual([me._id]);
    expect(ids(await h.ok(SECRETARY_ME, 'brand.library', { keyword: '医学部' }))).toEqual([med._id]); // committee name
    expect(ids(await h.ok(SECRETARY_ME, 'brand.library', { keyword: ' art ' }))).toEqual([art._id]); // trimmed, any case
    expect(ids(await h.ok(SECRETARY_ME, 'brand.library', { keyword: '先锋' }))).toEqual([me._id, art._id].sort());
    expect(ids(await h.ok(SECRETARY_ME, 'brand.library', { committeeId: 'c-med' }))).toEqual([med._id]);
    expect(ids(await h.ok(SECRETARY_ME, 'brand.library', { committeeId: 'c-med', year: 2026 }))).toEqual([]);
    expect(ids(await h.ok(SECRETARY_ME, 'brand.library', { state: 'promoted', keyword: '先锋' }))).toEqual([art._id]);
  });
});

describe('一支部一特色', () => {
  it('lists the committee’s branches, saves, updates with versions and refuses a stale write', async () => {
    const list = await h.ok(SECRETARY_CS, 'branchFeature.list', { year: 2026 });
    expect(list.committeeId).toBe('c-cs');
    expect(list.committeeName).toBe('计算机与软件学院党委');
    expect(list.items.map((i) => i.branchId).sort()).toEqual(['b-cs-s1', 'b-cs-s2', 'b-cs-t1']);
    for (const i of list.items) expect(i).toMatchObject({ year: 2026, name: '', description: '', version: null });

    const first = await h.ok(SECRETARY_CS, 'branchFeature.save', { branchId: 'b-cs-t1', year: 2026, name: ' 教工先锋 ', description: '以科研带党建。', version: null });
    expect(first).toEqual({ branchId: 'b-cs-t1', branchName: '计算机系教工第一党支部', year: 2026, name: '教工先锋', description: '以科研带党建。', version: 1 });
    await refused(SECRETARY_CS, 'branchFeature.save', { branchId: 'b-cs-t1', year: 2026, name: '另一设备', description: '', version: null }, 'CONFLICT');

    const second = await h.ok(SECRETARY_CS, 'branchFeature.save', { branchId: 'b-cs-t1', year: 2026, name: '教工先锋队', description: '', version: 1 });
    expect(second.version).toBe(2);
    await refused(SECRETARY_CS, 'branchFeature.save', { branchId: 'b-cs-t1', year: 2026, name: '旧版本', description: '', version: 1 }, 'CONFLICT');
    expect((await h.store.get<BranchFeature>('branchFeatures', 'b-cs-t1:2026'))?.name).toBe('教工先锋队');

    const after = await h.ok(SECRETARY_CS, 'branchFeature.list', { year: 2026 });
    expect(after.items.find((i) => i.branchId === 'b-cs-t1')).toMatchObject({ name: '教工先锋队', version: 2 });
    expect((await h.ok(SECRETARY_CS, 'branchFeature.list', { year: 2027 })).items.every((i) => i.version === null)).toBe(true);
  });

  it('refuses another committee’s branches, a missing branch and a bad name', async () => {
    await refused(SECRETARY_ME, 'branchFeature.save', { branchId: 'b-cs-t1', year: 2026, name: '越权', description: '', version: null }, 'FORBIDDEN');
    await refused(SECRETARY_ME, 'branchFeature.list', { year: 2026, committeeId: 'c-cs' }, 'FORBIDDEN');
    await refused(SECRETARY_CS, 'branchFeature.save', { branchId: 'b-none', year: 2026, name: '无', description: '', version: null }, 'NOT_FOUND');
    await refused(SECRETARY_CS, 'branchFeature.save', { branchId: 'b-cs-t1', year: 2026, name: '  ', description: '', version: null }, 'VALIDATION');
    await refused(SECRETARY_CS, 'branchFeature.save', { branchId: 'b-cs-t1', year: 2026, name: '党'.repeat(21), description: '', version: null }, 'VALIDATION');
    const me = await h.ok(SECRETARY_ME, 'branchFeature.list', { year: 2026 });
    expect(me.items.map((i) => i.branchId).sort()).toEqual(['b-me-s1', 'b-me-t1']);
  });

  it('lets the Organization Department work on any committee’s branches', async () => {
    await refused(ADMIN, 'branchFeature.list', { year: 2026 }, 'VALIDATION');
    expect((await h.ok(ADMIN, 'branchFeature.list', { year: 2026, committeeId: 'c-me' })).items).toHaveLength(2);
    expect((await h.ok(ADMIN, 'branchFeature.save', { branchId: 'b-me-t1', year: 2026, name: '机电先锋', description: '', version: null })).version).toBe(1);
  });
});

describe('a report that fails the content check before promotion', () => {
  it('goes back to the committee from 已认定, is mended and accepted again', async () => {
    const created = await h.ok(SECRETARY_CS, 'brand.create', { year: 2026 });
    const saved = await h.ok(SECRETARY_CS, 'brand.save', { id: created._id, version: created.version, report: { ...FULL, connotation: '含有违禁测试词的内涵' } });
    const sub = await h.ok(SECRETARY_CS, 'brand.submit', { id: saved._id, version: saved.version });
    const acc = await h.ok(ADMIN, 'brand.review', { id: sub._id, version: sub.version, decision: 'accept', comment: '' });
    const risky = await h.err(ADMIN, 'brand.promote', { id: acc._id, version: acc.version });
    expect(risky.code).toBe('CONTENT_RISKY');
    expect(risky.message).toContain('退回修改');
    const back = await h.ok(ADMIN, 'brand.review', { id: acc._id, version: acc.version, decision: 'return', comment: '内涵中有不宜公开的文字，请修改' });
    expect(back.state).toBe('returned');
    const mended = await h.ok(SECRETARY_CS, 'brand.save', { id: back._id, version: back.version, report: FULL });
    const again = await h.ok(SECRETARY_CS, 'brand.submit', { id: mended._id, version: mended.version });
    const ok = await h.ok(ADMIN, 'brand.review', { id: again._id, version: again.version, decision: 'accept', comment: '' });
    expect((await h.ok(ADMIN, 'brand.promote', { id: ok._id, version: ok.version })).state).toBe('promoted');
  });
});


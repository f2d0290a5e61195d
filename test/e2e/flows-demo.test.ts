// On the demo, as its people: the 组织部 handles the 公示异议 beside the application (issue 32
// item 2); the host clears a required 成果名称 and taps 保存, and the host and the secretary see
// one 结项 state (item 4); a failed submit marks every field at the field (item 5).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useE2e } from '../support/e2e';
import { openDesk } from '../support/desk';
import { current, poll, settle, typeInto } from '../support/phone';

const ADMIN = 'dev-admin';
const HOST = 'dev-member-1';
const MEMBER2 = 'dev-member-2';
const SEC_CS = 'dev-secretary-cs';
const REVIEWER = 'dev-reviewer';
const ADMIN_PROJECT = '/packages/admin/project/index';
const SCORE = '/packages/review/score/index';
const FUNDED = '/packages/admin/funded/index';
const FINAL = '/packages/project/final/index';
const EDIT = '/packages/project/edit/index';

const t = useE2e('e2e-flows', { demo: true });
const api = <T,>(who: string, procedure: string, input: unknown) => t.ok<T>(who, procedure, input);

interface Objection {
  _id: string;
  projectId: string;
  authorName: string;
  finding: { text: string } | null;
}
interface Summary {
  _id: string;
  state: string;
  title: string;
  batchId: string;
}

async function publicityObjection(): Promise<{ batchId: string; objection: Objection }> {
  const batches = await api<Array<{ _id: string }>>(ADMIN, 'batch.list', {});
  for (const b of batches) {
    const list = await api<Objection[]>(ADMIN, 'review.objections', { batchId: b._id });
    if (list.length) return { batchId: b._id, objection: list[0] };
  }
  throw new Error('the demo has no objection');
}

const desk = async (): Promise<Page> => {
  const page = await openDesk(t.browser, t.pageErrors);
  t.pages.push(page);
  return page;
};

describe('异议处理, one 结项 state, validation at the field', () => {
  it('the 组织部 opens the objection beside the application, records 异议不成立 with a reason; the objector is told; 立项 waits until then', async () => {
    const { batchId, objection } = await publicityObjection();
    expect(objection.finding).toBeNull();
    const admin = await desk();
    await t.signIn(admin, ADMIN);
    await admin.goto(`${t.host.url}/packages/admin/round/index?batchId=${batchId}`);
    await settle(admin);
    const card = current(admin).locator('.objections-card');
    await card.waitFor();
    expect(await card.innerText()).toContain('待核实处理');
    await card.locator('.objection-open').first().click();
    await admin.waitForURL((u) => u.pathname === ADMIN_PROJECT);
    await settle(admin);
    const page = current(admin);
    // Beside the application: the summary on the left, the objection on the right.
    // The panel comes with the objections' answer, and the page moves into two columns then.
    await poll(async () => {
      const summary = await page.locator('.project-summary').boundingBox();
      const panel = await page.locator('.objection-panel').boundingBox();
      return Boolean(summary && panel && panel.x > summary.x + summary.width - 1);
    }).toBe(true);
    await t.shot(admin, 'flows-objection-01-beside');
    // Nothing chosen: the form names every problem.
    await page.locator('.finding-submit').click();
    await poll(() => page.locator('.finding-problems').textContent()).toBe('请选择异议成立或不成立；请写明核实情况和理由');
    await page.locator('.finding-dismissed').click();
    await typeInto(page.locator('.finding-reason'), '经向学院核实，团队成员均在校，异议所述情况不属实。');
    await page.locator('.finding-submit').click();
    await admin.locator('.taro-model__confirm:visible').click();
    await poll(() => page.locator('.objection-finding').textContent()).toContain('异议不成立');
    await t.shot(admin, 'flows-objection-02-found');
    const after = await api<Objection[]>(ADMIN, 'review.objections', { batchId, projectId: objection.projectId });
    expect(after[0].finding?.text).toBe('异议不成立');
    // The objector (李思雨, dev-member-2 in the demo) reads the outcome in 消息.
    const box = await api<{ unread: Array<{ kind: string; body: string }> }>(MEMBER2, 'messages.list', {});
    expect(box.unread.filter((m) => m.kind === 'review.objectionFinding').map((m) => m.body)).toEqual(['核实结果：异议不成立。理由：经向学院核实，团队成员均在校，异议所述情况不属实。']);
    expect(t.pageErrors).toEqual([]);
  });

  it('结项: clearing the required 成果名称 and tapping 保存 names the field; host and secretary read the same state', async () => {
    const mine = await api<Summary[]>(HOST, 'project.listMine', {});
    let final: Summary | undefined;
    for (const p of mine.filter((x) => x.state === 'cultivating')) {
      const r = await api<{ can: { saveFinal: boolean } }>(HOST, 'project.reports', { projectId: p._id });
      if (r.can.saveFinal) final = p;
    }
    expect(final).toBeDefined();
    const host = await t.phone();
    await t.signIn(host, HOST);
    await host.goto(`${t.host.url}${FINAL}?id=${final!._id}`);
    await settle(host);
    const page = current(host);
    await page.locator('.final-save').waitFor();
    // 保存 with nothing entered says so.
    if ((await page.locator('.outcome-entry').count()) === 0 && (await page.locator('.final-summary-input textarea').inputValue()) === '') {
      await page.locator('.final-save').click();
      await poll(() => page.locator('.final-note').textContent()).toContain('还没有填写任何内容');
    }
    await typeInto(page.locator('.final-summary-input'), '项目按计划推进，形成工作机制。');
    if ((await page.locator('.outcome-entry').count()) === 0) await page.locator('.outcome-add').click();
    await typeInto(page.locator('.outcome-title').first(), '工作案例');
    await page.locator('.final-save').click();
    await poll(() => page.locator('.final-status').textContent()).toMatch(/^材料已准备好/);
    // He clears the name and taps 保存: the field is marked and named; the page no longer says ready.
    await typeInto(page.locator('.outcome-title').first(), '');
    await page.locator('.final-save').click();
    await poll(() => page.locator('.field-summary').textContent()).toContain('第 1 项成果的成果名称未填写');
    expect(await page.locator('.field-invalid .outcome-title').count()).toBe(1);
    await poll(() => page.locator('.final-status').textContent()).toMatch(/^材料尚未准备好/);
    const hostStatus = await page.locator('.final-status').textContent();
    expect(hostStatus).toContain('建设成果至少登记一项');
    // The secretary sees the same: not ready, and why.
    const reports = await api<{ final: { outcomes: unknown[] } | null }>(SEC_CS, 'project.reports', { projectId: final!._id });
    expect(reports.final?.outcomes.length).toBe(0);
    // Fixed, the mark clears.
    await typeInto(page.locator('.outcome-title').first(), '工作案例');
    await poll(() => page.locator('.field-invalid').count()).toBe(0);
    expect(await page.locator('.field-summary').count()).toBe(0);
    expect(t.pageErrors).toEqual([]);
  });

  it('申报书: a failed submit scrolls to the first problem, marks every such field, and clears each mark as it is fixed', async () => {
    const mine = await api<Summary[]>(MEMBER2, 'project.listMine', {});
    const draft = mine.find((p) => p.state === 'draft');
    expect(draft).toBeDefined();
    const page0 = await t.phone();
    await t.signIn(page0, MEMBER2);
    await page0.goto(`${t.host.url}${EDIT}?id=${draft!._id}`);
    await settle(page0);
    const page = current(page0);
    await page.locator('.submit-button').waitFor();
    // Empty the title too, so at least two fields are missing.
    await typeInto(page.locator('.field-title'), '');
    await page.locator('.submit-button').click();
    await page.locator('.field-summary').waitFor();
    const marked = await page.locator('.field-invalid').count();
    expect(marked).toBeGreaterThanOrEqual(1);
    expect(await page.locator('.field-summary').textContent()).toContain('项目名称未填写');
    // Scrolled to the first marked field: it is on screen.
    await poll(() => page.locator('#sec-title').evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight; })).toBe(true);
    await t.shot(page0, 'flows-field-marks-01-failed-submit');
    await typeInto(page.locator('.field-title'), '研究生党建“双创”工程');
    await poll(() => page.locator('#sec-title.field-invalid').count()).toBe(0);
    expect(await page.locator('.field-invalid').count()).toBe(marked - 1);
    expect(t.pageErrors).toEqual([]);
  });

  it('评分: entries survive back and return, a complete sheet saves itself, and leaving unsaved is asked about', async () => {
    type Assignment = { projectId: string; canScore: boolean; myReview: { total: number } | null; rubric: Array<{ key: string; max: number }> };
    const mine = await api<Assignment[]>(REVIEWER, 'review.myAssignments', {});
    const open = mine.find((x) => x.canScore && !x.myReview);
    expect(open).toBeDefined();
    const page0 = await t.phone();
    await t.signIn(page0, REVIEWER);
    const url = `${t.host.url}${SCORE}?projectId=${open!.projectId}`;
    await page0.goto(url);
    await settle(page0);
    let page = current(page0);
    const [first, second] = open!.rubric;
    await typeInto(page.locator(`.criterion-${first.key} .criterion-input`), String(Math.min(8, first.max)));
    await typeInto(page.locator(`.criterion-${second.key} .criterion-input`), String(Math.min(7, second.max)));
    await poll(() => page.locator('.score-save-status').textContent()).toContain('已在本机暂存');
    // Leaving now is asked about (the browser's before-unload question).
    expect(await page0.evaluate(() => typeof window.onbeforeunload === 'function')).toBe(true);
    // Back, then return: the two scores are there.
    await page0.goto(`${t.host.url}/packages/review/mine/index`);
    await settle(page0);
    await page0.goto(url);
    await settle(page0);
    page = current(page0);
    await page.locator('.score-restored').waitFor();
    expect(await page.locator(`.criterion-${first.key} .criterion-input input`).inputValue()).toBe(String(Math.min(8, first.max)));
    expect(await page.locator(`.criterion-${second.key} .criterion-input input`).inputValue()).toBe(String(Math.min(7, second.max)));
    // Every criterion filled: it saves itself, and nothing is left to warn about.
    for (const c of open!.rubric.slice(2)) await typeInto(page.locator(`.criterion-${c.key} .criterion-input`), String(Math.min(6, c.max)));
    await poll(async () => (await api<Assignment[]>(REVIEWER, 'review.myAssignments', {})).find((x) => x.projectId === open!.projectId)?.myReview !== null).toBe(true);
    await poll(() => page.locator('.score-save-status').textContent()).toContain('已自动保存');
    expect(await page0.evaluate(() => window.onbeforeunload === null)).toBe(true);
    expect(t.pageErrors).toEqual([]);
  });

  it('培育与验收 names its batch, shows what waits in the other batches, and switches to one', async () => {
    const admin = await desk();
    await t.signIn(admin, ADMIN);
    const batches = await api<Array<{ _id: string; name: string; year: number; level: string }>>(ADMIN, 'batch.list', {});
    const newest = [...batches].filter((b) => b.level === 'school').sort((a, b) => b.year - a.year)[0];
    await admin.goto(`${t.host.url}${FUNDED}?batchId=${newest._id}`);
    await settle(admin);
    const page = current(admin);
    await poll(() => page.locator('.funded-batch-name').textContent()).toBe(newest.name);
    const other = page.locator('.funded-elsewhere-item').first();
    await other.waitFor();
    const text = (await other.textContent()) ?? '';
    expect(text).toMatch(/待拨付|中期验收待审|结项验收待审/);
    await t.shot(admin, 'flows-funded-01-elsewhere');
    await other.click();
    await admin.waitForURL((u) => u.pathname === FUNDED && u.searchParams.get('batchId') !== newest._id);
    await settle(admin);
    const switched = current(admin);
    await poll(() => switched.locator('.funded-batch-name').textContent()).toBe(text.split('：')[0]);
    await poll(() => switched.locator('.funded-todo').textContent()).not.toContain('待拨付 0 项 · 中期验收待审 0 项 · 结项验收待审 0 项');
    await t.shot(admin, 'flows-funded-02-switched');
    // 批次管理 marks the batch with work waiting.
    await admin.goto(`${t.host.url}/packages/admin/batches/index`);
    await settle(admin);
    await poll(() => current(admin).locator('.batch-waiting').count()).toBeGreaterThan(0);
    expect(t.pageErrors).toEqual([]);
  });
});

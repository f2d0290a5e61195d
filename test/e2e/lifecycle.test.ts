// End to end, in Chromium at phone width against the built local host: one 精品项目 walked through
// every state to 已结项 and a second one to 已终止 at the 中期验收, each person signing in on their own
// phone through the dev sign-in page and acting through the pages they would use.
//
// Time passes as it would: the local host's dev clock (POST /dev/clock) and every phone's clock
// (Playwright's clock emulation) are moved together — to the day after the 推荐截止 for the review,
// past the 公示 for the 立项, to the batch's 中期验收 date and to its 结项验收 date — so that the
// date pickers offer "today" as the people would see it. Between the steps the clock moves on by a
// few minutes, so that the timeline reads in order. Every action goes through the pages; there is
// no direct API call.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../support/build-once';
import { launchBrowser } from '../support/chromium';
import { writeStripedPng } from '../support/png';
import { startBuiltLocalHost, type BuiltLocalHost } from '../support/local-host';
import { current, expectNoHorizontalOverflow, openPhone, poll, settle, shot as shotIn, signIn as signInAt, typeInto } from '../support/phone';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHOTS = path.join(ROOT, 'test-results', 'e2e-lifecycle');
const HOME = '/pages/index/index';
const EDIT = '/packages/project/edit/index';
const INBOX = '/packages/committee/inbox/index';
const DECIDE = '/packages/committee/decide/index';
const GUIDANCE = '/packages/committee/guidance/index';
const BATCHES = '/packages/admin/batches/index';
const ROUND = '/packages/admin/round/index';
const COMMITTEES = '/packages/admin/committees/index';
const ADMIN_PROJECT = '/packages/admin/project/index';
const MY_REVIEWS = '/packages/review/mine/index';
const SCORE = '/packages/review/score/index';
const FUNDING = '/packages/project/funding/index';
const MIDTERM = '/packages/project/midterm/index';
const FINAL = '/packages/project/final/index';
const PUBLICITY = '/packages/showcase/publicity/index';
const OPEN_BATCH = /第三批校级党建精品项目（\d{4}）/;
const ZONE = 'Asia/Shanghai';

const tag = Date.now().toString(36).slice(-5);
interface Application {
  title: string;
  phone: string;
  category: 'organisation' | 'education';
  sections: Record<'background' | 'goals' | 'measures' | 'innovation' | 'expectedOutcomes', string>;
  milestone: string;
  budget: { item: string; amount: string; total: string };
  opinion: string;
  rank: number;
  /** Whole points per criterion of the suggested rubric, and the weighted total they give. */
  scores: Record<'fit' | 'innovation' | 'practice' | 'effect' | 'support', number>;
  total: string;
}
const A: Application = {
  title: `红色引擎·科研攻关 ${tag}`,
  phone: '13800138001',
  category: 'organisation',
  sections: {
    background: '科研团队中党员分散，党建与业务存在“两张皮”现象。',
    goals: '围绕“党建+科研”打造品牌，形成可复制的支部工作法。',
    measures: '一、每月开展主题党日；\n二、组建师生党员攻关小组。',
    innovation: '“支部+课题组”双向嵌入。',
    expectedOutcomes: '形成工作案例 1 篇，制度文件 2 项。',
  },
  milestone: '完成调研并制定方案',
  budget: { item: '资料印制费', amount: '1200.50', total: '¥1,200.50' },
  opinion: '经党委会研究，项目目标明确、举措扎实，同意推荐，排序第一。',
  rank: 1,
  scores: { fit: 9, innovation: 9, practice: 8, effect: 9, support: 8 },
  total: '86.50',
};
const B: Application = {
  title: `青春领航·支部共建 ${tag}`,
  phone: '13800138002',
  category: 'education',
  sections: {
    background: '研究生党员参与社区服务的渠道有限。',
    goals: '与社区党组织结对共建，形成常态化志愿服务机制。',
    measures: '一、每季度开展一次社区服务；\n二、建立结对台账。',
    innovation: '“学生支部+社区党组织”结对。',
    expectedOutcomes: '形成志愿服务案例 1 篇。',
  },
  milestone: '与社区签订共建协议',
  budget: { item: '活动物资费', amount: '800', total: '¥800.00' },
  opinion: '经党委会研究，同意推荐，排序第二。',
  rank: 2,
  scores: { fit: 8, innovation: 7, practice: 8, effect: 7, support: 7 },
  total: '74.50',
};
const EXPENSE = { item: '主题党日活动资料印制', amount: '356.50', shown: '¥356.50' };
const GUIDANCE_NOTE = '走访攻关小组，听取进展汇报，建议将工作法形成制度文件。';
const MIDTERM_FAIL_REASON = '建设进展明显滞后于进度安排，阶段成效不足，经研究予以终止。';
const FINAL_SUMMARY = '项目按计划完成建设目标，形成“支部+课题组”工作法并在全院推广。';
const OUTCOME_TITLE = '《支部+课题组双向嵌入工作办法》';

let browser: Browser;
let host: BuiltLocalHost;
let photo: string;
const pages: Page[] = [];
const pageErrors: string[] = [];

// ---------------------------------------------------------------------------------------------
// Time: the host's dev clock and every phone's clock, moved together.

/** The calendar date in Beijing (YYYY-MM-DD) of an instant. */
const dateIn = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
const addDays = (date: string, days: number) => {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};
/** "2026年12月1日" from "2026-12-01", as the pages write dates. */
const chineseDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
const beijing = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);

let now = new Date();
/** The Beijing date of the host's first start: the seeded batch's calendar counts from it. */
let day0 = '';

/** The only calls that bypass the pages: the dev clock is the test's stand-in for time passing. */
async function setClock(at: Date): Promise<void> {
  now = at;
  const res = await fetch(`${host.url}/dev/clock`, { method: 'POST', body: JSON.stringify({ now: at.toISOString() }) });
  expect(res.ok).toBe(true);
  await Promise.all(pages.map((p) => p.context().clock.setSystemTime(at)));
}
/** Some minutes pass between one person's step and the next. */
const later = (minutes = 5) => setClock(new Date(now.getTime() + minutes * 60_000));

// ---------------------------------------------------------------------------------------------
// People and pages.

/** A phone for one person: its own cookies, its clock at the host's time. */
async function phone(): Promise<Page> {
  const page = await openPhone(browser, pageErrors);
  await page.context().clock.install({ time: now });
  pages.push(page);
  return page;
}

async function person(openid: string): Promise<Page> {
  const page = await phone();
  await signInAt(page, host.url, openid);
  return page;
}

const shot = (page: Page, name: string) => shotIn(page, SHOTS, name);
const onPath = async (page: Page, pathname: string) => {
  await page.waitForURL((u) => u.pathname === pathname);
  await settle(page);
};

/** Back to the app's home, as when the person opens the mini-program again. */
async function home(page: Page): Promise<Locator> {
  await page.goto(`${host.url}${HOME}`);
  await settle(page);
  const scope = current(page);
  await scope.locator('.greeting-name').waitFor();
  return scope;
}

/** Taps a NutUI button (or anything) and waits for the next page to be in place. */
async function tapTo(page: Page, target: Locator, pathname: string): Promise<Locator> {
  await target.click();
  await onPath(page, pathname);
  return current(page);
}

/** Confirms the Taro modal that an irreversible action asks for. */
async function confirmModal(page: Page): Promise<void> {
  const ok = page.locator('.taro-model__confirm:visible');
  await ok.click();
  await ok.waitFor({ state: 'hidden' });
}

/** Opens a date field's picker and accepts the date it offers (today, or the earliest allowed). */
/** 结果通知: the 组织部 taps the stage's release (a staged result is seen by nobody else until then). */
async function release(round: Locator, stage: 'publicity' | 'approval'): Promise<void> {
  const button = round.locator(`.release-${stage} .release-button`);
  await button.waitFor();
  await button.click();
  await poll(() => round.locator(`.release-${stage} .release-state`).textContent()).toMatch(/^已发布 \d+ 条/);
}

async function pickOfferedDate(page: Page, field: Locator): Promise<string> {
  await field.click();
  const done = page.locator('.weui-picker__action:visible', { hasText: '确定' });
  await done.click();
  await done.waitFor({ state: 'hidden' });
  await poll(() => field.textContent()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  return (await field.textContent()) ?? '';
}

const stateOf = (scope: Locator) => scope.locator('.state-tag').first().textContent();

/** The host's own project, from the home page's 我的项目. */
async function hostProject(page: Page, app: Application): Promise<Locator> {
  const scope = await home(page);
  const edit = await tapTo(page, scope.locator('.project-item', { hasText: app.title }), EDIT);
  await edit.locator('.timeline').waitFor();
  return edit;
}

/** The 组织部's page of one project: 批次与评审 → 各党委申报 → the project. */
async function adminProject(page: Page, projectId: string): Promise<Locator> {
  let scope = await home(page);
  scope = await tapTo(page, scope.locator('.entry-admin-batches'), BATCHES);
  scope = await tapTo(page, scope.locator('.batch-item', { hasText: OPEN_BATCH }).locator('.batch-committees'), COMMITTEES);
  scope = await tapTo(page, scope.locator(`.application-item[data-project-id="${projectId}"]`), ADMIN_PROJECT);
  await scope.locator('.project-summary').waitFor();
  return scope;
}

/** The 组织部's 评审与立项 page of the open batch. */
async function adminRound(page: Page): Promise<Locator> {
  let scope = await home(page);
  scope = await tapTo(page, scope.locator('.entry-admin-batches'), BATCHES);
  scope = await tapTo(page, scope.locator('.batch-item', { hasText: OPEN_BATCH }).locator('.batch-round'), ROUND);
  await scope.locator('.round-header').waitFor();
  return scope;
}

/** The state of each application on the round's list, best average first. */
function roundStates(round: Locator): Promise<string[]> {
  return round.locator('.round-app > .row .state-tag').allTextContents();
}

/** The secretary's inbox, on one tab, and the application in it. */
async function secretaryOpens(page: Page, tab: 'pending' | 'all', app: Application, pathname: string): Promise<Locator> {
  const scope = await home(page);
  const inbox = await tapTo(page, scope.locator('.card', { hasText: '待处理申报' }), INBOX);
  if (tab !== 'pending') await inbox.locator(`.inbox-tab-${tab}`).click();
  return tapTo(page, inbox.locator('.inbox-item', { hasText: app.title }), pathname);
}

/**
 * The timeline's steps, oldest first (the page lists the newest first). Steps recorded by one
 * request share their instant and the server does not order them further (e.g. 拨付经费 and
 * 开始培育), so within one instant they are listed alphabetically: "a+b".
 */
async function timelineOf(scope: Locator): Promise<string[]> {
  const items = await scope.locator('.timeline-item').evaluateAll((els) =>
    els.map((el) => ({ action: el.querySelector('.timeline-action')?.textContent ?? '', at: el.querySelector('.row .muted')?.textContent ?? '' })),
  );
  const steps: Array<{ at: string; actions: string[] }> = [];
  for (const { action, at } of items.reverse()) {
    const last = steps[steps.length - 1];
    if (last && last.at === at) last.actions.push(action);
    else steps.push({ at, actions: [action] });
  }
  return steps.map((s) => [...s.actions].sort().join('+'));
}
/** How timelineOf writes the steps of one request. */
const together = (...actions: string[]) => [...actions].sort().join('+');

/** A small PNG made here, so the test needs no fixture file. */
const receiptPng = (dir: string): string => writeStripedPng(path.join(dir, 'receipt.png'));

beforeAll(async () => {
  await ensureBuilt();
  mkdirSync(SHOTS, { recursive: true });
  photo = receiptPng(mkdtempSync(path.join(tmpdir(), 'lifecycle-e2e-')));
  [browser, host] = await Promise.all([launchBrowser(), startBuiltLocalHost()]);
  // The seeded open batch's calendar counts from the host's first start (申报截止 +30 days,
  // 推荐截止 +40, 中期验收 +210, 结项验收 +395); the walk starts that morning.
  const started = new Date(((await (await fetch(`${host.url}/dev/clock`)).json()) as { data: { now: string } }).data.now);
  day0 = dateIn(started);
  await setClock(beijing(day0, '09:00'));
});

afterAll(async () => {
  for (const p of pages) await p.context().close().catch(() => {});
  await browser?.close();
  await host?.stop();
});

const ids: { a: string; b: string; batch: string } = { a: '', b: '', batch: '' };
let hostA: Page;
let hostB: Page;
let secretary: Page;
let admin: Page;
let reviewer: Page;

/** Drafts the whole 申报书 on the host's phone (autosaved) and submits it to the 基层党委. */
async function draftAndSubmit(page: Page, app: Application, shotName: string): Promise<string> {
  const scope = await home(page);
  await scope.locator('.batch-item', { hasText: OPEN_BATCH }).locator('.nut-button', { hasText: '新建申报书' }).click();
  await page.waitForURL((u) => u.pathname === EDIT && u.searchParams.has('id'));
  await settle(page);
  const id = new URL(page.url()).searchParams.get('id') ?? '';
  expect(id).not.toBe('');
  const edit = current(page);
  await edit.locator('.field-title').waitFor();
  await poll(() => stateOf(edit)).toBe('草稿');
  await typeInto(edit.locator('.field-title'), app.title);
  await typeInto(edit.locator('.field-contactPhone'), app.phone);
  await edit.locator(`.category-${app.category}`).click();
  for (const [key, text] of Object.entries(app.sections)) await typeInto(edit.locator(`.field-${key}`), text);
  await edit.locator('.milestone-add').click();
  await pickOfferedDate(page, edit.locator('.milestone-date-input'));
  await typeInto(edit.locator('.milestone-task-input'), app.milestone);
  await edit.locator('.budget-add').click();
  await typeInto(edit.locator('.budget-item'), app.budget.item);
  await typeInto(edit.locator('.budget-amount'), app.budget.amount);
  await poll(() => edit.locator('.budget-total-amount').textContent()).toBe(app.budget.total);
  await poll(() => edit.locator('.save-status').textContent()).toMatch(/^已自动保存 \d{2}:\d{2}$/);
  await shot(page, `${shotName}-draft`);

  await later(20);
  await edit.locator('.nut-button', { hasText: '提交基层党委' }).click();
  await poll(() => stateOf(edit)).toBe('已提交基层党委');
  await poll(() => edit.locator('.save-status').textContent()).toBe('已提交，等待基层党委审核');
  expect(await edit.locator('.error-box').count()).toBe(0);
  expect(await timelineOf(edit)).toEqual(['创建', '提交']);
  await shot(page, `${shotName}-submitted`);
  return id;
}

/** The secretary recommends one application with the committee's opinion and its rank. */
async function recommend(app: Application): Promise<void> {
  const decide = await secretaryOpens(secretary, 'pending', app, DECIDE);
  await decide.locator('.decision-recommend').click();
  await typeInto(decide.locator('.decision-comment'), app.opinion);
  await typeInto(decide.locator('.decision-rank'), String(app.rank));
  await decide.locator('.decision-submit').click();
  await confirmModal(secretary);
  await decide.locator('.decided-card').waitFor();
  expect(await decide.locator('.decided-opinion').textContent()).toBe(app.opinion);
  expect(await decide.locator('.decided-rank').textContent()).toBe(`推荐排序：第 ${app.rank} 位`);
}

/** The reviewer scores every criterion of one application and saves. */
async function score(app: Application, id: string, shotName: string): Promise<void> {
  const scope = await home(reviewer);
  const mine = await tapTo(reviewer, scope.locator('.entry-review'), MY_REVIEWS);
  const item = mine.locator(`.assignment-item[data-project-id="${id}"]`);
  expect(await item.locator('.review-todo').textContent()).toBe('待评分');
  const sheet = await tapTo(reviewer, item, SCORE);
  await sheet.locator('.score-sheet').waitFor();
  for (const [key, points] of Object.entries(app.scores)) {
    const chip = sheet.locator(`.criterion-${key} .score-chip`).nth(points);
    await chip.click();
    await poll(() => chip.getAttribute('class')).toContain('selected');
  }
  await typeInto(sheet.locator('.review-comment'), '目标明确，举措可行。');
  await poll(() => sheet.locator('.score-total').textContent()).toBe(app.total);
  await sheet.locator('.score-save').click();
  // A complete sheet saves itself (已自动保存); 保存 then has nothing new to send.
  await poll(() => sheet.locator('.bottom-bar .status').textContent()).toMatch(new RegExp(`^已(自动)?保存 ${Number(app.total)} 分`));
  await shot(reviewer, shotName);
}

/** The 组织部 pays the due tranche of one project; the amount is the one the page offers. */
async function pay(scope: Locator, tranche: 1 | 2, expectedYuan: string): Promise<void> {
  const form = scope.locator(`.disburse-${tranche}`);
  await form.waitFor();
  expect(await form.locator('.disburse-amount input').inputValue()).toBe(expectedYuan);
  await form.locator(`.disburse-submit-${tranche}`).click();
  await confirmModal(admin);
  await scope.locator(`.funding-card .tranche-${tranche}.paid`).waitFor();
}

describe('精品项目: one application to 已结项, another to 已终止 at the 中期验收', () => {
  it('1. both hosts draft every required section and submit to their 基层党委', async () => {
    hostA = await person('dev-member-1');
    ids.a = await draftAndSubmit(hostA, A, '01-hostA');
    await expectNoHorizontalOverflow(hostA, 'host A edit (submitted)');
    await later();
    hostB = await person('dev-member-2');
    ids.b = await draftAndSubmit(hostB, B, '02-hostB');
  });

  it('2. the secretary recommends both with an opinion, ranked 1 and 2', async () => {
    await later(30);
    secretary = await person('dev-secretary-cs');
    await recommend(A);
    await later();
    await recommend(B);
    const scope = await home(secretary);
    const inbox = await tapTo(secretary, scope.locator('.card', { hasText: '待处理申报' }), INBOX);
    await inbox.locator('.inbox-tab-recommended').click();
    await poll(() => inbox.locator('.inbox-item .list-item-title').allTextContents()).toEqual([`1. ${A.title}`, `2. ${B.title}`]);
    await shot(secretary, '03-secretary-recommended');

    const edit = await hostProject(hostA, A);
    expect(await stateOf(edit)).toBe('已推荐');
    expect(await edit.locator('.committee-opinion').textContent()).toBe(A.opinion);
    expect(await timelineOf(edit)).toEqual(['创建', '提交', '推荐']);
  });

  it('3. after the 推荐截止 the 组织部 opens the review round and assigns one reviewer to each', async () => {
    // The day after the 推荐截止 (day0 + 40).
    const reviewDay = addDays(day0, 41);
    await setClock(beijing(reviewDay, '09:00'));
    admin = await person('dev-admin');
    const round = await adminRound(admin);
    ids.batch = new URL(admin.url()).searchParams.get('batchId') ?? '';
    expect(ids.batch).not.toBe('');
    const open = round.locator('.open-card');
    expect(await open.locator('.card-title').textContent()).toContain('2 项待评审');
    // 评审时间: today, one day.
    expect(await pickOfferedDate(admin, open.locator('.review-start .date-input'))).toBe(reviewDay);
    expect(await pickOfferedDate(admin, open.locator('.review-end .date-input'))).toBe(reviewDay);
    await shot(admin, '04-admin-round-open');
    await expectNoHorizontalOverflow(admin, 'admin round (open)');
    await open.locator('.round-open').click();
    await confirmModal(admin);
    await poll(() => roundStates(round)).toEqual(['立项评审中', '立项评审中']);
    await poll(() => round.locator('.round-header').textContent()).toContain(`评审时间：${chineseDate(reviewDay)}`);

    await typeInto(round.locator('.auto-per'), '1');
    await round.locator('.auto-assign').click();
    await confirmModal(admin);
    for (const id of [ids.a, ids.b]) {
      const item = round.locator(`.round-app[data-project-id="${id}"]`);
      await item.locator('.round-detail-open').click();
      await poll(() => item.locator('.round-detail .assignment-row').allTextContents()).toEqual([expect.stringMatching(/^赵明（艺术学部党委）未评$/)]);
    }
    await shot(admin, '05-admin-round-assigned');

    const edit = await hostProject(hostA, A);
    expect(await stateOf(edit)).toBe('立项评审中');
  });

  it('4. the reviewer scores both on every criterion', async () => {
    await later(60);
    reviewer = await person('dev-reviewer');
    await score(A, ids.a, '06-reviewer-score-A');
    await expectNoHorizontalOverflow(reviewer, 'reviewer score');
    await later();
    await score(B, ids.b, '07-reviewer-score-B');
    const scope = await home(reviewer);
    const mine = await tapTo(reviewer, scope.locator('.entry-review'), MY_REVIEWS);
    await poll(() => mine.locator('.review-done').allTextContents()).toEqual([`已评 ${Number(A.total)} 分`, `已评 ${Number(B.total)} 分`]);
  });

  it('5. the 组织部 stages the 公示 of both; a signed-out visitor reads it on the public page', async () => {
    await later(120);
    const round = await adminRound(admin);
    const reviewDay = dateIn(now);
    for (const [app, id] of [[A, ids.a], [B, ids.b]] as const) {
      const item = round.locator(`.round-app[data-project-id="${id}"]`);
      await poll(() => item.locator('.score-average').textContent()).toBe(`平均 ${Number(app.total)}`);
      const pick = item.locator('.publicity-pick');
      if (!((await pick.getAttribute('class')) ?? '').includes('selected')) await pick.click();
      await poll(() => pick.textContent()).toBe('✓ 已选入公示');
    }
    const card = round.locator('.publicity-card');
    expect(await card.locator('.card-title').textContent()).toContain('已选 2 / 余 20 项');
    // 公示期: from today (the review ended today) to today.
    expect(await pickOfferedDate(admin, card.locator('.publicity-start .date-input'))).toBe(reviewDay);
    expect(await pickOfferedDate(admin, card.locator('.publicity-end .date-input'))).toBe(reviewDay);
    await shot(admin, '08-admin-publicity-staged');
    await card.locator('.publicize').click();
    await confirmModal(admin);
    await poll(() => roundStates(round)).toEqual(['公示中', '公示中']);
    expect(await round.locator('.finalize-card .warn-box').textContent()).toContain('公示期满后才能立项');
    await release(round, 'publicity');

    const visitor = await phone();
    await visitor.goto(`${host.url}${PUBLICITY}?batchId=${encodeURIComponent(ids.batch)}`);
    const pub = current(visitor);
    await pub.locator('.publicity-item').first().waitFor();
    await settle(visitor);
    expect(new URL(visitor.url()).pathname).toBe(PUBLICITY);
    expect(await pub.locator('.publicity-period').textContent()).toContain(`公示期：${chineseDate(reviewDay)}`);
    const items = await pub.locator('.publicity-item').allTextContents();
    expect(items).toHaveLength(2);
    for (const app of [A, B]) expect(items.some((t) => t.includes(app.title) && t.includes('计算机与软件学院党委'))).toBe(true);
    await shot(visitor, '09-visitor-publicity');
    await expectNoHorizontalOverflow(visitor, 'public 公示 page');

    const edit = await hostProject(hostB, B);
    expect(await stateOf(edit)).toBe('公示中');
  });

  it('6. once the 公示 is over, the 组织部 approves both', async () => {
    await setClock(beijing(addDays(dateIn(now), 1), '09:00'));
    const round = await adminRound(admin);
    const card = round.locator('.finalize-card');
    for (const id of [ids.a, ids.b]) {
      const approve = card.locator(`.finalize-item[data-project-id="${id}"] .finalize-approve`);
      await approve.click();
      await poll(() => approve.getAttribute('class')).toContain('selected');
    }
    await card.locator('.finalize-submit').click();
    await confirmModal(admin);
    await poll(() => roundStates(round)).toEqual(['已立项', '已立项']);
    await shot(admin, '10-admin-approved');
    await release(round, 'approval');

    const edit = await hostProject(hostA, A);
    expect(await stateOf(edit)).toBe('已立项');
    expect(await edit.locator('.stage-hint').textContent()).toContain('拨付第一笔经费后进入培育阶段');
  });

  it('7. the 组织部 pays tranche 1 to both (培育中); host A records an expense with a receipt photo', async () => {
    await later(30);
    for (const id of [ids.a, ids.b]) {
      const round = await adminRound(admin);
      const project = await tapTo(admin, round.locator(`.round-app[data-project-id="${id}"] .go-disburse`), ADMIN_PROJECT);
      await project.locator('.funding-card').waitFor();
      await pay(project, 1, '10000.00');
      await poll(() => stateOf(project)).toBe('培育中');
      expect(await project.locator('.funding-paid .v').textContent()).toBe('¥10,000.00');
      await later();
    }
    await shot(admin, '11-admin-tranche1-paid');

    const edit = await hostProject(hostA, A);
    expect(await stateOf(edit)).toBe('培育中');
    const funding = await tapTo(hostA, edit.locator('.open-funding'), FUNDING);
    await funding.locator('.funding-summary').waitFor();
    expect(await funding.locator('.stat-grant .stat-value').textContent()).toBe('¥20,000.00');
    expect(await funding.locator('.stat-paid .stat-value').textContent()).toBe('¥10,000.00');
    expect(await funding.locator('.tranche-1 .money').textContent()).toBe('¥10,000.00');
    expect(await funding.locator('.tranche-2 .money').textContent()).toBe('¥10,000.00');
    await funding.locator('.expense-open').click();
    const form = funding.locator('.expense-form');
    expect(await form.locator('.expense-date').textContent()).toBe(dateIn(now));
    await typeInto(form.locator('.expense-item'), EXPENSE.item);
    await typeInto(form.locator('.expense-amount'), EXPENSE.amount);
    const [chooser] = await Promise.all([hostA.waitForEvent('filechooser'), form.locator('.expense-receipts .photo-add').click()]);
    await chooser.setFiles(photo);
    await form.locator('.expense-receipts .photo-slot img').waitFor();
    await form.locator('.expense-submit').click();
    const recorded = funding.locator('.funding-expenses .list-item.expense-item', { hasText: EXPENSE.item });
    await recorded.waitFor();
    expect(await recorded.locator('.expense-amount-text').textContent()).toBe(EXPENSE.shown);
    await recorded.locator('.photo-grid img, img').first().waitFor();
    expect(await funding.locator('.stat-spent .stat-value').textContent()).toBe(EXPENSE.shown);
    expect(await funding.locator('.stat-available .stat-value').textContent()).toBe('¥9,643.50');
    await shot(hostA, '12-hostA-funding-expense');
    await expectNoHorizontalOverflow(hostA, 'host A funding');
  });

  it('8. the secretary records a guidance note for project A', async () => {
    await later(60);
    const guidance = await secretaryOpens(secretary, 'all', A, GUIDANCE);
    await guidance.locator('.guidance-open').click();
    const form = guidance.locator('.guidance-form');
    await form.locator('.guidance-kind-visit').click();
    expect(await form.locator('.guidance-date').textContent()).toBe(dateIn(now));
    await typeInto(form.locator('.guidance-text'), GUIDANCE_NOTE);
    await form.locator('.guidance-save').click();
    await guidance.locator('.guidance-item', { hasText: GUIDANCE_NOTE }).waitFor();
    expect(await guidance.locator('.guidance-list .card-title .muted').textContent()).toBe('目标 0 · 走访 1 · 成效 0');
    await shot(secretary, '13-secretary-guidance');
  });

  it('9. at the 中期验收 host A submits, the 组织部 passes it and pays tranche 2', async () => {
    // The batch's 中期验收 date (day0 + 210).
    await setClock(beijing(addDays(day0, 210), '09:00'));
    let edit = await hostProject(hostA, A);
    const midterm = await tapTo(hostA, edit.locator('.open-midterm'), MIDTERM);
    await typeInto(midterm.locator('.midterm-input-progress'), '已按进度完成调研与方案制定，攻关小组运行良好。');
    await typeInto(midterm.locator('.midterm-input-results'), '形成工作法初稿，在两个支部试行。');
    await typeInto(midterm.locator('.midterm-input-spendingNote'), `第一笔经费已支出 ${EXPENSE.amount} 元，专款专用。`);
    await midterm.locator('.midterm-submit').click();
    await confirmModal(hostA);
    await midterm.locator('.midterm-waiting').waitFor();
    edit = await hostProject(hostA, A);
    expect(await stateOf(edit)).toBe('中期验收中');

    await later(60);
    const project = await adminProject(admin, ids.a);
    const decision = project.locator('.midterm-decision');
    await decision.locator('.decide-pass').click();
    await typeInto(decision.locator('.decide-comment'), '建设进展符合计划，同意通过中期验收。');
    await decision.locator('.decide-submit').click();
    await confirmModal(admin);
    await project.locator('.midterm-card .decision-pass').waitFor();
    await poll(() => stateOf(project)).toBe('培育中');
    expect(await project.locator('.funding-card .tranche-2 .tranche-status').textContent()).toBe('待拨付');
    await later();
    await pay(project, 2, '10000.00');
    await poll(() => project.locator('.funding-paid .v').textContent()).toBe('¥20,000.00');
    await shot(admin, '14-admin-midterm-passed-tranche2');
    await expectNoHorizontalOverflow(admin, 'admin project');

    edit = await hostProject(hostA, A);
    expect(await stateOf(edit)).toBe('培育中');
    const funding = await tapTo(hostA, edit.locator('.open-funding'), FUNDING);
    await funding.locator('.funding-summary').waitFor();
    expect(await funding.locator('.stat-paid .stat-value').textContent()).toBe('¥20,000.00');
    expect(await funding.locator('.stat-unpaid .stat-value').textContent()).toBe('¥0.00');
    for (const t of [1, 2]) {
      expect(await funding.locator(`.tranche-${t} .money`).textContent()).toBe('¥10,000.00');
      expect(await funding.locator(`.tranche-${t}.paid`).count()).toBe(1);
    }
    await shot(hostA, '15-hostA-funding-both-tranches');
  });

  it('10. host B submits the 中期 materials; the 组织部 fails them with a reason, and the project ends', async () => {
    await later(30);
    let edit = await hostProject(hostB, B);
    expect(await stateOf(edit)).toBe('培育中');
    const midterm = await tapTo(hostB, edit.locator('.open-midterm'), MIDTERM);
    await typeInto(midterm.locator('.midterm-input-progress'), '完成一次社区服务。');
    await typeInto(midterm.locator('.midterm-input-results'), '暂无明显成效。');
    await typeInto(midterm.locator('.midterm-input-spendingNote'), '第一笔经费尚未使用。');
    await midterm.locator('.midterm-submit').click();
    await confirmModal(hostB);
    await midterm.locator('.midterm-waiting').waitFor();

    await later(60);
    const project = await adminProject(admin, ids.b);
    const decision = project.locator('.midterm-decision');
    await decision.locator('.decide-fail').click();
    // A failing decision needs a reason before it can be submitted.
    expect(await decision.locator('.error-text').textContent()).toBe('不通过须写明理由');
    await typeInto(decision.locator('.decide-comment'), MIDTERM_FAIL_REASON);
    await decision.locator('.decide-submit').click();
    await confirmModal(admin);
    await project.locator('.midterm-card .decision-fail').waitFor();
    await poll(() => stateOf(project)).toBe('已终止');
    // Nothing more is paid.
    expect(await project.locator('.disburse-form').count()).toBe(0);
    expect(await project.locator('.funding-card .tranche-2 .tranche-status').textContent()).toBe('项目已终止，不再拨付');
    await shot(admin, '16-admin-midterm-failed');

    edit = await hostProject(hostB, B);
    expect(await stateOf(edit)).toBe('已终止');
    expect(await edit.locator('.save-status').textContent()).toBe('当前状态：已终止');
    expect(await edit.locator('.stage-hint').textContent()).toBe('项目已结束，账目与材料可供查阅。');
    expect(await edit.locator('.open-final').count()).toBe(0);
    expect(await edit.locator('.open-midterm').textContent()).toBe('查看中期验收');
    expect(await edit.locator('.timeline-item', { hasText: '中期验收未通过' }).locator('.timeline-reason').textContent()).toContain(MIDTERM_FAIL_REASON);
    await shot(hostB, '17-hostB-terminated');
    await expectNoHorizontalOverflow(hostB, 'host B edit (terminated)');
    // The account is closed: no expense can be recorded, the second tranche is not paid.
    const funding = await tapTo(hostB, edit.locator('.open-funding'), FUNDING);
    await funding.locator('.funding-closed').waitFor();
    expect(await funding.locator('.expense-open').count()).toBe(0);
    expect(await funding.locator('.tranche-2 .muted').textContent()).toBe('项目已终止，不再拨付');
    expect(await funding.locator('.stat-unpaid .stat-value').textContent()).toBe('¥10,000.00');
    await shot(hostB, '18-hostB-funding-closed');
  });

  it('11. at the 结项验收 host A prepares the materials, the secretary submits them, the 组织部 concludes', async () => {
    // The batch's 结项验收 date (day0 + 395).
    await setClock(beijing(addDays(day0, 395), '09:00'));
    let edit = await hostProject(hostA, A);
    const final = await tapTo(hostA, edit.locator('.open-final'), FINAL);
    await typeInto(final.locator('.final-summary-input'), FINAL_SUMMARY);
    await final.locator('.outcome-add').click();
    await final.locator('.outcome-kind-system').click();
    await typeInto(final.locator('.outcome-title'), OUTCOME_TITLE);
    await final.locator('.final-save').click();
    await poll(() => final.locator('.final-save-status').textContent()).toMatch(/^已保存 · 第 \d+ 版$/);
    await shot(hostA, '19-hostA-final-prepared');

    await later(60);
    const guidance = await secretaryOpens(secretary, 'all', A, GUIDANCE);
    const acceptance = guidance.locator('.acceptance-card');
    await poll(() => acceptance.locator('.final-status').textContent()).toBe('主持人已准备好（1 项成果）');
    await acceptance.locator('.final-submit').click();
    await confirmModal(secretary);
    await poll(() => acceptance.locator('.final-status').textContent()).toMatch(/^已提交 /);
    await poll(() => guidance.locator('.state-tag').first().textContent()).toBe('结项验收中');
    await shot(secretary, '20-secretary-final-submitted');

    await later(60 * 24);
    const project = await adminProject(admin, ids.a);
    const card = project.locator('.final-card');
    expect(await card.locator('.outcome-item').textContent()).toContain(OUTCOME_TITLE);
    expect(await pickOfferedDate(admin, card.locator('.defense-date .date-input'))).toBe(dateIn(now));
    await typeInto(card.locator('.defense-panel'), '刘芳、赵明、王建国');
    await typeInto(card.locator('.defense-result'), '汇报清楚，成果扎实，评审组同意结项。');
    await card.locator('.defense-submit').click();
    await card.locator('.defense-record').waitFor();
    await later(30);
    const decision = card.locator('.final-decision');
    await decision.locator('.decide-pass').click();
    await typeInto(decision.locator('.decide-comment'), '通过结项验收。');
    await decision.locator('.decide-submit').click();
    await confirmModal(admin);
    await card.locator('.decision-pass').waitFor();
    await poll(() => stateOf(project)).toBe('已结项');
    await shot(admin, '21-admin-concluded');

    edit = await hostProject(hostA, A);
    expect(await stateOf(edit)).toBe('已结项');
    const steps = await timelineOf(edit);
    console.log(`project A timeline: ${steps.join(' → ')}`);
    expect(steps).toEqual([
      '创建',
      '提交',
      '推荐',
      '进入立项评审',
      '列入公示',
      '批准立项',
      together('拨付经费', '开始培育'),
      '记录经费支出',
      '基层党委培育指导',
      '提交中期验收材料',
      '中期验收通过',
      '拨付经费',
      '提交结项材料',
      '记录结项答辩',
      '结项通过',
    ]);
    await shot(hostA, '22-hostA-concluded-timeline');
    await expectNoHorizontalOverflow(hostA, 'host A edit (concluded)');
    expect(pageErrors).toEqual([]);
  });
});

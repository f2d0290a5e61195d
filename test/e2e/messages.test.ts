// 消息 end to end against the built local host: a returned application reaches its host in the
// app (home count, the list, the page it opens) and, with a grant, once by WeChat (the dev
// inbox); a round's 立项 results reach nobody until the 组织部 releases them, then everyone once;
// a 催办 reaches a reviewer once, and a second the same day is refused.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useE2e } from '../support/e2e';
import { COMPLETE_FIELDS } from '../support/harness';
import { current, expectNoHorizontalOverflow, poll, settle, typeInto } from '../support/phone';

const MESSAGES = '/packages/me/messages/index';
const EDIT = '/packages/project/edit/index';
const DECIDE = '/packages/committee/decide/index';
const ROUND = '/packages/admin/round/index';
const NUDGE = '/packages/committee/nudge/index';
const HOST = 'dev-member-1';
const MEMBER2 = 'dev-member-2';
const SEC_CS = 'dev-secretary-cs';
const SEC_ME = 'dev-secretary-me';
const ADMIN = 'dev-admin';
const REVIEWER = 'dev-reviewer';
const uid = (openid: string) => `u_${openid}`;

const t = useE2e('e2e-messages');
const { phone, signIn, shot, pageErrors } = t;
const api = <T,>(openid: string, procedure: string, input: unknown) => t.ok<T>(openid, procedure, input);

/** A calendar date `days` after today in Beijing. */
const day = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

async function setClock(at: Date | null): Promise<void> {
  const res = await fetch(`${t.host.url}/dev/clock`, { method: 'POST', body: JSON.stringify({ now: at ? at.toISOString() : null }) });
  expect(res.ok).toBe(true);
}

interface Project {
  _id: string;
  version: number;
  state: string;
}
interface Message {
  _id: string;
  kind: string;
  body: string;
}

async function submit(openid: string, batchId: string, title: string): Promise<Project> {
  const p = await api<Project>(openid, 'project.create', { batchId });
  const saved = await api<Project>(openid, 'project.saveDraft', { id: p._id, version: p.version, fields: { ...COMPLETE_FIELDS, title } });
  return api<Project>(openid, 'project.submit', { id: saved._id, version: saved.version });
}

const messagesOf = async (openid: string, kind: string) => (await api<{ unread: Message[]; read: Message[] }>(openid, 'messages.list', {})).unread.filter((m) => m.kind === kind);
const devCards = async (page: Page, who: string) => {
  await page.goto(`${t.host.url}/dev/inbox`);
  return page.locator('section.card', { hasText: `（${uid(who)}）` });
};

describe('messages: every event reaches the person it concerns', () => {
  const tag = Date.now().toString(36);

  it('returned → 消息 and WeChat once; staged 立项 released once; 催办 once a day', async () => {
    const batches = await api<Array<{ _id: string; open: boolean; level: string }>>(HOST, 'batch.list', {});
    const open = batches.find((b) => b.open && b.level === 'school');
    expect(open).toBeDefined();
    const batchId = open!._id;

    // 1. The secretary returns 张晓明's application with a comment, from the decision page.
    const comment = `请补充预期成果的量化指标 ${tag}`;
    const app = await submit(HOST, batchId, `红色引擎 ${tag}`);
    const secretary = await phone();
    await signIn(secretary, SEC_CS);
    await secretary.goto(`${t.host.url}${DECIDE}?id=${app._id}`);
    await settle(secretary);
    const decide = current(secretary);
    await decide.locator('.decision-return').click();
    await typeInto(decide.locator('.decision-comment'), comment);
    await decide.locator('.decision-submit').click();
    const ok = secretary.locator('.taro-model__confirm:visible');
    await ok.click();
    await decide.locator('.decided-card').waitFor();

    // 2. His home shows 1 unread; 消息 shows the comment and opens the application.
    const host = await phone();
    await signIn(host, HOST);
    const home = current(host);
    await poll(() => home.locator('.entry-messages .messages-count').textContent()).toBe('1 条未读 ›');
    await home.locator('.entry-messages').click();
    await host.waitForURL((u) => u.pathname === MESSAGES);
    await settle(host);
    const list = current(host);
    const item = list.locator('.message-unread', { hasText: comment });
    await item.waitFor();
    expect(await item.locator('.message-kind').textContent()).toBe('退回修改');
    expect(await item.locator('.message-time').textContent()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    await shot(host, '01-messages');
    await expectNoHorizontalOverflow(host, 'messages');
    await item.click();
    await host.waitForURL((u) => u.pathname === EDIT && u.searchParams.get('id') === app._id);
    expect((await api<{ count: number }>(HOST, 'messages.unreadCount', {})).count).toBe(0);

    // 3. With a recorded grant, the job sends exactly one card for it; a second run sends nothing more.
    await api(HOST, 'subscribe.record', { results: { result: 'accept' } });
    await api(ADMIN, 'scheduler.run', {});
    const inbox = await phone();
    const cards = await devCards(inbox, HOST);
    expect(await cards.count()).toBe(1);
    expect(await cards.first().textContent()).toContain('审核结果通知');
    expect(await cards.first().textContent()).toContain(`packages/project/edit/index?id=${app._id}`);
    expect((await api<{ sent: number }>(ADMIN, 'scheduler.run', {})).sent).toBe(0);
    expect(await (await devCards(inbox, HOST)).count()).toBe(1);

    // A second batch where 赵明 owes a score when the round below is decided (for step 5).
    const second = await api<{ _id: string }>(ADMIN, 'batch.create', {
      name: `催办测试批次 ${tag}`,
      year: 2027,
      level: 'school',
      calendar: { submissionDeadline: day(1), recommendationDeadline: day(2), reviewStart: day(41), reviewEnd: day(60) },
      grantPerProject: 2_000_000,
      quota: 5,
      noticeTitle: '',
      paperInstructions: '',
    });
    const scored = await submit(MEMBER2, second._id, `待评分项目 ${tag}`);
    await api(SEC_CS, 'committee.decide', { id: scored._id, version: scored.version, decision: 'recommend', comment: '同意推荐', rank: 1 });

    // 4. Three applications recommended, publicised, and decided: 立项 staged for all three.
    const fresh = await api<Project>(HOST, 'project.get', { id: app._id });
    const resubmitted = await api<Project>(HOST, 'project.submit', { id: app._id, version: fresh.version });
    const b = await submit(MEMBER2, batchId, `研究生党建 ${tag}`);
    const c = await submit(SEC_ME, batchId, `机电先锋 ${tag}`);
    await api(SEC_CS, 'committee.decide', { id: resubmitted._id, version: resubmitted.version, decision: 'recommend', comment: '同意推荐', rank: 1 });
    await api(SEC_CS, 'committee.decide', { id: b._id, version: b.version, decision: 'recommend', comment: '同意推荐', rank: 2 });
    await api(SEC_ME, 'committee.decide', { id: c._id, version: c.version, decision: 'recommend', comment: '同意推荐', rank: 1 });
    await setClock(new Date(`${day(41)}T02:00:00Z`));
    await api(ADMIN, 'review.open', { batchId });
    await api(ADMIN, 'review.publicize', { batchId, projectIds: [app._id, b._id, c._id], publicityStart: day(41), publicityEnd: day(41) });
    await api(ADMIN, 'release.run', { batchId, stage: 'publicity' });
    await setClock(new Date(`${day(42)}T02:00:00Z`));
    await api(ADMIN, 'review.finalize', { batchId, approve: [app._id, b._id, c._id], reject: [] });
    for (const who of [HOST, MEMBER2, SEC_ME]) expect(await messagesOf(who, 'project.approve'), `${who} before the release`).toEqual([]);

    const admin = await phone();
    await signIn(admin, ADMIN);
    await admin.goto(`${t.host.url}${ROUND}?batchId=${batchId}`);
    await settle(admin);
    const round = current(admin);
    const stage = round.locator('.release-approval');
    await stage.waitFor();
    expect(await stage.locator('.release-group', { hasText: '已立项' }).textContent()).toContain('5 条');
    await shot(admin, '02-release-preview');
    await expectNoHorizontalOverflow(admin, 'round with release preview');
    await stage.locator('.release-button').click();
    await poll(() => stage.locator('.release-state').textContent()).toBe('已发布 5 条');
    // A second release (a double tap, a retry) tells nobody again.
    expect(await api<{ released: number }>(ADMIN, 'release.run', { batchId, stage: 'approval' })).toMatchObject({ released: 0, remaining: 0 });
    for (const who of [HOST, MEMBER2, SEC_ME]) expect(await messagesOf(who, 'project.approve'), `${who} after the release`).toHaveLength(1);

    // 5. 催办: 赵明 owes a score; the 组织部 nudges him once, by WeChat since he allowed it.
    await api(ADMIN, 'review.open', { batchId: second._id });
    await api(ADMIN, 'review.assign', { batchId: second._id, projectId: scored._id, reviewerIds: [uid(REVIEWER)] });
    await api(REVIEWER, 'subscribe.record', { results: { task: 'accept' } });
    await admin.goto(`${t.host.url}${NUDGE}`);
    await settle(admin);
    const nudge = current(admin);
    await nudge.locator('.nudge-person', { hasText: '赵明' }).click();
    await nudge.locator('.nudge-send').click();
    await poll(() => nudge.locator('.nudge-result-text').textContent()).toBe('已催办 1 人：微信送达 1 人，仅在小程序消息中 0 人');
    await poll(() => nudge.locator('.nudge-person', { hasText: '赵明' }).textContent()).toContain('今天已催办');
    await shot(admin, '03-nudge');
    await expectNoHorizontalOverflow(admin, 'nudge');
    expect(await messagesOf(REVIEWER, 'nudge')).toHaveLength(1);
    expect(await (await devCards(inbox, REVIEWER)).count()).toBe(1);
    const again = await t.call(ADMIN, 'nudge.send', { personIds: [uid(REVIEWER)] });
    expect(again.error?.code).toBe('RATE_LIMITED');
    expect(again.error?.message).toContain('今天已催办过赵明');
    expect(await messagesOf(REVIEWER, 'nudge')).toHaveLength(1);

    await setClock(null);
    expect(pageErrors).toEqual([]);
  });
});

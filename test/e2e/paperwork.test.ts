// End to end, in Chromium at phone width against the built local host: the 组织部 approves a
// round on 评审与立项, types the 发文字号 and downloads the 立项通知 (.docx, opened back: red
// header, 字号, the table with the amount); a visitor who is signed out opens the public 立项
// page; the committee's secretary downloads the 纸质材料包 (.zip, opened back) from 本党委申报.
// The steps before the 立项 (apply, recommend, review, 公示) are set up through the api; the dev
// clock stands in for the days passing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { openDocx } from '../../cloudfunctions/core/exports/documents/read-docx';
import { useE2e } from '../support/e2e';
import { current, expectNoHorizontalOverflow, poll, settle, typeInto } from '../support/phone';

const ROUND = '/packages/admin/round/index';
const APPROVAL = '/packages/showcase/approval/index';
const INBOX = '/packages/committee/inbox/index';

const t = useE2e('e2e-paperwork');
const { phone, signIn, shot, pageErrors } = t;

const tag = Date.now().toString(36).slice(-5);
const TITLE = `红色引擎·材料包 ${tag}`;
const BATCH = `第四批校级党建精品项目（${tag}）`;

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const beijing = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`);

async function setClock(at: Date): Promise<void> {
  const res = await fetch(`${t.host.url}/dev/clock`, { method: 'POST', body: JSON.stringify({ now: at.toISOString() }) });
  expect(res.ok).toBe(true);
}

describe('立项通知 and 纸质材料包 in the browser', () => {
  let batchId = '';
  let day0 = '';

  it('the 组织部 approves the round and downloads the 立项通知', async () => {
    const clock = (await (await fetch(`${t.host.url}/dev/clock`)).json()) as { data: { now: string } };
    day0 = new Date(Date.parse(clock.data.now) + 8 * 3_600_000).toISOString().slice(0, 10);
    // Deadlines after the seeded open batch's (30 days on), so this batch lists first.
    const batch = await t.ok<{ _id: string }>('dev-admin', 'batch.create', {
      name: BATCH,
      year: Number(day0.slice(0, 4)),
      level: 'school',
      calendar: { submissionDeadline: addDays(day0, 31), recommendationDeadline: addDays(day0, 32) },
      grantPerProject: 1_500_050,
      quota: 5,
      noticeTitle: '关于开展第四批党建精品项目建设工作的通知',
      paperInstructions: '纸质版材料报送汇元楼511室',
      issuerName: '中共深圳大学委员会组织部',
    });
    batchId = batch._id;
    const p = await t.ok<{ _id: string; version: number }>('dev-member-1', 'project.create', { batchId });
    const saved = await t.ok<{ _id: string; version: number }>('dev-member-1', 'project.saveDraft', {
      id: p._id,
      version: p.version,
      fields: {
        title: TITLE,
        contactPhone: '13800138000',
        category: 'integration',
        background: '科研团队党员分散。',
        goals: '推动党建与科研深度融合。',
        measures: '组织共建、骨干双培。',
        innovation: '“支部+课题组”双向嵌入。',
        milestones: [{ date: addDays(day0, 120), task: '完成组织共建方案' }],
        expectedOutcomes: '形成工作机制一套。',
        budget: [{ item: '学习资料印制费', amountFen: 120_050 }],
        brandId: null,
        attachments: [],
      },
    });
    const submitted = await t.ok<{ _id: string; version: number }>('dev-member-1', 'project.submit', { id: saved._id, version: saved.version });
    await t.ok('dev-secretary-cs', 'committee.decide', { id: submitted._id, version: submitted.version, decision: 'recommend', comment: '经党委会研究，同意推荐', rank: 1 });
    const reviewDay = addDays(day0, 33);
    await setClock(beijing(reviewDay, '09:00'));
    await t.ok('dev-admin', 'review.open', { batchId });
    await t.ok('dev-admin', 'review.assign', { batchId, projectId: submitted._id, reviewerIds: ['u_dev-reviewer'] });
    await t.ok('dev-reviewer', 'review.score', { projectId: submitted._id, scores: { fit: 9, innovation: 9, practice: 9, effect: 9, support: 9 }, comment: '思路清晰' });
    await t.ok('dev-admin', 'review.publicize', { batchId, projectIds: [submitted._id], publicityStart: reviewDay, publicityEnd: reviewDay });
    await setClock(beijing(addDays(reviewDay, 1), '09:00'));

    // The 组织部 approves on the round page…
    const admin = await phone();
    await signIn(admin, 'dev-admin');
    await admin.goto(`${t.host.url}${ROUND}?batchId=${encodeURIComponent(batchId)}`);
    await settle(admin);
    const round = current(admin);
    const card = round.locator('.finalize-card');
    const approve = card.locator(`.finalize-item[data-project-id="${submitted._id}"] .finalize-approve`);
    await approve.click();
    await poll(() => approve.getAttribute('class')).toContain('selected');
    await card.locator('.finalize-submit').click();
    const ok = admin.locator('.taro-model__confirm:visible');
    await ok.click();
    await ok.waitFor({ state: 'hidden' });
    // The 立项 is staged until released; its 立项通知 (a public page naming the projects) waits for the release.
    await poll(() => t.ok('dev-admin', 'release.run', { batchId, stage: 'approval' }).then(() => true, () => false)).toBe(true);

    // …then types the 发文字号 and downloads the 立项通知.
    const notice = round.locator('.notice-card');
    await notice.waitFor();
    expect(await notice.locator('.notice-issuer input').inputValue()).toBe('中共深圳大学委员会组织部');
    await typeInto(notice.locator('.notice-number'), '组〔2027〕\u00073号');
    await notice.locator('.export-button .nut-button').click();
    await poll(() => notice.locator('.export-error').textContent()).toContain('发文字号');
    await typeInto(notice.locator('.notice-number'), '组〔2027〕3号');
    await shot(admin, 'paperwork-01-notice-card');
    await expectNoHorizontalOverflow(admin, 'round page with the notice card');
    const [download] = await Promise.all([admin.waitForEvent('download'), notice.locator('.export-button .nut-button').click()]);
    expect(download.suggestedFilename()).toBe(`立项通知-组〔2027〕3号-${BATCH}.docx`);
    const file = path.join(t.shots, 'paperwork-notice.docx');
    await download.saveAs(file);
    const doc = await openDocx(readFileSync(file));
    expect(doc.paragraphs[0]).toBe('中共深圳大学委员会组织部');
    expect(/<w:p[ >][\s\S]*?<\/w:p>/.exec(doc.xml)![0]).toContain('<w:color w:val="FF0000"/>');
    expect(doc.paragraphs).toContain('组〔2027〕3号');
    expect(doc.tables[0]!.slice(1)).toEqual([
      ['1', TITLE, '张晓明', '计算机与软件学院党委', '15,000.50'],
      ['合计', '15,000.50'],
    ]);
    await poll(() => notice.locator('.card-title').textContent()).toContain('已下发 组〔2027〕3号');
  });

  it('a visitor who is signed out opens the public 立项 page', async () => {
    const visitor = await phone();
    await visitor.goto(`${t.host.url}${APPROVAL}?batchId=${encodeURIComponent(batchId)}`);
    await settle(visitor);
    const page = current(visitor);
    await page.locator('.approval-item').first().waitFor();
    expect(new URL(visitor.url()).pathname).toBe(APPROVAL);
    expect(await page.locator('.approval-issuer').textContent()).toBe('中共深圳大学委员会组织部');
    expect(await page.locator('.approval-number').textContent()).toBe('组〔2027〕3号');
    const items = await page.locator('.approval-item').allTextContents();
    expect(items).toHaveLength(1);
    expect(items[0]).toContain(TITLE);
    expect(items[0]).toContain('主持人 张晓明');
    expect(items[0]).toContain('¥15,000.50');
    // Nothing the document does not show: no phone number, budget or opinion.
    expect(await page.textContent()).not.toContain('13800138000');
    expect(await page.textContent()).not.toContain('同意推荐');
    await shot(visitor, 'paperwork-02-public-approval');
    await expectNoHorizontalOverflow(visitor, 'public 立项 page');
  });

  it('the committee’s secretary downloads the 纸质材料包', async () => {
    const secretary = await phone();
    await signIn(secretary, 'dev-secretary-cs');
    await secretary.goto(`${t.host.url}${INBOX}`);
    await settle(secretary);
    const inbox = current(secretary);
    await poll(() => inbox.locator('.export-batch').textContent()).toContain(BATCH);
    const button = inbox.locator('.packet-button .nut-button');
    const [download] = await Promise.all([secretary.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe(`纸质材料包-计算机与软件学院党委-${BATCH}.zip`);
    const file = path.join(t.shots, 'paperwork-packet.zip');
    await download.saveAs(file);
    await poll(() => inbox.locator('.packet-done').textContent()).toContain('1 份申报书');
    await shot(secretary, 'paperwork-03-packet-done');
    await expectNoHorizontalOverflow(secretary, 'inbox with the packet');
    const zip = await JSZip.loadAsync(readFileSync(file));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir).sort();
    expect(names).toEqual(['01-报送函.docx', '02-推荐汇总表.xlsx', `03-申报书/1-${TITLE}.docx`, '05-支撑材料清单.xlsx']);
    const letter = await openDocx(await zip.file('01-报送函.docx')!.async('uint8array'));
    expect(letter.text).toContain('党建精品项目申报书1份（按推荐排序）');
    const application = await openDocx(await zip.file(`03-申报书/1-${TITLE}.docx`)!.async('uint8array'));
    expect(application.text).toContain(TITLE);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await zip.file('02-推荐汇总表.xlsx')!.async('nodebuffer')) as unknown as ArrayBuffer);
    expect(book.getWorksheet('推荐汇总表')!.getRow(4).getCell(2).value).toBe(TITLE);
    expect(pageErrors).toEqual([]);
  });
});

// End to end, in Chromium at phone width against the built local host: the host opens their
// application from 我的申报 and taps “导出申报书（Word）”; the browser downloads a .docx that opens
// with the title, the team, the sections and the budget in yuan. The secretary of another
// committee gets no file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openDocx } from '../../cloudfunctions/core/exports/documents/read-docx';
import { useE2e } from '../support/e2e';
import { current, expectNoHorizontalOverflow, poll, settle } from '../support/phone';

const EDIT = '/packages/project/edit/index';

const t = useE2e();
const { phone, signIn, shot, pageErrors } = t;

/** Someone who only calls the api: signed in by the dev sign-in form, without loading the app. */
async function caller(openid: string): Promise<Page> {
  const page = await phone();
  const res = await page.request.post(`${t.host.url}/dev/sign-in`, { form: { openid }, maxRedirects: 0 });
  expect(res.status()).toBe(303);
  return page;
}

/** A call as the person signed in on `page` (their cookie), as the app makes it. */
const api = <T,>(page: Page, procedure: string, input: unknown) => t.ok<T>(page, procedure, input);

describe('申报书 export on the phone', () => {
  const title = `红色引擎融合工程 e2e-${Date.now().toString(36)}`;

  it('downloads the host’s 申报书 as a .docx with their team, sections and budget', async () => {
    const member = await phone();
    await signIn(member, 'dev-member-1');
    const batches = await api<{ _id: string; open: boolean }[]>(member, 'batch.list', {});
    const batch = batches.find((b) => b.open)!;
    const created = await api<{ _id: string; version: number }>(member, 'project.create', { batchId: batch._id });
    await api(member, 'project.saveDraft', {
      id: created._id,
      version: created.version,
      fields: {
        title,
        contactPhone: '13800138000',
        category: 'integration',
        background: '科研团队党员分散，党建与业务“两张皮”。',
        goals: '以支部建在团队上为抓手，推动党建与科研深度融合。',
        measures: '一、组织共建；\n二、骨干双培；\n三、项目攻关。',
        innovation: '“支部+课题组”双向嵌入。',
        milestones: [{ date: '2027-03-01', task: '完成组织共建方案' }],
        expectedOutcomes: '形成可复制的工作机制一套。',
        budget: [
          { item: '学习资料印制费', amountFen: 120_050 },
          { item: '实践活动交通费', amountFen: 300_000 },
        ],
        brandId: null,
        attachments: [],
      },
    });
    const invitation = await api<{ token: string }>(member, 'team.invite', { projectId: created._id });
    const colleague = await caller('dev-member-2');
    await api(colleague, 'team.join', { token: invitation.token });

    // The host opens the application from 我的申报 on the home page.
    await member.reload();
    await settle(member);
    const home = current(member);
    await home.locator('.project-item', { hasText: title }).click();
    await member.waitForURL((u) => u.pathname === EDIT && u.searchParams.get('id') === created._id);
    await settle(member);
    const edit = current(member);
    const exportButton = edit.locator('.export-button .nut-button', { hasText: '导出申报书（Word）' });
    await exportButton.waitFor();
    await expectNoHorizontalOverflow(member, 'edit page with the export button');

    const [download] = await Promise.all([member.waitForEvent('download'), exportButton.click()]);
    expect(download.suggestedFilename()).toBe(`党建精品项目申报书-${title}.docx`);
    const saved = path.join(t.shots, 'documents-application.docx');
    await download.saveAs(saved);
    await poll(() => edit.locator('.export-done').textContent()).toContain(`已生成「党建精品项目申报书-${title}.docx」`);
    await shot(member, 'documents-01-exported');

    const doc = await openDocx(readFileSync(saved));
    expect(doc.paragraphs).toContain('党建精品项目申报书');
    expect(doc.tables[0]).toContainEqual(['项目名称', title]);
    expect(doc.tables[0]).toContainEqual(['项目负责人', '张晓明']);
    expect(doc.tables[2]!.slice(1)).toEqual([
      ['1', '张晓明', '计算机与软件学院党委', '中共正式党员', '项目主持人'],
      ['2', '李思雨', '计算机与软件学院党委', '中共预备党员', '项目成员（学生）'],
    ]);
    for (const text of ['科研团队党员分散，党建与业务“两张皮”。', '二、骨干双培；', '“支部+课题组”双向嵌入。']) expect(doc.paragraphs).toContain(text);
    expect(doc.tables[3]!.slice(1)).toEqual([['1', '2027-03-01', '完成组织共建方案']]);
    expect(doc.tables[4]!.slice(1)).toEqual([
      ['1', '学习资料印制费', '1,200.50'],
      ['2', '实践活动交通费', '3,000.00'],
      ['合计', '4,200.50'],
    ]);

    // Another committee's secretary cannot have it made, even by calling the procedure.
    const other = await caller('dev-secretary-me');
    const res = await other.request.post(`${t.host.url}/api/export.application`, { data: { input: { projectId: created._id } } });
    expect(((await res.json()) as { error?: { code: string } }).error?.code).toBe('FORBIDDEN');
    expect(pageErrors).toEqual([]);
  });
});

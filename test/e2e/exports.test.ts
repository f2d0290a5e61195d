// End to end, in Chromium at phone width against the built local host: two members submit their
// applications; the 组织部 opens 批次与评审 → 各党委申报, taps “导出全校申报汇总” and the browser
// downloads an .xlsx that opens with both applications (names, states, yuan from fen, frozen
// header); “导出本党委申报汇总” downloads only that committee's. A member cannot have it made.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2e, type Answer } from '../support/e2e';
import { current, expectNoHorizontalOverflow, poll, settle } from '../support/phone';

const BATCHES = '/packages/admin/batches/index';
const COMMITTEES = '/packages/admin/committees/index';
const OPEN_BATCH = /第三批校级党建精品项目（\d{4}）/;

const t = useE2e();
const { phone, signIn, shot, pageErrors } = t;

/** A call as the person signed in on `page` (their cookie), as the app makes it. */
const api = <T,>(page: Page, procedure: string, input: unknown): Promise<Answer<T>> => t.call<T>(page, procedure, input);
const ok = <T,>(page: Page, procedure: string, input: unknown): Promise<T> => t.ok<T>(page, procedure, input);

/** Drafts and submits an application through the API, as the person on `page`. */
async function submitApplication(page: Page, batchId: string, title: string, budgetFen: number): Promise<void> {
  const created = await ok<{ _id: string; version: number }>(page, 'project.create', { batchId });
  const saved = await ok<{ _id: string; version: number }>(page, 'project.saveDraft', {
    id: created._id,
    version: created.version,
    fields: {
      title,
      contactPhone: '13800138000',
      category: 'integration',
      background: '科研团队党员分散，党建与业务“两张皮”。',
      goals: '推动党建与科研深度融合。',
      measures: '一、组织共建；二、骨干双培。',
      innovation: '“支部+课题组”双向嵌入。',
      milestones: [{ date: '2027-03-01', task: '完成组织共建方案' }],
      expectedOutcomes: '形成可复制的工作机制一套。',
      budget: [{ item: '学习资料印制费', amountFen: budgetFen }],
      brandId: null,
      attachments: [],
    },
  });
  await ok(page, 'project.submit', { id: saved._id, version: saved.version });
}

/** Taps an export button, captures the browser's download and opens it as Excel would. */
async function download(page: Page, scope: Locator, label: string, saveAs: string): Promise<{ fileName: string; sheet: ExcelJS.Worksheet }> {
  const button = scope.locator('.export-button .nut-button', { hasText: label });
  await button.waitFor();
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const saved = path.join(t.shots, saveAs);
  await file.saveAs(saved);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(saved) as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('申报汇总');
  if (!sheet) throw new Error(`no 申报汇总 sheet in ${file.suggestedFilename()}`);
  return { fileName: file.suggestedFilename(), sheet };
}

/** The data rows under the frozen header, as header → value. */
function rowsOf(sheet: ExcelJS.Worksheet): Array<Record<string, ExcelJS.CellValue>> {
  const view = sheet.views[0] as { state?: string; ySplit?: number };
  expect(view.state).toBe('frozen');
  const headerRow = view.ySplit ?? 0;
  const header = (sheet.getRow(headerRow).values as ExcelJS.CellValue[]).slice(1).map(String);
  const rows: Array<Record<string, ExcelJS.CellValue>> = [];
  for (let r = headerRow + 1; r <= sheet.actualRowCount; r += 1) {
    const values = sheet.getRow(r).values as ExcelJS.CellValue[];
    if (typeof values[1] !== 'number') break;
    rows.push(Object.fromEntries(header.map((h, i) => [h, values[i + 1] ?? null])));
  }
  return rows;
}

describe('申报汇总 export on the phone', () => {
  const stamp = Date.now().toString(36);
  const first = `红色引擎融合工程 e2e-${stamp}`;
  const second = `研究生双带头人计划 e2e-${stamp}`;

  it('downloads the batch’s applications as an .xlsx for the 组织部, the whole school or one committee', async () => {
    const member = await phone();
    await signIn(member, 'dev-member-1');
    const batches = await ok<{ _id: string; open: boolean }[]>(member, 'batch.list', {});
    const batch = batches.find((b) => b.open);
    if (!batch) throw new Error('the seeded open batch is missing');
    await submitApplication(member, batch._id, first, 120_050);
    const student = await phone();
    await signIn(student, 'dev-member-2');
    await submitApplication(student, batch._id, second, 300_000);

    // A member may not have the list made.
    expect((await api(member, 'export.applications', { batchId: batch._id })).error?.code).toBe('FORBIDDEN');

    const admin = await phone();
    await signIn(admin, 'dev-admin');
    await current(admin).locator('.entry-admin-batches').click();
    await admin.waitForURL((u) => u.pathname === BATCHES);
    await settle(admin);
    await current(admin).locator('.batch-item', { hasText: OPEN_BATCH }).locator('.batch-committees').click();
    await admin.waitForURL((u) => u.pathname === COMMITTEES);
    await settle(admin);
    const page = current(admin);
    const card = page.locator('.export-card');
    await card.waitFor();
    await expectNoHorizontalOverflow(admin, 'committees page with the export card');

    const school = await download(admin, card, '导出全校申报汇总', 'exports-applications-school.xlsx');
    expect(school.fileName).toMatch(/^第三批校级党建精品项目（\d{4}）申报汇总（全校）\.xlsx$/);
    await poll(() => card.locator('.export-done').first().textContent()).toContain('已生成「');
    await shot(admin, 'exports-01-school');
    await expectNoHorizontalOverflow(admin, 'committees page after the export');

    const rows = rowsOf(school.sheet);
    const mine = rows.filter((r) => String(r['项目名称']).endsWith(`e2e-${stamp}`));
    expect(mine.map((r) => r['项目名称'])).toEqual([first, second]);
    expect(mine[0]).toMatchObject({ '所属党委/总支': '计算机与软件学院党委', 支部: '计算机系教工第一党支部', 负责人: '张晓明', 状态: '已提交基层党委', '经费预算（元）': 1200.5, 团队人数: 1 });
    expect(mine[1]).toMatchObject({ 负责人: '李思雨', 支部: '软件工程研究生第一党支部', '经费预算（元）': 3000 });
    expect(String(mine[0]['提交时间（北京时间）'])).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(school.sheet.getColumn(2).width).toBeGreaterThan(20);

    // The committee picked on the page (the first, 计算机与软件学院党委) alone.
    const committee = await download(admin, card, '导出本党委申报汇总', 'exports-applications-committee.xlsx');
    expect(committee.fileName).toMatch(/申报汇总（计算机与软件学院党委）\.xlsx$/);
    expect(rowsOf(committee.sheet).every((r) => r['所属党委/总支'] === '计算机与软件学院党委')).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});

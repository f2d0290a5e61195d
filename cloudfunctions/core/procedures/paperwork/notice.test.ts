import { beforeEach, describe, expect, it } from 'vitest';
import { openDocx } from '../../exports/documents/read-docx';
import { NOTICE_RED } from '../../exports/documents/approval-notice';
import { ADMIN, createHarness, HOST, OPEN_BATCH, SECRETARY_CS, type Harness } from '../../../../test/support/harness';
import { approvedProject } from '../funding/fixtures';
import { addPeople, HOST_ME, uid } from '../sheets/fixtures';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  await addPeople(h);
});

const ISSUE = { batchId: OPEN_BATCH, docNumber: '组〔2027〕3号', issuerName: '中共深圳大学委员会组织部', date: '2027-01-15' };

describe('立项通知 (notice.issue, notice.public)', () => {
  it('makes the official document: red header, 字号 and red line, title, 主送, the table with amounts, signature, Chinese date, page numbers', async () => {
    const a = await approvedProject(h, 2_000_000);
    await approvedProject(h, 1_500_050, HOST_ME);
    const file = await h.ok(ADMIN, 'notice.issue', ISSUE);
    expect(file.fileName).toBe('立项通知-组〔2027〕3号-第三批校级党建精品项目（2026）.docx');
    expect(file.rows).toBe(2);
    const doc = await openDocx(h.files.bytes(file.url));

    // The 发文机关标志 first, in red 小标宋; then the 字号 over a red rule.
    expect(doc.paragraphs[0]).toBe('中共深圳大学委员会组织部');
    const first = /<w:p[ >][\s\S]*?<\/w:p>/.exec(doc.xml)![0];
    expect(first).toContain(`<w:color w:val="${NOTICE_RED}"/>`);
    expect(first).toContain('方正小标宋简体');
    const numberPara = [...doc.xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((p) => p.includes('组〔'))!;
    expect(numberPara).toMatch(new RegExp(`<w:bottom [^>]*w:color="${NOTICE_RED}"`));
    expect(doc.paragraphs).toContain('关于公布第三批校级党建精品项目（2026）立项名单的通知');
    expect(doc.paragraphs).toContain('各基层党委（总支）：');
    expect(doc.text).toContain('决定对');
    expect(doc.text).toContain('共计35,000.50元');

    // 序号, 项目名称, 主持人, 所属基层党委, 资助金额（元）: committees in their order, then 合计.
    const table = doc.tables[0]!;
    expect(table[0]).toEqual(['序号', '项目名称', '主持人', '所属基层党委', '资助金额（元）']);
    expect(table.slice(1)).toEqual([
      ['1', a.fields.title, '张晓明', '计算机与软件学院党委', '20,000.00'],
      ['2', a.fields.title, '吴机电', '机电与控制工程学院党委', '15,000.50'],
      ['合计', '35,000.50'],
    ]);
    // Signature and the 成文日期 in Chinese numerals; the 版记 in Arabic ones.
    const tail = doc.paragraphs.slice(-3);
    expect(tail[0]).toBe('中共深圳大学委员会组织部');
    expect(tail[1]).toBe('二〇二七年一月十五日');
    expect(tail[2]).toBe('中共深圳大学委员会组织部2027年1月15日印发');
    expect(doc.xml).toMatch(/中共深圳大学委员会组织部<\/w:t><\/w:r><w:r>(?:(?!<\/w:r>).)*<w:tab\/><\/w:r><w:r>(?:(?!<\/w:r>).)*<w:t[^>]*>2027<\/w:t>/);
    // Page numbers: odd pages right, even pages left ("— 1 —").
    const settings = await doc.part('word/settings.xml');
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    const footers = await Promise.all(doc.names.filter((n) => /^word\/footer\d+\.xml$/.test(n)).map((n) => doc.part(n)));
    expect(footers.some((f) => f.includes('w:val="right"') && f.includes('PAGE'))).toBe(true);
    expect(footers.some((f) => f.includes('w:val="left"') && f.includes('PAGE'))).toBe(true);
  });

  it('shows on the public page exactly what the document shows, to anyone, once it is issued', async () => {
    await approvedProject(h, 2_000_000);
    expect(await h.ok(HOST, 'notice.public', { batchId: OPEN_BATCH })).toBeNull();
    await h.ok(ADMIN, 'notice.issue', ISSUE);
    const r = await h.raw(null, 'notice.public', { batchId: OPEN_BATCH });
    expect(r.ok).toBe(true);
    const view = (r as { data: { docNumber: string; dateText: string; items: Array<Record<string, unknown>> } }).data;
    expect(view.docNumber).toBe('组〔2027〕3号');
    expect(view.dateText).toBe('二〇二七年一月十五日');
    expect(view.items.map((i) => Object.keys(i).sort())).toEqual([['committeeName', 'grantFen', 'hostName', 'order', 'projectId', 'title']]);
    // The hosts are told, with the link to the public page; a corrected reissue tells nobody twice.
    await h.ok(ADMIN, 'notice.issue', { ...ISSUE, docNumber: '组〔2027〕4号' });
    const messages = await h.store.find<{ _id: string; version: number; recipientId: string; kind: string; link: string }>('outbox', { where: { status: 'pending' }, limit: 100 });
    const told = messages.filter((m) => m.kind === 'notice.issue');
    expect(told.map((m) => m.recipientId)).toEqual([uid(HOST)]);
    expect(told[0]!.link).toBe(`/packages/showcase/approval/index?batchId=${OPEN_BATCH}`);
    expect((await h.ok(ADMIN, 'notice.get', { batchId: OPEN_BATCH }))?.docNumber).toBe('组〔2027〕4号');
  });

  it('refuses a 字号 with control characters, too long or not a 字号, and anyone but the 组织部', async () => {
    await approvedProject(h, 2_000_000);
    for (const docNumber of ['组〔2027〕\u00073号', `${'组'.repeat(40)}〔2027〕3号`, '2027年第3号', '']) {
      const e = await h.err(ADMIN, 'notice.issue', { ...ISSUE, docNumber });
      expect(e.code).toBe('VALIDATION');
      expect(e.message).toContain('发文字号');
    }
    expect((await h.err(SECRETARY_CS, 'notice.issue', ISSUE)).code).toBe('FORBIDDEN');
  });

  it('refuses a notice before any project is approved', async () => {
    const e = await h.err(ADMIN, 'notice.issue', ISSUE);
    expect(e.code).toBe('INVALID_TRANSITION');
    expect(e.message).toContain('立项决定');
  });
});

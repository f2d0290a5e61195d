import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatYuan } from '@shared/domain/money';
import { buildApprovalNoticeDocx, type ApprovalNoticeDocument } from './approval-notice';

/**
 * The 立项通知 as LibreOffice lays it out: each notice is converted to PDF by LibreOffice itself
 * (`soffice --headless --convert-to pdf`, installed as libreoffice-writer-nogui, as CI does) and its
 * lines read back with pdftotext (poppler-utils). The amounts sweep across the line's end, so
 * that in some notice each one would fall on a break.
 */

const GRANTS = [1, 12, 123, 1_234, 12_345, 23_456, 123_456, 345_678, 1_234_567, 3_456_789].map((n) => n * 100 + 67);
let dir = '';
const lines = new Map<number, string[]>();

function notice(grant: number): ApprovalNoticeDocument {
  const items = ['“红色引擎”党建与科研融合工程', '支部建在实验室上'].map((title, i) => ({
    order: i + 1,
    projectId: `p${i}`,
    title,
    hostName: '张晓明',
    committeeName: '计算机与软件学院党委',
    grantFen: grant,
  }));
  return {
    batchId: 'b',
    batchName: '第三批校级党建精品项目（2026）',
    year: 2026,
    title: '关于公布第三批校级党建精品项目（2026）立项名单的通知',
    docNumber: '组〔2027〕3号',
    issuerName: '中共深圳大学委员会组织部',
    date: '2027-01-15',
    dateText: '二〇二七年一月十五日',
    items,
    totalFen: grant * 2,
    sourceNotice: null,
    grantPerProject: grant,
    midtermDate: '2027-06-01',
  };
}

function run(command: string, args: string[]): string {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 120_000 });
  if (r.error || r.status !== 0) {
    throw new Error(`${command} failed (${r.error?.message ?? r.stderr}). Install LibreOffice and poppler: apt-get install libreoffice-writer-nogui poppler-utils`);
  }
  return r.stdout;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'notice-lo-'));
  const files = await Promise.all(
    GRANTS.map(async (grant, i) => {
      const file = path.join(dir, `notice-${i}.docx`);
      writeFileSync(file, await buildApprovalNoticeDocx(notice(grant)));
      return file;
    }),
  );
  // A profile of its own, so that a LibreOffice already running on the machine is not asked instead.
  run('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files]);
  for (const [i] of GRANTS.entries()) {
    lines.set(i, run('pdftotext', [path.join(dir, `notice-${i}.pdf`), '-']).split('\n').map((l) => l.trim()).filter((l) => l !== ''));
  }
}, 180_000);

afterAll(() => {
  if (dir && !process.env.KEEP_LO) rmSync(dir, { recursive: true, force: true });
});

// pdftotext puts a space between Chinese and Latin text; a number is digits with , and . inside.
const endsInNumber = /[0-9,.]$/;
const startsInNumberOrUnit = /^[0-9,.元%]/;

describe('the 立项通知 in LibreOffice', () => {
  it('keeps every amount whole on its line, with its 元, in the text and in the table', () => {
    expect(readdirSync(dir).filter((f) => f.endsWith('.pdf'))).toHaveLength(GRANTS.length);
    for (const [i, text] of lines) {
      const body = text.slice(text.indexOf('各基层党委（总支）：'), text.indexOf('附表：立项项目名单'));
      for (let l = 1; l < body.length; l++) {
        const broken = endsInNumber.test(body[l - 1]!) && startsInNumberOrUnit.test(body[l]!);
        expect(broken, `notice ${i}: «${body[l - 1]}» then «${body[l]}»`).toBe(false);
      }
      expect(body.join('').replace(/\s/g, '')).toContain(`每个项目培育经费${formatYuan(GRANTS[i]!)}元，共计${formatYuan(GRANTS[i]! * 2)}元，分两次拨付：立项后拨付50%`);
      // Each cell of the table is a line of its own: the grants and the total stand whole.
      const table = text.slice(text.indexOf('附表：立项项目名单'));
      expect(table, `notice ${i}`).toContain(formatYuan(GRANTS[i]!));
      expect(table, `notice ${i}`).toContain(formatYuan(GRANTS[i]! * 2));
    }
  });

  it('writes a quoted title that has quotes of its own with single quotes inside (GB/T 15834)', () => {
    const all = lines.get(0)!.join('').replace(/\s/g, '');
    expect(all).toContain('决定对“‘红色引擎’党建与科研融合工程”等2个项目予以立项');
    // In the table the title stands alone, with its own double quotes.
    expect(all).toContain('“红色引擎”党建与科研融合工程');
  });
});

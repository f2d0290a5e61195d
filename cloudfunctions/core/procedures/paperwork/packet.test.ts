import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutputOf } from '@shared/contracts';
import { emptyBrandReport } from '@shared/domain/brand/report';
import type { Project } from '@shared/domain/project/project';
import { createLocalFiles, type LocalFiles } from '../../adapters/local/files';
import { createApp } from '../../app';
import { openDocx } from '../../exports/documents/read-docx';
import { writeStripedPng } from '../../../../test/support/png';
import { ADMIN, COMPLETE_FIELDS, createHarness, HOST, MEMBER2, OPEN_BATCH, SECRETARY_CS, SECRETARY_ME, type Harness } from '../../../../test/support/harness';
import { addPeople, HOST_ME, stored, tick } from '../sheets/fixtures';

let h: Harness;
let dir: string;
let files: LocalFiles;
beforeEach(async () => {
  h = await createHarness();
  await addPeople(h);
  dir = mkdtempSync(path.join(tmpdir(), 'packet-'));
  files = createLocalFiles(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The local host's app on the harness's store: uploads and exports on disk. */
async function call<T>(openid: string, procedure: string, input: unknown): Promise<T> {
  const app = createApp({ store: h.store, clock: () => h.now.value, files, logger: { error: () => {} } });
  const r = await app.call({ openid }, { procedure, input, requestId: `r-${procedure}-${Math.random()}` });
  if (!r.ok) throw Object.assign(new Error(`${r.error.code} ${r.error.message}`), { code: r.error.code });
  return r.data as T;
}

async function recommended(openid: string, secretary: string, title: string, rank: number, attachments: Array<{ fileId: string; name: string; size: number }>): Promise<Project> {
  tick(h);
  const p = await call<Project>(openid, 'project.create', { batchId: OPEN_BATCH });
  const saved = await call<Project>(openid, 'project.saveDraft', { id: p._id, version: p.version, fields: { ...COMPLETE_FIELDS, title, attachments } });
  const s = await call<Project>(openid, 'project.submit', { id: saved._id, version: saved.version });
  await call(secretary, 'committee.decide', { id: s._id, version: s.version, decision: 'recommend', comment: `同意推荐${title}`, rank });
  return stored(h, s._id);
}

const zipOf = (file: OutputOf<'export.packet'>) => JSZip.loadAsync(readFileSync(files.pathFor(/^\/files\/([^?]+)/.exec(file.url)![1]!)!));
const names = (zip: JSZip) => Object.keys(zip.files).filter((n) => !zip.files[n]!.dir).sort();

describe('纸质材料包 (export.packet)', () => {
  it('holds the 报送函, the 推荐汇总表 in rank order, each 申报书 as <rank>-<title>.docx, the brand report, the 支撑材料 and their list; names what it could not read', async () => {
    const photo = files.saveDocument(readFileSync(writeStripedPng(path.join(dir, 'p.png'), 320, 240)), '活动照片.png');
    const pdf = files.saveDocument(Buffer.from('%PDF-1.4\n%%EOF\n'), '工作方案.pdf');
    // Second in rank, entered first; the first one's PDF is gone from storage.
    await recommended(MEMBER2, SECRETARY_CS, '双带头人', 2, [{ fileId: photo.fileId, name: photo.name, size: photo.size }]);
    await recommended(HOST, SECRETARY_CS, '红色引擎', 1, [pdf, { fileId: 'local:gone.pdf', name: '调研报告.pdf', size: 2048 }].map((a) => ({ fileId: a.fileId, name: a.name, size: a.size })));
    await recommended(HOST_ME, SECRETARY_ME, '机电先锋', 1, []);
    const brand = await call<{ _id: string; version: number }>(SECRETARY_CS, 'brand.create', { year: 2026 });
    await call(SECRETARY_CS, 'brand.save', { id: brand._id, version: brand.version, report: { ...emptyBrandReport(), name: '红色引擎·智汇先锋', connotation: '以党建引领科研。', carriers: [{ title: '先锋讲堂', description: '每月一次。', projectId: null, photos: ['local:lost.png'] }] } });

    const file = await call<OutputOf<'export.packet'>>(SECRETARY_CS, 'export.packet', { batchId: OPEN_BATCH, committeeId: 'c-cs', jobId: 'job-cs-0001' });
    expect(file.fileName).toBe('纸质材料包-计算机与软件学院党委-第三批校级党建精品项目（2026）.zip');
    expect(file.applications).toBe(2);
    const zip = await zipOf(file);
    expect(names(zip)).toEqual([
      '01-报送函.docx',
      '02-推荐汇总表.xlsx',
      '03-申报书/1-红色引擎.docx',
      '03-申报书/2-双带头人.docx',
      '04-党建品牌创建工作情况报告-红色引擎·智汇先锋.docx',
      '05-支撑材料清单.xlsx',
      '06-支撑材料/1-红色引擎/1-工作方案.pdf',
      '06-支撑材料/2-双带头人/1-活动照片.png',
    ]);
    expect(file.rows).toBe(8);
    expect(file.leftOut).toEqual(['1-红色引擎：支撑材料「调研报告.pdf」（文件未能读取）', '党建品牌创建工作情况报告：活动载体1「先锋讲堂」照片1（图片未能读取，报告中仅列出名称）']);
    expect(Buffer.from(await zip.file('06-支撑材料/2-双带头人/1-活动照片.png')!.async('uint8array')).equals(readFileSync(path.join(dir, 'p.png')))).toBe(true);

    // Every .docx opens, each says what it should.
    const letter = await openDocx(await zip.file('01-报送函.docx')!.async('uint8array'));
    expect(letter.paragraphs).toContain('关于报送第三批校级党建精品项目（2026）申报材料的函');
    expect(letter.paragraphs).toContain('党委组织部：');
    expect(letter.tables[0]!.slice(1).map((r) => r.slice(0, 3))).toEqual([['1', '红色引擎', '张晓明'], ['2', '双带头人', '李思雨']]);
    expect(letter.text).toContain('党建精品项目申报书2份（按推荐排序）');
    expect(letter.text).toContain('（1）1-红色引擎：支撑材料「调研报告.pdf」（文件未能读取）');
    expect(letter.paragraphs).toContain('计算机与软件学院党委（盖章）');
    const first = await openDocx(await zip.file('03-申报书/1-红色引擎.docx')!.async('uint8array'));
    expect(first.paragraphs).toContain('党建精品项目申报书');
    expect(first.text).toContain('推荐排序：第 1 位');
    expect(first.text).toContain('1. 工作方案.pdf');
    const report = await openDocx(await zip.file('04-党建品牌创建工作情况报告-红色引擎·智汇先锋.docx')!.async('uint8array'));
    expect(report.text).toContain('红色引擎·智汇先锋');

    // The .xlsx open with exceljs: the summary in rank order, every 支撑材料 with where it lies or why not.
    const summary = new ExcelJS.Workbook();
    await summary.xlsx.load((await zip.file('02-推荐汇总表.xlsx')!.async('nodebuffer')) as unknown as ArrayBuffer);
    const ws = summary.getWorksheet('推荐汇总表')!;
    expect([ws.getRow(4).getCell(1).value, ws.getRow(4).getCell(2).value, ws.getRow(5).getCell(1).value, ws.getRow(5).getCell(2).value]).toEqual([1, '红色引擎', 2, '双带头人']);
    expect(ws.getRow(4).getCell(7).value).toBe(4200.5);
    const list = new ExcelJS.Workbook();
    await list.xlsx.load((await zip.file('05-支撑材料清单.xlsx')!.async('nodebuffer')) as unknown as ArrayBuffer);
    const rows = list.getWorksheet('支撑材料清单')!.getRows(4, 3)!.map((r) => [r.getCell(2).value, r.getCell(4).value, r.getCell(6).value]);
    expect(rows).toEqual([
      ['红色引擎', '工作方案.pdf', '06-支撑材料/1-红色引擎/1-工作方案.pdf'],
      ['红色引擎', '调研报告.pdf', '未收入：文件未能读取'],
      ['双带头人', '活动照片.png', '06-支撑材料/2-双带头人/1-活动照片.png'],
    ]);
    // The phone's progress question answers the finished job, for its caller only.
    expect(await call(SECRETARY_CS, 'export.packetProgress', { jobId: 'job-cs-0001' })).toMatchObject({ found: true, finished: true });
    expect(await call(SECRETARY_ME, 'export.packetProgress', { jobId: 'job-cs-0001' })).toMatchObject({ found: false });
  });

  it('gives the 组织部 every committee’s packet in one zip, a folder each; a secretary only their own', async () => {
    await recommended(HOST, SECRETARY_CS, '红色引擎', 1, []);
    await recommended(HOST_ME, SECRETARY_ME, '机电先锋', 1, []);
    const all = await call<OutputOf<'export.packet'>>(ADMIN, 'export.packet', { batchId: OPEN_BATCH, jobId: 'job-all-0001' });
    expect(all.fileName).toBe('纸质材料包-全校-第三批校级党建精品项目（2026）.zip');
    const zip = await zipOf(all);
    expect(names(zip).filter((n) => n.endsWith('报送函.docx') || n.includes('申报书/'))).toEqual([
      '01-计算机与软件学院党委/01-报送函.docx',
      '01-计算机与软件学院党委/03-申报书/1-红色引擎.docx',
      '02-机电与控制工程学院党委/01-报送函.docx',
      '02-机电与控制工程学院党委/03-申报书/1-机电先锋.docx',
    ]);
    await expect(call(SECRETARY_CS, 'export.packet', { batchId: OPEN_BATCH, committeeId: 'c-me', jobId: 'job-me-0001' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(call(HOST, 'export.packet', { batchId: OPEN_BATCH, committeeId: 'c-cs', jobId: 'job-cs-0002' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

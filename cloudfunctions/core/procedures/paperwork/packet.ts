import JSZip from 'jszip';
import { AppError } from '@shared/contracts/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import type { Batch } from '@shared/domain/batch';
import type { Brand } from '@shared/domain/brand/brand';
import { budgetTotal, completeFields } from '@shared/domain/project/application';
import type { Project } from '@shared/domain/project/project';
import { PROJECT_STATE_LABELS, RECOMMENDED_ONWARD_STATES } from '@shared/domain/project/state';
import { dateIn } from '@shared/time/deadline';
import type { Context } from '../../context';
import { buildApplicationDocx } from '../../exports/documents/application';
import { buildBrandReportDocx } from '../../exports/documents/brand-report';
import { buildCoverLetterDocx } from '../../exports/documents/cover-letter';
import { exportFileName, officeText } from '../../exports/text';
import type { StoredDoc } from '../../ports/store';
import { applicationDocument } from '../documents/application';
import { brandReportDocument } from '../documents/brand-report';
import { PACKET_ATTACHMENT_MB, PACKET_LIMITS, type PacketSources } from './packet-sources';
import { readAll } from '../review/pages';
import { allCommittees, categoryLabel, committeeScope, ProjectPeople, requireBatch, titleOf, type StoredCommittee } from '../sheets/common';
import { materialsBook, summaryBook, type PacketApplication } from './packet-sheets';
import { ProgressReporter } from './progress';


/** Already compressed (pictures, PDFs, office files): stored as they are, which saves the time of deflating them again. */
const COMPRESSED = /\.(jpe?g|png|webp|pdf|docx|xlsx|pptx|zip)$/i;

/** A name safe in a zip on every system: no path or reserved characters, at most 60 characters. */
function part(name: string): string {
  return officeText(name, { max: 60, keepBreaks: false }).replace(/[\\/:*?"<>|]/g, '_').trim() || '未命名';
}

const rankPrefix = (rank: number | null, i: number) => String(rank ?? i + 1);

interface Built {
  applications: number;
  leftOut: string[];
  bytes: number;
}

/** One committee's packet into `zip` under `prefix`. */
async function committeePacket(ctx: Context, zip: JSZip, prefix: string, batch: Batch, committee: StoredCommittee, sources: PacketSources, budget: number, progress: ProgressReporter): Promise<Built> {
  const projects = (await readAll<Project>(ctx.store, 'projects', { batchId: batch._id, committeeId: committee._id, state: { $in: [...RECOMMENDED_ONWARD_STATES] } })).sort(
    (a, b) => (a.committeeRank ?? Number.MAX_SAFE_INTEGER) - (b.committeeRank ?? Number.MAX_SAFE_INTEGER) || titleOf(a).localeCompare(titleOf(b), 'zh-Hans-CN'),
  );
  const people = new ProjectPeople(ctx);
  await people.load(projects);
  const leftOut: string[] = [];
  /** Named one by one in the 报送函; those beyond the packet's size are counted there instead. */
  const unreadable: string[] = [];
  const put = (name: string, data: Uint8Array) => zip.file(`${prefix}${name}`, data, { compression: COMPRESSED.test(name) ? 'STORE' : 'DEFLATE', binary: true });
  const label = (p: Project, i: number) => `${rankPrefix(p.committeeRank ?? null, i)}-${titleOf(p)}`;

  const apps: PacketApplication[] = [];
  for (const [i, p] of projects.entries()) {
    const fields = completeFields(p.fields);
    put(`03-申报书/${exportFileName(part(label(p, i)), 'docx')}`, await buildApplicationDocx(await applicationDocument(ctx, p)));
    apps.push({
      rank: p.committeeRank ?? null,
      title: titleOf(p),
      hostName: p.hostName,
      branchName: people.branchName(p),
      contactPhone: fields.contactPhone,
      category: categoryLabel(fields.category),
      budgetFen: budgetTotal(fields.budget),
      teamSize: people.teamSize(p),
      opinion: p.committeeOpinion ?? '',
      state: PROJECT_STATE_LABELS[p.state],
      attachments: fields.attachments.map((a) => ({ name: a.name, size: a.size, path: null, problem: null })),
    });
    await progress.step(`${committee.name}：申报书 ${i + 1}/${projects.length}`);
  }

  // 支撑材料: read within what is left of the packet's budget; what cannot be read is named.
  const ids = projects.flatMap((p) => completeFields(p.fields).attachments.map((a) => a.fileId));
  const loaded = ids.length ? await sources.attachments(ctx, { ...PACKET_LIMITS, total: Math.max(0, budget) }).load(ids) : new Map<string, Uint8Array>();
  let bytes = 0;
  let overCapacity = 0;
  projects.forEach((p, i) => {
    completeFields(p.fields).attachments.forEach((a, k) => {
      const entry = apps[i]!.attachments[k]!;
      const data = loaded.get(a.fileId);
      if (!data) {
        const over = a.size <= PACKET_LIMITS.each && budget - bytes < a.size;
        entry.problem = a.size > PACKET_LIMITS.each ? '超过单个文件 20 MB 上限' : over ? `超出材料包容量（支撑材料共${PACKET_ATTACHMENT_MB} MB），请另行报送` : '文件未能读取';
        leftOut.push(`${label(p, i)}：支撑材料「${a.name}」（${entry.problem}）`);
        if (over) overCapacity += 1;
        else unreadable.push(leftOut[leftOut.length - 1]!);
        return;
      }
      entry.path = `${prefix}06-支撑材料/${part(label(p, i))}/${k + 1}-${part(a.name)}`;
      put(entry.path.slice(prefix.length), data);
      bytes += data.length;
    });
  });
  await progress.step(`${committee.name}：支撑材料`, projects.length);

  // The committee's brand report of the batch's year, if it has one.
  const slot = await ctx.store.get<StoredDoc & { brandId: string }>('brandSlots', `${committee._id}:${batch.year}`);
  const brand = slot ? await ctx.store.get<Brand>('brands', slot.brandId) : null;
  let brandReport: string | null = null;
  if (brand) {
    const result = await buildBrandReportDocx(await brandReportDocument(ctx, brand, sources.pictures(ctx)));
    brandReport = '党建品牌创建工作情况报告';
    put(`04-${exportFileName(`${brandReport}-${part(brand.report.name.trim() || `${brand.year}年度`)}`, 'docx')}`, result.bytes);
    for (const m of result.missing) {
      leftOut.push(`党建品牌创建工作情况报告：${m}（图片未能读取，报告中仅列出名称）`);
      unreadable.push(leftOut[leftOut.length - 1]!);
    }
  }
  await progress.step(`${committee.name}：汇总表与清单`);

  put('02-推荐汇总表.xlsx', await summaryBook(committee.name, batch.name, apps, ctx.now));
  put('05-支撑材料清单.xlsx', await materialsBook(committee.name, batch.name, apps, ctx.now));
  put(
    '01-报送函.docx',
    await buildCoverLetterDocx({
      committeeName: committee.name,
      batchName: batch.name,
      noticeTitle: batch.noticeTitle ?? null,
      paperInstructions: batch.paperInstructions ?? null,
      applications: apps.map((a) => ({ rank: a.rank, title: a.title, hostName: a.hostName, attachments: a.attachments.filter((f) => f.path).length, separate: a.attachments.filter((f) => !f.path).length })),
      brandReport,
      leftOut: unreadable,
      overCapacity: overCapacity ? { count: overCapacity, limitMB: PACKET_ATTACHMENT_MB } : null,
      date: dateIn(ctx.now),
    }),
  );
  await progress.step(`${committee.name}：报送函`);
  return { applications: projects.length, leftOut, bytes };
}

/**
 * export.packet: the 纸质材料包 as one .zip — for one committee (a secretary's own; any for the
 * 组织部), or every committee with something to hand in, a folder each (the 组织部).
 */
export async function exportPacket(ctx: Context, input: ParsedInputOf<'export.packet'>, sources: PacketSources): Promise<OutputOf<'export.packet'>> {
  const batch = await requireBatch(ctx, input.batchId);
  const committees = await allCommittees(ctx);
  const scope = committeeScope(ctx, input.committeeId, committees);
  const ids = scope.ids ?? [...committees.keys()];
  const counts = await Promise.all(ids.map((id) => ctx.store.count('projects', { batchId: batch._id, committeeId: id, state: { $in: [...RECOMMENDED_ONWARD_STATES] } })));
  // Every committee: those that recommended applications in the batch; a committee of one's own: always, even empty.
  const chosen = ids.filter((_, i) => ids.length === 1 || scope.ids !== null || (counts[i] ?? 0) > 0).map((id) => committees.get(id)!);
  if (chosen.length === 0) throw new AppError('NOT_FOUND', '该批次还没有任何基层党委的申报，暂无纸质材料可打包');
  const progress = await ProgressReporter.start(ctx, input.jobId, counts.reduce((a, b) => a + b, 0) * 2 + chosen.length * 3 + 1);
  const zip = new JSZip();
  const many = chosen.length > 1;
  let budget = PACKET_LIMITS.total;
  let applications = 0;
  const leftOut: string[] = [];
  for (const [i, committee] of chosen.entries()) {
    const prefix = many ? `${String(i + 1).padStart(2, '0')}-${part(committee.name)}/` : '';
    const built = await committeePacket(ctx, zip, prefix, batch, committee, sources, budget, progress);
    budget -= built.bytes;
    applications += built.applications;
    leftOut.push(...built.leftOut.map((l) => (many ? `${committee.name}·${l}` : l)));
  }
  await progress.step('正在压缩打包');
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
  await progress.step('正在保存');
  const label = many || scope.ids === null ? (scope.ids === null ? '全校' : scope.label) : chosen[0]!.name;
  const saved = await ctx.files.saveExport(bytes, exportFileName(`纸质材料包-${label}-${batch.name}`, 'zip'));
  await progress.finish();
  return { ...saved, rows: zip.filter((_, f) => !f.dir).length, applications, leftOut };
}

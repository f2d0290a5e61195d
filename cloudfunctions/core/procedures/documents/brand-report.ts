import type { ExportedFile } from '@shared/contracts/common';
import type { ParsedInputOf } from '@shared/contracts';
import type { Brand } from '@shared/domain/brand/brand';
import { INFLUENCE_KIND_LABELS } from '@shared/domain/brand/report';
import { BRAND_STAGE_LABELS, BRAND_STAGES, stageIndex } from '@shared/domain/brand/stage';
import { BRAND_STATE_LABELS } from '@shared/domain/brand/state';
import type { Project } from '@shared/domain/project/project';
import { dateIn } from '@shared/time/deadline';
import type { Context } from '../../context';
import { buildBrandReportDocx, type BrandReportDocument, type ReportPicture } from '../../exports/documents/brand-report';
import { exportFileName } from '../../exports/text';
import { Lookup } from '../../services/lookup';
import { loadBrand, requireBrandReader } from '../brand/access';
import type { PictureSource } from './pictures';

/** The report's picture ids in the order they appear (the logo first), so limits drop the last. */
export function reportPictureIds(brand: Brand): string[] {
  const r = brand.report;
  return [...(r.logo ? [r.logo.fileId] : []), ...r.carriers.flatMap((c) => c.photos), ...r.influence.flatMap((i) => (i.imageId ? [i.imageId] : []))];
}

/** Gathers what the brand report shows, with the pictures' bytes from `pictures`. */
export async function brandReportDocument(ctx: Context, brand: Brand, pictures: PictureSource): Promise<BrandReportDocument> {
  const r = brand.report;
  const linked = [...new Set(r.carriers.map((c) => c.projectId).filter((id): id is string => id !== null))];
  const [committeeName, bytes, projects] = await Promise.all([
    new Lookup(ctx.store).committeeName(brand.committeeId),
    pictures.load(reportPictureIds(brand)),
    Promise.all(linked.map((id) => ctx.store.get<Project>('projects', id))),
  ]);
  const titles = new Map(projects.filter((p): p is Project => p !== null).map((p) => [p._id, p.fields.title.trim() || '（未命名的申报书）']));
  const picture = (id: string, label: string): ReportPicture => ({ label, bytes: bytes.get(id) ?? null });
  return {
    committeeName,
    year: brand.year,
    stateLabel: BRAND_STATE_LABELS[brand.state],
    name: r.name,
    logo: r.logo ? { picture: picture(r.logo.fileId, '品牌标识'), explanation: r.logo.explanation } : null,
    connotation: r.connotation,
    approach: r.approach,
    stages: BRAND_STAGES.map((s) => BRAND_STAGE_LABELS[s]),
    stageIndex: stageIndex(r.stage),
    carriers: r.carriers.map((c, i) => ({
      title: c.title,
      description: c.description,
      projectTitle: c.projectId ? (titles.get(c.projectId) ?? null) : null,
      photos: c.photos.map((id, k) => picture(id, `活动载体${i + 1}「${c.title || '未命名'}」照片${k + 1}`)),
    })),
    influence: r.influence.map((e, i) => ({
      kind: INFLUENCE_KIND_LABELS[e.kind],
      title: e.title,
      date: e.date,
      link: e.link,
      picture: e.imageId ? picture(e.imageId, `社会影响${i + 1}「${e.title || '未命名'}」附图`) : null,
    })),
    problems: r.problems,
    cultivation: brand.cultivation,
    publicNames: r.publicNames,
    filledDate: brand.submittedAt ? dateIn(new Date(brand.submittedAt)) : null,
  };
}

/** export.brandReport: the brand report (附件1) for its committee and the 组织部. */
export async function exportBrandReport(ctx: Context, input: ParsedInputOf<'export.brandReport'>, pictures: PictureSource): Promise<ExportedFile> {
  const brand = await loadBrand(ctx.store, input.brandId);
  requireBrandReader(ctx, brand);
  const doc = await brandReportDocument(ctx, brand, pictures);
  const result = await buildBrandReportDocx(doc);
  const base = `党建品牌创建工作情况报告-${doc.committeeName}-${brand.report.name.trim() || `${brand.year}年度`}`;
  const saved = await ctx.files.saveExport(result.bytes, exportFileName(base, 'docx'));
  return { ...saved, rows: result.sections };
}

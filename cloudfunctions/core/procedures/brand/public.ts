import { AppError } from '@shared/contracts/errors';
import type { ParsedInputOf, PublicBrand } from '@shared/contracts';
import type { Brand, PromotionEvent } from '@shared/domain/brand/brand';
import { INFLUENCE_KIND_LABELS } from '@shared/domain/brand/report';
import { isPublic } from '@shared/domain/brand/state';
import type { Project } from '@shared/domain/project/project';
import type { Context } from '../../context';
import { Lookup } from '../../services/lookup';
import { clearedImages } from '../../services/media-check';
import { getMany } from '../../services/read-many';
import { brandFileIds } from './files';
import { countView } from '../influence/count';

/** Every piece of user-written text that the public page shows. */
export function publicTexts(brand: Brand): string[] {
  const r = brand.report;
  return [
    r.name,
    r.logo?.explanation ?? '',
    r.connotation,
    r.approach,
    ...r.carriers.flatMap((c) => [c.title, c.description]),
    ...r.influence.map((i) => i.title),
    ...r.publicNames,
  ].filter((t) => t.trim() !== '');
}


const notFound = () => new AppError('NOT_FOUND', '该品牌展示页不存在或尚未公开');

/**
 * The showcase of a promoted brand, for anyone (signed out too). It carries no personal data
 * beyond the names the committee chose to show: no author ids, no reviewers, no comments.
 */
export async function publicBrand(ctx: Context, input: ParsedInputOf<'brand.public'>): Promise<PublicBrand> {
  const brand = await ctx.store.get<Brand>('brands', input.id);
  if (!brand || !isPublic(brand.state)) throw notFound();
  // Counted in memory (services/influence/buffer.ts): this answer waits for no extra write.
  countView(ctx, 'brand', brand._id, input.via);
  const lookup = new Lookup(ctx.store);
  const r = brand.report;
  // Only pictures that passed the content check are shown; the rest stay hidden until they do.
  const cleared = await clearedImages(ctx.store, brandFileIds(brand));
  const urls = await ctx.files.urls([...cleared]);
  const fileUrl = (id: string): string | null => urls.get(id) ?? null;
  const [committeeName, events, titles] = await Promise.all([
    lookup.committeeName(brand.committeeId),
    ctx.store.find<PromotionEvent>('brandEvents', { where: { brandId: brand._id }, orderBy: [{ field: 'date', direction: 'desc' }], limit: 50 }),
    projectTitles(ctx, r.carriers.map((c) => c.projectId).filter((id): id is string => id !== null)),
  ]);
  return {
    _id: brand._id,
    name: r.name,
    committeeName,
    year: brand.year,
    logo: r.logo && fileUrl(r.logo.fileId) ? { url: fileUrl(r.logo.fileId) as string, explanation: r.logo.explanation } : null,
    connotation: r.connotation,
    approach: r.approach,
    stage: r.stage,
    carriers: r.carriers.map((c) => ({
      title: c.title,
      description: c.description,
      photos: c.photos.map(fileUrl).filter((u): u is string => u !== null),
      projectTitle: c.projectId ? titles.get(c.projectId) ?? null : null,
    })),
    influence: r.influence.map((i) => ({ kind: INFLUENCE_KIND_LABELS[i.kind], title: i.title, date: i.date, link: i.link, imageUrl: i.imageId ? fileUrl(i.imageId) : null })),
    publicNames: r.publicNames,
    events: events.map((e) => ({ kind: e.kind, date: e.date, place: e.place, report: e.report })),
    promotedAt: brand.promotedAt,
  };
}

async function projectTitles(ctx: Context, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [id, p] of await getMany<Project>(ctx.store, 'projects', ids)) {
    // Only projects past the committee's own desk are named in public.
    if (p.state !== 'draft' && p.state !== 'submitted' && p.state !== 'returned') out.set(id, p.fields.title);
  }
  return out;
}

/** The code for a share poster: only for a brand that is public. */
export async function posterCode(ctx: Context, input: ParsedInputOf<'brand.posterCode'>) {
  const brand = await ctx.store.get<Brand>('brands', input.id);
  if (!brand || !isPublic(brand.state)) throw notFound();
  try {
    return await ctx.miniCode.forShowcase(brand._id);
  } catch {
    throw new AppError('INTERNAL', '小程序码生成失败，请稍后再试；也可以直接转发本页');
  }
}

/** The promoted brands, for the public showcase index. */
export async function publicBrandList(ctx: Context) {
  const brands = await ctx.store.find<Brand>('brands', { where: { state: 'promoted' }, orderBy: [{ field: 'updatedAt', direction: 'desc' }], limit: 100 });
  const lookup = new Lookup(ctx.store);
  await lookup.primeCommittees(brands.map((b) => b.committeeId));
  // Only 标识 that passed the content check are shown, as on the brand's own page.
  const logos = brands.flatMap((b) => (b.report.logo ? [b.report.logo.fileId] : []));
  const urls = await ctx.files.urls([...(await clearedImages(ctx.store, logos))]);
  return Promise.all(
    brands.map(async (b) => ({
      _id: b._id,
      name: b.report.name,
      committeeName: await lookup.committeeName(b.committeeId),
      year: b.year,
      logoUrl: b.report.logo ? urls.get(b.report.logo.fileId) ?? null : null,
    })),
  );
}

import type { BrandSummary, BrandView } from '@shared/contracts';
import type { Brand, BrandProgress, PromotionEvent } from '@shared/domain/brand/brand';
import { canEditReport, nextBrandState } from '@shared/domain/brand/state';
import type { User } from '@shared/domain/person';
import type { Project } from '@shared/domain/project/project';
import { canActForCommittee } from '@shared/domain/roles';
import type { Context } from '../../context';
import { timelineOf } from '../../services/timeline';
import { Lookup } from '../../services/lookup';
import { isAdmin } from './access';
import { brandFileIds } from './files';

export function toBrandSummary(brand: Brand, committeeName: string): BrandSummary {
  return {
    _id: brand._id,
    name: brand.report.name,
    committeeId: brand.committeeId,
    committeeName,
    year: brand.year,
    state: brand.state,
    stage: brand.report.stage,
    updatedAt: brand.updatedAt,
  };
}

/** The committee's projects past the draft stage: what an activity carrier may link. */
export async function linkableProjects(ctx: Context, committeeId: string): Promise<Array<{ _id: string; title: string; year: number | null }>> {
  const projects = (
    await ctx.store.find<Project>('projects', {
      where: { committeeId, state: { $ne: 'draft' } },
      orderBy: [{ field: 'updatedAt', direction: 'desc' }],
      limit: 100,
    })
  ).filter((p) => p.fields.title.trim() !== '');
  // The batch's year tells apart projects of the same name in different years.
  const lookup = new Lookup(ctx.store);
  await lookup.primeBatches([...new Set(projects.map((p) => p.batchId))]);
  return Promise.all(projects.map(async (p) => ({ _id: p._id, title: p.fields.title, year: (await lookup.batch(p.batchId))?.year ?? null })));
}

export async function toBrandView(ctx: Context, brand: Brand): Promise<BrandView> {
  const store = ctx.store;
  const lookup = new Lookup(store);
  const mine = canActForCommittee(ctx.user?.roles ?? [], brand.committeeId);
  const [committeeName, progress, events, timeline, projects] = await Promise.all([
    lookup.committeeName(brand.committeeId),
    store.find<BrandProgress>('brandProgress', { where: { brandId: brand._id }, orderBy: [{ field: 'date', direction: 'desc' }], limit: 100 }),
    store.find<PromotionEvent>('brandEvents', { where: { brandId: brand._id }, orderBy: [{ field: 'date', direction: 'desc' }], limit: 100 }),
    timelineOf(store, brand._id),
    // The committee's applications are its own (and the 组织部's): another committee reading the
    // brand in the 资源库 does not get their titles.
    mine ? linkableProjects(ctx, brand.committeeId) : Promise.resolve([]),
  ]);
  const authors = new Map<string, string>();
  for (const id of new Set(progress.map((p) => p.authorId))) {
    authors.set(id, (await store.get<User>('users', id))?.profile.name ?? '—');
  }
  const fileUrls = Object.fromEntries(await ctx.files.urls(brandFileIds(brand, progress)));
  const admin = isAdmin(ctx);
  return {
    _id: brand._id,
    version: brand.version,
    committeeId: brand.committeeId,
    committeeName,
    year: brand.year,
    state: brand.state,
    report: brand.report,
    // Another committee reads a 资源库 brand for its practice (the 五有 report, progress, events),
    // not for its internal file: who reviewed and why, return comments, the cultivation team.
    cultivation: mine ? brand.cultivation : null,
    returnComment: mine ? brand.returnComment : null,
    submittedAt: brand.submittedAt,
    acceptedAt: brand.acceptedAt,
    promotedAt: brand.promotedAt,
    updatedAt: brand.updatedAt,
    progress: progress.map((p) => ({ _id: p._id, date: p.date, text: p.text, photos: p.photos, stage: p.stage, authorName: mine ? (authors.get(p.authorId) ?? '—') : '—' })),
    events: events.map((e) => ({ _id: e._id, kind: e.kind, date: e.date, place: e.place, report: e.report })),
    timeline: mine ? timeline : [],
    linkableProjects: projects,
    fileUrls,
    can: {
      edit: mine && canEditReport(brand.state),
      submit: mine && nextBrandState(brand.state, 'submit') !== null,
      review: admin && nextBrandState(brand.state, 'accept') !== null,
      reopen: admin && brand.state === 'accepted',
      cultivate: (mine || admin) && (brand.state === 'accepted' || brand.state === 'promoted'),
      promote: admin && nextBrandState(brand.state, 'promote') !== null,
      addEvent: admin && brand.state === 'promoted',
    },
  };
}

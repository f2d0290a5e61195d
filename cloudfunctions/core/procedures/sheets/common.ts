import { AppError } from '@shared/contracts/errors';
import type { ExportedFile } from '@shared/contracts/common';
import type { Batch } from '@shared/domain/batch';
import type { Branch, Committee } from '@shared/domain/org';
import type { User } from '@shared/domain/person';
import { PROJECT_CATEGORY_LABELS, type ProjectCategory } from '@shared/domain/project/application';
import type { Project } from '@shared/domain/project/project';
import type { ProjectState } from '@shared/domain/project/state';
import type { TeamMember } from '@shared/domain/project/team';
import { hasRole, secretaryCommittees } from '@shared/domain/roles';
import type { Context } from '../../context';
import { beijingText } from '../../exports/sheets/columns';
import { ByIdCache, findIn, forEachPage } from '../../exports/sheets/scan';
import type { XlsxBook } from '../../exports/sheets/book';
import { exportFileName } from '../../exports/text';
import type { StoredDoc, Where } from '../../ports/store';

export type StoredBatch = Batch & StoredDoc;
export type StoredCommittee = Committee & StoredDoc;

export async function requireBatch(ctx: Context, id: string): Promise<StoredBatch> {
  const batch = await ctx.store.get<StoredBatch>('batches', id);
  if (!batch) throw new AppError('NOT_FOUND', '该批次不存在，请返回批次列表重新选择');
  return batch;
}

/** Every committee, read once per export (a few dozen at most), in display order. */
export async function allCommittees(ctx: Context): Promise<Map<string, StoredCommittee>> {
  const list: StoredCommittee[] = [];
  await forEachPage<StoredCommittee>(ctx.store, 'committees', {}, (page) => {
    list.push(...page);
  });
  list.sort((a, b) => a.order - b.order);
  return new Map(list.map((c) => [c._id, c]));
}

export const committeeName = (committees: Map<string, StoredCommittee>, id: string) => committees.get(id)?.name ?? '（已撤销的党组织）';
export const committeeOrder = (committees: Map<string, StoredCommittee>, id: string) => committees.get(id)?.order ?? Number.MAX_SAFE_INTEGER;

/** Which committees a list covers: `ids` null means every committee (the 组织部 only). */
export interface CommitteeScope {
  ids: string[] | null;
  /** How the scope reads in a title or file name: a committee's name, or 全校. */
  label: string;
}

/**
 * The 组织部 may ask for any committee or all of them; a secretary gets their own committee when
 * they name none, and FORBIDDEN when they name another.
 */
export function committeeScope(ctx: Context, requested: string | null | undefined, committees: Map<string, StoredCommittee>): CommitteeScope {
  const roles = ctx.user?.roles ?? [];
  const admin = hasRole(roles, 'admin');
  const own = secretaryCommittees(roles);
  if (requested) {
    if (!admin && !own.includes(requested)) throw new AppError('FORBIDDEN', '您只能导出本基层党委的名单');
    if (!committees.has(requested)) throw new AppError('NOT_FOUND', '该基层党委不存在，请重新选择');
    return { ids: [requested], label: committeeName(committees, requested) };
  }
  if (admin) return { ids: null, label: '全校' };
  if (own.length === 0) throw new AppError('FORBIDDEN', '您不是任何基层党委的书记或组织员，不能导出名单');
  return { ids: own, label: own.map((id) => committeeName(committees, id)).join('、') };
}

/** The scope as a store condition on `committeeId`. */
export function scopeWhere(scope: CommitteeScope): Where {
  if (scope.ids === null) return {};
  return { committeeId: scope.ids.length === 1 ? scope.ids[0] : { $in: scope.ids } };
}

/**
 * A list of a batch's projects in some states: `coarse` is what the first (sorting) pass asks the
 * store for — batch and committee, both indexed — and `keep` tests the state per document; `full`
 * re-checks everything when the rows are fetched.
 */
export interface ProjectQuery {
  coarse: Where;
  full: Where;
  keep: (p: Project) => boolean;
}

export function projectQuery(coarse: Where, states: readonly ProjectState[]): ProjectQuery {
  return { coarse, full: { ...coarse, state: { $in: [...states] } }, keep: (p) => states.includes(p.state) };
}

export function categoryLabel(category: ProjectCategory | null | undefined): string {
  return category ? PROJECT_CATEGORY_LABELS[category] : '';
}

export function titleOf(project: Pick<Project, 'fields'>): string {
  return project.fields.title?.trim() || '（未命名项目）';
}

/** "导出时间：2026-11-27 10:00（北京时间）". */
export function exportedAt(ctx: Context): string {
  return `导出时间：${beijingText(ctx.now.toISOString())}（北京时间）`;
}

/**
 * What a project row shows beyond the project itself, read for a page of projects at once: the
 * host's branch (host → profile → branch) and the team size (host + members).
 */
export class ProjectPeople {
  /** Hosts differ from project to project, so they are read per page and not kept; branches are few and kept. */
  private users: ByIdCache<User>;
  private readonly branches: ByIdCache<Branch & StoredDoc>;
  private team = new Map<string, TeamMember[]>();
  constructor(private readonly ctx: Context) {
    this.users = new ByIdCache<User>(ctx.store, 'users');
    this.branches = new ByIdCache<Branch & StoredDoc>(ctx.store, 'branches');
  }

  async load(projects: readonly Project[]): Promise<void> {
    this.users = new ByIdCache<User>(this.ctx.store, 'users');
    await this.users.load(projects.map((p) => p.hostId));
    await this.branches.load(projects.map((p) => this.users.get(p.hostId)?.profile.branchId));
    const members = await findIn<TeamMember>(this.ctx.store, 'teamMembers', 'projectId', projects.map((p) => p._id));
    this.team = new Map();
    for (const m of members) this.team.set(m.projectId, [...(this.team.get(m.projectId) ?? []), m]);
  }

  branchName(project: Project): string {
    return this.branches.get(this.users.get(project.hostId)?.profile.branchId)?.name ?? '';
  }

  /** The host and the members who joined. */
  teamSize(project: Project): number {
    return 1 + (this.team.get(project._id)?.length ?? 0);
  }

  memberNames(project: Project): string[] {
    return (this.team.get(project._id) ?? []).sort((a, b) => a.joinedAt.localeCompare(b.joinedAt)).map((m) => m.name);
  }
}

/** Keeps the finished file and says where to fetch it. */
export async function saveBook(ctx: Context, book: XlsxBook, base: string, rows: number): Promise<ExportedFile> {
  const bytes = await book.finish();
  const saved = await ctx.files.saveExport(bytes, exportFileName(base, 'xlsx'));
  return { ...saved, rows };
}

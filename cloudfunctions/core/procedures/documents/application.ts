import type { ExportedFile } from '@shared/contracts/common';
import type { ParsedInputOf } from '@shared/contracts';
import type { Brand } from '@shared/domain/brand/brand';
import { PERSON_KIND_LABELS, type User } from '@shared/domain/person';
import { POLITICAL_STATUS_LABELS } from '@shared/domain/political-status';
import { completeFields, PROJECT_CATEGORY_LABELS } from '@shared/domain/project/application';
import type { Project } from '@shared/domain/project/project';
import { isRecommendedOnward, PROJECT_STATE_LABELS } from '@shared/domain/project/state';
import type { TeamMember } from '@shared/domain/project/team';
import { dateIn } from '@shared/time/deadline';
import type { Context } from '../../context';
import { APPLICATION_SECTIONS, buildApplicationDocx, type ApplicationDocument } from '../../exports/documents/application';
import { exportFileName } from '../../exports/text';
import { MAX_PAGE } from '../../ports/store';
import { Lookup } from '../../services/lookup';
import { loadProject, requireProjectReader } from '../project/access';

/** Gathers what the 申报书 shows from the stored project, its team, host and brand. */
export async function applicationDocument(ctx: Context, project: Project): Promise<ApplicationDocument> {
  const lookup = new Lookup(ctx.store);
  const fields = completeFields(project.fields);
  const [batch, committeeName, host, members, brand] = await Promise.all([
    lookup.requireBatch(project.batchId),
    lookup.committeeName(project.committeeId),
    ctx.store.get<User>('users', project.hostId),
    ctx.store.find<TeamMember>('teamMembers', { where: { projectId: project._id }, limit: MAX_PAGE }),
    fields.brandId ? ctx.store.get<Brand>('brands', fields.brandId) : Promise.resolve(null),
  ]);
  const hostStatus = host ? POLITICAL_STATUS_LABELS[host.profile.politicalStatus] : '';
  const team = [
    { name: project.hostName, unit: committeeName, politicalStatus: hostStatus, role: '项目主持人' },
    ...(await Promise.all(
      [...members]
        .sort((a, b) => a.joinedAt.localeCompare(b.joinedAt))
        .map(async (m) => ({
          name: m.name,
          unit: await lookup.committeeName(m.committeeId),
          politicalStatus: POLITICAL_STATUS_LABELS[m.politicalStatus],
          role: `项目成员（${PERSON_KIND_LABELS[m.kind]}）`,
        })),
    )),
  ];
  const recommended = isRecommendedOnward(project.state) && project.committeeOpinion !== undefined && project.committeeOpinion !== null;
  return {
    batchName: batch.name,
    title: fields.title,
    committeeName,
    hostName: project.hostName,
    hostPoliticalStatus: hostStatus,
    contactPhone: fields.contactPhone,
    category: fields.category ? PROJECT_CATEGORY_LABELS[fields.category] : '',
    filledDate: dateIn(project.submittedAt ? new Date(project.submittedAt) : ctx.now),
    stateLabel: PROJECT_STATE_LABELS[project.state],
    team,
    background: fields.background,
    goals: fields.goals,
    measures: fields.measures,
    innovation: fields.innovation,
    expectedOutcomes: fields.expectedOutcomes,
    milestones: fields.milestones,
    budget: fields.budget,
    brandName: brand && brand.report.name.trim() !== '' ? brand.report.name : null,
    attachments: fields.attachments.map((a) => a.name),
    recommendation: recommended ? { opinion: project.committeeOpinion ?? '', rank: project.committeeRank ?? null } : null,
  };
}

/** export.application: the 申报书 (附件2) for whoever may read the application. */
export async function exportApplication(ctx: Context, input: ParsedInputOf<'export.application'>): Promise<ExportedFile> {
  const project = await loadProject(ctx.store, input.projectId);
  await requireProjectReader(ctx, ctx.store, project);
  const bytes = await buildApplicationDocx(await applicationDocument(ctx, project));
  const saved = await ctx.files.saveExport(bytes, exportFileName(`党建精品项目申报书-${project.fields.title.trim() || '未命名'}`, 'docx'));
  return { ...saved, rows: APPLICATION_SECTIONS.length };
}

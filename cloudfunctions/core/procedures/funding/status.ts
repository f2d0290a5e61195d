import type { ParsedInputOf } from '@shared/contracts';
import type { FundingView, ReportsView } from '@shared/contracts/funding';
import type { Context } from '../../context';
import { loadProject } from '../project/access';
import { requireProjectReader } from './access';
import { toFundingView, toReportsView } from './views';

/** 经费: grant, tranches, 配套经费, expenses and what is left, for the host, the committee and the 组织部. */
export async function fundingStatus(ctx: Context, input: ParsedInputOf<'funding.status'>): Promise<FundingView> {
  const project = await loadProject(ctx.store, input.projectId);
  requireProjectReader(ctx, project);
  return toFundingView(ctx, project);
}

/** The 中期 and 结项 materials, the 答辩汇报 and the decisions on them. */
export async function projectReports(ctx: Context, input: ParsedInputOf<'project.reports'>): Promise<ReportsView> {
  const project = await loadProject(ctx.store, input.projectId);
  requireProjectReader(ctx, project);
  return toReportsView(ctx, project);
}

import { AppError } from '@shared/contracts/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import { DashboardTally, type DashboardNumbers } from '@shared/domain/dashboard';
import { dateIn } from '@shared/time/deadline';
import type { Context } from '../../context';
import { Lookup } from '../../services/lookup';
import { committeeFor } from '../committee/inbox';
import { allCommittees, chooseBatch, tallyBatch, tallyBrands } from './read';

async function build(ctx: Context, batchId: string | undefined, committees: Array<{ _id: string; name: string }>, committeeId: string | null) {
  const { batch, choices } = await chooseBatch(ctx, batchId);
  const asOf = dateIn(ctx.now);
  const brandYear = batch?.year ?? Number(asOf.slice(0, 4));
  const tally = new DashboardTally(committees);
  if (batch) await tallyBatch(ctx.store, tally, batch, committeeId, ctx.now);
  await tallyBrands(ctx.store, tally, brandYear, committeeId);
  const numbers: DashboardNumbers = tally.result(batch, ctx.now);
  return {
    numbers,
    common: {
      batch: choices.find((c) => c._id === batch?._id) ?? null,
      batches: choices,
      brandYear,
      asOf,
      submissionOpen: numbers.submissionOpen,
      notSubmitted: numbers.notSubmitted,
      upcoming: numbers.upcoming,
    },
  };
}

/** 组织部 数据看板: every committee (those with nothing yet too) and the university's totals. */
export async function universityDashboard(ctx: Context, input: ParsedInputOf<'dashboard.university'>): Promise<OutputOf<'dashboard.university'>> {
  const committees = await allCommittees(ctx.store);
  const { numbers, common } = await build(ctx, input.batchId, committees, null);
  return { ...common, committees: numbers.rows, totals: numbers.totals };
}

/** 本党委看板: a secretary's own committee (another one is FORBIDDEN); the 组织部 may open any. */
export async function committeeDashboard(ctx: Context, input: ParsedInputOf<'dashboard.committee'>): Promise<OutputOf<'dashboard.committee'>> {
  const committeeId = committeeFor(ctx, input.committeeId);
  const committee = await new Lookup(ctx.store).committee(committeeId);
  if (!committee) throw new AppError('NOT_FOUND', '该基层党委不存在，请返回数据看板重新选择');
  const { numbers, common } = await build(ctx, input.batchId, [{ _id: committee._id, name: committee.name }], committee._id);
  const [row] = numbers.rows;
  return { ...common, committee: row };
}

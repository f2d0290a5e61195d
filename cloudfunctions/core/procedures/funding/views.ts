import type { FundingView, GuidanceView, ReportsView } from '@shared/contracts/funding';
import type { OutcomeKind } from '@shared/contracts/funding';
import { GUIDANCE_KIND_LABELS } from '@shared/domain/project/guidance';
import { TRANCHE_LABELS, TRANCHES, tranchesFor } from '@shared/domain/project/funding';
import type { Project } from '@shared/domain/project/project';
import { canPrepareFinal, PROJECT_STATE_LABELS } from '@shared/domain/project/state';
import type { Context } from '../../context';
import { Lookup } from '../../services/lookup';
import { isAdmin, isBooksClosed, isCommitteeSecretary, isHost, isMoneyOpen } from './access';
import { findAll, ledgerOf, nameBook } from './ledger';
import { reportId, type Decision, type FinalReport, type Guidance, type MidtermReport } from './records';

function stateFields(project: Project) {
  return {
    projectId: project._id,
    projectVersion: project.version,
    title: project.fields.title,
    committeeId: project.committeeId,
    state: project.state,
    stateLabel: PROJECT_STATE_LABELS[project.state],
    midtermPassed: project.midtermPassed ?? false,
  };
}

export async function toFundingView(ctx: Context, project: Project): Promise<FundingView> {
  const { disbursements, expenses, status } = await ledgerOf(ctx.store, project);
  const nameOf = nameBook(ctx.store);
  const grant = project.grantFen ?? null;
  const tranches = grant === null ? null : tranchesFor(grant);
  const open = isMoneyOpen(project.state);
  const receipts = expenses.flatMap((e) => e.receipts);
  return {
    ...stateFields(project),
    grantFen: grant,
    tranches: TRANCHES.map((t) => {
      const paid = disbursements.find((d) => d.tranche === t);
      return { tranche: t, label: TRANCHE_LABELS[t], amountFen: tranches?.[t] ?? 0, paid: paid !== undefined, paidAt: paid?.at ?? null };
    }),
    paidFen: status.paid,
    matchingFen: status.matching,
    receivedFen: status.paid + status.matching,
    spentFen: status.spent,
    availableFen: status.available,
    unpaidFen: grant === null ? 0 : status.unpaid,
    dueTranche: grant === null ? null : status.dueTranche,
    dueAmountFen: grant !== null && status.dueTranche ? status.tranches[status.dueTranche] : null,
    disbursements: await Promise.all(
      disbursements.map(async (d) => ({ _id: d._id, tranche: d.tranche, label: TRANCHE_LABELS[d.tranche], amountFen: d.amountFen, note: d.note, at: d.at, actorName: await nameOf(d.actorId) })),
    ),
    expenses: await Promise.all(
      expenses.map(async (e) => ({
        _id: e._id,
        date: e.date,
        item: e.item,
        amountFen: e.amountFen,
        receipts: e.receipts,
        overridden: e.overridden,
        overrideReason: e.overrideReason,
        excessFen: e.excessFen,
        authorName: await nameOf(e.authorId),
        createdAt: e.createdAt,
      })),
    ),
    overrideCount: expenses.filter((e) => e.overridden).length,
    readOnly: isBooksClosed(project.state),
    fileUrls: Object.fromEntries(await ctx.files.urls(receipts)),
    can: {
      disburse: isAdmin(ctx) && grant !== null && status.dueTranche !== null,
      setMatching: open && (isCommitteeSecretary(ctx, project) || isAdmin(ctx)),
      addExpense: open && isHost(ctx, project),
    },
  };
}

/** 培育 is guided while the project is cultivated and examined. */
export const GUIDANCE_STATES = ['cultivating', 'midterm_review', 'final_review'] as const;
export const canGuide = (project: Project) => (GUIDANCE_STATES as readonly string[]).includes(project.state);

export async function toGuidanceView(ctx: Context, project: Project): Promise<GuidanceView> {
  const entries = await findAll<Guidance>(ctx.store, 'guidance', { where: { projectId: project._id }, orderBy: [{ field: 'date', direction: 'desc' }] });
  const nameOf = nameBook(ctx.store);
  return {
    ...stateFields(project),
    committeeName: await new Lookup(ctx.store).committeeName(project.committeeId),
    items: await Promise.all(
      entries.map(async (g) => ({ _id: g._id, date: g.date, kind: g.kind, kindLabel: GUIDANCE_KIND_LABELS[g.kind], text: g.text, authorName: await nameOf(g.authorId), createdAt: g.createdAt })),
    ),
    counts: {
      target: entries.filter((g) => g.kind === 'target').length,
      visit: entries.filter((g) => g.kind === 'visit').length,
      note: entries.filter((g) => g.kind === 'note').length,
    },
    canAdd: canGuide(project) && isCommitteeSecretary(ctx, project),
  };
}

async function decisionView(d: Decision | null, nameOf: (id: string | null) => Promise<string>) {
  return d ? { pass: d.pass, comment: d.comment, at: d.at, deciderName: await nameOf(d.deciderId) } : null;
}

function outcomeCounts(report: FinalReport): Record<OutcomeKind, number> {
  const count = (kind: OutcomeKind) => report.outcomes.filter((o) => o.kind === kind).length;
  return { theory: count('theory'), system: count('system'), practice: count('practice'), publicity: count('publicity') };
}

/** 四.2: practice should turn into theory and system outcomes; a hint, never a block. */
function finalWarnings(report: FinalReport): string[] {
  const kinds = new Set(report.outcomes.map((o) => o.kind));
  return kinds.has('theory') || kinds.has('system') ? [] : ['尚未登记理论成果或制度成果：通知要求注重将实践成果转化为理论成果和制度成果。'];
}

export async function toReportsView(ctx: Context, project: Project): Promise<ReportsView> {
  const [midterm, final] = await Promise.all([
    ctx.store.get<MidtermReport>('projectReports', reportId(project._id, 'midterm')),
    ctx.store.get<FinalReport>('projectReports', reportId(project._id, 'final')),
  ]);
  const nameOf = nameBook(ctx.store);
  const admin = isAdmin(ctx);
  const passed = project.midtermPassed ?? false;
  const fileIds = final?.outcomes.flatMap((o) => o.fileIds ?? []) ?? [];
  return {
    ...stateFields(project),
    midterm: midterm && {
      version: midterm.version,
      progress: midterm.progress,
      results: midterm.results,
      spendingNote: midterm.spendingNote,
      changeRequests: midterm.changeRequests,
      receivedFen: midterm.receivedFen,
      spentFen: midterm.spentFen,
      submittedAt: midterm.submittedAt,
      submitterName: await nameOf(midterm.submittedBy),
      decision: await decisionView(midterm.decision, nameOf),
    },
    final: final && {
      version: final.version,
      summary: final.summary,
      outcomes: final.outcomes,
      outcomeCounts: outcomeCounts(final),
      savedAt: final.savedAt,
      submittedAt: final.submittedAt,
      submitterName: final.submittedBy ? await nameOf(final.submittedBy) : null,
      defense: final.defense && {
        date: final.defense.date,
        panel: final.defense.panel,
        result: final.defense.result,
        recordedAt: final.defense.recordedAt,
        recorderName: await nameOf(final.defense.recordedBy),
      },
      decision: await decisionView(final.decision, nameOf),
      warnings: finalWarnings(final),
    },
    fileUrls: Object.fromEntries(await ctx.files.urls(fileIds)),
    can: {
      submitMidterm: isHost(ctx, project) && project.state === 'cultivating' && !passed,
      decideMidterm: admin && project.state === 'midterm_review',
      saveFinal: isHost(ctx, project) && canPrepareFinal(project.state, passed),
      submitFinal: isCommitteeSecretary(ctx, project) && project.state === 'cultivating' && passed,
      recordDefense: admin && project.state === 'final_review',
      decideFinal: admin && project.state === 'final_review' && final?.defense != null,
    },
  };
}

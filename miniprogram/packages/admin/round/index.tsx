import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { RoundRow } from '@shared/contracts/round';
import type { RubricCriterion } from '@shared/domain/project/review';
import { call } from '../../../api/client';
import { ExportButton } from '../../../components/ExportButton';
import { ErrorBox, Loading } from '../../../components/Feedback';
import { useLoad } from '../../../hooks/useLoad';
import { useAction } from '../../../hooks/useAction';
import { AssignCard } from './AssignCard';
import { FinalizeCard } from './FinalizeCard';
import { HeaderCard } from './HeaderCard';
import { NoticeCard } from './NoticeCard';
import { PacketButton } from '../../../components/PacketButton';
import { ObjectionsCard } from './ObjectionsCard';
import { ReleaseCard } from './ReleaseCard';
import { OpenCard } from './OpenCard';
import { PublicityCard } from './PublicityCard';
import { RubricCard } from './RubricCard';
import { RoundTable } from './RoundTable';
import { RoundCards } from './RoundCards';
import { DeskShell } from '../../../components/desk/DeskShell';
import { useDesk } from '../../../hooks/useDesk';
import '../components/admin.css';

async function loadRound(batchId: string) {
  const [status, reviewers, objections, notice, batch] = await Promise.all([
    call('review.roundStatus', { batchId }),
    call('review.roundReviewers', { batchId }),
    call('review.objections', { batchId }),
    call('notice.get', { batchId }),
    call('batch.get', { id: batchId }),
  ]);
  return { status, reviewers, objections, notice, batch, at: Date.now() };
}

const toast = (title: string) => Taro.showToast({ title, icon: 'none', duration: 2500 });

/** 组织部: the batch's 立项评审 → 公示 → 立项, one page from opening the round to the approvals. */
export default function Round() {
  const batchId = useRouter().params.batchId ?? '';
  const { data, error, loading, reload } = useLoad(() => loadRound(batchId), [batchId]);
  const [selected, setSelected] = useState<string[] | null>(null);
  // Which application's reviewers failed to save (null: the automatic spread), to say it next to it.
  const [assignTarget, setAssignTarget] = useState<string | null>(null);
  const open = useAction(reload);
  const rubric = useAction(reload);
  const assign = useAction(reload);
  const publicity = useAction(reload);
  const finalize = useAction(reload);
  const bulk = useAction(reload);
  const desk = useDesk();
  // The rows the phone's list has shown, so the 公示 card can name a pick from any page.
  const [seen, setSeen] = useState<Map<string, { title: string; average: number | null }>>(new Map());
  const onRows = useCallback((rows: RoundRow[]) => {
    setSeen((prev) => {
      const next = new Map(prev);
      for (const r of rows) next.set(r.projectId, { title: r.title, average: r.average });
      return next;
    });
  }, []);

  // The ranking's suggestion is the starting pick; the 组织部's own picks survive reloads.
  useEffect(() => {
    if (!data) return;
    // What the 组织部 staged (at a desk) is the pick; otherwise the ranking's suggestion.
    const start = data.status.staged.length ? data.status.staged : data.status.suggestion.selectedIds;
    // A pick is kept while it is still under review (the shortlist and the list's rows say so).
    const under = new Set([...data.status.shortlist.filter((a) => a.state === 'under_review').map((a) => a.projectId), ...start]);
    setSelected((prev) => (prev === null || desk ? start : prev.filter((id) => under.has(id) || seen.has(id))));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, desk]);

  if (!batchId) return <View className="page"><ErrorBox message="没有指定批次。请从“批次管理”进入。" /></View>;
  if (loading && !data) return <View className="page"><Loading /></View>;
  if (error && !data) return <View className="page"><ErrorBox message={error} onRetry={reload} /></View>;
  if (!data) return null;
  const s = data.status;
  const picks = selected ?? s.suggestion.selectedIds;

  const done = (message: string) => {
    reload();
    void toast(message);
  };
  const onOpen = async (window: { reviewStart: string; reviewEnd: string } | null) => {
    const r = await open.run(() => call('review.open', { batchId, ...(window ?? {}) }));
    if (r) done(`已开始评审 ${r.opened.length} 项`);
  };
  const onRubric = async (next: RubricCriterion[]) => {
    const r = await rubric.run(() => call('review.setRubric', { batchId, rubric: next }));
    if (r) done('评分细则已保存');
    return r !== null;
  };
  const onAuto = async (perApplication: number) => {
    setAssignTarget(null);
    const r = await assign.run(() => call('review.autoAssign', { batchId, perApplication }));
    if (r) done(`已分配：新增 ${r.added} 项，取消 ${r.removed} 项`);
  };
  const onAssign = async (projectId: string, reviewerIds: string[]) => {
    setAssignTarget(projectId);
    const r = await assign.run(() => call('review.assign', { batchId, projectId, reviewerIds }));
    if (r) done('评审专家已更新');
    return r !== null;
  };
  const onPublicize = async (input: { publicityStart: string; publicityEnd: string; rejectReason: string }) => {
    const r = await publicity.run(() =>
      call('review.publicize', { batchId, projectIds: picks, publicityStart: input.publicityStart, publicityEnd: input.publicityEnd, ...(input.rejectReason ? { rejectReason: input.rejectReason } : {}) }),
    );
    if (r) done(`已公示 ${r.publicized.length} 项，${r.rejected.length} 项未立项。请在下方“结果通知”核对后发布`);
  };
  const onFinalize = async (approve: string[], reject: { projectId: string; reason: string }[]) => {
    const r = await finalize.run(() => call('review.finalize', { batchId, approve, reject }));
    if (r) done(`已立项 ${r.approved.length} 项，不予立项 ${r.rejected.length} 项。请在下方“结果通知”核对后发布`);
    return r !== null;
  };
  const onAssignMany = async (projectIds: string[], reviewerIds: string[]) => {
    const r = await bulk.run(() => call('review.assignMany', { batchId, projectIds, reviewerIds }));
    if (r) done(`已为 ${r.projects} 个项目分配评审专家，新增 ${r.added} 项分配`);
    return r !== null;
  };
  const onStage = async (projectIds: string[]) => {
    const r = await bulk.run(() => call('review.stagePublicity', { batchId, projectIds }));
    if (r) {
      setSelected(r.projectIds);
      done(`拟公示 ${r.projectIds.length} 项（发布前不通知任何人）`);
    }
    return r !== null;
  };
  const toggle = (row: { projectId: string }) => setSelected(picks.includes(row.projectId) ? picks.filter((x) => x !== row.projectId) : [...picks, row.projectId]);
  const known = new Map(seen);
  for (const a of s.shortlist) known.set(a.projectId, { title: a.title, average: a.average });
  const picked = picks.flatMap((id) => {
    const k = known.get(id);
    return k ? [{ projectId: id, ...k }] : [];
  });
  const showObjections = s.counts.inPublicity > 0 || data.objections.length > 0;

  return (
    <DeskShell active="round">
    <View className="page admin-round">
      {error ? <ErrorBox message={error} onRetry={reload} /> : null}
      <HeaderCard s={s} />
      {/* At a desk the whole round is one table at the top, with the bulk actions above it. */}
      {desk ? (
        <RoundTable s={s} reviewers={data.reviewers} refreshKey={data.at} busy={bulk.busy || assign.busy} error={bulk.error ?? assign.error} onAssign={onAssign} onAssignMany={onAssignMany} onStage={onStage} />
      ) : null}
      <View className="card export-card">
        <View className="card-title">导出名单（Excel）</View>
        <View className="export-list" style={{ display: 'flex', flexDirection: 'column', gap: '12px' }}>
          <ExportButton label="导出评审得分" make={() => call('export.reviewScores', { batchId })} />
          <ExportButton label="导出公示名单" make={() => call('export.publicity', { batchId })} />
        </View>
      </View>
      <View className="card packet-card">
        <View className="card-title">纸质材料包</View>
        <View className="muted meta-line">各基层党委的报送函、推荐汇总表、申报书（按推荐排序）、党建品牌报告和支撑材料，每个党委一个文件夹。</View>
        <PacketButton batchId={batchId} label="下载全部党委纸质材料包（.zip）" />
      </View>
      {s.can.open ? <OpenCard s={s} busy={open.busy} onOpen={onOpen} /> : null}
      {open.error ? <ErrorBox message={open.error} /> : null}
      <RubricCard s={s} busy={rubric.busy} onSave={onRubric} />
      {rubric.error ? <ErrorBox message={rubric.error} /> : null}
      <AssignCard s={s} reviewers={data.reviewers} busy={assign.busy} onAuto={onAuto} />
      {assign.error && assignTarget === null ? <ErrorBox message={assign.error} /> : null}
      {desk ? null : (
        <RoundCards
          s={s}
          reviewers={data.reviewers}
          refreshKey={data.at}
          selected={picks}
          onToggle={toggle}
          busy={assign.busy}
          onAssign={onAssign}
          assignError={assignTarget ? { projectId: assignTarget, message: assign.error } : null}
          onRows={onRows}
        />
      )}
      {s.can.publicize ? <PublicityCard s={s} picked={picked} busy={publicity.busy} onPublicize={onPublicize} /> : null}
      {publicity.error ? <ErrorBox message={publicity.error} /> : null}
      {showObjections ? <ObjectionsCard items={data.objections} /> : null}
      {s.can.finalize ? <FinalizeCard s={s} objections={data.objections} busy={finalize.busy} onFinalize={onFinalize} /> : null}
      {finalize.error ? <ErrorBox message={finalize.error} /> : null}
      <ReleaseCard batchId={batchId} refreshKey={JSON.stringify(s.counts)} />
      {s.counts.approved > 0 ? (
        <NoticeCard batchId={batchId} year={s.batch.year} approved={s.counts.approved} issuerName={data.batch.issuerName} notice={data.notice} onIssued={reload} />
      ) : null}
    </View>
    </DeskShell>
  );
}

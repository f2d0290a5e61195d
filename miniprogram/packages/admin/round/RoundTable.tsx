import { View } from '@tarojs/components';
import { useState } from 'react';
import type { RoundApplication, RoundStatus } from '@shared/contracts/review';
import { PROJECT_STATE_LABELS } from '@shared/domain/project/state';
import { DeskTable, type Column } from '../../../components/desk/DeskTable';
import { ErrorBox } from '../../../components/Feedback';
import { ApplicationItem } from './ApplicationItem';

interface Props {
  s: RoundStatus;
  busy: boolean;
  error: string | null;
  onAssign: (projectId: string, reviewerIds: string[]) => Promise<boolean>;
  onAssignMany: (projectIds: string[], reviewerIds: string[]) => Promise<boolean>;
  onStage: (projectIds: string[]) => Promise<boolean>;
}

const COLUMNS: Column<RoundApplication & { staged: boolean }>[] = [
  { key: 'title', label: '项目', render: (a) => a.title, sort: (a) => a.title },
  { key: 'committee', label: '基层党委', render: (a) => a.committeeName, sort: (a) => a.committeeName },
  { key: 'host', label: '主持人', render: (a) => a.hostName, sort: (a) => a.hostName },
  { key: 'state', label: '状态', render: (a) => PROJECT_STATE_LABELS[a.state], sort: (a) => a.state },
  { key: 'reviewers', label: '评审', render: (a) => `${a.assignments.filter((x) => x.scored).length}/${a.assignments.length}`, sort: (a) => a.assignments.length },
  { key: 'average', label: '平均分', render: (a) => a.aggregate.average ?? '—', sort: (a) => a.aggregate.average },
  { key: 'rank', label: '党委排序', render: (a) => a.committeeRank ?? '—', sort: (a) => a.committeeRank },
  { key: 'staged', label: '拟公示', render: (a) => (a.staged ? '✓' : ''), sort: (a) => (a.staged ? 0 : 1) },
];

/**
 * The round at a desk: every application in one wide table, ticked rows take a bulk action
 * (assign reviewers, stage for the 公示), a row opens beside the table with the same card the phone shows.
 */
export function RoundTable({ s, busy, error, onAssign, onAssignMany, onStage }: Props) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [reviewers, setReviewers] = useState<Set<string>>(new Set());
  const [active, setActive] = useState<string | null>(null);
  const staged = new Set(s.staged);
  const rows = s.applications.map((a) => ({ ...a, staged: staged.has(a.projectId) }));
  const open = rows.find((a) => a.projectId === active) ?? null;
  const picked = [...selected];
  const toggleReviewer = (id: string) => {
    const next = new Set(reviewers);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setReviewers(next);
  };
  const assign = async () => {
    if (await onAssignMany(picked, [...reviewers])) setSelected(new Set());
  };
  const stage = async (add: boolean) => {
    const next = add ? [...new Set([...s.staged, ...picked])] : s.staged.filter((id) => !selected.has(id));
    if (await onStage(next)) setSelected(new Set());
  };

  return (
    <View className="desk-split round-desk">
      <View className="desk-list">
        {s.can.assign || s.can.publicize ? (
          <View className="desk-bulk" aria-label="批量操作">
            <span>已选 {picked.length} 项</span>
            {s.can.assign ? (
              <>
                <span className="muted">评审专家：</span>
                {s.reviewers.map((r) => (
                  <label key={r._id} className="bulk-reviewer">
                    <input type="checkbox" data-reviewer-id={r._id} checked={reviewers.has(r._id)} onChange={() => toggleReviewer(r._id)} />
                    {r.name}（{r.committeeName ?? '—'}，{r.assigned} 项）
                  </label>
                ))}
                <button type="button" className="primary bulk-assign" disabled={busy || picked.length === 0 || reviewers.size === 0} onClick={() => void assign()}>
                  分配给所选项目
                </button>
              </>
            ) : null}
            {s.can.publicize ? (
              <>
                <button type="button" className="bulk-stage" disabled={busy || picked.length === 0} onClick={() => void stage(true)}>
                  加入拟公示
                </button>
                <button type="button" className="bulk-unstage" disabled={busy || picked.length === 0} onClick={() => void stage(false)}>
                  移出拟公示
                </button>
                <span className="muted">拟公示 {s.staged.length} / 余 {Math.max(s.quota - s.taken, 0)} 项</span>
              </>
            ) : null}
          </View>
        ) : null}
        {error ? <ErrorBox message={error} /> : null}
        <DeskTable
          label="本批次申报"
          className="round-table"
          rows={rows}
          rowKey={(a) => a.projectId}
          columns={COLUMNS}
          search={(a) => `${a.title} ${a.committeeName} ${a.hostName}`}
          selection={{ selected, onChange: setSelected, selectable: (a) => a.state === 'under_review' }}
          onOpen={(a) => setActive(a.projectId)}
          activeKey={active}
          empty="本批次还没有基层党委推荐的项目。各基层党委推荐后，项目会出现在这里，届时可开始立项评审。"
        />
      </View>
      <View className="desk-detail">
        {open ? (
          <View className="card round-detail">
            <ApplicationItem app={open} reviewers={s.reviewers} canAssign={s.can.assign && open.state === 'under_review'} busy={busy} onAssign={onAssign} />
          </View>
        ) : (
          <View className="card muted">点击左侧一行，在这里查看评审详情、调整评审专家。</View>
        )}
      </View>
    </View>
  );
}

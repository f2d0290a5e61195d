import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ReviewerView, RoundApplication } from '@shared/contracts/review';
import { ErrorBox } from '../../../components/Feedback';
import { StateTag } from '../../../components/StateTag';
import { Button } from '../../../components/ui';
import { ReviewerPicker } from './ReviewerPicker';

/** A spread this wide (on 100) means the reviewers disagree enough to look again. */
const WIDE_SPREAD = 20;

interface Props {
  app: RoundApplication;
  reviewers: ReviewerView[];
  canAssign: boolean;
  busy: boolean;
  onAssign: (projectId: string, reviewerIds: string[]) => Promise<boolean>;
  /** Why saving this application's reviewers failed. */
  error?: string | null;
  /** Staging the 公示: whether it is picked, and how the ranking sees it. */
  pick?: { selected: boolean; suggested: boolean; tied: boolean; onToggle: () => void };
}

const excerpt = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** One application of the round: the committee's rank and opinion, who reviews it, their scores. */
export function ApplicationItem({ app, reviewers, canAssign, busy, onAssign, error, pick }: Props) {
  const [picking, setPicking] = useState(false);
  const a = app.aggregate;
  const wide = a.spread !== null && a.spread >= WIDE_SPREAD;
  const save = async (ids: string[]) => {
    const ok = await onAssign(app.projectId, ids);
    if (ok) setPicking(false);
    return ok;
  };
  return (
    <View className={`list-item round-app${pick?.selected ? ' picked' : ''}`} data-project-id={app.projectId}>
      <View className="row" onClick={() => Taro.navigateTo({ url: `/packages/admin/project/index?id=${app.projectId}` })}>
        <Text className="list-item-title">{app.title}</Text>
        <StateTag state={app.state} />
      </View>
      <View className="muted meta-line">
        {app.committeeName} · {app.hostName}
        {app.committeeRank ? ` · 推荐第 ${app.committeeRank} 位` : ''}
        {app.category ? ` · ${app.category}` : ''}
      </View>
      {app.committeeOpinion ? <View className="excerpt">推荐意见：{excerpt(app.committeeOpinion)}</View> : null}
      {app.assignments.length || app.state === 'under_review' ? (
        <View className={`score-line${wide ? ' wide' : ''}`}>
          {a.average !== null ? <Text className="score-average">平均 {a.average}</Text> : <Text className="muted">尚无评分</Text>}
          <Text className="muted"> · {a.count}/{app.assignments.length} 位已评</Text>
          {a.spread !== null && a.count > 1 ? <Text className={wide ? 'flag' : 'muted'}> · 分差 {a.spread}{wide ? '（分歧较大）' : ''}</Text> : null}
        </View>
      ) : null}
      {app.assignments.map((r) => (
        <View key={r.reviewerId} className="kv assignment-row">
          <Text className="k">{r.reviewerName}{r.reviewerCommitteeName ? `（${r.reviewerCommitteeName}）` : ''}</Text>
          <Text className="v">{r.scored ? `${r.total ?? ''} 分` : '未评'}</Text>
        </View>
      ))}
      {app.state === 'under_review' && app.assignments.length === 0 ? <View className="field-hint error-text">尚未分配评审专家</View> : null}
      {picking ? (
        <>
          <ReviewerPicker app={app} reviewers={reviewers} busy={busy} onSave={save} onCancel={() => setPicking(false)} />
          {error ? <ErrorBox message={error} /> : null}
        </>
      ) : (
        <View className="actions">
          {app.state === 'approved' ? (
            <Button size="small" type="primary" className="go-disburse" onClick={() => Taro.navigateTo({ url: `/packages/admin/project/index?id=${app.projectId}` })}>
              登记拨付 ›
            </Button>
          ) : null}
          {canAssign && app.state === 'under_review' ? (
            <Button size="small" className="assign-open" onClick={() => setPicking(true)}>
              调整专家
            </Button>
          ) : null}
          {pick ? (
            <Button size="small" type={pick.selected ? 'primary' : 'default'} className={`publicity-pick${pick.selected ? ' selected' : ''}`} onClick={pick.onToggle}>
              {pick.selected ? '✓ 已选入公示' : '选入公示'}
            </Button>
          ) : null}
          {pick?.tied ? <Text className="flag tie-flag">与名额边缘的项目同分，请人工决定</Text> : null}
          {pick?.suggested && !pick.selected ? <Text className="muted">按平均分建议入选</Text> : null}
        </View>
      )}
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ReviewerView, RoundApplication } from '@shared/contracts/review';
import { Button } from '../../../components/ui';

interface Props {
  app: RoundApplication;
  reviewers: ReviewerView[];
  busy: boolean;
  onSave: (reviewerIds: string[]) => Promise<boolean>;
  onCancel: () => void;
}

/** Why a reviewer may not review this application (回避), or null. */
function excluded(app: RoundApplication, r: ReviewerView): string | null {
  if (r._id === app.hostId) return '本人主持，回避';
  if (r.committeeId && r.committeeId === app.committeeId) return '本单位，回避';
  return null;
}

/** 手动分配: pick the application's reviewers; those of its own committee are shown, greyed, and cannot be picked. */
export function ReviewerPicker({ app, reviewers, busy, onSave, onCancel }: Props) {
  const [picked, setPicked] = useState<string[]>(app.assignments.map((a) => a.reviewerId));
  const scored = new Set(app.assignments.filter((a) => a.scored).map((a) => a.reviewerId));
  const toggle = (id: string) => {
    if (scored.has(id)) return;
    setPicked(picked.includes(id) ? picked.filter((x) => x !== id) : [...picked, id]);
  };
  return (
    <View className="sub-item reviewer-picker">
      <View className="field-label">选择评审专家（已选 {picked.length}）</View>
      <View className="chips">
        {reviewers.map((r) => {
          const why = excluded(app, r);
          const on = picked.includes(r._id);
          return (
            <Text
              key={r._id}
              className={`chip reviewer-option${on ? ' selected' : ''}${why ? ' disabled reviewer-excluded' : ''}`}
              data-reviewer-id={r._id}
              onClick={() => !why && toggle(r._id)}
            >
              {r.name}
              {why ? `（${why}）` : scored.has(r._id) ? '（已评分）' : ` · 已分配 ${r.assigned}`}
            </Text>
          );
        })}
      </View>
      <View className="field-hint">“已分配”为该专家在本批次的评审项目数。已评分的专家不能取消；本单位的专家须回避。</View>
      <View className="actions">
        <Button size="small" onClick={onCancel}>取消</Button>
        <Button size="small" type="primary" className="assign-save" loading={busy} disabled={busy} onClick={() => void onSave(picked)}>
          保存分配
        </Button>
      </View>
    </View>
  );
}

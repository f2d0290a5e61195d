import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { MyAssignment } from '@shared/contracts/review';
import { formatYuan } from '@shared/domain/money';
import { budgetTotal, PROJECT_CATEGORY_LABELS } from '@shared/domain/project/application';
import { Button } from '../../../components/ui';

const SECTIONS = [
  ['background', '实施背景与拟解决的问题'],
  ['goals', '建设目标'],
  ['measures', '建设思路与主要举措'],
  ['innovation', '创新点'],
  ['expectedOutcomes', '预期成果'],
] as const;

/** What the reviewer judges: the 申报书 as submitted, and the committee's 推荐意见. */
export function ApplicationView({ a }: { a: MyAssignment }) {
  const [expanded, setExpanded] = useState(false);
  const f = a.fields;
  return (
    <View className="card application-view">
      <View className="card-title">{a.title}</View>
      <View className="muted meta-line">{a.committeeName} · 主持人 {a.hostName}</View>
      <View className="muted meta-line">{a.batchName} · {a.reviewWindowText}</View>
      <View className="muted meta-line">
        {f.category ? PROJECT_CATEGORY_LABELS[f.category] : '未选类别'} · 预算 ¥{formatYuan(budgetTotal(f.budget))}
      </View>
      {(expanded ? SECTIONS : SECTIONS.slice(0, 2)).map(([key, label]) => (
        <View key={key}>
          <View className="section-label">{label}</View>
          <View className="readonly-text">{f[key] || '（未填写）'}</View>
        </View>
      ))}
      {expanded ? (
        <>
          <View className="section-label">进度安排</View>
          {f.milestones.length === 0 ? <View className="muted">（未填写）</View> : null}
          {f.milestones.map((m, i) => (
            <View key={i} className="kv"><Text className="k">{m.task}</Text><Text className="v">{m.date}</Text></View>
          ))}
          <View className="section-label">经费预算</View>
          {f.budget.map((b, i) => (
            <View key={i} className="kv"><Text className="k">{b.item}</Text><Text className="v">¥{formatYuan(b.amountFen)}</Text></View>
          ))}
          {a.committeeOpinion ? (
            <>
              <View className="section-label">基层党委推荐意见</View>
              <View className="readonly-text">{a.committeeOpinion}</View>
            </>
          ) : null}
        </>
      ) : null}
      <View className="actions" style={{ display: 'flex', gap: '16px', marginTop: '20px', flexWrap: 'wrap' }}>
        <Button size="small" className="toggle-application" onClick={() => setExpanded(!expanded)}>
          {expanded ? '收起' : '展开全部内容'}
        </Button>
        <Button size="small" className="open-attachments" onClick={() => Taro.navigateTo({ url: `/packages/project/edit/index?id=${a.projectId}` })}>
          申报书与支撑材料
        </Button>
      </View>
    </View>
  );
}

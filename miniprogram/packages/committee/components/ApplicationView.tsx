import { View, Text } from '@tarojs/components';
import type { ProjectView } from '@shared/contracts';
import { formatYuan } from '@shared/domain/money';
import { budgetTotal, PROJECT_CATEGORY_LABELS } from '@shared/domain/project/application';
import { formatInstant } from '@shared/time/deadline';
import { StateTag } from '../../../components/StateTag';
import { FileList } from '../../project/components/FileList';

const TEXTS: Array<{ key: 'background' | 'goals' | 'measures' | 'innovation' | 'expectedOutcomes'; label: string }> = [
  { key: 'background', label: '实施背景与拟解决的问题' },
  { key: 'goals', label: '建设目标' },
  { key: 'measures', label: '建设思路与主要举措' },
  { key: 'innovation', label: '创新点' },
  { key: 'expectedOutcomes', label: '预期成果' },
];

/** The 申报书 as the committee reads it before deciding: every section, the budget and the 支撑材料. */
export function ApplicationView({ project }: { project: ProjectView }) {
  const f = project.fields;
  const brand = project.brandOptions.find((b) => b._id === f.brandId);
  return (
    <>
      <View className="card application-head">
        <View className="row">
          <Text className="list-item-title application-title">{f.title || '（未命名）'}</Text>
          <StateTag state={project.state} />
        </View>
        <View className="muted meta-line">主持人：{project.hostName} · 联系电话：{f.contactPhone || '—'}</View>
        <View className="muted meta-line">项目类别：{f.category ? PROJECT_CATEGORY_LABELS[f.category] : '—'}{brand ? ` · 支撑品牌：${brand.name}` : ''}</View>
        <View className="muted meta-line">{project.batchName}{project.submittedAt ? ` · 提交于 ${formatInstant(project.submittedAt)}` : ''}</View>
      </View>
      <View className="card application-body">
        {TEXTS.map((t) => (
          <View key={t.key} className="field">
            <View className="field-label">{t.label}</View>
            <View className={`readonly-text application-${t.key}`}>{f[t.key] || '未填写'}</View>
          </View>
        ))}
        <View className="field">
          <View className="field-label">进度安排</View>
          {f.milestones.length === 0 ? <View className="muted">未填写</View> : null}
          {f.milestones.map((m, i) => (
            <View key={i} className="row list-item">
              <Text className="muted" style={{ flexShrink: 0 }}>{m.date || '未定日期'}</Text>
              <Text style={{ textAlign: 'right', wordBreak: 'break-all' }}>{m.task}</Text>
            </View>
          ))}
        </View>
        <View className="field">
          <View className="field-label">经费预算（合计 ¥{formatYuan(budgetTotal(f.budget))}）</View>
          {f.budget.map((l, i) => (
            <View key={i} className="row list-item">
              <Text>{l.item}</Text>
              <Text className="money">¥{formatYuan(l.amountFen)}</Text>
            </View>
          ))}
        </View>
        <View className="field">
          <View className="field-label">支撑材料</View>
          <FileList files={f.attachments} urls={project.fileUrls} empty="未提交支撑材料" />
        </View>
      </View>
    </>
  );
}

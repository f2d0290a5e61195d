import { View, Input, Picker, Text } from '@tarojs/components';
import { LIMITS, type Milestone } from '@shared/domain/project/application';
import { Button } from '../../../components/ui';

interface Props {
  milestones: Milestone[];
  editable: boolean;
  onChange: (milestones: Milestone[]) => void;
}

/** 进度安排: dated milestones, in the order the host puts them. */
export function MilestoneEditor({ milestones, editable, onChange }: Props) {
  const set = (i: number, patch: Partial<Milestone>) => onChange(milestones.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  if (!editable) {
    return (
      <View className="milestones">
        {milestones.length === 0 ? <View className="muted">未填写</View> : null}
        {milestones.map((m, i) => (
          <View key={i} className="row list-item">
            <Text className="milestone-date">{m.date || '未定日期'}</Text>
            <Text className="milestone-task">{m.task}</Text>
          </View>
        ))}
      </View>
    );
  }
  return (
    <View className="milestones">
      {milestones.map((m, i) => (
        <View key={i} className="milestone-line">
          <Picker mode="date" value={m.date || ''} onChange={(e) => set(i, { date: String(e.detail.value) })}>
            <View className="input milestone-date-input">{m.date || '选择日期'}</View>
          </Picker>
          <Input
            className="input milestone-task-input"
            value={m.task}
            maxlength={LIMITS.milestoneTask}
            placeholder="阶段任务，如：完成调研"
            onInput={(e) => set(i, { task: e.detail.value })}
          />
          <Text className="budget-remove" onClick={() => onChange(milestones.filter((_, j) => j !== i))}>删除</Text>
        </View>
      ))}
      {milestones.length < LIMITS.milestones ? (
        <Button size="small" className="milestone-add" onClick={() => onChange([...milestones, { date: '', task: '' }])}>
          ＋ 添加进度安排
        </Button>
      ) : null}
    </View>
  );
}

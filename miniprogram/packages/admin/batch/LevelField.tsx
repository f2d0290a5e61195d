import { Text, View } from '@tarojs/components';
import type { OrgTree } from '@shared/contracts';
import type { BatchLevel } from '@shared/domain/batch';

interface Props {
  level: BatchLevel;
  committeeId: string;
  /** Committees the caller may open a batch for: all for the 组织部, their own for a secretary. */
  committees: OrgTree['committees'];
  /** Only the 组织部 opens school-level batches. */
  canSchool: boolean;
  /** The level cannot change once the batch exists. */
  fixed: boolean;
  onChange: (level: BatchLevel, committeeId: string) => void;
}

/** 校级, or a committee's own batch (自行培育立项, with its own funds). */
export function LevelField({ level, committeeId, committees, canSchool, fixed, onChange }: Props) {
  const name = committees.find((c) => c._id === committeeId)?.name ?? '';
  if (fixed) {
    return (
      <View className="field">
        <View className="field-label">级别</View>
        <View className="readonly-text">{level === 'school' ? '校级' : `基层党委自行组织（${name || '本基层党委'}）`}</View>
      </View>
    );
  }
  return (
    <View className="field level-field">
      <View className="field-label">级别</View>
      <View className="chips">
        {canSchool ? (
          <Text className={`chip level-school${level === 'school' ? ' selected' : ''}`} onClick={() => onChange('school', '')}>
            校级
          </Text>
        ) : null}
        <Text
          className={`chip level-committee${level === 'committee' ? ' selected' : ''}`}
          onClick={() => onChange('committee', committeeId || (committees.length === 1 ? committees[0]._id : ''))}
        >
          基层党委自行组织
        </Text>
      </View>
      {level === 'committee' ? (
        <>
          <View className="field-hint">基层党委参照校级项目自行培育立项，经费由本单位配套。</View>
          <View className="chips" style={{ marginTop: '12px' }}>
            {committees.map((c) => (
              <Text key={c._id} className={`chip committee-option${c._id === committeeId ? ' selected' : ''}`} onClick={() => onChange('committee', c._id)}>
                {c.name}
              </Text>
            ))}
          </View>
        </>
      ) : null}
    </View>
  );
}

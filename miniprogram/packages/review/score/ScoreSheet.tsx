import { Input, Text, Textarea, View } from '@tarojs/components';
import type { RubricCriterionView } from '@shared/contracts/review';
import { scoreOf } from '@shared/domain/project/review';

interface Props {
  rubric: RubricCriterionView[];
  /** What is typed per criterion key. */
  texts: Record<string, string>;
  comment: string;
  editable: boolean;
  onScore: (key: string, text: string) => void;
  onComment: (comment: string) => void;
}

/** The typed scores as numbers; a criterion left empty is missing, a non-number is NaN. */
export function scoresOf(texts: Record<string, string>): Record<string, number> {
  return Object.fromEntries(Object.entries(texts).filter(([, t]) => t.trim() !== '').map(([k, t]) => [k, /^\d+(\.\d+)?$/.test(t.trim()) ? Number(t.trim()) : NaN]));
}

/** Whole-point chips when the criterion is scored out of 10 or less; otherwise typing only. */
const chipsFor = (max: number) => (Number.isInteger(max) && max <= 10 ? Array.from({ length: max + 1 }, (_, i) => i) : null);

/** 评分: each weighted criterion out of its max, and the weighted total (scoreOf) as it is typed. */
export function ScoreSheet({ rubric, texts, comment, editable, onScore, onComment }: Props) {
  const scores = scoresOf(texts);
  const result = scoreOf(rubric, scores);
  const filled = rubric.filter((c) => scores[c.key] !== undefined).length;
  return (
    <View className="card score-sheet">
      <View className="card-title">评分</View>
      {rubric.map((c) => {
        const v = scores[c.key];
        const bad = v !== undefined && (!Number.isFinite(v) || v < 0 || v > c.max);
        const chips = chipsFor(c.max);
        return (
          <View key={c.key} className={`criterion criterion-${c.key}`}>
            <View className="criterion-head">
              <Text className="criterion-label">{c.label}</Text>
              <Text className="muted">权重 {c.weight}%</Text>
            </View>
            <View className="criterion-input-row">
              <Input
                className="input criterion-input"
                type="digit"
                value={texts[c.key] ?? ''}
                disabled={!editable}
                placeholder={`0–${c.max}`}
                onInput={(e) => onScore(c.key, e.detail.value)}
              />
              <Text className="muted">/ {c.max} 分</Text>
            </View>
            {chips && editable ? (
              <View className="score-chips">
                {chips.map((n) => (
                  <Text key={n} className={`score-chip${v === n ? ' selected' : ''}`} onClick={() => onScore(c.key, String(n))}>
                    {n}
                  </Text>
                ))}
              </View>
            ) : null}
            {bad ? <View className="field-hint error-text">得分须在 0 到 {c.max} 之间</View> : null}
          </View>
        );
      })}
      <View className="field" style={{ marginTop: '24px' }}>
        <View className="field-label">评审意见<Text className="muted">（可选）</Text></View>
        <Textarea className="textarea review-comment" value={comment} maxlength={1000} disabled={!editable} placeholder="项目的主要优点与不足、改进建议" onInput={(e) => onComment(e.detail.value)} />
      </View>
      <View className="row total-line">
        <Text>加权总分</Text>
        {result.ok ? <Text className="total-value score-total">{result.total.toFixed(2)}</Text> : <Text className="muted">已评 {filled}/{rubric.length} 项</Text>}
      </View>
      {!result.ok && filled > 0 ? <View className="field-hint score-problem">{result.message}</View> : null}
      <View className="field-hint">加权总分 = Σ（得分 ÷ 满分 × 权重），满分 100。</View>
    </View>
  );
}

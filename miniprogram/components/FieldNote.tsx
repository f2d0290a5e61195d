import { View } from '@tarojs/components';
import type { FieldCheck } from '../hooks/useFieldCheck';

/** Under a field marked by a failed submit: what is wrong with it (nothing once it is fixed). */
export function FieldNote({ check, field }: { check: FieldCheck; field: string }) {
  const reasons = check.reasons(field);
  if (!reasons.length) return null;
  return (
    <View className="field-error" role="alert">
      {reasons.join('；')}
    </View>
  );
}

/** Above a form after a failed submit: every problem still left, named. */
export function FieldSummary({ check }: { check: FieldCheck }) {
  if (!check.summary) return null;
  return (
    <View className="error-box field-summary" role="alert">
      {check.summary}
    </View>
  );
}

import { View } from '@tarojs/components';
import { charCount } from '@shared/domain/text';

/**
 * The count of what a field holds against its limit, shown from the first character, so the limit
 * is known before it is reached. Nothing is ever cut: past the limit the counter says by how much,
 * and that field is not saved until it is shortened (the rest of the form is).
 */
export function TextCounter({ text, max }: { text: string; max: number }) {
  const n = charCount(text);
  if (n > max) {
    return (
      <View className="field-hint counter counter-over" role="alert">
        超出{n - max}字（最多{max}字，现{n}字）：删减后才会保存此项
      </View>
    );
  }
  return <View className={`field-hint counter${n >= max * 0.9 ? ' counter-near' : ''}`}>{n}/{max}</View>;
}

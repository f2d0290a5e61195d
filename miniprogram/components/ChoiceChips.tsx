import { Text, View } from '@tarojs/components';

/** One choice out of a short list, drawn as chips; `kind` names each chip's class (`<kind>-<value>`) for tests and styles. */
export function ChoiceChips<T extends string>({ options, labels, value, onChange, kind }: { options: readonly T[]; labels: Record<T, string>; value: T | null; onChange: (v: T) => void; kind: string }) {
  return (
    <View className="chips">
      {options.map((o) => (
        <Text key={o} className={`chip ${kind}-${o}${value === o ? ' selected' : ''}`} onClick={() => onChange(o)}>
          {labels[o]}
        </Text>
      ))}
    </View>
  );
}

import { View, Text } from '@tarojs/components';

interface Props<T extends string | number> {
  label: string;
  value: T | undefined;
  options: Array<{ value: T; label: string }>;
  onChange: (value: T | undefined) => void;
  className?: string;
}

/** One filter: 全部 or one of the options, as chips. */
export function FilterRow<T extends string | number>({ label, value, options, onChange, className = '' }: Props<T>) {
  return (
    <View className={`filter-row ${className}`}>
      <Text className="filter-label">{label}</Text>
      <View className="chips filter-chips">
        <Text className={`chip small${value === undefined ? ' selected' : ''}`} onClick={() => onChange(undefined)}>
          全部
        </Text>
        {options.map((o) => (
          <Text key={String(o.value)} className={`chip small${value === o.value ? ' selected' : ''}`} onClick={() => onChange(o.value)}>
            {o.label}
          </Text>
        ))}
      </View>
    </View>
  );
}

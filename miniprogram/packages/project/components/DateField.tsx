import { Picker, View } from '@tarojs/components';
import { dateIn } from '@shared/time/deadline';

interface Props {
  value: string;
  onChange: (date: string) => void;
  /** The latest date that may be picked (YYYY-MM-DD), e.g. today for things that happened. */
  end?: string;
  className?: string;
}

/** A calendar date (YYYY-MM-DD) from the system date picker. */
export function DateField({ value, onChange, end, className = '' }: Props) {
  return (
    <Picker mode="date" value={value || dateIn(new Date())} end={end} onChange={(e) => onChange(String(e.detail.value))}>
      <View className={`input date-input ${className}`}>{value || '选择日期'}</View>
    </Picker>
  );
}

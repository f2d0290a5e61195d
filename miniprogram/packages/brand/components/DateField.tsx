import { Picker, Text, View } from '@tarojs/components';
import { dateIn } from '@shared/time/deadline';

interface Props {
  value: string;
  onChange: (date: string) => void;
  placeholder?: string;
  /** Offer 清除 (for an optional date). */
  clearable?: boolean;
  className?: string;
}

/** A calendar date (YYYY-MM-DD) picked from the system date picker. */
export function DateField({ value, onChange, placeholder = '选择日期', clearable = false, className = '' }: Props) {
  return (
    <View className={`date-field ${className}`}>
      <View className="date-picker">
        <Picker mode="date" value={value || dateIn(new Date())} onChange={(e) => onChange(String(e.detail.value))}>
          <View className={`input date-input${value ? '' : ' placeholder'}`}>{value || placeholder}</View>
        </Picker>
      </View>
      {clearable && value ? (
        <Text className="date-clear" onClick={() => onChange('')}>
          清除
        </Text>
      ) : null}
    </View>
  );
}

import { Picker, Text, View } from '@tarojs/components';
import { dateIn } from '@shared/time/deadline';

interface Props {
  value: string;
  onChange: (date: string) => void;
  placeholder?: string;
  /** Offer 清除 (for an optional date). */
  clearable?: boolean;
  /** Earliest and latest dates the picker offers (YYYY-MM-DD). */
  start?: string;
  end?: string;
  /** Where the wheel starts while no date is chosen (e.g. the previous step's date); today otherwise. */
  initial?: string;
  disabled?: boolean;
  className?: string;
}

/** A calendar date (YYYY-MM-DD, Beijing) picked from the system date picker. */
export function DateField({ value, onChange, placeholder = '选择日期', clearable = false, start, end, initial, disabled = false, className = '' }: Props) {
  const shown = <View className={`input date-input${value ? '' : ' placeholder'}${disabled ? ' disabled' : ''}`}>{value || placeholder}</View>;
  return (
    <View className={`date-field ${className}`}>
      <View className="date-picker">
        {disabled ? (
          shown
        ) : (
          <Picker mode="date" value={value || initial || start || dateIn(new Date())} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
            {shown}
          </Picker>
        )}
      </View>
      {clearable && value && !disabled ? (
        <Text className="date-clear" onClick={() => onChange('')}>
          清除
        </Text>
      ) : null}
    </View>
  );
}

import { Picker, Text, View } from '@tarojs/components';
import { useDesk } from '../../../hooks/useDesk';

interface Option {
  value: string;
  label: string;
}

interface Props {
  label: string;
  options: Option[];
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  className?: string;
}

/**
 * One choice out of a list that may be long (the committees, the batches): the system picker on a
 * phone; at a desk a drop-down list, which the mouse and its wheel work (the phone's scroll-wheel
 * picker ignores the wheel).
 */
export function SelectField({ label, options, value, onChange, placeholder = '请选择', className = '' }: Props) {
  const desk = useDesk();
  const index = Math.max(0, options.findIndex((o) => o.value === value));
  const shown = options.find((o) => o.value === value)?.label;
  if (desk) {
    return (
      <View className={`field select-field ${className}`}>
        <View className="field-label">{label}</View>
        <select className="input select-input desk-select" aria-label={label} value={shown === undefined ? '' : value} onChange={(e) => onChange(e.target.value)}>
          {shown === undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </View>
    );
  }
  return (
    <View className={`field select-field ${className}`}>
      <View className="field-label">{label}</View>
      <Picker mode="selector" range={options.map((o) => o.label)} value={index} onChange={(e) => onChange(options[Number(e.detail.value)]?.value ?? '')}>
        <View className={`input select-input${shown ? '' : ' placeholder'}`}>
          <Text className="select-text">{shown ?? placeholder}</Text>
          <Text className="select-arrow">▾</Text>
        </View>
      </Picker>
    </View>
  );
}

import { Input, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { formatYuan, parseYuan, type Fen } from '@shared/domain/money';

interface Props {
  /** The amount in fen, or null while nothing valid is typed. */
  fen: Fen | null;
  onChange: (fen: Fen | null) => void;
  placeholder?: string;
  className?: string;
  disabled?: boolean;
}

const asText = (fen: Fen | null) => (fen === null ? '' : formatYuan(fen).replace(/,/g, ''));

/** Money typed in yuan (up to two decimals), kept in integer fen; a mistyped amount says so. */
export function MoneyInput({ fen, onChange, placeholder = '金额（元）', className = '', disabled = false }: Props) {
  const [text, setText] = useState(() => asText(fen));
  // A new amount from outside (a reload, a prefill) replaces what is shown, unless it is what was typed.
  useEffect(() => {
    setText((t) => (parseYuan(t) === fen ? t : asText(fen)));
  }, [fen]);
  const bad = text.trim() !== '' && parseYuan(text) === null;
  return (
    <View className={`money-input ${className}`}>
      <View className="money-row">
        <Text className="money-prefix">¥</Text>
        <Input
          className="input money-field"
          type="digit"
          value={text}
          disabled={disabled}
          placeholder={placeholder}
          onInput={(e) => {
            const next = e.detail.value;
            setText(next);
            onChange(next.trim() === '' ? null : parseYuan(next));
          }}
        />
        <Text className="money-unit">元</Text>
      </View>
      {bad ? <View className="field-hint error-text">金额格式不正确：请填写数字，最多两位小数，如 20000 或 1234.50</View> : null}
    </View>
  );
}

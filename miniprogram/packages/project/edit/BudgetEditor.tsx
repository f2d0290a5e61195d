import { View, Input, Text } from '@tarojs/components';
import { useState } from 'react';
import { formatYuan, parseYuan } from '@shared/domain/money';
import { budgetTotal, LIMITS, type BudgetLine } from '@shared/domain/project/application';
import { Button } from '../../../components/ui';

interface Props {
  lines: BudgetLine[];
  editable: boolean;
  onChange: (lines: BudgetLine[]) => void;
}

/** 经费预算: line items typed in yuan, kept in integer fen, with the total shown. */
export function BudgetEditor({ lines, editable, onChange }: Props) {
  // What the person typed, so "12." or a mistake stays visible while they fix it.
  const [texts, setTexts] = useState<string[]>(() => lines.map((l) => (l.amountFen ? formatYuan(l.amountFen).replace(/,/g, '') : '')));
  const [bad, setBad] = useState<Record<number, boolean>>({});

  const setItem = (i: number, item: string) => onChange(lines.map((l, j) => (j === i ? { ...l, item } : l)));
  const setAmount = (i: number, text: string) => {
    setTexts((t) => t.map((x, j) => (j === i ? text : x)));
    const fen = text.trim() === '' ? 0 : parseYuan(text);
    setBad((b) => ({ ...b, [i]: fen === null }));
    if (fen !== null) onChange(lines.map((l, j) => (j === i ? { ...l, amountFen: fen } : l)));
  };
  const add = () => {
    setTexts((t) => [...t, '']);
    onChange([...lines, { item: '', amountFen: 0 }]);
  };
  const remove = (i: number) => {
    setTexts((t) => t.filter((_, j) => j !== i));
    setBad({});
    onChange(lines.filter((_, j) => j !== i));
  };

  if (!editable) {
    return (
      <View className="budget">
        {lines.length === 0 ? <View className="muted">未填写</View> : null}
        {lines.map((l, i) => (
          <View key={i} className="row list-item">
            <Text>{l.item}</Text>
            <Text>¥{formatYuan(l.amountFen)}</Text>
          </View>
        ))}
        <View className="row budget-total"><Text>合计</Text><Text>¥{formatYuan(budgetTotal(lines))}</Text></View>
      </View>
    );
  }

  return (
    <View className="budget">
      {lines.map((l, i) => (
        <View key={i} className="budget-line">
          <Input
            className="input budget-item"
            value={l.item}
            maxlength={LIMITS.budgetItem}
            placeholder="科目，如：资料印制费"
            onInput={(e) => setItem(i, e.detail.value)}
          />
          <Input
            className="input budget-amount"
            type="digit"
            value={texts[i] ?? ''}
            placeholder="金额（元）"
            onInput={(e) => setAmount(i, e.detail.value)}
          />
          <Text className="budget-remove" onClick={() => remove(i)}>删除</Text>
          {bad[i] ? <View className="field-hint error-text">金额格式不正确，请填写数字，最多两位小数</View> : null}
        </View>
      ))}
      {lines.length < LIMITS.budgetLines ? (
        <Button size="small" className="budget-add" onClick={add}>
          ＋ 添加预算科目
        </Button>
      ) : null}
      <View className="row budget-total">
        <Text>合计</Text>
        <Text className="budget-total-amount">¥{formatYuan(budgetTotal(lines))}</Text>
      </View>
    </View>
  );
}

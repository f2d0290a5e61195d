import { View, Input, Text } from '@tarojs/components';
import { useState } from 'react';
import { BRAND_LIMITS } from '@shared/domain/brand/report';
import { Button } from '../../../components/ui';

/** 公开署名: the names the committee chooses to show on the public page (nothing else personal is shown). */
export function NamesEditor({ names, onChange }: { names: string[]; onChange: (names: string[]) => void }) {
  const [draft, setDraft] = useState('');
  const [hint, setHint] = useState<string | null>(null);
  const add = () => {
    const name = draft.trim();
    if (!name) return setHint('请先输入要公开的姓名或称谓');
    if (names.includes(name)) return setHint('这个署名已经添加过了');
    onChange([...names, name]);
    setDraft('');
    setHint(null);
  };
  return (
    <View className="names-editor">
      <View className="chips">
        {names.length === 0 ? <Text className="muted">暂无公开署名（展示页不显示任何个人姓名）</Text> : null}
        {names.map((n) => (
          <Text key={n} className="chip selected public-name">
            {n}
            <Text className="name-remove" aria-label={`删除署名 ${n}`} onClick={() => onChange(names.filter((x) => x !== n))}>
              {' '}×
            </Text>
          </Text>
        ))}
      </View>
      {names.length < BRAND_LIMITS.publicNames ? (
        <View className="name-add-row">
          <Input
            className="input name-input"
            value={draft}
            maxlength={BRAND_LIMITS.publicName}
            placeholder="如：品牌负责人 张三"
            onInput={(e) => setDraft(e.detail.value)}
            onConfirm={add}
          />
          <Button size="small" className="name-add" onClick={add}>
            添加
          </Button>
        </View>
      ) : null}
      {hint ? <View className="field-hint error-text">{hint}</View> : null}
      <View className="field-hint">这些署名会在品牌推广后公开显示，请只填写本人同意公开的姓名。</View>
    </View>
  );
}

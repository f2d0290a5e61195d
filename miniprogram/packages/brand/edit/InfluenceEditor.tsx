import { View, Input, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BRAND_LIMITS, INFLUENCE_KINDS, INFLUENCE_KIND_LABELS, linkProblem, type InfluenceEntry } from '@shared/domain/brand/report';
import { Empty } from '../../../components/Feedback';
import { Button } from '../../../components/ui';
import { DateField } from '../components/DateField';
import { PhotoEditor } from '../../../components/PhotoEditor';

interface Props {
  items: InfluenceEntry[];
  urls: Record<string, string>;
  onChange: (items: InfluenceEntry[]) => void;
  onUploaded: (urls: Record<string, string>) => void;
}

const blank = (): InfluenceEntry => ({ kind: 'coverage', title: '', date: '', link: '', imageId: null });

/** 有广泛的社会影响: coverage, awards and recognition, each with a link or a picture as proof. */
export function InfluenceEditor({ items, urls, onChange, onUploaded }: Props) {
  const set = (i: number, patch: Partial<InfluenceEntry>) => onChange(items.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const remove = async (i: number) => {
    const x = items[i];
    if (x.title || x.link || x.imageId) {
      const { confirm } = await Taro.showModal({ title: '删除社会影响', content: `确定删除“${x.title || '未命名的条目'}”吗？`, confirmColor: '#c8161d' });
      if (!confirm) return;
    }
    onChange(items.filter((_, j) => j !== i));
  };

  return (
    <View className="influence-editor">
      {items.length === 0 ? <Empty>还没有社会影响条目。可填写媒体报道、荣誉奖项、上级认可与推广等，每条附上链接或图片。</Empty> : null}
      {items.map((x, i) => (
        <View key={i} className={`entry influence-entry influence-${i}`}>
          <View className="entry-head">
            <Text>社会影响 {i + 1}</Text>
            <Text className="entry-remove" onClick={() => void remove(i)}>删除</Text>
          </View>
          <View className="field">
            <View className="chips">
              {INFLUENCE_KINDS.map((k) => (
                <Text key={k} className={`chip influence-kind-${k}${x.kind === k ? ' selected' : ''}`} onClick={() => set(i, { kind: k })}>
                  {INFLUENCE_KIND_LABELS[k]}
                </Text>
              ))}
            </View>
          </View>
          <View className="field">
            <View className="field-label">标题<Text className="required">*</Text></View>
            <Input
              className="input influence-title"
              value={x.title}
              maxlength={BRAND_LIMITS.influenceTitle}
              placeholder="如：学习强国报道我院“红色引擎”工作法"
              onInput={(e) => set(i, { title: e.detail.value.replace(/[\r\n]/g, '') })}
            />
          </View>
          <View className="field">
            <View className="field-label">日期（可选）</View>
            <DateField value={x.date} clearable onChange={(date) => set(i, { date })} className="influence-date" />
          </View>
          <View className="field">
            <View className="field-label">链接</View>
            <Input
              className="input influence-link"
              type="text"
              value={x.link}
              maxlength={BRAND_LIMITS.link}
              placeholder="https://…（与图片至少填一项）"
              onInput={(e) => set(i, { link: e.detail.value.trim() })}
            />
            {linkProblem(x.link) ? <View className="field-error link-problem" role="alert">{linkProblem(x.link)}（如 https://www.example.cn/news/1）。改正前这条链接不会保存，报告的其他内容照常自动保存</View> : null}
          </View>
          <View className="field">
            <View className="field-label">图片（可选，如获奖证书、报道截图）</View>
            <PhotoEditor
              value={x.imageId ? [x.imageId] : []}
              max={1}
              urls={urls}
              onChange={(ids) => set(i, { imageId: ids[0] ?? null })}
              onUploaded={onUploaded}
              className="influence-image"
            />
          </View>
        </View>
      ))}
      {items.length < BRAND_LIMITS.influence ? (
        <Button size="small" className="influence-add" onClick={() => onChange([...items, blank()])}>
          ＋ 添加社会影响
        </Button>
      ) : (
        <View className="field-hint">社会影响最多 {BRAND_LIMITS.influence} 条</View>
      )}
    </View>
  );
}

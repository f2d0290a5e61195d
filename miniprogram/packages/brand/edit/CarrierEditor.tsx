import { View, Input, Textarea, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BRAND_LIMITS, type Carrier } from '@shared/domain/brand/report';
import { charCount } from '@shared/domain/text';
import { Empty } from '../../../components/Feedback';
import { Button } from '../../../components/ui';
import { PhotoEditor } from '../../../components/PhotoEditor';

interface Props {
  carriers: Carrier[];
  projects: Array<{ _id: string; title: string; year: number | null }>;
  urls: Record<string, string>;
  onChange: (carriers: Carrier[]) => void;
  onUploaded: (urls: Record<string, string>) => void;
}

const blank = (): Carrier => ({ title: '', description: '', projectId: null, photos: [] });

/** 有丰富的活动载体: activities (党建精品项目, characteristic activities) with photos. */
export function CarrierEditor({ carriers, projects, urls, onChange, onUploaded }: Props) {
  const set = (i: number, patch: Partial<Carrier>) => onChange(carriers.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const remove = async (i: number) => {
    const c = carriers[i];
    if (c.title || c.description || c.photos.length) {
      const { confirm } = await Taro.showModal({ title: '删除活动载体', content: `确定删除“${c.title || '未命名的活动'}”及其照片吗？`, confirmColor: '#c8161d' });
      if (!confirm) return;
    }
    onChange(carriers.filter((_, j) => j !== i));
  };

  return (
    <View className="carrier-editor">
      {carriers.length === 0 ? <Empty>还没有活动载体。可以是党建精品项目，也可以是具有本单位鲜明特色的党建活动。</Empty> : null}
      {carriers.map((c, i) => (
        <View key={i} className={`entry carrier-entry carrier-${i}`}>
          <View className="entry-head">
            <Text>活动载体 {i + 1}</Text>
            <Text className="entry-remove" onClick={() => void remove(i)}>删除</Text>
          </View>
          <View className="field">
            <View className="field-label">活动名称<Text className="required">*</Text></View>
            <Input
              className="input carrier-title"
              value={c.title}
              maxlength={BRAND_LIMITS.carrierTitle}
              placeholder="如：“红色引擎”师生党员攻关小组"
              onInput={(e) => set(i, { title: e.detail.value.replace(/[\r\n]/g, '') })}
            />
          </View>
          <View className="field">
            <View className="field-label">活动介绍</View>
            <Textarea
              className="textarea carrier-description"
              value={c.description}
              maxlength={BRAND_LIMITS.carrierDescription}
              autoHeight
              placeholder="开展方式、参与范围、取得的实效"
              onInput={(e) => set(i, { description: e.detail.value })}
            />
            <View className="field-hint counter">{charCount(c.description)}/{BRAND_LIMITS.carrierDescription}</View>
          </View>
          <View className="field">
            <View className="field-label">关联党建精品项目（可选）</View>
            {projects.length === 0 ? (
              <View className="field-hint">本基层党委暂无可关联的精品项目（项目提交后才能关联）。</View>
            ) : (
              <View className="chips">
                <Text className={`chip project-none${c.projectId === null ? ' selected' : ''}`} onClick={() => set(i, { projectId: null })}>
                  不关联
                </Text>
                {projects.map((p) => (
                  <Text key={p._id} className={`chip project-chip${c.projectId === p._id ? ' selected' : ''}`} onClick={() => set(i, { projectId: p._id })}>
                    {p.title}
                    {p.year === null ? '' : `（${p.year}年）`}
                  </Text>
                ))}
              </View>
            )}
          </View>
          <View className="field">
            <View className="field-label">活动照片（最多{BRAND_LIMITS.photos}张）</View>
            <PhotoEditor value={c.photos} max={BRAND_LIMITS.photos} urls={urls} onChange={(photos) => set(i, { photos })} onUploaded={onUploaded} className="carrier-photos" />
          </View>
        </View>
      ))}
      {carriers.length < BRAND_LIMITS.carriers ? (
        <Button size="small" className="carrier-add" onClick={() => onChange([...carriers, blank()])}>
          ＋ 添加活动载体
        </Button>
      ) : (
        <View className="field-hint">活动载体最多 {BRAND_LIMITS.carriers} 项</View>
      )}
    </View>
  );
}

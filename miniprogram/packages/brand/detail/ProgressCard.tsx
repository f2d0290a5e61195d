import { View, Textarea, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { BrandView } from '@shared/contracts';
import { BRAND_LIMITS } from '@shared/domain/brand/report';
import { BRAND_STAGES, BRAND_STAGE_LABELS, canAdvanceStage, type BrandStage } from '@shared/domain/brand/stage';
import { dateIn } from '@shared/time/deadline';
import { call } from '../../../api/client';
import { Empty, ErrorBox } from '../../../components/Feedback';
import { PhotoGrid } from '../../../components/PhotoGrid';
import { Button } from '../../../components/ui';
import { DateField } from '../components/DateField';
import { PhotoEditor } from '../../../components/PhotoEditor';
import { useAction } from '../../../hooks/useAction';

interface Props {
  brand: BrandView;
  onChanged: (b: BrandView) => void;
  onConflict: () => void;
}

/** Dated progress entries of cultivation; an entry may move the brand forward along the six steps. */
export function ProgressCard({ brand, onChanged, onConflict }: Props) {
  const current = brand.report.stage;
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(() => dateIn(new Date()));
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [stage, setStage] = useState<BrandStage>(current);
  const [uploaded, setUploaded] = useState<Record<string, string>>({});
  const action = useAction(onConflict);

  const add = async () => {
    if (!text.trim()) return action.setError('请填写培育进展');
    if (!canAdvanceStage(current, stage)) return action.setError(`品牌已处于「${BRAND_STAGE_LABELS[current]}」阶段，不能退回`);
    const next = await action.run(() => call('brand.addProgress', { brandId: brand._id, date, text, photos, stage }));
    if (next) {
      setText('');
      setPhotos([]);
      setOpen(false);
      setStage(next.report.stage);
      onChanged(next);
      await Taro.showToast({ title: '已记录培育进展', icon: 'success' });
    }
  };

  return (
    <View className="card progress-card">
      <View className="card-title">
        <Text>培育进展</Text>
        <Text className="muted">{brand.progress.length} 条</Text>
      </View>
      {brand.progress.length === 0 ? <Empty>还没有培育进展记录。{brand.can.cultivate ? '点击下方按钮记录第一条。' : ''}</Empty> : null}
      {brand.progress.map((p) => (
        <View key={p._id} className="list-item progress-item">
          <View className="row">
            <Text className="list-item-title">{p.date}</Text>
            <Text className="chip selected progress-stage">{BRAND_STAGE_LABELS[p.stage]}</Text>
          </View>
          <View className="readonly-text">{p.text}</View>
          <PhotoGrid urls={p.photos.map((id) => brand.fileUrls[id])} />
          <View className="muted">记录人：{p.authorName}</View>
        </View>
      ))}
      {brand.can.cultivate && !open ? (
        <View className="inline-actions">
          <Button type="primary" className="progress-open" onClick={() => { setStage(current); setOpen(true); }}>
            ＋ 记录培育进展
          </Button>
        </View>
      ) : null}
      {brand.can.cultivate && open ? (
        <View className="progress-form entry">
          <View className="field">
            <View className="field-label">日期<Text className="required">*</Text></View>
            <DateField value={date} onChange={setDate} className="progress-date" />
          </View>
          <View className="field">
            <View className="field-label">进展情况<Text className="required">*</Text></View>
            <Textarea className="textarea progress-text" value={text} maxlength={2000} autoHeight placeholder="开展了哪些培育工作，取得了什么成效" onInput={(e) => setText(e.detail.value)} />
          </View>
          <View className="field">
            <View className="field-label">照片（可选）</View>
            <PhotoEditor value={photos} max={BRAND_LIMITS.photos} urls={uploaded} onChange={setPhotos} onUploaded={(u) => setUploaded((x) => ({ ...x, ...u }))} className="progress-photos" />
          </View>
          <View className="field">
            <View className="field-label">品牌所处阶段</View>
            <View className="chips progress-stages">
              {BRAND_STAGES.map((s, i) => {
                const allowed = canAdvanceStage(current, s);
                return (
                  <Text
                    key={s}
                    className={`chip progress-stage-${s}${stage === s ? ' selected' : ''}${allowed ? '' : ' disabled'}`}
                    onClick={() => allowed && setStage(s)}
                  >
                    {i + 1}. {BRAND_STAGE_LABELS[s]}
                  </Text>
                );
              })}
            </View>
            <View className="field-hint">阶段只能前进或保持，不能退回（当前：{BRAND_STAGE_LABELS[current]}）。</View>
          </View>
          {action.error ? <ErrorBox message={action.error} /> : null}
          <View className="inline-actions">
            <Button type="primary" className="progress-save" loading={action.busy} disabled={action.busy} onClick={add}>
              保存进展
            </Button>
            <Button onClick={() => setOpen(false)}>取消</Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}

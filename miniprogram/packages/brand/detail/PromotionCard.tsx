import { View, Input, Textarea, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { BrandView } from '@shared/contracts';
import { PROMOTION_KINDS, PROMOTION_KIND_LABELS, type PromotionKind } from '@shared/domain/brand/brand';
import { dateIn } from '@shared/time/deadline';
import { call } from '../../../api/client';
import { Empty, ErrorBox } from '../../../components/Feedback';
import { Button } from '../../../components/ui';
import { DateField } from '../components/DateField';
import { useAction } from '../../../hooks/useAction';

interface Props {
  brand: BrandView;
  onChanged: (b: BrandView) => void;
  onConflict: () => void;
}

export const showcaseUrl = (id: string) => `/packages/showcase/brand/index?id=${id}`;

/** 品牌推广: feature the brand publicly, and record 专题宣传, 座谈交流会 and 现场观摩会. */
export function PromotionCard({ brand, onChanged, onConflict }: Props) {
  const promote = useAction(onConflict);
  const event = useAction(onConflict);
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<PromotionKind | null>(null);
  const [date, setDate] = useState(() => dateIn(new Date()));
  const [place, setPlace] = useState('');
  const [report, setReport] = useState('');

  const doPromote = async () => {
    const { confirm } = await Taro.showModal({
      title: '列为推广品牌',
      content: '推广后，品牌名称、内涵、创建思路、活动载体、社会影响和公开署名将在公开展示页向所有人展示。公开前会进行内容安全检测。',
      confirmText: '确定推广',
      confirmColor: '#c8161d',
    });
    if (!confirm) return;
    const next = await promote.run(() => call('brand.promote', { id: brand._id, version: brand.version }));
    if (next) {
      onChanged(next);
      await Taro.showToast({ title: '已列为推广品牌', icon: 'success' });
    }
  };

  const addEvent = async () => {
    if (!kind) return event.setError('请选择推广活动类型');
    if (!place.trim() || !report.trim()) return event.setError(!place.trim() ? '请填写地点' : '请填写活动简报');
    const next = await event.run(() => call('brand.addEvent', { brandId: brand._id, kind, date, place, report }));
    if (next) {
      setOpen(false);
      setKind(null);
      setPlace('');
      setReport('');
      onChanged(next);
      await Taro.showToast({ title: '已记录推广活动', icon: 'success' });
    }
  };

  return (
    <View className="card promotion-card">
      <View className="card-title">品牌推广</View>
      {brand.state === 'promoted' ? (
        <>
          <View className="muted meta-line">本品牌已列为推广品牌，公开展示页可分享到微信、朋友圈和微博。</View>
          <View className="inline-actions">
            <Button className="open-showcase" onClick={() => Taro.navigateTo({ url: showcaseUrl(brand._id) })}>
              查看公开展示页
            </Button>
          </View>
          <View className="section-label">推广活动</View>
          {brand.events.length === 0 ? <Empty>还没有推广活动记录。</Empty> : null}
          {brand.events.map((e) => (
            <View key={e._id} className="list-item event-item">
              <View className="row">
                <Text className="list-item-title">{PROMOTION_KIND_LABELS[e.kind]}</Text>
                <Text className="muted">{e.date}</Text>
              </View>
              <View className="muted">地点：{e.place}</View>
              <View className="readonly-text">{e.report}</View>
            </View>
          ))}
        </>
      ) : (
        <View className="muted meta-line">认定入库的品牌经组织部列为推广品牌后，会有公开展示页，并可组织专题宣传、座谈交流会、现场观摩会。</View>
      )}
      {brand.can.promote ? (
        <>
          {promote.error ? <ErrorBox message={promote.error} /> : null}
          <View className="inline-actions">
            <Button type="primary" className="promote-brand" loading={promote.busy} disabled={promote.busy} onClick={doPromote}>
              列为推广品牌
            </Button>
          </View>
        </>
      ) : null}
      {brand.can.addEvent && !open ? (
        <View className="inline-actions">
          <Button type="primary" className="event-open" onClick={() => setOpen(true)}>
            ＋ 记录推广活动
          </Button>
        </View>
      ) : null}
      {brand.can.addEvent && open ? (
        <View className="entry event-form">
          <View className="field">
            <View className="field-label">活动类型<Text className="required">*</Text></View>
            <View className="chips">
              {PROMOTION_KINDS.map((k) => (
                <Text key={k} className={`chip event-kind-${k}${kind === k ? ' selected' : ''}`} onClick={() => setKind(k)}>
                  {PROMOTION_KIND_LABELS[k]}
                </Text>
              ))}
            </View>
          </View>
          <View className="field">
            <View className="field-label">日期<Text className="required">*</Text></View>
            <DateField value={date} onChange={setDate} className="event-date" />
          </View>
          <View className="field">
            <View className="field-label">地点<Text className="required">*</Text></View>
            <Input className="input event-place" value={place} maxlength={100} placeholder="如：汇元楼 511 会议室" onInput={(e) => setPlace(e.detail.value)} />
          </View>
          <View className="field">
            <View className="field-label">活动简报<Text className="required">*</Text></View>
            <Textarea className="textarea event-report" value={report} maxlength={2000} autoHeight placeholder="活动内容、参加人员、反响（将公开展示）" onInput={(e) => setReport(e.detail.value)} />
          </View>
          {event.error ? <ErrorBox message={event.error} /> : null}
          <View className="inline-actions">
            <Button type="primary" className="event-save" loading={event.busy} disabled={event.busy} onClick={addEvent}>
              保存推广活动
            </Button>
            <Button onClick={() => setOpen(false)}>取消</Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}

import { View, Text } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BrandView } from '@shared/contracts';
import { BRAND_STAGE_LABELS } from '@shared/domain/brand/stage';
import { formatInstant } from '@shared/time/deadline';
import { call, errorText } from '../../../api/client';
import { ErrorBox, Loading } from '../../../components/Feedback';
import { ExportButton } from '../../../components/ExportButton';
import { Button } from '../../../components/ui';
import { BrandStateTag } from '../components/BrandStateTag';
import { CultivationCard } from './CultivationCard';
import { ProgressCard } from './ProgressCard';
import { PromotionCard } from './PromotionCard';
import { ReportView } from './ReportView';
import { ReviewCard } from './ReviewCard';
import { Timeline } from './Timeline';
import '../../../components/PhotoGrid.css';
import '../components/brand.css';
import './index.css';
import { PrivacyPopup } from '../../../components/PrivacyPopup';
import { DeskShell } from '../../../components/desk/DeskShell';

/** A brand for everyone allowed to read it: report, workflow, cultivation, promotion, history. */
function BrandDetail() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [brand, setBrand] = useState<BrandView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loaded = useRef(false);

  const load = useCallback(async () => {
    try {
      setBrand(await call('brand.get', { id }));
      setError(null);
      loaded.current = true;
    } catch (err) {
      setError(errorText(err));
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);
  useDidShow(() => {
    if (loaded.current) void load();
  });
  const reload = useCallback(() => void load(), [load]);

  if (error && !brand) return <View className="page"><ErrorBox message={error} onRetry={load} /></View>;
  if (!brand) return <View className="page"><Loading /></View>;
  const cultivating = brand.state === 'accepted' || brand.state === 'promoted';
  const dates: Array<[string, string | null]> = [
    ['报送', brand.submittedAt],
    ['认定', brand.acceptedAt],
    ['推广', brand.promotedAt],
  ];

  return (
    <View className="page brand-detail">
      {/* WeChat asks for privacy consent before the photo and file pickers open. */}
      <PrivacyPopup />
      <View className="card">
        <View className="row">
          <Text className="summary-name detail-name">{brand.report.name || '（尚未命名的品牌）'}</Text>
          <BrandStateTag state={brand.state} />
        </View>
        <View className="muted meta-line">{brand.committeeName} · {brand.year} 年度 · 当前阶段：{BRAND_STAGE_LABELS[brand.report.stage]}</View>
        {dates
          .filter(([, at]) => at)
          .map(([label, at]) => (
            <View key={label} className="muted meta-line">{label}时间：{formatInstant(at as string)}</View>
          ))}
        <ExportButton label="导出品牌报告（Word）" make={() => call('export.brandReport', { brandId: brand._id })} />
        {brand.can.edit ? (
          <View className="inline-actions">
            <Button type="primary" className="open-edit" onClick={() => Taro.navigateTo({ url: `/packages/brand/edit/index?id=${brand._id}` })}>
              {brand.state === 'returned' ? '按意见修改并重新报送' : '继续编辑报告'}
            </Button>
          </View>
        ) : null}
      </View>

      {brand.state === 'returned' && brand.returnComment ? (
        <View className="warn-box return-comment">
          <View>组织部退回修改意见：</View>
          <View className="readonly-text">{brand.returnComment}</View>
        </View>
      ) : null}
      {brand.state === 'submitted' && !brand.can.review ? <View className="warn-box">已报送党委组织部，等待认定。</View> : null}

      {cultivating ? (
        <>
          <PromotionCard brand={brand} onChanged={setBrand} onConflict={reload} />
          <CultivationCard brand={brand} onChanged={setBrand} onConflict={reload} />
          <ProgressCard brand={brand} onChanged={setBrand} onConflict={reload} />
        </>
      ) : null}

      <ReportView brand={brand} />

      {brand.can.review || brand.can.reopen ? <ReviewCard brand={brand} onChanged={setBrand} onConflict={reload} /> : null}

      <View className="card timeline-card">
        <View className="card-title">办理记录</View>
        <Timeline entries={brand.timeline} />
      </View>
    </View>
  );
}

/** At a desk the page keeps the side navigation (a phone shows the page alone). */
export default function BrandDetailPage() {
  return (
    <DeskShell active="library">
      <BrandDetail />
    </DeskShell>
  );
}

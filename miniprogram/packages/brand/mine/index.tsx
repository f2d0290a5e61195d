import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { BRAND_STAGE_LABELS } from '@shared/domain/brand/stage';
import { canEditReport } from '@shared/domain/brand/state';
import { formatInstant } from '@shared/time/deadline';
import { ApiError, call, errorText } from '../../../api/client';
import { ErrorBox, Loading } from '../../../components/Feedback';
import { Button } from '../../../components/ui';
import { useLoad } from '../../../hooks/useLoad';
import { BrandStateTag } from '../components/BrandStateTag';
import '../components/brand.css';
import { DeskShell } from '../../../components/desk/DeskShell';

const openEdit = (id: string) => Taro.navigateTo({ url: `/packages/brand/edit/index?id=${id}` });
const openDetail = (id: string) => Taro.navigateTo({ url: `/packages/brand/detail/index?id=${id}` });

/** The secretary's brand for this year ("一党委一品牌"): start it, or continue with it. */
function MyBrand() {
  const { data, error, loading, reload } = useLoad(() => call('brand.mine', {}));
  const [creating, setCreating] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  if (loading && !data) return <View className="page"><Loading /></View>;
  if (error && !data) return <View className="page"><ErrorBox message={error} onRetry={reload} /></View>;
  if (!data) return null;
  const { brand } = data;

  const create = async () => {
    setCreating(true);
    setActionError(null);
    try {
      const created = await call('brand.create', { year: data.year });
      await openEdit(created._id);
    } catch (err) {
      const existing = err instanceof ApiError ? err.details?.brandId : undefined;
      if (typeof existing === 'string') await openEdit(existing);
      else setActionError(errorText(err));
    } finally {
      setCreating(false);
    }
  };

  return (
    <View className="page brand-mine">
      <View className="card">
        <View className="card-title">
          <Text className="mine-committee">{data.committeeName}</Text>
          <Text className="muted">{data.year} 年度</Text>
        </View>
        {brand ? (
          <View className="brand-summary">
            <View className="row">
              <Text className="summary-name">{brand.name || '（尚未命名的品牌）'}</Text>
              <BrandStateTag state={brand.state} />
            </View>
            <View className="muted meta-line">创建思路当前阶段：{BRAND_STAGE_LABELS[brand.stage]}</View>
            <View className="muted meta-line">最近更新：{formatInstant(brand.updatedAt)}</View>
            <View className="inline-actions">
              {canEditReport(brand.state) ? (
                <Button type="primary" onClick={() => openEdit(brand._id)}>
                  {brand.state === 'returned' ? '按意见修改品牌报告' : '编辑品牌报告'}
                </Button>
              ) : null}
              <Button onClick={() => openDetail(brand._id)}>查看品牌详情</Button>
            </View>
          </View>
        ) : (
          <View className="brand-none">
            <View className="readonly-text">
              按照“一党委（总支）一品牌、一支部一特色”的要求，每个基层党委（总支）每年度创建一个党建品牌：撰写《党建品牌创建工作情况报告》（附件1），按“五有”标准填写品牌名称、内涵、创建思路、活动载体和社会影响，报送党委组织部认定入库。
            </View>
            <View className="muted meta-line" style={{ marginTop: '12px' }}>
              本基层党委 {data.year} 年度还没有党建品牌。创建后内容会自动保存，可以分多次填写。
            </View>
            <View style={{ marginTop: '20px' }}>
              <Button type="primary" block loading={creating} disabled={creating} onClick={create}>
                创建本年度党建品牌
              </Button>
            </View>
          </View>
        )}
      </View>
      {actionError ? <ErrorBox message={actionError} /> : null}

      <View className="card features-link" onClick={() => Taro.navigateTo({ url: '/packages/brand/features/index' })}>
        <View className="card-title">
          <Text>一支部一特色</Text>
          <Text className="muted">填写 ›</Text>
        </View>
        <View className="muted">为本基层党委的每个党支部记录一项特色工作（名称与简介）。</View>
      </View>
      <View className="card library-link" onClick={() => Taro.navigateTo({ url: '/packages/brand/library/index' })}>
        <View className="card-title">
          <Text>党建品牌资源库</Text>
          <Text className="muted">浏览 ›</Text>
        </View>
        <View className="muted">查看全校已认定的党建品牌，互相学习借鉴。</View>
      </View>
    </View>
  );
}

/** At a desk the page keeps the side navigation (a phone shows the page alone). */
export default function MyBrandPage() {
  return (
    <DeskShell active="my-brand">
      <MyBrand />
    </DeskShell>
  );
}

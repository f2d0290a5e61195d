import { Text, View } from '@tarojs/components';
import type { BrandSummary } from '@shared/contracts';
import { BRAND_STAGE_LABELS } from '@shared/domain/brand/stage';
import { formatInstant } from '@shared/time/deadline';
import { Button } from '../../../components/ui';
import { BrandStateTag } from '../components/BrandStateTag';

/** One brand beside the library's table: what the row holds, and the way into the brand. */
export function LibraryDetail({ b, onOpen }: { b: BrandSummary; onOpen: () => void }) {
  return (
    <View className="card library-detail">
      <View className="row">
        <Text className="list-item-title">{b.name || '（尚未命名）'}</Text>
        <BrandStateTag state={b.state} />
      </View>
      <View className="muted meta-line">基层党委：{b.committeeName}</View>
      <View className="muted meta-line">年度：{b.year} 年度</View>
      <View className="muted meta-line">创建阶段：{BRAND_STAGE_LABELS[b.stage]}</View>
      <View className="muted meta-line">更新时间：{formatInstant(b.updatedAt)}</View>
      <View className="actions">
        <Button size="small" type="primary" className="library-open" onClick={onOpen}>查看品牌报告与培育 ›</Button>
      </View>
    </View>
  );
}

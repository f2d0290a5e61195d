import { View, Textarea, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { BrandView } from '@shared/contracts';
import { call } from '../../../api/client';
import { ErrorBox } from '../../../components/Feedback';
import { Button } from '../../../components/ui';
import { useAction } from '../../../hooks/useAction';

interface Props {
  brand: BrandView;
  onChanged: (b: BrandView) => void;
  onConflict: () => void;
}

/** 认定: the Organization Department accepts the brand into the 资源库, or returns it with comments. */
export function ReviewCard({ brand, onChanged, onConflict }: Props) {
  const [comment, setComment] = useState('');
  const action = useAction(onConflict);
  const decide = async (decision: 'accept' | 'return') => {
    if (decision === 'return' && comment.trim() === '') {
      action.setError('退回时请写明修改意见，基层党委会按意见修改后重新报送');
      return;
    }
    const next = await action.run(() => call('brand.review', { id: brand._id, version: brand.version, decision, comment }));
    if (next) {
      setComment('');
      onChanged(next);
      await Taro.showToast({ title: decision === 'accept' ? '已认定入库' : '已退回修改', icon: 'success' });
    }
  };
  return (
    <View className="card review-card">
      <View className="card-title">{brand.can.review ? '认定' : '退回修改'}</View>
      <View className="muted meta-line">
        {brand.can.review
          ? '对照“五有”标准审阅报告：认定后品牌进入党建品牌资源库并开始培育；不符合要求的请写明意见退回修改。'
          : '已认定的品牌报告不能再修改。如推广前发现需要修改的内容（例如未通过内容安全检测），可写明意见退回基层党委修改，修改后重新报送认定。'}
      </View>
      <View className="field">
        <View className="field-label">
          意见<Text className="muted">（退回时必填）</Text>
        </View>
        <Textarea className="textarea review-comment" value={comment} maxlength={1000} autoHeight placeholder="如：品牌内涵需进一步凝练，补充社会影响的佐证材料" onInput={(e) => setComment(e.detail.value)} />
      </View>
      {action.error ? <ErrorBox message={action.error} /> : null}
      <View className="inline-actions">
        {brand.can.review ? (
          <Button type="primary" className="review-accept" loading={action.busy} disabled={action.busy} onClick={() => decide('accept')}>
            认定入库
          </Button>
        ) : null}
        <Button className="review-return" disabled={action.busy} onClick={() => decide('return')}>
          退回修改
        </Button>
      </View>
    </View>
  );
}

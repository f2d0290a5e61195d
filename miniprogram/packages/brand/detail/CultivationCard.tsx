import { View, Input, Textarea, Text } from '@tarojs/components';
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

/** 品牌培育: a concrete plan, 领导联系 and 干部包抓. */
export function CultivationCard({ brand, onChanged, onConflict }: Props) {
  const c = brand.cultivation;
  const [editing, setEditing] = useState(false);
  const [plan, setPlan] = useState(c?.plan ?? '');
  const [leader, setLeader] = useState(c?.leader ?? '');
  const [cadre, setCadre] = useState(c?.cadre ?? '');
  const action = useAction(onConflict);
  const showForm = brand.can.cultivate && (editing || c === null);

  const startEdit = () => {
    setPlan(c?.plan ?? '');
    setLeader(c?.leader ?? '');
    setCadre(c?.cadre ?? '');
    setEditing(true);
  };
  const save = async () => {
    const missing = [!plan.trim() && '培育计划', !leader.trim() && '联系领导', !cadre.trim() && '包抓干部'].filter(Boolean);
    if (missing.length) return action.setError(`请填写${missing.join('、')}`);
    const next = await action.run(() => call('brand.setCultivation', { id: brand._id, version: brand.version, plan, leader, cadre }));
    if (next) {
      setEditing(false);
      onChanged(next);
      await Taro.showToast({ title: '培育计划已保存', icon: 'success' });
    }
  };

  return (
    <View className="card cultivation-card">
      <View className="card-title">
        <Text>品牌培育</Text>
        {brand.can.cultivate && c && !editing ? (
          <Text className="muted cultivation-edit" onClick={startEdit}>修改 ›</Text>
        ) : null}
      </View>
      {!showForm ? (
        c ? (
          <View className="cultivation-view">
            <View className="section-label">培育计划</View>
            <View className="readonly-text">{c.plan}</View>
            <View className="section-label">领导联系</View>
            <View className="cultivation-leader">{c.leader}</View>
            <View className="section-label">干部包抓</View>
            <View className="cultivation-cadre">{c.cadre}</View>
          </View>
        ) : (
          <View className="muted">基层党委尚未填写培育计划。</View>
        )
      ) : (
        <View className="cultivation-form">
          <View className="muted meta-line">制定具体培育计划，采取领导联系、干部包抓等方式，把品牌培育贯穿于日常工作之中。</View>
          <View className="field">
            <View className="field-label">培育计划<Text className="required">*</Text></View>
            <Textarea className="textarea cultivation-plan" value={plan} maxlength={3000} autoHeight placeholder="培育目标、阶段安排和具体举措" onInput={(e) => setPlan(e.detail.value)} />
          </View>
          <View className="field">
            <View className="field-label">领导联系（联系领导）<Text className="required">*</Text></View>
            <Input className="input cultivation-leader-input" value={leader} maxlength={40} placeholder="如：党委书记 王建国" onInput={(e) => setLeader(e.detail.value)} />
          </View>
          <View className="field">
            <View className="field-label">干部包抓（包抓干部）<Text className="required">*</Text></View>
            <Input className="input cultivation-cadre-input" value={cadre} maxlength={40} placeholder="如：组织员 李老师" onInput={(e) => setCadre(e.detail.value)} />
          </View>
          {action.error ? <ErrorBox message={action.error} /> : null}
          <View className="inline-actions">
            <Button type="primary" className="cultivation-save" loading={action.busy} disabled={action.busy} onClick={save}>
              保存培育计划
            </Button>
            {c ? <Button onClick={() => setEditing(false)}>取消</Button> : null}
          </View>
        </View>
      )}
    </View>
  );
}

import { View, Input, Textarea, Text } from '@tarojs/components';
import { useState } from 'react';
import type { BranchFeatureView } from '@shared/contracts';
import { charCount } from '@shared/domain/text';
import { ApiError, call, errorText } from '../../../api/client';
import { Button } from '../../../components/ui';
import { useTapGuard } from '../../../hooks/useTapGuard';

const NAME_MAX = 20;
const DESCRIPTION_MAX = 1000;

interface Props {
  item: BranchFeatureView;
  onConflict: () => void;
}

/** One branch's feature, edited in place and saved with its version. */
export function FeatureItem({ item, onConflict }: Props) {
  const [saved, setSaved] = useState(item);
  const [name, setName] = useState(item.name);
  const [description, setDescription] = useState(item.description);
  const tap = useTapGuard();
  const busy = tap.busy;
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [done, setDone] = useState(false);
  const dirty = name !== saved.name || description !== saved.description;

  const save = async () => {
    if (!name.trim()) return setError('请填写支部特色名称');
    if (!tap.enter()) return;
    setError(null);
    setDone(false);
    try {
      const next = await call('branchFeature.save', { branchId: item.branchId, year: item.year, name, description, version: saved.version });
      setSaved(next);
      setName(next.name);
      setDescription(next.description);
      setDone(true);
    } catch (err) {
      setError(errorText(err));
      setConflict(err instanceof ApiError && err.code === 'CONFLICT');
    } finally {
      tap.leave();
    }
  };

  return (
    <View className={`list-item feature-item feature-${item.branchId}`}>
      <View className="row">
        <Text className="list-item-title">{item.branchName}</Text>
        <Text className="muted feature-status">{dirty ? '未保存' : saved.version === null ? '未填写' : done ? '已保存' : '已填写'}</Text>
      </View>
      <View className="field">
        <Input className="input feature-name" value={name} maxlength={NAME_MAX} placeholder="特色名称（20字以内）" onInput={(e) => setName(e.detail.value.replace(/[\r\n]/g, ''))} />
        <View className="field-hint counter">{charCount(name.trim())}/{NAME_MAX}</View>
      </View>
      <View className="field">
        <Textarea className="textarea feature-description" value={description} maxlength={DESCRIPTION_MAX} autoHeight placeholder="特色简介：结合支部实际开展的特色工作" onInput={(e) => setDescription(e.detail.value)} />
      </View>
      {error ? (
        <View className="error-box">
          {error}
          {conflict ? (
            <View className="error-actions">
              <Button size="small" onClick={onConflict}>
                重新加载
              </Button>
            </View>
          ) : null}
        </View>
      ) : null}
      <Button size="small" type={dirty ? 'primary' : 'default'} className="feature-save" loading={busy} disabled={busy || !dirty || conflict} onClick={save}>
        保存
      </Button>
    </View>
  );
}

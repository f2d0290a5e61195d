import { Text, View } from '@tarojs/components';
import { COMMITTEE_KIND_LABELS } from '@shared/domain/org';
import { useState } from 'react';
import { call, errorText } from '../../../api/client';
import { Empty, ErrorBox, Loading } from '../../../components/Feedback';
import { Button } from '../../../components/ui';
import { useLoad } from '../../../hooks/useLoad';
import { ImportCard } from './ImportCard';
import '../components/admin.css';

/** 组织部: the organisation (单位代码 never change; units are closed, never deleted) and its imports. */
export default function Org() {
  const units = useLoad(() => call('org.units', {}));
  const [actionError, setActionError] = useState<string | null>(null);
  const toggle = async (unit: 'committee' | 'branch', code: string, version: number, closed: boolean) => {
    setActionError(null);
    try {
      await call('org.setClosed', { unit, code, version, closed });
      units.reload();
    } catch (err) {
      setActionError(errorText(err));
    }
  };
  return (
    <View className="page admin-org">
      <ImportCard sheet="org" onApplied={units.reload} />
      <ImportCard sheet="roster" onApplied={units.reload} />
      <View className="card org-units">
        <View className="card-title">基层党委（总支）</View>
        {units.error ? <ErrorBox message={units.error} onRetry={units.reload} /> : null}
        {actionError ? <ErrorBox message={actionError} /> : null}
        {!units.data ? <Loading /> : units.data.committees.length === 0 ? (
          <Empty>还没有任何基层党委。请下载“组织机构”模板，填好后上传导入。</Empty>
        ) : (
          units.data.committees.map((c) => (
            <View key={c._id} className="org-unit" style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', padding: '8px 0', gap: '8px' }}>
              <View style={{ minWidth: 0 }}>
                <Text>{c.name}</Text>
                <Text className="muted">（{COMMITTEE_KIND_LABELS[c.kind]} · {c._id} · {c.branches} 个支部{c.closed ? ' · 已撤销' : ''}）</Text>
              </View>
              <Button size="small" onClick={() => toggle('committee', c._id, c.version, !c.closed)}>{c.closed ? '恢复' : '撤销'}</Button>
            </View>
          ))
        )}
      </View>
    </View>
  );
}

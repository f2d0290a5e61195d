import { Text, View } from '@tarojs/components';
import { COMMITTEE_KIND_LABELS } from '@shared/domain/org';
import { useState } from 'react';
import { call, errorText } from '../../../api/client';
import { Empty, ErrorBox, Loading } from '../../../components/Feedback';
import { Button } from '../../../components/ui';
import { useLoad } from '../../../hooks/useLoad';
import { BranchList } from './BranchList';
import { ImportCard } from './ImportCard';
import { UnitForm, type UnitDraft } from './UnitForm';
import '../components/admin.css';

/** 组织部: the organisation (单位代码 never change; units are closed, never deleted) and its imports. */
export default function Org() {
  const units = useLoad(() => call('org.units', {}));
  const [actionError, setActionError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string | null>(null);
  const saveCommittee = async (version: number | null, d: UnitDraft) => {
    await call('org.saveCommittee', { code: d.code, version, name: d.name, kind: d.kind, order: d.order ?? 0 });
    setAdding(false);
    setEditing(null);
    units.reload();
  };
  const nextOrder = (units.data?.committees ?? []).reduce((m, c) => Math.max(m, c.order ?? 0), 0) + 1;
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
        {adding ? (
          <UnitForm unit="committee" className="committee-new-form" initial={null} defaultOrder={nextOrder} onSave={(d) => saveCommittee(null, d)} onCancel={() => setAdding(false)} />
        ) : (
          <Button size="small" type="primary" className="committee-add" onClick={() => setAdding(true)}>新建基层党委</Button>
        )}
        {!units.data ? <Loading /> : units.data.committees.length === 0 ? (
          <Empty>还没有基层党委：新建一个，或用上方的“组织机构”表格导入。</Empty>
        ) : (
          units.data.committees.map((c) => (
            <View key={c._id} className="org-committee" data-committee-id={c._id}>
              <View className="org-unit" style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', padding: '8px 0', gap: '8px' }}>
                <View style={{ minWidth: 0, wordBreak: 'break-all' }}>
                  <Text className="org-unit-name">{c.name}</Text>
                  <Text className="muted">（{COMMITTEE_KIND_LABELS[c.kind]} · {c._id} · {c.branches} 个支部{c.closed ? ' · 已撤销' : ''}）</Text>
                </View>
                <View style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'flex-end', gap: '8px', flexShrink: 0, maxWidth: '50%' }}>
                  <Button size="small" className="committee-edit" onClick={() => setEditing(editing === c._id ? null : c._id)}>编辑</Button>
                  <Button size="small" className="committee-branches" onClick={() => setExpanded(expanded === c._id ? null : c._id)}>{expanded === c._id ? '收起支部' : '党支部'}</Button>
                  <Button size="small" className="committee-toggle" onClick={() => toggle('committee', c._id, c.version, !c.closed)}>{c.closed ? '恢复' : '撤销'}</Button>
                </View>
              </View>
              {editing === c._id ? (
                <UnitForm
                  unit="committee"
                  className="committee-form"
                  initial={{ code: c._id, name: c.name, kind: c.kind, order: c.order }}
                  defaultOrder={null}
                  onSave={(d) => saveCommittee(c.version, d)}
                  onCancel={() => setEditing(null)}
                />
              ) : null}
              {expanded === c._id ? (
                <BranchList committee={c} branches={units.data?.branches.filter((b) => b.committeeId === c._id) ?? []} onChanged={units.reload} onToggle={(code, version, closed) => toggle('branch', code, version, closed)} />
              ) : null}
            </View>
          ))
        )}
      </View>
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { BranchUnit, CommitteeUnit } from '@shared/contracts/org';
import { call } from '../../../api/client';
import { Empty } from '../../../components/Feedback';
import { Button } from '../../../components/ui';
import { UnitForm, type UnitDraft } from './UnitForm';

interface Props {
  committee: CommitteeUnit;
  branches: BranchUnit[];
  onChanged: () => void;
  onToggle: (code: string, version: number, closed: boolean) => Promise<void>;
}

/** One committee's 党支部: create, edit (name, order) and close/reopen, each with the version it was read at. */
export function BranchList({ committee, branches, onChanged, onToggle }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const nextOrder = branches.reduce((m, b) => Math.max(m, b.order ?? 0), 0) + 1;

  const save = async (version: number | null, d: UnitDraft) => {
    await call('org.saveBranch', { code: d.code, version, committeeId: committee._id, name: d.name, order: d.order });
    setEditing(null);
    setAdding(false);
    onChanged();
  };

  return (
    <View className="branch-list">
      {branches.length === 0 ? <Empty>该单位还没有党支部。</Empty> : null}
      {branches.map((b) => (
        <View key={b._id} className="branch-item" data-branch-id={b._id} style={{ padding: '6px 0 6px 12px' }}>
          <View style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: '8px' }}>
            <View style={{ minWidth: 0, wordBreak: 'break-all' }}>
              <Text className="branch-name">{b.name}</Text>
              <Text className="muted">（{b._id}{b.closed ? ' · 已撤销' : ''}）</Text>
            </View>
            <View style={{ display: 'flex', gap: '8px', flexShrink: 0 }}>
              <Button size="small" className="branch-edit" onClick={() => setEditing(editing === b._id ? null : b._id)}>编辑</Button>
              <Button size="small" className="branch-toggle" onClick={() => void onToggle(b._id, b.version, !b.closed)}>{b.closed ? '恢复' : '撤销'}</Button>
            </View>
          </View>
          {editing === b._id ? (
            <UnitForm
              unit="branch"
              className="branch-form"
              initial={{ code: b._id, name: b.name, kind: 'committee', order: b.order }}
              defaultOrder={null}
              onSave={(d) => save(b.version, d)}
              onCancel={() => setEditing(null)}
            />
          ) : null}
        </View>
      ))}
      {adding ? (
        <UnitForm unit="branch" className="branch-new-form" initial={null} defaultOrder={nextOrder} onSave={(d) => save(null, d)} onCancel={() => setAdding(false)} />
      ) : (
        <Button size="small" type="primary" className="branch-add" onClick={() => setAdding(true)}>新建党支部</Button>
      )}
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { RowReport } from '@shared/contracts/bulk';
import type { PendingPersonView } from '@shared/contracts/people';
import { PERSON_KIND_LABELS } from '@shared/domain/person';
import { POLITICAL_STATUS_LABELS } from '@shared/domain/political-status';
import { formatInstant } from '@shared/time/deadline';
import { call } from '../../../api/client';
import { DeskTable, type Column } from '../../../components/desk/DeskTable';
import { ErrorBox } from '../../../components/Feedback';
import { useAction } from '../../../hooks/useAction';

const COLUMNS: Column<PendingPersonView>[] = [
  // Pinyin order, as the server derived it (曾 zeng, 单 shan).
  { key: 'name', label: '姓名', render: (p) => p.name, sort: (p) => p.nameSort },
  { key: 'staffNo', label: '工号/学号', render: (p) => p.staffNo, sort: (p) => p.staffNo },
  { key: 'kind', label: '身份', render: (p) => PERSON_KIND_LABELS[p.kind], sort: (p) => p.kind },
  { key: 'branch', label: '党支部', render: (p) => `${p.committeeName} · ${p.branchName}`, sort: (p) => p.branchName },
  { key: 'status', label: '政治面貌', render: (p) => POLITICAL_STATUS_LABELS[p.politicalStatus], sort: (p) => p.politicalStatus },
  { key: 'same', label: '核实', render: (p) => (p.sameStaffNo.length ? '工号已被他人绑定' : ''), sort: (p) => p.sameStaffNo.length },
  { key: 'at', label: '提交于', render: (p) => formatInstant(p.boundAt), sort: (p) => p.boundAt },
];

/** 人员身份确认 at a desk: tick many and confirm them at once; each row is the single confirmation, reported row by row. */
export function PendingTable({ items, onDone, detail }: { items: PendingPersonView[]; onDone: () => void; detail: (p: PendingPersonView) => JSX.Element }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [active, setActive] = useState<string | null>(null);
  const [report, setReport] = useState<RowReport | null>(null);
  const action = useAction(onDone);
  const confirmAll = async () => {
    const list = items.filter((p) => selected.has(p.userId)).map((p) => ({ userId: p.userId, version: p.version }));
    const r = await action.run(() => call('people.confirmMany', { items: list }));
    if (r) {
      setReport(r);
      setSelected(new Set());
      onDone();
    }
  };
  const open = items.find((p) => p.userId === active) ?? null;
  return (
    <View className="desk-split members-desk">
      <View className="desk-list">
        <View className="desk-bulk">
          <span>已选 {selected.size} 人</span>
          <button type="button" className="primary bulk-confirm" disabled={action.busy || selected.size === 0} onClick={() => void confirmAll()}>
            确认所选人员的身份
          </button>
          <span className="muted">退回须逐人写明原因：点一行，在右侧办理。</span>
        </View>
        {action.error ? <ErrorBox message={action.error} /> : null}
        {report ? (
          <View className="card bulk-report">
            <Text>已确认 {report.done.length} 人{report.refused.length ? `，${report.refused.length} 人未确认：` : '。'}</Text>
            {report.refused.map((r) => (
              <View key={r.id} className="error-text">{r.title}：{r.message}</View>
            ))}
          </View>
        ) : null}
        <DeskTable label="待确认人员" className="members-table" rows={items} rowKey={(p) => p.userId} columns={COLUMNS} search={(p) => `${p.searchKeys.join(' ')} ${p.branchName}`} selection={{ selected, onChange: setSelected }} onOpen={(p) => setActive(p.userId)} activeKey={active} empty="暂无待确认的人员。有人绑定到本党委后会出现在这里。" />
      </View>
      <View className="desk-detail">{open ? detail(open) : <View className="card muted">点击左侧一行，查看并确认或退回。</View>}</View>
    </View>
  );
}

import { Textarea, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { PendingPersonView } from '@shared/contracts/people';
import { PERSON_KIND_LABELS } from '@shared/domain/person';
import { POLITICAL_STATUS_LABELS } from '@shared/domain/political-status';
import { formatInstant } from '@shared/time/deadline';
import { call } from '../../../api/client';
import { Empty, ErrorBox, Loading } from '../../../components/Feedback';
import { Button } from '../../../components/ui';
import { useAction } from '../../../hooks/useAction';
import { useLoad } from '../../../hooks/useLoad';
import { DeskShell } from '../../../components/desk/DeskShell';
import { useDesk } from '../../../hooks/useDesk';
import { PendingTable } from './PendingTable';

/** One waiting person: their profile as they gave it, and 确认 / 退回 (with a reason). */
function PendingCard({ person, onDone }: { person: PendingPersonView; onDone: () => void }) {
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction(onDone);
  const decide = async (accept: boolean) => {
    const done = await run(() => call('people.confirm', { userId: person.userId, version: person.version, accept, reason: accept ? '' : reason }));
    if (done) {
      await Taro.showToast({ title: accept ? '已确认' : '已退回', icon: 'success' });
      onDone();
    }
  };
  return (
    <View className="card pending-person">
      <View className="card-title">
        {person.name}
        <Text className="muted">　{PERSON_KIND_LABELS[person.kind]}</Text>
      </View>
      <View className="muted meta-line">工号/学号 {person.staffNo}</View>
      <View className="muted meta-line">
        {person.committeeName} · {person.branchName}
      </View>
      <View className="muted meta-line">
        {POLITICAL_STATUS_LABELS[person.politicalStatus]}
        {person.isPartyWorker ? ' · 党务工作者' : ''} · 提交于 {formatInstant(person.boundAt)}
      </View>
      {person.sameStaffNo.length > 0 ? (
        <View className="warn-box pending-same-no">
          该工号/学号已被 {person.sameStaffNo.map((o) => `${o.name}（${o.committeeName}）`).join('、')} 绑定，请核实是否本人。
        </View>
      ) : null}
      {person.rosterDifferences.length > 0 ? (
        <View className="warn-box pending-roster-diff">与组织部人员名册不一致：{person.rosterDifferences.join('；')}。请核实后再确认。</View>
      ) : null}
      {returning ? (
        <View className="field">
          <Text className="field-label">退回原因（本人会看到，按此修改）</Text>
          <Textarea className="textarea pending-reason" value={reason} maxlength={200} placeholder="例如：工号与人事系统不符" onInput={(e) => setReason(e.detail.value)} />
        </View>
      ) : null}
      {error ? <View className="export-error">{error}</View> : null}
      <View className="row" style={{ gap: '16px', marginTop: '16px' }}>
        {returning ? (
          <>
            <Button size="small" onClick={() => setReturning(false)} disabled={busy}>
              取消
            </Button>
            <Button size="small" type="danger" className="pending-return-confirm" loading={busy} disabled={busy || reason.trim() === ''} onClick={() => void decide(false)}>
              退回
            </Button>
          </>
        ) : (
          <>
            <Button size="small" onClick={() => setReturning(true)} disabled={busy}>
              退回修改
            </Button>
            <Button size="small" type="primary" className="pending-confirm" loading={busy} disabled={busy} onClick={() => void decide(true)}>
              确认身份
            </Button>
          </>
        )}
      </View>
    </View>
  );
}

/**
 * 人员身份确认: people who bound a profile to this committee and wait for it to be confirmed
 * (DESIGN: "the committee confirms it"). Until then they can look around but not apply or join.
 */
export default function CommitteeMembers() {
  // 我的待办's 超过 7 天未确认 (the 组织部) opens the list filtered to them: ?waitedDays=7.
  const waited = Number(useRouter().params.waitedDays ?? '');
  const waitedDays = Number.isInteger(waited) && waited > 0 ? waited : undefined;
  const pending = useLoad(() => call('people.pending', waitedDays ? { waitedDays } : {}));
  const desk = useDesk();
  usePullDownRefresh(() => {
    pending.reload();
    Taro.stopPullDownRefresh();
  });
  if (pending.error && !pending.data) return <View className="page"><ErrorBox message={pending.error} onRetry={pending.reload} /></View>;
  if (!pending.data) return <View className="page"><Loading /></View>;
  const { items, more } = pending.data;
  return (
    <DeskShell active="members">
    <View className="page committee-members">
      <View className="muted" style={{ marginBottom: '20px' }}>
        新绑定的人员确认后才能申报、加入团队。请核对姓名、工号/学号与所在支部。
      </View>
      {waitedDays ? (
        <View className="warn-box members-waited">只显示绑定后已等待 {waitedDays} 天以上仍未确认的人员。</View>
      ) : null}
      {desk ? (
        <PendingTable items={items} onDone={pending.reload} detail={(p) => <PendingCard key={p.userId} person={p} onDone={pending.reload} />} />
      ) : items.length === 0 ? (
        <View className="card">
          <Empty>暂无待确认的人员。有人绑定到本党委后会出现在这里。</Empty>
        </View>
      ) : (
        items.map((p) => <PendingCard key={p.userId} person={p} onDone={pending.reload} />)
      )}
      {more ? <View className="muted">还有更多待确认人员，处理完这些后下拉刷新。</View> : null}
    </View>
    </DeskShell>
  );
}

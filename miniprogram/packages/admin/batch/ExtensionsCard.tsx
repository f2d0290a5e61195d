import { Input, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import type { OrgTree } from '@shared/contracts';
import type { PersonView } from '@shared/contracts/people';
import { call } from '../../../api/client';
import { Empty, ErrorBox } from '../../../components/Feedback';
import { Button } from '../../../components/ui';
import { useAction } from '../../../hooks/useAction';
import { useLoad } from '../../../hooks/useLoad';
import { confirm } from '../../../components/confirm';
import { DateField } from '../components/DateField';
import { SelectField } from '../components/SelectField';
import { dayAfter } from './form';

interface Props {
  batchId: string;
  deadline: string;
  committees: OrgTree['committees'];
  /** The 组织部 looks hosts up by 工号/学号; a committee extends its own batch for itself. */
  canFindPeople: boolean;
}

/**
 * 个别延期: a later 申报截止 for one host (ill, away) or one committee; everyone else keeps the
 * batch's date. Audited and told to those it concerns; withdrawable until a submission uses it.
 */
export function ExtensionsCard({ batchId, deadline, committees, canFindPeople }: Props) {
  const list = useLoad(() => call('batch.extensions', { batchId }), [batchId]);
  const [target, setTarget] = useState<'host' | 'committee'>(canFindPeople ? 'host' : 'committee');
  const [staffNo, setStaffNo] = useState('');
  const [host, setHost] = useState<PersonView | null>(null);
  const [committeeId, setCommitteeId] = useState(committees[0]?._id ?? '');
  const [date, setDate] = useState('');
  const [recommendationDate, setRecommendationDate] = useState('');
  const [reason, setReason] = useState('');
  const find = useAction();
  const grant = useAction(list.reload);
  const withdraw = useAction(list.reload);

  const [notFound, setNotFound] = useState(false);
  const lookUp = async () => {
    setHost(null);
    const found = await find.run(() => call('people.find', { staffNo: staffNo.trim() }));
    setNotFound(found !== null && found.length === 0);
    if (found?.[0]) setHost(found[0]);
  };
  const targetId = target === 'host' ? (host?.userId ?? '') : committeeId;
  const onGrant = async () => {
    const who = target === 'host' ? host?.name : committees.find((c) => c._id === committeeId)?.name;
    const moves = target === 'committee' ? `该党委的推荐截止${recommendationDate ? `定为 ${recommendationDate}` : '按延期天数顺延'}，提醒和待办随之调整。` : '';
    if (!(await confirm('确认个别延期', `${who}的申报截止延至 ${date}？${moves}其他人的截止日期不变；延期会记录在案并通知本人。`))) return;
    const done = await grant.run(() =>
      call('batch.grantExtension', { batchId, target, targetId, date, reason, ...(target === 'committee' && recommendationDate ? { recommendationDate } : {}) }),
    );
    if (done) {
      setReason('');
      setDate('');
      setRecommendationDate('');
      list.reload();
    }
  };
  const onWithdraw = async (id: string, name: string) => {
    if (!(await confirm('撤回延期', `撤回${name}的个别延期？撤回后其申报截止恢复为批次日期。`))) return;
    if (await withdraw.run(() => call('batch.withdrawExtension', { id }))) list.reload();
  };

  return (
    <View className="card extensions-card">
      <View className="card-title">
        <Text>个别延期</Text>
        <Text className="muted">批次截止 {deadline}</Text>
      </View>
      <View className="muted meta-line">为生病、出差等特殊情况的个别主持人，或某个基层党委，单独延长申报截止时间；批次的截止日期对其他人不变。</View>
      {list.error ? <ErrorBox message={list.error} onRetry={list.reload} /> : null}
      {list.data && list.data.length === 0 ? <Empty>还没有个别延期。</Empty> : null}
      {(list.data ?? []).map((e) => (
        <View key={e._id} className="list-item extension-item" data-extension-id={e._id}>
          <View className="row">
            <Text className="list-item-title">{e.targetName}（{e.target === 'host' ? '主持人' : '基层党委'}）</Text>
            <Text className="muted">{e.withdrawn ? '已撤回' : e.used ? '已使用' : '有效'}</Text>
          </View>
          <View className="muted meta-line">延至 {e.dateText} · {e.reason}</View>
          {e.recommendationText ? <View className="muted meta-line extension-recommendation">本党委推荐截止：{e.recommendationText}</View> : null}
          {e.canWithdraw ? (
            <Text className="link extension-withdraw" onClick={() => void onWithdraw(e._id, e.targetName)}>
              撤回
            </Text>
          ) : null}
        </View>
      ))}
      {withdraw.error ? <ErrorBox message={withdraw.error} /> : null}

      <View className="chips">
        {canFindPeople ? (
          <Text className={`chip extension-host${target === 'host' ? ' selected' : ''}`} onClick={() => setTarget('host')}>
            为一位主持人
          </Text>
        ) : null}
        <Text className={`chip extension-committee${target === 'committee' ? ' selected' : ''}`} onClick={() => setTarget('committee')}>
          为一个基层党委
        </Text>
      </View>
      {target === 'host' ? (
        <View className="field">
          <View className="field-label">主持人工号/学号</View>
          <View className="row" style={{ gap: '12px' }}>
            <Input className="input extension-staff" value={staffNo} maxlength={20} placeholder="如 S20260001" onInput={(e) => setStaffNo(e.detail.value)} />
            <Button size="small" className="extension-find" loading={find.busy} disabled={find.busy || staffNo.trim() === ''} onClick={() => void lookUp()}>
              查找
            </Button>
          </View>
          {host ? <View className="field-hint extension-found">{host.name} · {host.committeeName}</View> : null}
          {notFound ? <View className="field-hint error-text">没有找到这个工号/学号的人员，请核对后重试</View> : null}
          {find.error ? <View className="field-hint error-text">{find.error}</View> : null}
        </View>
      ) : (
        <SelectField label="基层党委" options={committees.map((c) => ({ value: c._id, label: c.name }))} value={committeeId} onChange={setCommitteeId} />
      )}
      <View className="field">
        <View className="field-label">延期后的截止日期</View>
        <DateField className="extension-date" value={date} onChange={setDate} start={dayAfter(deadline)} initial={dayAfter(deadline)} />
      </View>
      {target === 'committee' && date ? (
        <View className="field">
          <View className="field-label">该党委的推荐截止（可不填）</View>
          <View className="field-hint">不填时按申报截止延后的天数顺延，让党委有时间研究推荐。</View>
          <DateField className="extension-recommendation-date" value={recommendationDate} onChange={setRecommendationDate} start={date} initial={date} />
        </View>
      ) : null}
      <View className="field">
        <View className="field-label">延期原因</View>
        <Textarea className="textarea extension-reason" value={reason} maxlength={200} autoHeight placeholder="如：主持人住院治疗，经本人申请、党委同意延期" onInput={(e) => setReason(e.detail.value)} />
      </View>
      {grant.error ? <ErrorBox message={grant.error} /> : null}
      <View className="actions">
        <Button type="primary" size="small" className="extension-grant" loading={grant.busy} disabled={grant.busy || !targetId || !date || reason.trim() === ''} onClick={() => void onGrant()}>
          延期
        </Button>
      </View>
    </View>
  );
}

import { View, Input, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { PERSON_KINDS, PERSON_KIND_LABELS, type PersonKind } from '@shared/domain/person';
import { POLITICAL_STATUSES, POLITICAL_STATUS_LABELS, type PoliticalStatus } from '@shared/domain/political-status';
import { bindProblems } from '@shared/contracts/profile';
import { call, errorText } from '../../../api/client';
import { ErrorBox, Loading } from '../../../components/Feedback';
import { Button } from '../../../components/ui';
import { useLoad } from '../../../hooks/useLoad';
import { PrivacyPopup } from '../../../components/PrivacyPopup';
import { useTapGuard } from '../../../hooks/useTapGuard';

function Chips<T extends string>({ options, labels, value, onChange }: { options: readonly T[]; labels: (v: T) => string; value: T | null; onChange: (v: T) => void }) {
  return (
    <View className="chips">
      {options.map((o) => (
        <Text key={o} className={`chip${value === o ? ' selected' : ''}`} onClick={() => onChange(o)}>
          {labels(o)}
        </Text>
      ))}
    </View>
  );
}

/** Where to return after binding: a page of this app that sent the person here (an invitation), else home. */
function backUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  let url = raw;
  try {
    url = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return /^\/packages\/[a-z/]+\/index(\?[A-Za-z0-9=&%._-]*)?$/.test(url) ? url : null;
}

export default function Bind() {
  const back = backUrl(useRouter().params.back);
  const { data: org, error, reload } = useLoad(() => call('org.tree', {}));
  // A profile the committee returned comes back here to be corrected, filled in as it was.
  const { data: me } = useLoad(() => call('session.me', {}));
  const returned = me?.profileStatus === 'rejected' ? me : null;
  const [name, setName] = useState('');
  const [staffNo, setStaffNo] = useState('');
  const [kind, setKind] = useState<PersonKind | null>(null);
  const [committeeId, setCommitteeId] = useState<string | null>(null);
  const [branchId, setBranchId] = useState<string | null>(null);
  const [status, setStatus] = useState<PoliticalStatus | null>(null);
  const [partyWorker, setPartyWorker] = useState<'yes' | 'no' | null>(null);
  const tap = useTapGuard();
  const saving = tap.busy;
  const [saveError, setSaveError] = useState<string | null>(null);
  useEffect(() => {
    const p = returned?.profile;
    if (!p) return;
    setName(p.name);
    setStaffNo(p.staffNo);
    setKind(p.kind);
    setCommitteeId(p.committeeId);
    setBranchId(p.branchId);
    setStatus(p.politicalStatus);
    setPartyWorker(p.isPartyWorker ? 'yes' : 'no');
  }, [returned]);

  if (error && !org) return <View className="page"><ErrorBox message={error} onRetry={reload} /></View>;
  if (!org) return <View className="page"><Loading /></View>;

  // Closed (撤销) units take no new binding: not offered (a returned profile keeps its own choice).
  const branches = org.branches.filter((b) => b.committeeId === committeeId && (!b.closed || b._id === branchId));
  const committees = org.committees.filter((c) => !c.closed || c._id === committeeId);
  const committeeName = (id: string) => org.committees.find((c) => c._id === id)?.name ?? id;
  const branchName = (id: string) => org.branches.find((b) => b._id === id)?.name ?? id;

  const submit = async () => {
    // Every problem named at once, the empty 姓名 and 工号 included.
    const problems = bindProblems({ name, staffNo, kind, committeeId, branchId, politicalStatus: status, isPartyWorker: partyWorker ? partyWorker === 'yes' : null });
    if (problems || !kind || !committeeId || !branchId || !status || !partyWorker) {
      setSaveError(problems ?? '请完整填写');
      return;
    }
    if (!tap.enter()) return;
    setSaveError(null);
    try {
      await call('profile.bind', { name, staffNo, kind, committeeId, branchId, politicalStatus: status, isPartyWorker: partyWorker === 'yes' });
      await Taro.showToast({ title: returned ? '已重新提交' : '绑定成功', icon: 'success' });
      if (back) await Taro.redirectTo({ url: back });
      else await Taro.switchTab({ url: '/pages/index/index' });
    } catch (err) {
      setSaveError(errorText(err));
    } finally {
      tap.leave();
    }
  };

  return (
    <View className="page bind">
      <PrivacyPopup askUpFront />
      <View className="card">
        {returned ? (
          <View className="warn-box bind-returned">
            所在基层党委退回了您的身份信息{returned.rejectReason ? `：${returned.rejectReason}` : ''}。请修改后重新提交，党委确认后即可办理。
          </View>
        ) : null}
        <View className="muted" style={{ marginBottom: '20px' }}>
          身份只需绑定一次，提交后由所在基层党委确认。请如实填写。
        </View>
        <View className="field">
          <View className="field-label">姓名<Text className="required">*</Text></View>
          <Input className="input" name="name" value={name} maxlength={20} placeholder="真实姓名" onInput={(e) => setName(e.detail.value)} />
        </View>
        <View className="field">
          <View className="field-label">工号/学号<Text className="required">*</Text></View>
          <Input className="input" name="staffNo" value={staffNo} maxlength={20} placeholder="教职工填工号，学生填学号" onInput={(e) => setStaffNo(e.detail.value)} />
        </View>
        <View className="field">
          <View className="field-label">身份<Text className="required">*</Text></View>
          <Chips options={PERSON_KINDS} labels={(k) => PERSON_KIND_LABELS[k]} value={kind} onChange={setKind} />
        </View>
        <View className="field">
          <View className="field-label">所在基层党委（总支）<Text className="required">*</Text></View>
          <Chips options={committees.map((c) => c._id)} labels={committeeName} value={committeeId} onChange={(id) => { setCommitteeId(id); setBranchId(null); }} />
        </View>
        <View className="field">
          <View className="field-label">所在党支部<Text className="required">*</Text></View>
          {committeeId ? (
            <Chips options={branches.map((b) => b._id)} labels={branchName} value={branchId} onChange={setBranchId} />
          ) : (
            <View className="muted">请先选择基层党委</View>
          )}
        </View>
        <View className="field">
          <View className="field-label">政治面貌<Text className="required">*</Text></View>
          <Chips options={POLITICAL_STATUSES} labels={(s) => POLITICAL_STATUS_LABELS[s]} value={status} onChange={setStatus} />
        </View>
        <View className="field">
          <View className="field-label">是否党务工作者<Text className="required">*</Text></View>
          <Chips options={['yes', 'no'] as const} labels={(v) => (v === 'yes' ? '是' : '否')} value={partyWorker} onChange={setPartyWorker} />
        </View>
        {saveError ? <ErrorBox message={saveError} /> : null}
        <Button type="primary" block loading={saving} disabled={saving} onClick={submit}>
          提交绑定
        </Button>
      </View>
    </View>
  );
}

import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { PERSON_KINDS, PERSON_KIND_LABELS, type PersonKind } from '@shared/domain/person';
import { POLITICAL_STATUSES, POLITICAL_STATUS_LABELS, type PoliticalStatus } from '@shared/domain/political-status';
import { call, errorText } from '../../../api/client';
import { ErrorBox, Loading } from '../../../components/Feedback';
import { Button } from '../../../components/ui';
import { useLoad } from '../../../hooks/useLoad';
import '../components/admin.css';
import { useTapGuard } from '../../../hooks/useTapGuard';

/** 系统初始化: while nobody holds the 组织部 role, the one-time 初始化码 makes the first administrator. */
export default function Setup() {
  const status = useLoad(() => call('setup.status', {}));
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [staffNo, setStaffNo] = useState('');
  const [kind, setKind] = useState<PersonKind>('teacher');
  const [political, setPolitical] = useState<PoliticalStatus>('full_member');
  const tap = useTapGuard();
  const saving = tap.busy;
  const [error, setError] = useState<string | null>(null);

  if (status.error && !status.data) return <View className="page"><ErrorBox message={status.error} onRetry={status.reload} /></View>;
  if (!status.data) return <View className="page"><Loading /></View>;
  if (!status.data.needed) {
    return (
      <View className="page">
        <View className="card setup-done">
          <View className="card-title">初始化已完成</View>
          <View className="muted">本系统已有党委组织部管理员。如需组织部权限，请联系现有管理员在“人员与角色”中授予。</View>
        </View>
      </View>
    );
  }

  const claim = async () => {
    if (!tap.enter()) return;
    setError(null);
    try {
      await call('setup.claim', { code, name, staffNo, kind, politicalStatus: political });
      await Taro.showToast({ title: '您已成为组织部管理员', icon: 'success' });
      await Taro.redirectTo({ url: '/packages/admin/org/index' });
    } catch (err) {
      setError(errorText(err));
    } finally {
      tap.leave();
    }
  };

  return (
    <View className="page setup">
      <View className="card">
        <View className="card-title">成为第一位党委组织部管理员</View>
        <View className="muted" style={{ marginBottom: '16px' }}>
          初始化码只有环境管理员能看到：云开发控制台 → 云函数 → api → 日志，搜索“初始化码”（本地服务打印在启动终端中）。初始化码24小时内有效，只能使用一次。
        </View>
        <View className="field">
          <View className="field-label">初始化码<Text className="required">*</Text></View>
          <Input className="input setup-code" value={code} maxlength={20} placeholder="如 ABCD-EFGH-JKLM" onInput={(e) => setCode(e.detail.value)} />
        </View>
        <View className="field">
          <View className="field-label">姓名<Text className="required">*</Text></View>
          <Input className="input setup-name" value={name} maxlength={20} onInput={(e) => setName(e.detail.value)} />
        </View>
        <View className="field">
          <View className="field-label">工号<Text className="required">*</Text></View>
          <Input className="input setup-staff" value={staffNo} maxlength={20} onInput={(e) => setStaffNo(e.detail.value)} />
        </View>
        <View className="field">
          <View className="field-label">身份</View>
          <View className="chips">
            {PERSON_KINDS.map((k) => (
              <Text key={k} className={`chip${kind === k ? ' selected' : ''}`} onClick={() => setKind(k)}>{PERSON_KIND_LABELS[k]}</Text>
            ))}
          </View>
        </View>
        <View className="field">
          <View className="field-label">政治面貌</View>
          <View className="chips">
            {POLITICAL_STATUSES.map((s) => (
              <Text key={s} className={`chip${political === s ? ' selected' : ''}`} onClick={() => setPolitical(s)}>{POLITICAL_STATUS_LABELS[s]}</Text>
            ))}
          </View>
        </View>
        {error ? <ErrorBox message={error} /> : null}
        <Button type="primary" block className="setup-claim" loading={saving} disabled={saving} onClick={claim}>
          确认初始化
        </Button>
      </View>
    </View>
  );
}

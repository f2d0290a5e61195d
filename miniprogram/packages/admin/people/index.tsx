import { View, Input, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { PersonView } from '@shared/contracts/people';
import { POLITICAL_STATUS_LABELS } from '@shared/domain/political-status';
import { ROLE_LABELS } from '@shared/domain/roles';
import { call } from '../../../api/client';
import { Empty, ErrorBox, Loading } from '../../../components/Feedback';
import { Button } from '../../../components/ui';
import { useLoad } from '../../../hooks/useLoad';
import { useAction } from '../../../hooks/useAction';
import '../components/admin.css';
import { DeskShell } from '../../../components/desk/DeskShell';

type Grantable = 'secretary' | 'reviewer' | 'admin';

function RoleChips({ person }: { person: PersonView }) {
  return (
    <View className="chips">
      {person.roles.map((r) => (
        <Text key={`${r.role}-${r.committeeId ?? ''}`} className="chip selected">
          {ROLE_LABELS[r.role]}
          {r.committeeName ? `（${r.committeeName}）` : ''}
        </Text>
      ))}
    </View>
  );
}

/** The 组织部 finds a person by 工号/学号 and grants or revokes 书记/组织员, 评审专家 or 组织部 roles. */
export default function People() {
  const org = useLoad(() => call('org.tree', {}));
  const reviewers = useLoad(() => call('people.withRole', { role: 'reviewer' }));
  const [staffNo, setStaffNo] = useState('');
  const [found, setFound] = useState<PersonView[] | null>(null);
  const [role, setRole] = useState<Grantable>('reviewer');
  const [committeeId, setCommitteeId] = useState<string | null>(null);
  const action = useAction();

  const search = async () => {
    const r = await action.run(() => call('people.find', { staffNo }));
    if (r) setFound(r);
  };
  const change = async (person: PersonView, kind: 'grant' | 'revoke', g: { role: Grantable; committeeId?: string }) => {
    if (kind === 'revoke') {
      const ok = await Taro.showModal({ title: '撤销角色', content: `确定撤销${person.name}的「${ROLE_LABELS[g.role]}」角色？` });
      if (!ok.confirm) return;
    }
    const next = await action.run(() => call(kind === 'grant' ? 'people.grant' : 'people.revoke', { userId: person.userId, ...g }));
    if (next) {
      setFound((list) => (list ?? []).map((p) => (p.userId === next.userId ? next : p)));
      reviewers.reload();
      await Taro.showToast({ title: kind === 'grant' ? '已授予' : '已撤销', icon: 'success' });
    }
  };

  const signOutAll = async (person: PersonView) => {
    const ok = await Taro.showModal({ title: '退出全部电脑登录', content: `确定让${person.name}在所有电脑上的登录立即失效？其本人手机上的小程序不受影响。` });
    if (!ok.confirm) return;
    const r = await action.run(() => call('pcSession.signOutAll', { userId: person.userId }));
    if (r) await Taro.showToast({ title: r.signedOut ? `已退出 ${r.signedOut} 台电脑` : '没有已登录的电脑', icon: 'none' });
  };

  return (
    <DeskShell active="people">
    <View className="page admin-people">
      <View className="card">
        <View className="card-title">查找人员</View>
        <View className="muted meta-line">按工号/学号查找已绑定身份的人员，授予书记/组织员、评审专家或组织部角色。</View>
        <View className="row">
          <Input className="input people-staffno" value={staffNo} maxlength={20} placeholder="工号/学号" confirmType="search" onInput={(e) => setStaffNo(e.detail.value)} onConfirm={() => void search()} />
          <Button size="small" type="primary" className="people-search" loading={action.busy} onClick={search}>
            查找
          </Button>
        </View>
        {action.error ? <ErrorBox message={action.error} /> : null}
        {found && found.length === 0 ? <Empty>没有找到该工号/学号的人员。请确认其已在小程序中绑定身份。</Empty> : null}
        {(found ?? []).map((p) => (
          <View key={p.userId} className="list-item people-item">
            <View className="list-item-title">
              {p.name} <Text className="muted">{p.staffNo} · {p.committeeName} · {POLITICAL_STATUS_LABELS[p.politicalStatus]}</Text>
            </View>
            <RoleChips person={p} />
            <View className="field" style={{ marginTop: '12px' }}>
              <View className="field-label">授予角色</View>
              <View className="chips">
                {(['reviewer', 'secretary', 'admin'] as const).map((r) => (
                  <Text key={r} className={`chip role-${r}${role === r ? ' selected' : ''}`} onClick={() => setRole(r)}>
                    {ROLE_LABELS[r]}
                  </Text>
                ))}
              </View>
              {role === 'secretary' ? (
                <View className="chips" style={{ marginTop: '12px' }}>
                  {(org.data?.committees ?? []).map((c) => (
                    <Text key={c._id} className={`chip${committeeId === c._id ? ' selected' : ''}`} onClick={() => setCommitteeId(c._id)}>
                      {c.name}
                    </Text>
                  ))}
                </View>
              ) : null}
              <View style={{ marginTop: '12px' }}>
                <Button size="small" type="primary" className="people-grant" disabled={action.busy || (role === 'secretary' && !committeeId)} onClick={() => change(p, 'grant', role === 'secretary' && committeeId ? { role, committeeId } : { role })}>
                  授予
                </Button>
              </View>
            </View>
            {p.roles.filter((r) => r.role !== 'member').map((r) => (
              <Text key={`revoke-${r.role}-${r.committeeId ?? ''}`} className="budget-remove people-revoke" onClick={() => change(p, 'revoke', r.committeeId ? { role: r.role as Grantable, committeeId: r.committeeId } : { role: r.role as Grantable })}>
                撤销{ROLE_LABELS[r.role]}{r.committeeName ? `（${r.committeeName}）` : ''}
              </Text>
            ))}
            <View style={{ marginTop: '12px' }}>
              <Button size="small" className="people-pc-signout" disabled={action.busy} onClick={() => void signOutAll(p)}>
                退出其全部电脑登录
              </Button>
            </View>
          </View>
        ))}
      </View>
      <View className="card">
        <View className="card-title">评审专家库</View>
        {reviewers.loading && !reviewers.data ? <Loading /> : null}
        {reviewers.error ? <ErrorBox message={reviewers.error} onRetry={reviewers.reload} /> : null}
        {reviewers.data && reviewers.data.length === 0 ? <Empty>还没有评审专家。在上方按工号查找人员后授予“评审专家”角色。</Empty> : null}
        {(reviewers.data ?? []).map((p) => (
          <View key={p.userId} className="row list-item reviewer-item">
            <Text>{p.name}</Text>
            <Text className="muted">{p.committeeName}</Text>
          </View>
        ))}
      </View>
    </View>
    </DeskShell>
  );
}

import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { PersonView } from '@shared/contracts/people';
import type { PersonRow } from '@shared/contracts/people-list';
import { PERSON_KIND_LABELS, PROFILE_STATUS_LABELS, type ProfileStatus } from '@shared/domain/person';
import { POLITICAL_STATUS_LABELS } from '@shared/domain/political-status';
import { ROLE_LABELS } from '@shared/domain/roles';
import { formatInstant } from '@shared/time/deadline';
import { call } from '../../../api/client';
import { ErrorBox } from '../../../components/Feedback';
import { Button, Tag } from '../../../components/ui';
import { useAction } from '../../../hooks/useAction';
import { PersonPcs } from './PersonPcs';

type Grantable = 'secretary' | 'reviewer' | 'admin';

const TONE: Record<ProfileStatus, 'warning' | 'success' | 'danger'> = { pending: 'warning', confirmed: 'success', rejected: 'danger' };

export function ProfileTag({ status }: { status: ProfileStatus }) {
  return <Tag type={TONE[status]} className={`profile-tag profile-${status}`}>{PROFILE_STATUS_LABELS[status]}</Tag>;
}

interface Props {
  person: PersonRow;
  /** Under the person's card on the phone: the card already names them. */
  inline?: boolean;
  committees: ReadonlyArray<{ _id: string; name: string }>;
  /** After a grant or a revoke: the person's roles as the server answered. */
  onChanged: (next: PersonView, confirmed: boolean) => void;
}

/** One person beside the list (or under their card on the phone): profile, roles, 授予/撤销, and 退出其全部电脑登录. */
export function PersonDetail({ person, inline = false, committees, onChanged }: Props) {
  const [role, setRole] = useState<Grantable>('reviewer');
  const [committeeId, setCommitteeId] = useState<string | null>(null);
  const action = useAction();

  const change = async (kind: 'grant' | 'revoke', g: { role: Grantable; committeeId?: string }) => {
    if (kind === 'revoke') {
      const ok = await Taro.showModal({ title: '撤销角色', content: `确定撤销${person.name}的「${ROLE_LABELS[g.role]}」角色？` });
      if (!ok.confirm) return;
    }
    const next = await action.run(() => call(kind === 'grant' ? 'people.grant' : 'people.revoke', { userId: person.userId, ...g }));
    if (next) {
      // The 组织部 granting a role vouches for the person: the server confirms a waiting profile.
      onChanged(next, kind === 'grant');
      await Taro.showToast({ title: kind === 'grant' ? '已授予' : '已撤销', icon: 'success' });
    }
  };
  const special = person.roles.filter((r) => r.role !== 'member');

  return (
    <View className="person-detail">
      {inline ? null : (
        <>
          <View className="row">
            <Text className="list-item-title person-detail-name">{person.name}</Text>
            <ProfileTag status={person.profileStatus} />
          </View>
          <View className="kv"><Text className="k">工号/学号</Text><Text className="v">{person.staffNo}</Text></View>
        </>
      )}
      <View className="kv"><Text className="k">身份</Text><Text className="v">{PERSON_KIND_LABELS[person.kind]}{person.isPartyWorker ? ' · 党务工作者' : ''}</Text></View>
      <View className="kv"><Text className="k">所在党组织</Text><Text className="v">{person.committeeName} · {person.branchName}</Text></View>
      <View className="kv"><Text className="k">政治面貌</Text><Text className="v">{POLITICAL_STATUS_LABELS[person.politicalStatus]}</Text></View>
      <View className="kv"><Text className="k">绑定时间</Text><Text className="v">{formatInstant(person.boundAt)}</Text></View>
      {person.profileStatus === 'rejected' && person.rejectReason ? <View className="excerpt">退回原因：{person.rejectReason}</View> : null}
      <View className="field">
        <View className="field-label">现有角色</View>
        <View className="chips person-roles">
          {special.length === 0 ? <Text className="muted">普通党员（无其他角色）</Text> : null}
          {special.map((r) => (
            <Text key={`${r.role}-${r.committeeId ?? ''}`} className="chip selected">
              {ROLE_LABELS[r.role]}
              {r.committeeName ? `（${r.committeeName}）` : ''}
            </Text>
          ))}
        </View>
        {special.map((r) => (
          <View key={`revoke-${r.role}-${r.committeeId ?? ''}`}>
            <Text className="budget-remove people-revoke" onClick={() => void change('revoke', r.committeeId ? { role: r.role as Grantable, committeeId: r.committeeId } : { role: r.role as Grantable })}>
              撤销{ROLE_LABELS[r.role]}
              {r.committeeName ? `（${r.committeeName}）` : ''}
            </Text>
          </View>
        ))}
      </View>
      <View className="field">
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
            {committees.map((c) => (
              <Text key={c._id} className={`chip grant-committee${committeeId === c._id ? ' selected' : ''}`} onClick={() => setCommitteeId(c._id)}>
                {c.name}
              </Text>
            ))}
          </View>
        ) : null}
        <View style={{ marginTop: '12px' }}>
          <Button size="small" type="primary" className="people-grant" disabled={action.busy || (role === 'secretary' && !committeeId)} onClick={() => void change('grant', role === 'secretary' && committeeId ? { role, committeeId } : { role })}>
            授予
          </Button>
        </View>
      </View>
      {action.error ? <ErrorBox message={action.error} /> : null}
      <PersonPcs userId={person.userId} name={person.name} />
    </View>
  );
}

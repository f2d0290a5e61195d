import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { PERSON_KIND_LABELS } from '@shared/domain/person';
import { POLITICAL_STATUS_LABELS } from '@shared/domain/political-status';
import { ROLE_LABELS, secretaryCommittees } from '@shared/domain/roles';
import { call } from '../../api/client';
import { ErrorBox, Loading } from '../../components/Feedback';
import { Button } from '../../components/ui';
import { useLoad } from '../../hooks/useLoad';
import { platform } from '../../platform';
import { PcSessions } from '../../components/PcSessions';
import { BIND_PAGE, MESSAGES_PAGE } from '@shared/domain/pages';
import { DeskShell } from '../../components/desk/DeskShell';
import { LargeTextCard } from '../../components/font-scale/LargeTextCard';

function MinePage() {
  const { data: me, error, loading, reload } = useLoad(() => call('session.me', {}));
  const unread = useLoad(() => (me?.bound ? call('messages.unreadCount', {}).then((r) => r.count) : Promise.resolve(null)), [me?.bound]);
  const unreadCount = unread.data ?? null;
  useEffect(() => {
    if (unreadCount !== null) platform.setMessageBadge(unreadCount);
  }, [unreadCount]);
  if (loading && !me) return <View className="page"><Loading /></View>;
  if (error && !me) return <View className="page"><ErrorBox message={error} onRetry={reload} /></View>;
  if (!me) return null;

  const signOut = platform.signInUrl && !platform.pcSession?.signedIn() ? (
    <View style={{ marginTop: '24px' }}>
      <Button block onClick={() => (window.location.href = '/dev/sign-out')}>
        切换演示身份
      </Button>
    </View>
  ) : null;

  if (!me.bound || !me.profile) {
    return (
      <View className="page">
        <View className="card">
          <View className="card-title">尚未绑定身份</View>
          <View className="muted">绑定后才能申报项目、查看本单位的申报。</View>
          <View style={{ marginTop: '16px' }}>
            <Button type="primary" block onClick={() => Taro.navigateTo({ url: BIND_PAGE })}>
              绑定身份
            </Button>
          </View>
        </View>
        <LargeTextCard />
        {signOut}
      </View>
    );
  }
  const p = me.profile;
  const rows: Array<[string, string]> = [
    ['姓名', p.name],
    ['工号/学号', p.staffNo],
    ['身份', PERSON_KIND_LABELS[p.kind]],
    ['所在基层党委', me.committeeName ?? '—'],
    ['所在党支部', me.branchName ?? '—'],
    ['政治面貌', POLITICAL_STATUS_LABELS[p.politicalStatus]],
    ['党务工作者', p.isPartyWorker ? '是' : '否'],
    ['身份状态', me.profileStatus === 'confirmed' ? '已由基层党委确认' : me.profileStatus === 'rejected' ? `已退回${me.rejectReason ? `：${me.rejectReason}` : ''}` : '待基层党委确认（确认前可浏览，暂不能申报）'],
  ];
  return (
    <View className="page mine">
      <View className="card mine-messages" onClick={() => Taro.navigateTo({ url: MESSAGES_PAGE })}>
        <View className="card-title">
          <Text>消息</Text>
          <Text className="muted mine-messages-count">{unreadCount ? `${unreadCount} 条未读 ›` : '查看 ›'}</Text>
        </View>
      </View>
      <View className="card">
        <View className="card-title">个人信息</View>
        {rows.map(([k, v]) => (
          <View key={k} className="row list-item">
            <Text className="muted">{k}</Text>
            <Text>{v}</Text>
          </View>
        ))}
        {me.profileStatus === 'rejected' ? (
          <View style={{ marginTop: '20px' }}>
            <Button type="primary" block onClick={() => Taro.navigateTo({ url: BIND_PAGE })}>
              修改身份信息并重新提交
            </Button>
          </View>
        ) : null}
      </View>
      <View className="card">
        <View className="card-title">我的角色</View>
        <View className="chips">
          {me.roles.map((r) => (
            <Text key={`${r.role}-${r.committeeId ?? ''}`} className="chip selected">
              {ROLE_LABELS[r.role]}
            </Text>
          ))}
        </View>
        {secretaryCommittees(me.roles).length > 0 ? (
          <View style={{ marginTop: '20px' }}>
            <Button block onClick={() => Taro.navigateTo({ url: '/packages/committee/inbox/index' })}>
              待处理申报
            </Button>
            <View style={{ marginTop: '16px' }}>
              <Button block onClick={() => Taro.navigateTo({ url: '/packages/committee/members/index' })}>
                人员身份确认
              </Button>
            </View>
          </View>
        ) : null}
      </View>
      {me.profileStatus === 'confirmed' ? <PcSessions /> : null}
      <LargeTextCard />
      {signOut}
    </View>
  );
}

/** At a desk, beside the side navigation; on a phone the page alone. */
export default function Mine() {
  return (
    <DeskShell active="mine">
      <MinePage />
    </DeskShell>
  );
}

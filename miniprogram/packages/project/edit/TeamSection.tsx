import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { OutputOf } from '@shared/contracts';
import { PERSON_KIND_LABELS } from '@shared/domain/person';
import { POLITICAL_STATUS_LABELS } from '@shared/domain/political-status';
import { MAX_TEAM_MEMBERS } from '@shared/domain/project/team';
import { formatInstant } from '@shared/time/deadline';
import { call } from '../../../api/client';
import { ErrorBox } from '../../../components/Feedback';
import { Button } from '../../../components/ui';
import { useLoad } from '../../../hooks/useLoad';
import { platform } from '../../../platform';
import { useAction } from '../../../hooks/useAction';

export type Invitation = OutputOf<'team.invite'>;

interface Props {
  projectId: string;
  hostName: string;
  /** Whether the host could still withdraw the submission to change the team. */
  withdrawable: boolean;
  /** The invitation to share as a card (the page's share hook reads it). */
  invitation: Invitation | null;
  onInvitation: (inv: Invitation) => void;
}

/** 项目团队: the host invites members who confirm from their own WeChat; members see the team and may leave. */
export function TeamSection({ projectId, hostName, withdrawable, invitation, onInvitation }: Props) {
  const team = useLoad(async () => {
    const [t, me] = await Promise.all([call('team.list', { projectId }), call('session.me', {})]);
    return { ...t, me: me.userId };
  }, [projectId]);
  const action = useAction(team.reload);

  if (team.error && !team.data) return <View className="card team-section"><ErrorBox message={team.error} onRetry={team.reload} /></View>;
  if (!team.data) return <View className="card team-section"><View className="muted">正在加载团队…</View></View>;
  const { hostId, open, me } = team.data;
  const list = team.data.members;
  const isHost = me === hostId;
  const link = invitation ? platform.publicUrl(invitation.path) : null;

  const invite = async () => {
    const inv = await action.run(() => call('team.invite', { projectId }));
    if (inv) onInvitation(inv);
  };
  const remove = async (userId: string, name: string) => {
    const self = userId === me;
    const res = await Taro.showModal({
      title: self ? '退出项目团队' : '移除成员',
      content: self ? '退出后将不再看到这个项目，如需重新加入请向主持人索取邀请。确定退出吗？' : `确定将 ${name} 移出项目团队吗？`,
      confirmText: self ? '退出' : '移除',
      confirmColor: '#c8161d',
    });
    if (!res.confirm) return;
    const out = await action.run(() => call('team.remove', { projectId, userId }));
    if (!out) return;
    if (self) {
      await Taro.showToast({ title: '已退出项目团队', icon: 'success' });
      await Taro.switchTab({ url: '/pages/index/index' });
    } else team.reload();
  };
  const copy = async () => {
    if (link) await Taro.setClipboardData({ data: link });
  };

  return (
    <View className="card team-section">
      <View className="card-title">
        <Text>项目团队</Text>
        <Text className="muted">{list.length + 1} 人</Text>
      </View>
      <View className="list-item team-host">
        <View className="row">
          <Text className="list-item-title">{hostName}</Text>
          <Text className="chip selected">主持人</Text>
        </View>
      </View>
      {list.map((m) => (
        <View key={m.userId} className="list-item team-member">
          <View className="row">
            <Text className="list-item-title">{m.name}</Text>
            {open && (isHost || m.userId === me) ? (
              <Text className={m.userId === me ? 'file-remove team-leave' : 'file-remove team-remove'} onClick={() => void remove(m.userId, m.name)}>
                {m.userId === me ? '退出团队' : '移除'}
              </Text>
            ) : null}
          </View>
          <View className="muted">
            {PERSON_KIND_LABELS[m.kind]} · {POLITICAL_STATUS_LABELS[m.politicalStatus]} · {m.committeeName}
          </View>
        </View>
      ))}
      {list.length === 0 ? (
        <View className="muted team-empty">
          {isHost && open ? '还没有成员。成员须为师生党员（可含入党积极分子、发展对象），可跨学院、跨部门。点击“邀请成员”发送邀请，对方在自己的微信中确认后加入。' : '暂无其他成员。'}
        </View>
      ) : null}
      {!open ? <View className="field-hint team-closed">申报书已提交，团队不能再变动{withdrawable ? '；如需调整，请主持人先撤回申报' : ''}。</View> : null}
      {action.error ? <ErrorBox message={action.error} /> : null}

      {isHost && open && invitation ? (
        <View className="entry invite-panel">
          <View className="meta-line">邀请有效期至 {formatInstant(invitation.expiresAt)}，同一邀请可发给多人。</View>
          {link ? (
            <>
              <View className="readonly-text invite-link">{link}</View>
              <View className="inline-actions">
                <Button type="primary" className="invite-copy" onClick={() => void copy()}>
                  复制邀请链接
                </Button>
              </View>
            </>
          ) : (
            <View className="inline-actions">
              <Button type="primary" openType="share" className="invite-share">
                发送邀请给微信好友
              </Button>
            </View>
          )}
        </View>
      ) : null}
      {isHost && open && list.length < MAX_TEAM_MEMBERS ? (
        <View className="inline-actions">
          <Button className="invite-create" loading={action.busy} disabled={action.busy} onClick={() => void invite()}>
            {invitation ? '重新生成邀请' : '邀请成员'}
          </Button>
        </View>
      ) : null}
    </View>
  );
}

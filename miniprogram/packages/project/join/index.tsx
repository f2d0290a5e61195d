import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { canJoinProjectTeam, POLITICAL_STATUS_LABELS } from '@shared/domain/political-status';
import { ApiError, call } from '../../../api/client';
import { ErrorBox, Loading } from '../../../components/Feedback';
import { Button } from '../../../components/ui';
import { useLoad } from '../../../hooks/useLoad';
import { useAction } from '../../../hooks/useAction';
import '../components/project.css';
import './index.css';
import { BIND_PAGE } from '@shared/domain/pages';

const PAGE = '/packages/project/join/index';
const home = () => void Taro.switchTab({ url: '/pages/index/index' });
const openProject = (id: string) => void Taro.redirectTo({ url: `/packages/project/edit/index?id=${encodeURIComponent(id)}` });

async function loadInvitation(token: string) {
  const me = await call('session.me', {});
  if (!me.bound || !me.profile) return { me, preview: null, invalid: null };
  if (!token) return { me, preview: null, invalid: '邀请链接不完整，请向项目主持人重新索取' };
  try {
    return { me, preview: await call('team.preview', { token }), invalid: null };
  } catch (err) {
    if (err instanceof ApiError && (err.code === 'NOT_FOUND' || err.code === 'VALIDATION')) return { me, preview: null, invalid: err.message };
    throw err;
  }
}

/** An invitee opens the host's card or link, sees the project and confirms from their own WeChat. */
export default function JoinTeam() {
  const { params } = useRouter();
  const token = params.token ?? '';
  const { data, error, reload } = useLoad(() => loadInvitation(token), [token]);
  const [joined, setJoined] = useState<string | null>(null);
  const action = useAction(reload);

  if (error && !data) return <View className="page"><ErrorBox message={error} onRetry={reload} /></View>;
  if (!data) return <View className="page"><Loading /></View>;
  const { me, preview, invalid } = data;

  if (!me.bound || !me.profile) {
    const back = encodeURIComponent(`${PAGE}?token=${token}`);
    return (
      <View className="page join">
        <View className="card join-bind">
          <View className="card-title">请先绑定身份</View>
          <View className="muted meta-line">加入项目团队前，需要先绑定您的身份（姓名、工号/学号、所在党组织、政治面貌）。绑定后会自动回到这份邀请。</View>
          <View className="inline-actions">
            <Button type="primary" block className="join-to-bind" onClick={() => void Taro.navigateTo({ url: `${BIND_PAGE}?back=${back}` })}>
              去绑定身份
            </Button>
          </View>
        </View>
      </View>
    );
  }
  if (invalid || !preview) {
    return (
      <View className="page join">
        <View className="error-box join-invalid" role="alert">{invalid ?? '邀请链接无效，请向项目主持人重新索取'}</View>
        <Button block onClick={home}>返回首页</Button>
      </View>
    );
  }

  const status = me.profile.politicalStatus;
  const eligible = canJoinProjectTeam(status);
  const confirm = async () => {
    const out = await action.run(
      () => call('team.join', { token }),
      (err) => {
        if (err instanceof ApiError && err.code === 'ALREADY_EXISTS') {
          setJoined(preview.projectId);
          return true;
        }
        return false;
      },
    );
    if (out) {
      setJoined(out.projectId);
      await Taro.showToast({ title: '已加入项目团队', icon: 'success' });
    }
  };

  return (
    <View className="page join">
      <View className="card join-project">
        <View className="muted meta-line">{preview.hostName} 邀请您加入党建精品项目团队</View>
        <View className="join-title">{preview.title}</View>
        <View className="muted meta-line">主持人：{preview.hostName}</View>
        <View className="muted meta-line">所在基层党委：{preview.committeeName}</View>
        <View className="muted meta-line">批次：{preview.batchName}</View>
      </View>

      {joined || preview.alreadyMember ? (
        <View className="card join-done">
          <View className="card-title">您已是该项目团队的成员</View>
          <View className="muted meta-line">可以随时在首页“我参与的项目”中查看项目和办理进度。</View>
          <Button type="primary" block className="join-open-project" onClick={() => openProject(joined ?? preview.projectId)}>
            查看项目
          </Button>
        </View>
      ) : !preview.open ? (
        <View className="error-box join-closed" role="alert">
          <Text>{preview.reason ?? '该邀请已失效，请向项目主持人重新索取'}</Text>
        </View>
      ) : !eligible ? (
        <View className="error-box join-ineligible" role="alert">
          项目成员须为师生党员（可含入党积极分子、发展对象）。您登记的政治面貌为“{POLITICAL_STATUS_LABELS[status]}”，不能加入。如登记有误，请联系所在基层党委更正。
        </View>
      ) : (
        <View className="card join-confirm">
          <View className="muted" style={{ marginBottom: '24px', lineHeight: 1.7 }}>
            确认后，您将以“{me.profile.name}（{POLITICAL_STATUS_LABELS[status]}，{me.committeeName ?? ''}）”的身份加入团队，主持人会收到通知。
          </View>
          {action.error ? <ErrorBox message={action.error} /> : null}
          <Button type="primary" block className="join-confirm-button" loading={action.busy} disabled={action.busy} onClick={() => void confirm()}>
            确认加入
          </Button>
        </View>
      )}
      {!joined && !preview.alreadyMember ? (
        <View className="join-later muted" onClick={home}>
          暂不加入，返回首页
        </View>
      ) : null}
    </View>
  );
}

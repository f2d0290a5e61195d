import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatInstant } from '@shared/time/deadline';
import { call } from '../../../api/client';
import { ErrorBox, Loading } from '../../../components/Feedback';
import { Button } from '../../../components/ui';
import { useAction } from '../../../hooks/useAction';
import { useLoad } from '../../../hooks/useLoad';

/** 人员与角色 → one person: the PCs they are signed in on by scanning, and 退出其全部电脑登录. */
export function PersonPcs({ userId, name }: { userId: string; name: string }) {
  const sessions = useLoad(() => call('pcSession.ofPerson', { userId }), [userId]);
  const action = useAction();
  const signOutAll = async () => {
    const ok = await Taro.showModal({ title: '退出全部电脑登录', content: `确定让${name}在所有电脑上的登录立即失效？其本人手机上的小程序不受影响。` });
    if (!ok.confirm) return;
    const r = await action.run(() => call('pcSession.signOutAll', { userId }));
    if (!r) return;
    await Taro.showToast({ title: r.signedOut ? `已退出 ${r.signedOut} 台电脑` : '没有已登录的电脑', icon: 'none' });
    sessions.reload();
  };
  return (
    <View className="field people-pcs">
      <View className="field-label">电脑登录</View>
      {sessions.loading && !sessions.data ? <Loading /> : null}
      {sessions.error ? <ErrorBox message={sessions.error} onRetry={sessions.reload} /> : null}
      {sessions.data?.length === 0 ? <View className="muted meta-line people-pcs-none">没有已登录的电脑。</View> : null}
      {(sessions.data ?? []).map((s) => (
        <View key={s._id} className="kv people-pc">
          <Text className="k">{s.browser} · IP {s.ip}</Text>
          <Text className="v">最近使用 {formatInstant(s.lastSeenAt)}</Text>
        </View>
      ))}
      <View className="muted meta-line">扫码登录的电脑在 8 小时无操作或 24 小时后自动失效；如电脑丢失或人员离岗，可立即全部退出。</View>
      {action.error ? <ErrorBox message={action.error} /> : null}
      <Button size="small" className="people-pc-signout" disabled={action.busy} onClick={() => void signOutAll()}>
        退出其全部电脑登录
      </Button>
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatInstant } from '@shared/time/deadline';
import { call } from '../api/client';
import { useAction } from '../hooks/useAction';
import { useLoad } from '../hooks/useLoad';
import { platform } from '../platform';
import { Empty, ErrorBox, Loading } from './Feedback';
import { Button } from './ui';

/** 我的 → 已登录的电脑: every PC signed in by scanning, each with a sign-out. */
export function PcSessions() {
  const sessions = useLoad(() => call('pcSession.mine', {}));
  const action = useAction();
  const signOut = async (sessionId: string, current: boolean) => {
    const ok = await Taro.showModal({ title: '退出电脑登录', content: current ? '确定退出本电脑的登录？' : '确定让这台电脑退出登录？它下一次操作时将回到扫码登录页。' });
    if (!ok.confirm) return;
    const done = await action.run(() => call('pcSession.signOut', { sessionId }));
    if (!done) return;
    if (current) {
      platform.pcSession?.forget();
      window.location.href = '/pages/pc-login/index';
      return;
    }
    sessions.reload();
  };
  return (
    <View className="card pc-sessions">
      <View className="card-title">已登录的电脑</View>
      {sessions.loading && !sessions.data ? <Loading /> : null}
      {sessions.error ? <ErrorBox message={sessions.error} onRetry={sessions.reload} /> : null}
      {action.error ? <ErrorBox message={action.error} /> : null}
      {sessions.data && sessions.data.length === 0 ? (
        <Empty>没有已登录的电脑。在电脑浏览器打开本系统网页版，用微信扫码即可登录；电脑端 8 小时无操作或满 24 小时自动退出。</Empty>
      ) : null}
      {(sessions.data ?? []).map((s) => (
        <View key={s._id} className="list-item pc-session" data-session-id={s._id}>
          <View className="row">
            <Text className="list-item-title">{s.browser}{s.current ? '（本机）' : ''}</Text>
            <Button size="small" className="pc-session-signout" disabled={action.busy} onClick={() => void signOut(s._id, s.current)}>
              退出
            </Button>
          </View>
          <View className="muted meta-line">IP {s.ip} · 登录于 {formatInstant(s.createdAt)} · 最近使用 {formatInstant(s.lastSeenAt)}</View>
          <View className="muted meta-line">最迟 {formatInstant(s.expiresAt)} 自动退出</View>
        </View>
      ))}
    </View>
  );
}

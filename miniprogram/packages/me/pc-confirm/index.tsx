import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { secondHandScan } from '@shared/domain/pc-login';
import { formatInstant } from '@shared/time/deadline';
import { call, errorText } from '../../../api/client';
import { ErrorBox, Loading } from '../../../components/Feedback';
import { Button } from '../../../components/ui';
import { useLoad } from '../../../hooks/useLoad';
import { platform } from '../../../platform';
import { useTapGuard } from '../../../hooks/useTapGuard';

/** Where a scan of the PC's code lands: what is asking to sign in, to confirm or refuse with a tap. */
export default function PcConfirm() {
  const { params } = useRouter();
  const ticketId = decodeURIComponent(params.scene ?? '');
  const { data, error, loading } = useLoad(() => call('pcLogin.describe', { ticketId }), [ticketId]);
  const [answer, setAnswer] = useState<'confirmed' | 'refused' | null>(null);
  const tap = useTapGuard();
  const busy = tap.busy;
  const [actionError, setActionError] = useState<string | null>(null);

  const reply = async (confirm: boolean) => {
    if (!tap.enter()) return;
    setActionError(null);
    try {
      setAnswer((await call('pcLogin.answer', { ticketId, confirm })).state);
    } catch (err) {
      setActionError(errorText(err));
    } finally {
      tap.leave();
    }
  };
  const home = () => Taro.switchTab({ url: '/pages/index/index' });

  if (loading && !data) return <View className="page"><Loading /></View>;
  if (error && !data) return <View className="page"><ErrorBox message={error} onRetry={home} /></View>;
  if (!data) return null;
  if (answer) {
    return (
      <View className="page pc-confirm">
        <View className={`card pc-answer pc-answer-${answer}`}>
          <View className="card-title">{answer === 'confirmed' ? '已确认，电脑端正在登录' : '已拒绝这次登录'}</View>
          <View className="muted">{answer === 'confirmed' ? '可在“我的 → 已登录的电脑”中随时让这台电脑退出。' : '电脑端不会登录。如非本人操作，无需其他处理。'}</View>
          <View style={{ marginTop: '16px' }}>
            <Button block onClick={home}>返回首页</Button>
          </View>
        </View>
      </View>
    );
  }
  return (
    <View className="page pc-confirm">
      <View className="card">
        <View className="card-title">确认在电脑上登录？</View>
        {secondHandScan(platform.launchScene()) ? (
          <View className="warn-box">这个登录码似乎来自图片或转发的截图。请只扫描您自己电脑屏幕上的登录码，不是本人操作请点“拒绝”。</View>
        ) : null}
        <View className="row list-item"><Text className="muted">电脑报告的浏览器和系统</Text><Text className="pc-browser">{data.browser}</Text></View>
        <View className="row list-item"><Text className="muted">服务器看到的 IP 地址</Text><Text className="pc-ip">{data.ip}</Text></View>
        <View className="muted pc-reported-note">浏览器和系统是那台电脑自己报告的，可以伪造，仅供参考；请只确认您自己电脑上的登录码。</View>
        <View className="row list-item"><Text className="muted">请求时间</Text><Text>{formatInstant(data.requestedAt)}</Text></View>
        <View className="muted" style={{ margin: '12px 0' }}>确认后，这台电脑将以您的身份登录（8 小时无操作或满 24 小时自动退出）。</View>
        {actionError ? <ErrorBox message={actionError} /> : null}
        <View style={{ display: 'flex', gap: '12px' }}>
          <Button type="primary" className="pc-confirm-yes" disabled={busy} onClick={() => void reply(true)}>确认登录</Button>
          <Button className="pc-confirm-no" disabled={busy} onClick={() => void reply(false)}>拒绝</Button>
        </View>
      </View>
    </View>
  );
}

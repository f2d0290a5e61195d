import { Image, Text, View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OutputOf } from '@shared/contracts';
import { call, errorText } from '../../api/client';
import { ErrorBox, Loading } from '../../components/Feedback';
import { qrSvgDataUrl } from '../../components/qr-svg';
import { Button } from '../../components/ui';
import { platform } from '../../platform';
import './index.css';

type Ticket = OutputOf<'pcLogin.start'>;
const POLL_MS = 2_000;

const STATUS_TEXT: Record<string, string> = {
  pending: '请用微信扫描上方小程序码',
  scanned: '已扫码，请在手机上确认登录',
  refused: '已在手机上拒绝登录。如需登录，请重新获取登录码',
  expired: '登录码已过期（2 分钟内有效），请重新获取',
  consumed: '此登录码已使用，请重新获取',
};

/**
 * 扫码登录 on a PC: a one-time code to scan with WeChat, then polling with a secret only this
 * page holds (in memory, never in the code or the address) until the phone confirms.
 */
export default function PcLogin() {
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [status, setStatus] = useState<string>('pending');
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const begin = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    setError(null);
    setTicket(null);
    setStatus('pending');
    try {
      setTicket(await call('pcLogin.start', {}));
    } catch (err) {
      setError(errorText(err));
    }
  }, []);

  useEffect(() => {
    // A stale token would refuse every call, this page's included.
    platform.pcSession?.forget();
    void begin();
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [begin]);

  useEffect(() => {
    if (!ticket) return;
    let stopped = false;
    const tick = async () => {
      try {
        const p = await call('pcLogin.poll', { ticketId: ticket.ticketId, pollSecret: ticket.pollSecret });
        if (stopped) return;
        if (p.status === 'signedIn') {
          platform.pcSession?.keep(p.token);
          window.location.href = '/pages/index/index';
          return;
        }
        setStatus(p.status);
        if (p.status === 'pending' || p.status === 'scanned') timer.current = setTimeout(() => void tick(), POLL_MS);
      } catch (err) {
        if (!stopped) setError(errorText(err));
      }
    };
    timer.current = setTimeout(() => void tick(), POLL_MS);
    return () => {
      stopped = true;
      if (timer.current) clearTimeout(timer.current);
    };
  }, [ticket]);

  const src = ticket ? (ticket.code.kind === 'image' ? ticket.code.url : qrSvgDataUrl(`${window.location.origin}${ticket.code.path}`)) : null;
  const over = status === 'refused' || status === 'expired' || status === 'consumed';
  return (
    <View className="page pc-login">
      <View className="card">
        <View className="card-title">用微信扫码登录电脑端</View>
        {error ? <ErrorBox message={error} onRetry={() => void begin()} /> : null}
        {!ticket && !error ? <Loading text="正在获取登录码…" /> : null}
        {src && !over ? <Image className="pc-code" src={src} mode="aspectFit" /> : null}
        {ticket ? (
          <View className={`pc-status pc-status-${status}`} role="status">
            <Text>{STATUS_TEXT[status] ?? ''}</Text>
          </View>
        ) : null}
        {over ? (
          <Button type="primary" className="pc-restart" onClick={() => void begin()}>
            重新获取登录码
          </Button>
        ) : null}
        <View className="muted pc-steps">
          <View>1. 打开手机微信，扫描上方小程序码；</View>
          <View>2. 在手机上核对浏览器、IP 和时间，点“确认登录”；</View>
          <View>3. 电脑端登录 8 小时无操作或满 24 小时自动退出，可随时在小程序“我的”中让这台电脑退出。</View>
        </View>
      </View>
    </View>
  );
}

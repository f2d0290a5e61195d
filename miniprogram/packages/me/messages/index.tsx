import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { MessageView, OutputOf } from '@shared/contracts';
import { call, errorText } from '../../../api/client';
import { Empty, ErrorBox, Loading } from '../../../components/Feedback';
import { openPage } from '../../../components/open-page';
import { Button } from '../../../components/ui';
import { useLoad } from '../../../hooks/useLoad';
import { usePullRefresh } from '../../../hooks/usePullRefresh';
import { platform } from '../../../platform';
import './index.css';
import { DeskShell } from '../../../components/desk/DeskShell';
import { useTapGuard } from '../../../hooks/useTapGuard';

type List = OutputOf<'messages.list'>;

function Item({ m, onOpen }: { m: MessageView; onOpen: (m: MessageView) => void }) {
  return (
    <View className={`list-item message-item ${m.read ? 'message-read' : 'message-unread'}`} onClick={() => onOpen(m)}>
      <View className="row">
        <Text className="message-kind">{m.kindLabel}</Text>
        <Text className="muted message-time">{m.timeText}</Text>
      </View>
      <View className="list-item-title message-title">
        {m.read ? null : <Text className="message-dot" />}
        {m.title}
      </View>
      {m.body ? <View className="muted message-body">{m.body}</View> : null}
    </View>
  );
}

/** 消息: every notice for the person, unread first; a tap marks it read and opens what it is about. */
function MessagesPage() {
  const { data, error, loading, reload } = useLoad(() => call('messages.list', {}));
  const [more, setMore] = useState<MessageView[]>([]);
  const [moreRead, setMoreRead] = useState<boolean | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const tap = useTapGuard();
  const busy = tap.busy;

  usePullRefresh(reload, loading);
  useEffect(() => {
    if (!data) return;
    platform.setMessageBadge(data.unreadCount);
    setMore([]);
    setMoreRead(null);
  }, [data]);

  const open = async (m: MessageView) => {
    if (!m.read) {
      try {
        const r = await call('messages.markRead', { id: m._id });
        platform.setMessageBadge(r.unreadCount);
      } catch (err) {
        // Reading on is more useful than an error here; the list refreshes when the page shows again.
        setNote(errorText(err));
      }
    }
    openPage(m.link);
  };

  const markAll = async () => {
    if (!tap.enter()) return;
    setNote(null);
    try {
      const r = await call('messages.markAllRead', {});
      setNote(r.marked > 0 ? `已将 ${r.marked} 条消息标为已读` : '没有未读消息');
      reload();
    } catch (err) {
      setNote(errorText(err));
    } finally {
      tap.leave();
    }
  };

  const loadMore = async (list: List) => {
    if (!tap.enter()) return;
    try {
      const next = await call('messages.list', { readSkip: list.read.length + more.length });
      setMore([...more, ...next.read]);
      setMoreRead(next.moreRead);
    } catch (err) {
      setNote(errorText(err));
    } finally {
      tap.leave();
    }
  };

  if (loading && !data) return <View className="page"><Loading /></View>;
  if (error && !data) return <View className="page"><ErrorBox message={error} onRetry={reload} /></View>;
  if (!data) return null;
  const read = [...data.read, ...more];
  const hasMore = moreRead ?? data.moreRead;

  return (
    <View className="page messages">
      {error ? <ErrorBox message={error} onRetry={reload} /> : null}
      <View className="card">
        <View className="card-title">
          <Text className="messages-unread-count">{data.unreadCount > 0 ? `${data.unreadCount} 条未读` : '没有未读消息'}</Text>
          {data.unreadCount > 0 ? (
            <Button size="small" className="messages-mark-all" loading={busy} disabled={busy} onClick={() => void markAll()}>
              全部标为已读
            </Button>
          ) : null}
        </View>
        {note ? <View className="muted messages-note">{note}</View> : null}
        {data.unread.length === 0 && read.length === 0 ? (
          <Empty>暂无消息。申报被退回或推荐、立项结果、经费拨付、评审任务等与您有关的事项会通知到这里。</Empty>
        ) : null}
        {data.unread.map((m) => (
          <Item key={m._id} m={m} onOpen={(x) => void open(x)} />
        ))}
      </View>
      {read.length > 0 ? (
        <View className="card messages-read-list">
          <View className="card-title">已读</View>
          {read.map((m) => (
            <Item key={m._id} m={m} onOpen={(x) => void open(x)} />
          ))}
          {hasMore ? (
            <View style={{ marginTop: '16px' }}>
              <Button size="small" block loading={busy} disabled={busy} onClick={() => void loadMore(data)}>
                加载更早的消息
              </Button>
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

/** At a desk, beside the side navigation; on a phone the page alone. */
export default function Messages() {
  return (
    <DeskShell active="mine">
      <MessagesPage />
    </DeskShell>
  );
}

import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState, type ReactNode } from 'react';
import type { BatchView, Me } from '@shared/contracts';
import { hasRole } from '@shared/domain/roles';
import { call } from '../../api/client';
import { loadQueue } from '../../api/queue';
import { useDesk } from '../../hooks/useDesk';
import { deskBatch, navCounts, navItems, type NavItem } from './nav';
import './desk.css';

/** One load per page view of who is signed in (the nav is the same on every desk page). */
let nav: Promise<{ me: Me; batch: BatchView | null }> | null = null;
function loadNav() {
  nav ??= call('session.me', {}).then(async (me) => ({ me, batch: me.bound && hasRole(me.roles, 'admin') ? deskBatch(await call('batch.list', {})) : null }));
  nav.catch(() => (nav = null));
  return nav;
}

function go(item: NavItem) {
  if (item.tab) void Taro.switchTab({ url: item.url });
  else void Taro.redirectTo({ url: item.url });
}

function DeskNav({ active }: { active: string }) {
  const [items, setItems] = useState<NavItem[] | null>(null);
  const [who, setWho] = useState('');
  const [counts, setCounts] = useState<Record<string, number>>({});
  useEffect(() => {
    // Asked at once, beside the page's own call (the same answer): the queue's figures beside the places where its work is done.
    loadQueue().then((q) => setCounts(navCounts(q.items)), () => setCounts({}));
    loadNav()
      .then(({ me, batch }) => {
        setItems(navItems(me, batch));
        setWho(me.profile?.name ?? '');
      })
      .catch(() => setItems([]));
  }, []);
  return (
    <View className="desk-nav" role="navigation" aria-label="工作台导航">
      <View className="desk-brand">党建品牌与精品项目</View>
      {who ? <View className="desk-who">{who}</View> : null}
      {(items ?? []).map((item) => (
        <View
          key={item.key}
          className={`desk-nav-item desk-nav-${item.key}${item.key === active ? ' active' : ''}`}
          onClick={() => go(item)}
        >
          <Text>{item.label}</Text>
          {counts[item.key] ? <Text className="desk-nav-count">{counts[item.key]}</Text> : null}
        </View>
      ))}
    </View>
  );
}

/**
 * The desk layout around a page at ≥ 1024 px: a side navigation by role beside the same page.
 * On a phone (and on WeChat) it renders the page alone, exactly as before.
 */
export function DeskShell({ active, children }: { active: string; children: ReactNode }) {
  const wide = useDesk();
  if (!wide) return <>{children}</>;
  return (
    <View className="desk">
      <DeskNav active={active} />
      <View className="desk-main">{children}</View>
    </View>
  );
}

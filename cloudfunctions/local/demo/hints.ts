import type { TodoItem } from '@shared/contracts/reminders';
import { BIND_PAGE } from '@shared/domain/pages';
import { QUEUE_KIND_INFO } from '@shared/domain/queue/kinds';
import type { Router } from '../../core/router/router';

/** What to try first as each demo identity, on the demo data: one line and the page it opens. */
export interface DemoHint {
  text: string;
  /** The page the link signs in to (a path of the app). */
  next: string;
  linkText: string;
}

/** Who has no queue yet: what to do first. */
const FIRST_STEPS: Record<string, DemoHint> = {
  'dev-newcomer': { text: '第一次进入：绑定身份，再由所在党委确认。', next: BIND_PAGE, linkText: '绑定身份' },
};

/** The line of an identity's queue: its first items in words, and the first item's page. */
export function hintOfQueue(items: readonly TodoItem[]): DemoHint | null {
  if (items.length === 0) return null;
  const shown = items.slice(0, 3).map((i) => i.title);
  return {
    text: `${shown.join('；')}${items.length > shown.length ? `；另有 ${items.length - shown.length} 项` : ''}。`,
    next: items[0].link,
    linkText: QUEUE_KIND_INFO[items[0].kind].label,
  };
}

/**
 * What to try first as each identity, built from each one's queue (todo.mine, asked as them) so
 * the sign-in page cannot promise what the queue does not hold.
 */
export async function demoHints(router: Router, openids: readonly string[]): Promise<Record<string, DemoHint>> {
  const out: Record<string, DemoHint> = {};
  for (const openid of openids) {
    const r = await router.call({ openid }, { procedure: 'todo.mine', input: {}, requestId: `sign-in-hint:${openid}:${Date.now()}` });
    const hint = r.ok ? hintOfQueue((r.data as { items: TodoItem[] }).items) : null;
    const first = hint ?? FIRST_STEPS[openid];
    if (first) out[openid] = first;
  }
  return out;
}

/** Pages anyone may open without signing in. */
export const PUBLIC_LINKS: Array<{ text: string; href: string }> = [
  { text: '党建品牌展示', href: '/packages/showcase/list/index' },
  { text: '开发收件箱（已发出的订阅消息）', href: '/dev/inbox' },
];

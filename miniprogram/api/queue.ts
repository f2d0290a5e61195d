import type { OutputOf } from '@shared/contracts';
import { platform } from '../platform';
import { call } from './client';

export type Queue = OutputOf<'todo.mine'>;

let asking: Promise<Queue> | null = null;

/**
 * The caller's queue (我的待办). Whoever asks while a call is under way gets that same answer —
 * the page and the desk's side navigation, drawn together — so the list, the home card, the tab
 * badge and the side navigation's counts show one answer; a later view asks again.
 */
export function loadQueue(): Promise<Queue> {
  if (!asking) {
    asking = call('todo.mine', {}).then((q) => {
      platform.setTodoBadge(q.count);
      return q;
    });
    const clear = () => {
      asking = null;
    };
    asking.then(clear, clear);
  }
  return asking;
}

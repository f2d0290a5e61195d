import type { BatchView, Me } from '@shared/contracts';
import { placeCounts, queueTotal, type Counted } from '@shared/domain/queue/counts';
import { hasRole, secretaryCommittees } from '@shared/domain/roles';
import { TODO_PAGE } from '@shared/domain/pages';

export interface NavItem {
  key: string;
  label: string;
  url: string;
  /** A tab page (switchTab) rather than a page of a package. */
  tab?: boolean;
}

/** The batch the 组织部's desk links go to: the newest school-level batch. */
export function deskBatch(batches: readonly BatchView[]): BatchView | null {
  const school = batches.filter((b) => b.level === 'school');
  return [...school].sort((a, b) => b.year - a.year || (a.open === b.open ? 0 : a.open ? -1 : 1))[0] ?? null;
}

/** The side navigation of the desk layout, by the person's roles. */
export function navItems(me: Me, batch: BatchView | null): NavItem[] {
  const items: NavItem[] = [{ key: 'home', label: '首页', url: '/pages/index/index', tab: true }];
  if (hasRole(me.roles, 'admin')) {
    const q = batch ? `?batchId=${batch._id}` : '';
    items.push(
      { key: 'batches', label: '批次管理', url: '/packages/admin/batches/index' },
      { key: 'committees', label: '各党委申报', url: `/packages/admin/committees/index${q}` },
      ...(batch
        ? [
            { key: 'round', label: '评审与立项', url: `/packages/admin/round/index${q}` },
            { key: 'funded', label: '培育与验收', url: `/packages/admin/funded/index${q}` },
          ]
        : []),
      { key: 'people', label: '人员与角色', url: '/packages/admin/people/index' },
      // Identities no committee confirmed for a week come to the 组织部 (我的待办).
      ...(secretaryCommittees(me.roles).length > 0 ? [] : [{ key: 'members', label: '人员身份确认', url: '/packages/committee/members/index' }]),
      { key: 'dashboard', label: '数据看板', url: '/packages/admin/dashboard/index' },
    );
  }
  if (secretaryCommittees(me.roles).length > 0) {
    // The secretary's full set of places, as the phone's home offers them.
    items.push(
      { key: 'inbox', label: '待处理申报', url: '/packages/committee/inbox/index' },
      { key: 'progress', label: '申报进度', url: '/packages/committee/progress/index' },
      { key: 'members', label: '人员身份确认', url: '/packages/committee/members/index' },
      { key: 'committee-dashboard', label: '本党委看板', url: '/packages/committee/dashboard/index' },
      { key: 'my-brand', label: '我的党建品牌', url: '/packages/brand/mine/index' },
    );
  }
  if (hasRole(me.roles, 'admin') || secretaryCommittees(me.roles).length > 0) {
    items.push({ key: 'nudge', label: '催办', url: '/packages/committee/nudge/index' }, { key: 'library', label: '品牌资源库', url: '/packages/brand/library/index' });
  }
  if (hasRole(me.roles, 'reviewer')) items.push({ key: 'review', label: '我的评审', url: '/packages/review/mine/index' });
  items.push({ key: 'todo', label: '我的待办', url: TODO_PAGE }, { key: 'mine', label: '我的', url: '/pages/mine/index', tab: true });
  return items;
}

/**
 * The figure beside each place of the side navigation: its share of the queue, and the whole
 * queue beside 我的待办 (the same queueTotal as the list, the home card and the badge).
 */
export function navCounts(items: readonly Counted[]): Record<string, number> {
  return { ...placeCounts(items), todo: queueTotal(items) };
}

/**
 * Pages whose address other code stores or sends: in messages (站内消息 and WeChat subscription
 * messages), in the PC sign-in code, in hints. Written once here.
 *
 * Four pages left the weapp main package for the `packages/me` subpackage (我的待办, 消息, 绑定身份, 确认电脑登录) (issue 15: the
 * main package's size). A link made before the move — a message in someone's inbox, a
 * subscription message already delivered — still opens: `currentLink` maps it.
 */
export const BIND_PAGE = '/packages/me/bind/index';
export const MESSAGES_PAGE = '/packages/me/messages/index';
export const TODO_PAGE = '/packages/me/todo/index';
/** Without the leading slash: `wxacode.getUnlimited` takes the page so. */
export const PC_CONFIRM_PAGE = 'packages/me/pc-confirm/index';

const MOVED: Readonly<Record<string, string>> = {
  '/pages/bind/index': BIND_PAGE,
  '/pages/messages/index': MESSAGES_PAGE,
  '/pages/todo/index': TODO_PAGE,
  '/pages/pc-confirm/index': `/${PC_CONFIRM_PAGE}`,
};

/** Where a page's old address now is (with or without the leading slash), or null when it did not move. */
export function movedPage(path: string): string | null {
  return MOVED[path.startsWith('/') ? path : `/${path}`] ?? null;
}

/** A link ("/pages/bind/index?back=…") at the page's current address, its query kept. */
export function currentLink(link: string): string {
  const at = link.indexOf('?');
  const path = at < 0 ? link : link.slice(0, at);
  const moved = movedPage(path);
  return moved === null ? link : moved + (at < 0 ? '' : link.slice(at));
}

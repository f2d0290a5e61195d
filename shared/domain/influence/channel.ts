/**
 * Where a view of a public page came from (五有 #5, "两微一端"): a WeChat chat card, Moments, a
 * scanned poster or code, the web (Weibo, the news client, other sites) or a tap inside the app.
 */
export const CHANNELS = ['chat', 'moments', 'scan', 'weibo', 'news', 'web', 'app'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  chat: '微信聊天',
  moments: '朋友圈',
  scan: '海报扫码',
  weibo: '微博',
  news: '新闻客户端',
  web: '其他网站',
  app: '小程序内',
};

/** Ways a page is passed on: forwarded to a chat, to Moments, or saved as a poster. */
export const SHARE_KINDS = ['chat', 'moments', 'poster'] as const;
export type ShareKind = (typeof SHARE_KINDS)[number];

export const SHARE_LABELS: Record<ShareKind, string> = { chat: '转发聊天', moments: '分享朋友圈', poster: '保存海报' };

/** What the page knew about how it was opened. */
export interface Arrival {
  /** WeChat's scene (getEnterOptionsSync), on the mini-program only. */
  scene?: number | null;
  /** Opened by a tap inside the app (another page of ours is below it). */
  inApp?: boolean;
  /** The `from=` mark of a shared web link (from=weibo, from=news). */
  from?: string | null;
  /** document.referrer (or the Referer header) on the web. */
  referrer?: string | null;
}

// WeChat's documented scene values: 1007/1008 a chat card (single/group), 1154/1155 Moments
// (the single page and opening from it), 1047/1048/1049 a mini-program code (scan, image, long press).
const CHAT_SCENES = new Set([1007, 1008]);
const MOMENTS_SCENES = new Set([1154, 1155]);
const SCAN_SCENES = new Set([1047, 1048, 1049]);

const WEIBO_HOSTS = ['weibo.com', 'weibo.cn', 't.cn', 'sina.cn'];
/** News clients whose in-app browser sends a referrer; the school's own client is marked with from=news. */
const NEWS_HOSTS = ['toutiao.com', 'news.qq.com', 'thepaper.cn', 'people.com.cn', 'xinhuanet.com', 'news.cn', 'ifeng.com', '163.com'];

const FROM_MARKS: Record<string, Channel> = { weibo: 'weibo', news: 'news', app: 'news', timeline: 'moments', moments: 'moments', chat: 'chat', poster: 'scan', scan: 'scan' };

function hostOf(url: string): string | null {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:]+)/i.exec(url.trim());
  return m ? m[1].toLowerCase() : null;
}

const under = (host: string, domains: readonly string[]) => domains.some((d) => host === d || host.endsWith(`.${d}`));

/**
 * The channel of one view. On WeChat the scene decides (a tap inside the app first); on the web
 * an explicit `from=` mark wins over the referrer, and a referrer from our own site is in-app.
 */
export function channelOf(platform: 'weapp' | 'h5', arrival: Arrival, ownHost: string | null = null): Channel {
  if (arrival.inApp) return 'app';
  if (platform === 'weapp') {
    const scene = arrival.scene ?? null;
    if (scene !== null && CHAT_SCENES.has(scene)) return 'chat';
    if (scene !== null && MOMENTS_SCENES.has(scene)) return 'moments';
    if (scene !== null && SCAN_SCENES.has(scene)) return 'scan';
    return 'app';
  }
  const mark = (arrival.from ?? '').trim().toLowerCase();
  if (mark && FROM_MARKS[mark]) return FROM_MARKS[mark];
  const host = hostOf(arrival.referrer ?? '');
  if (!host) return 'web';
  if (ownHost && host === ownHost.toLowerCase()) return 'app';
  if (under(host, WEIBO_HOSTS)) return 'weibo';
  if (under(host, NEWS_HOSTS)) return 'news';
  return 'web';
}

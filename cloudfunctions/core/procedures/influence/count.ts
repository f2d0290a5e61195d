import type { Arrival } from '@shared/domain/influence/channel';
import { channelOf, type ShareKind } from '@shared/domain/influence/channel';
import { isBot } from '@shared/domain/influence/bots';
import type { TargetKind } from '@shared/domain/influence/counts';
import { dateIn } from '@shared/time/deadline';
import type { Context } from '../../context';

/**
 * Who the caller is for counting, in memory only: the browser's visitor cookie on the web (one
 * browser, one visitor), else the WeChat identity. Hashed with the day's salt before any write.
 */
export function visitorKey(ctx: Context): string | null {
  if (ctx.visit.platform === 'h5' && ctx.visit.visitorKey) return `c:${ctx.visit.visitorKey}`;
  return ctx.identity ? `o:${ctx.identity.openid}` : null;
}

/** Robots and link-preview fetchers on the web are not people. */
const isRobot = (ctx: Context) => ctx.visit.platform === 'h5' && isBot(ctx.visit.userAgent);

/** Counts a view of a public page: held in memory, no store round trip in the page's answer. */
export function countView(ctx: Context, kind: TargetKind, id: string, via: Arrival | undefined): void {
  if (isRobot(ctx)) return;
  const view = channelOf(ctx.visit.platform, via ?? {}, ctx.visit.ownHost);
  ctx.influence.record({ kind, id, day: dateIn(ctx.now), view, visitorKey: visitorKey(ctx) });
}

/** Counts a share (a share hook fired, or a poster saved to the album). */
export function countShare(ctx: Context, kind: TargetKind, id: string, share: ShareKind): boolean {
  if (isRobot(ctx)) return false;
  ctx.influence.record({ kind, id, day: dateIn(ctx.now), share, visitorKey: null });
  return true;
}

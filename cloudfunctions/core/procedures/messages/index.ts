import type { messagesContracts } from '@shared/contracts/messages';
import type { AreaTable } from '../../router/procedure';
import { listMessages, markAllRead, markRead, unreadCount } from './inbox';
import { nudgeCandidates, sendNudges } from './nudge';
import { releasePreview, runRelease } from './release';

/** 消息 for everyone; the release of a round's results (组织部); 催办 (secretaries, 组织部). */
export const messagesProcedures: AreaTable<typeof messagesContracts> = {
  'messages.list': { access: 'bound', handler: listMessages },
  'messages.unreadCount': { access: 'bound', handler: unreadCount },
  'messages.markRead': { access: 'bound', handler: markRead },
  'messages.markAllRead': { access: 'bound', handler: markAllRead },
  'release.preview': { access: ['admin'], handler: releasePreview },
  'release.run': { access: ['admin'], handler: runRelease },
  'nudge.candidates': { access: ['secretary', 'admin'], handler: nudgeCandidates },
  'nudge.send': { access: ['secretary', 'admin'], limit: 'nudge', handler: sendNudges },
};

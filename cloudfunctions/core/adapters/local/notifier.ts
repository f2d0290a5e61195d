import type { Notifier } from '../../ports/notifier';
import type { Store, StoredDoc } from '../../ports/store';

/** A message the local notifier delivered: what the phone would show. */
export interface DevInboxMessage extends StoredDoc {
  toUserId: string;
  openid: string;
  templateId: string;
  title: string;
  page: string;
  lines: Array<{ label: string; value: string }>;
  at: string;
}

/** The local stand-in for subscribeMessage.send: writes to the dev inbox collection. */
export function createLocalNotifier(store: Store, clock: () => Date, newId: () => string): Notifier {
  return {
    async send(m) {
      await store.insert<DevInboxMessage>('devInbox', {
        _id: newId(),
        toUserId: m.toUserId,
        openid: m.openid,
        templateId: m.templateId,
        title: m.title,
        page: m.page,
        lines: m.lines,
        at: clock().toISOString(),
      });
      return { ok: true };
    },
  };
}

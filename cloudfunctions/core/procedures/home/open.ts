import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import type { Context } from '../../context';
import { readOnce } from '../../services/read-once';
import { listBatches } from '../batch/list';
import { describeMe } from '../profile/me';
import { setupStatus } from '../setup/setup';
import { listMine } from '../project/read';
import { unreadCount } from '../messages/inbox';
import { listJoined } from '../team/team';

/**
 * home.open: the home tab's first view. Any identified caller; the lists need a bound profile
 * (as batch.list, project.listMine, project.listJoined and messages.unreadCount do on their own), so an
 * unbound caller gets who they are and empty lists.
 */
export async function openHome(base: Context, _input: ParsedInputOf<'home.open'>): Promise<OutputOf<'home.open'>> {
  // The readers share what they read: the batches, the committee, the caller's projects.
  const ctx: Context = { ...base, store: readOnce(base.store) };
  const me = await describeMe(ctx);
  if (!me.bound || !ctx.user) return { me, batches: [], mine: [], joined: [], unread: null, setupNeeded: (await setupStatus(base)).needed };
  // The counts are badges: the home page opens without one rather than not at all.
  const badge = (what: string) => (err: unknown) => {
    console.error(`home.open: counting ${what} failed`, err);
    return null;
  };
  const [batches, mine, joined, unread] = await Promise.all([
    listBatches(ctx),
    listMine(ctx),
    listJoined(ctx),
    unreadCount(ctx).then((m) => m.count, badge('the unread messages')),
  ]);
  return { me, batches, mine, joined, unread };
}

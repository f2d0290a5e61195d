import { AppError } from '@shared/contracts/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import type { NudgeCandidate } from '@shared/contracts/messages';
import type { User } from '@shared/domain/person';
import type { Duty } from '@shared/domain/reminders/duty';
import { hasRole, secretaryCommittees } from '@shared/domain/roles';
import { dateIn, deadlineEnd, formatDeadline, formatInstant } from '@shared/time/deadline';
import type { Context } from '../../context';
import { deliver, emptyCounts } from '../../jobs/deliver';
import { StoreError } from '../../ports/store';
import { byNameSort, keysOf } from '../../services/name-keys';
import { newEntry, type OutboxEntry } from '../../services/outbox';
import { getMany } from '../../services/read-many';
import { allDuties } from '../reminders/duties';

/** One nudge per person per Beijing day: the day is in the key, so a second insert is refused by the store. */
export const nudgeKey = (personId: string, now: Date) => `nudge:${dateIn(now)}:${personId}`;

/** The open duties the caller may nudge: their own committee's for a secretary, all for the 组织部. */
async function dutiesInScope(ctx: Context): Promise<Duty[]> {
  const user = ctx.user;
  if (!user) throw new AppError('UNAUTHENTICATED');
  const all = await allDuties(ctx.store, ctx.now, Number.POSITIVE_INFINITY);
  const admin = hasRole(user.roles, 'admin');
  const mine = new Set(secretaryCommittees(user.roles));
  return all.filter((d) => d.personId !== user._id && (admin || (d.committeeId != null && mine.has(d.committeeId))));
}

export async function nudgeCandidates(ctx: Context): Promise<OutputOf<'nudge.candidates'>> {
  const duties = await dutiesInScope(ctx);
  const ids = [...new Set(duties.map((d) => d.personId))];
  const [users, nudged] = await Promise.all([getMany<User>(ctx.store, 'users', ids), getMany<OutboxEntry>(ctx.store, 'outbox', ids.map((id) => nudgeKey(id, ctx.now)))]);
  const items: NudgeCandidate[] = duties.map((d) => ({
    personId: d.personId,
    name: users.get(d.personId)?.profile.name ?? d.personId,
    duty: d.kind,
    // A draft is its host's until submitted: the sender sees that one is owed, not its title.
    title: d.kind === 'submitDraft' ? '申报书尚未提交' : d.title,
    detail: d.detail,
    deadlineText: formatDeadline(d.deadline),
    nudgedToday: nudged.has(nudgeKey(d.personId, ctx.now)),
  }));
  // Not yet nudged today first, then by name in pinyin order.
  const sortKey = (personId: string, name: string) => keysOf(users.get(personId) ?? { profile: { name, staffNo: '' } }).nameSort;
  const byName = byNameSort((c: NudgeCandidate) => sortKey(c.personId, c.name));
  items.sort((a, b) => Number(a.nudgedToday) - Number(b.nudgedToday) || byName(a, b));
  return { items };
}

/**
 * 催办: one message per chosen person about what they owe (in the caller's scope), at most once
 * per person per day, sent at once by the one sender so the caller sees who was reached by
 * WeChat and who in the app only. A crash after queuing leaves it to the timed job (at most once).
 */
export async function sendNudges(ctx: Context, input: ParsedInputOf<'nudge.send'>): Promise<OutputOf<'nudge.send'>> {
  const sender = ctx.user;
  if (!sender) throw new AppError('UNAUTHENTICATED');
  const duties = await dutiesInScope(ctx);
  const users = await getMany<User>(ctx.store, 'users', input.personIds);
  const nameOf = (id: string) => users.get(id)?.profile.name ?? id;
  const outside = input.personIds.filter((id) => !duties.some((d) => d.personId === id));
  if (outside.length) {
    // Named only when known: an id the caller typed is never echoed back.
    const named = outside.flatMap((id) => users.get(id)?.profile.name ?? []);
    const who = named.length === outside.length ? named.join('、') : `所选的 ${outside.length} 位人员`;
    throw new AppError('FORBIDDEN', `${who}没有您可以催办的待办事项（不在您的范围内，或已办理）。请刷新名单后重新选择`);
  }
  const at = ctx.now.toISOString();
  const from = sender.profile.name;
  const queued: OutboxEntry[] = [];
  const skipped: Array<{ personId: string; name: string }> = [];
  for (const personId of input.personIds) {
    const owed = duties.filter((d) => d.personId === personId).sort((a, b) => (a.deadline < b.deadline ? -1 : 1));
    const first = owed[0];
    const title = owed.length > 1 ? `${first.title}等${owed.length}项` : first.title;
    const note = `${from}提醒您：${first.detail}`;
    try {
      queued.push(
        await ctx.store.insert<OutboxEntry>(
          'outbox',
          newEntry({
            key: nudgeKey(personId, ctx.now),
            kind: 'nudge',
            recipientId: personId,
            title: `催办：${title}`,
            body: `${note}，截止 ${formatDeadline(first.deadline)}`,
            link: first.link,
            entityId: personId,
            createdAt: at,
            duty: first.kind,
            deadline: first.deadline,
            offset: null,
            slots: { matter: title, deadline: formatInstant(deadlineEnd(first.deadline)), status: '请尽快办理', note, count: String(owed.reduce((n, d) => n + d.count, 0)), time: formatInstant(at) },
          }),
        ),
      );
    } catch (err) {
      if (!(err instanceof StoreError && err.kind === 'DUPLICATE')) throw err;
      skipped.push({ personId, name: nameOf(personId) });
    }
  }
  if (queued.length === 0) {
    throw new AppError('RATE_LIMITED', `今天已催办过${skipped.map((s) => s.name).join('、')}，每人每天至多催办一次，请明天再试`, { personIds: skipped.map((s) => s.personId) });
  }
  const outcome = await deliver({ store: ctx.store, notifier: ctx.notifier, config: ctx.reminderConfig, now: ctx.now }, queued, emptyCounts());
  const wechat = queued.filter((e) => outcome.get(e._id) === 'sent').length;
  return { wechat, inApp: queued.length - wechat, skipped };
}

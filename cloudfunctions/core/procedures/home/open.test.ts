import { beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, createHarness, HOST, NEWCOMER, OPEN_BATCH, SECRETARY_CS, type Harness } from '../../../../test/support/harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

describe('home.open: the home tab in one call', () => {
  it('answers a bound member what the separate calls answer', async () => {
    await h.ok(HOST, 'project.create', { batchId: OPEN_BATCH });
    const home = await h.ok(HOST, 'home.open', {});
    expect(home.me).toEqual(await h.ok(HOST, 'session.me', {}));
    expect(home.batches).toEqual(await h.ok(HOST, 'batch.list', {}));
    expect(home.mine).toEqual(await h.ok(HOST, 'project.listMine', {}));
    expect(home.mine).toHaveLength(1);
    expect(home.joined).toEqual(await h.ok(HOST, 'project.listJoined', {}));
    expect(home.unread).toBe((await h.ok(HOST, 'messages.unreadCount', {})).count);
  });

  it.each([SECRETARY_CS, ADMIN])('answers %s what the separate calls answer', async (who) => {
    const home = await h.ok(who, 'home.open', {});
    expect(home.batches).toEqual(await h.ok(who, 'batch.list', {}));
    expect(home.mine).toEqual(await h.ok(who, 'project.listMine', {}));
    expect(home.unread).toBe((await h.ok(who, 'messages.unreadCount', {})).count);
  });

  it('answers an unbound caller who they are and no lists, and a signed-out caller not at all', async () => {
    const home = await h.ok(NEWCOMER, 'home.open', {});
    expect(home.me.bound).toBe(false);
    expect(home).toMatchObject({ batches: [], mine: [], joined: [], unread: null });
    const signedOut = await h.call(null, 'home.open', {});
    expect(signedOut.ok ? null : signedOut.error.code).toBe('UNAUTHENTICATED');
  });
});

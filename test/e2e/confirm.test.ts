// End to end, in Chromium at phone width against the built local host: a newcomer binds a profile
// and waits; the home page says so and applying is refused; the committee's secretary confirms
// them on 人员身份确认; the newcomer can then apply. (DESIGN: "the committee confirms it".)
import { describe, expect, it } from 'vitest';
import { useE2e } from '../support/e2e';
import { current, expectNoHorizontalOverflow, settle } from '../support/phone';

const MEMBERS = '/packages/committee/members/index';

const t = useE2e();
const { phone, signIn, shot, call: raw, pageErrors } = t;

describe('人员身份确认 at 375 px', () => {
  it('keeps a newcomer waiting until their committee’s secretary confirms them', async () => {
    const bound = await raw('dev-newcomer', 'profile.bind', {
      name: '孙新生',
      staffNo: 'S20269001',
      kind: 'student',
      committeeId: 'c-cs',
      branchId: 'b-cs-s2',
      politicalStatus: 'full_member',
      isPartyWorker: false,
    });
    expect(bound.ok).toBe(true);

    // The newcomer sees that they wait, and applying is refused with what to do.
    const newcomer = await phone();
    await signIn(newcomer, 'dev-newcomer');
    await settle(newcomer);
    await current(newcomer).locator('.home-pending').waitFor();
    // Offered only what may be done while pending: no 新建申报书, one banner saying why.
    await current(newcomer).locator('.create-after-confirmation').first().waitFor();
    expect(await current(newcomer).locator('.nut-button', { hasText: '新建申报书' }).count()).toBe(0);
    expect(await current(newcomer).locator('.home-pending').count()).toBe(1);
    await shot(newcomer, 'confirm-01-newcomer-waiting');
    const batches = (await raw('dev-newcomer', 'batch.list', {})).data as Array<{ _id: string; open: boolean }>;
    const open = batches.find((b) => b.open)!;
    const refused = await raw('dev-newcomer', 'project.create', { batchId: open._id });
    expect(refused.error?.code).toBe('FORBIDDEN');
    expect(refused.error?.message).toContain('等待所在基层党委确认');

    // The 计算机学院党委 secretary confirms them from the list.
    const secretary = await phone();
    await signIn(secretary, 'dev-secretary-cs');
    await current(secretary).locator('.entry-committee-members').click();
    await secretary.waitForURL((u) => u.pathname === MEMBERS);
    await settle(secretary);
    const card = current(secretary).locator('.pending-person', { hasText: '孙新生' });
    await card.waitFor();
    expect(await card.innerText()).toContain('S20269001');
    await expectNoHorizontalOverflow(secretary, 'members page');
    await shot(secretary, 'confirm-02-secretary-list');
    await card.locator('.pending-confirm').click();
    await current(secretary).locator('.pending-person', { hasText: '孙新生' }).waitFor({ state: 'detached' });
    await current(secretary).locator('.empty').waitFor();
    await shot(secretary, 'confirm-03-secretary-done');

    // Back on the newcomer's phone: no banner, and applying works.
    await newcomer.reload();
    await settle(newcomer);
    await current(newcomer).locator('.greeting').waitFor();
    expect(await current(newcomer).locator('.home-pending').count()).toBe(0);
    await current(newcomer).locator('.nut-button', { hasText: '新建申报书' }).first().waitFor();
    const created = await raw('dev-newcomer', 'project.create', { batchId: open._id });
    expect(created.ok).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { ORG_RULES } from '@shared/domain/import/org-sheet';
import { ROSTER_RULES } from '@shared/domain/import/roster-sheet';
import type { ImportPreview } from '@shared/contracts/org';
import { createHarness, type Harness } from '../../../../test/support/harness';
import { faultyStore, type FaultyStore } from '../../../../test/support/faulty-store';
import { branchCode, committeeCode, orgBook, rosterBook, rosterPeople, rosterRowsFor, sheetBytes } from '../../../../test/support/org-sheets';
import { issueSetupCode } from '../../services/setup-code';
import type { Context } from '../../context';
import { applyImport } from './imports';

const ADMIN = 'first-admin';
const quiet = () => {};
const me = { name: '刘组织', staffNo: 'T0001', kind: 'teacher', politicalStatus: 'full_member' } as const;

async function fresh(wrap?: (s: FaultyStore) => void): Promise<Harness> {
  return createHarness(undefined, {
    seed: false,
    wrapStore: wrap
      ? (s) => {
          const f = faultyStore(s);
          wrap(f);
          return f;
        }
      : undefined,
  });
}

async function withAdmin(h: Harness): Promise<void> {
  const code = await issueSetupCode(h.store, h.now.value, quiet);
  await h.ok(ADMIN, 'setup.claim', { ...me, code: code ?? '' });
}

async function preview(h: Harness, sheet: 'org' | 'roster', bytes: Buffer): Promise<ImportPreview> {
  return h.ok(ADMIN, 'orgImport.preview', { sheet, fileId: h.files.upload(bytes) });
}

async function importOrg(h: Harness, committees = 3, branches = 2) {
  const p = await preview(h, 'org', await orgBook(committees, branches));
  expect(p.problems).toEqual([]);
  return h.ok(ADMIN, 'orgImport.apply', { importId: p.importId ?? '' });
}

describe('the first administrator', () => {
  it('is made once by the printed code, which is then refused', async () => {
    const h = await fresh();
    expect(await h.ok(ADMIN, 'setup.status', {})).toEqual({ needed: true });
    const code = await issueSetupCode(h.store, h.now.value, quiet);
    const claimed = await h.ok(ADMIN, 'setup.claim', { ...me, code: code ?? '' });
    expect(claimed.roles).toContainEqual({ role: 'admin' });
    expect(claimed.profileStatus).toBe('confirmed');
    expect(await h.ok(ADMIN, 'setup.status', {})).toEqual({ needed: false });
    expect((await h.err('someone-else', 'setup.claim', { ...me, code })).code).toBe('FORBIDDEN');
    expect(await issueSetupCode(h.store, h.now.value, quiet)).toBeNull();
    const audit = await h.store.find('audit', { where: { entityId: claimed.userId } });
    expect(audit).toContainEqual(expect.objectContaining({ action: 'claimFirstAdmin' }));
  });

  it('gives exactly one of two simultaneous claims the role', async () => {
    const h = await fresh();
    const code = (await issueSetupCode(h.store, h.now.value, quiet)) ?? '';
    const [a, b] = await Promise.all([h.raw('claimer-a', 'setup.claim', { ...me, code }), h.raw('claimer-b', 'setup.claim', { ...me, code })]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    expect((await h.store.find('roleIndex', { where: { role: 'admin' } })).length).toBe(1);
  });

  it('refuses a wrong code without saying how close it was, and five wrong ones use the code up', async () => {
    const h = await fresh();
    const code = (await issueSetupCode(h.store, h.now.value, quiet)) ?? '';
    const near = `${code.slice(0, 11)}${code[11] === 'A' ? 'B' : 'A'}`;
    const far = 'ZZZZZZZZZZZZ' === code ? 'YYYYYYYYYYYY' : 'ZZZZZZZZZZZZ';
    const [e1, e2] = [await h.err('guesser', 'setup.claim', { ...me, code: near }), await h.err('guesser2', 'setup.claim', { ...me, code: far })];
    expect(e1.message).toBe(e2.message);
    for (const who of ['g3', 'g4', 'g5']) await h.err(who, 'setup.claim', { ...me, code: far });
    expect((await h.err('late', 'setup.claim', { ...me, code })).code).toBe('VALIDATION');
  });

  it('expires after 24 hours', async () => {
    const h = await fresh();
    const code = (await issueSetupCode(h.store, h.now.value, quiet)) ?? '';
    h.now.value = new Date(h.now.value.getTime() + 24 * 3600 * 1000 + 1000);
    expect((await h.err(ADMIN, 'setup.claim', { ...me, code })).code).toBe('VALIDATION');
  });
});

describe('importing the organisation', () => {
  it('previews, applies all of it, and the same sheet or its export again changes nothing', async () => {
    const h = await fresh();
    await withAdmin(h);
    const first = await preview(h, 'org', await orgBook(4, 3));
    expect(first).toMatchObject({ add: 16, change: 0, unchanged: 0, problems: [] });
    expect(await h.store.count('committees')).toBe(0);
    expect(await h.ok(ADMIN, 'orgImport.apply', { importId: first.importId ?? '' })).toMatchObject({ add: 16 });
    expect(await h.store.count('branches')).toBe(12);
    expect(await preview(h, 'org', await orgBook(4, 3))).toMatchObject({ add: 0, change: 0, unchanged: 16 });
    const exported = await h.ok(ADMIN, 'orgImport.export', { sheet: 'org' });
    expect(exported.rows).toBe(16);
    const round = await preview(h, 'org', h.files.bytes(exported.fileId));
    expect(round).toMatchObject({ add: 0, change: 0, unchanged: 16, problems: [] });
    const tpl = await h.ok(ADMIN, 'orgImport.template', { sheet: 'roster' });
    expect(await preview(h, 'roster', h.files.bytes(tpl.fileId))).toMatchObject({ importId: null, problems: [expect.objectContaining({ code: 'EMPTY_SHEET' })] });
  });

  it('refuses a renamed file, merged cells, a formula and a 工号 typed as a number, applying nothing', async () => {
    const h = await fresh();
    await withAdmin(h);
    const notXlsx = await preview(h, 'org', Buffer.from('%PDF-1.4 renamed to .xlsx'));
    expect(notXlsx.problems).toEqual([expect.objectContaining({ code: 'NOT_XLSX', row: null })]);
    const merged = await sheetBytes(ORG_RULES, [['基层党委', 'C1', '一党委', null, 1, null], ['基层党委', 'C2', '二党委', null, 2, null]], (ws) => ws.mergeCells('C3:C4'));
    expect((await preview(h, 'org', merged)).problems).toContainEqual(expect.objectContaining({ code: 'MERGED_CELL', row: 4, column: 'C' }));
    const formula = await sheetBytes(ORG_RULES, [['基层党委', 'C1', { formula: '"一"&"党委"' }, null, 1, null]]);
    expect((await preview(h, 'org', formula)).problems).toEqual([expect.objectContaining({ code: 'FORMULA', row: 3, column: 'C' })]);
    await importOrg(h, 1, 1);
    const numbered = rosterRowsFor(rosterPeople(1, 1, 1));
    numbered[0][1] = 123;
    const p = await preview(h, 'roster', await sheetBytes(ROSTER_RULES, numbered));
    expect(p).toMatchObject({ importId: null, problems: [expect.objectContaining({ code: 'NUMBER_AS_TEXT', row: 3, column: 'B' })] });
    expect(await h.store.count('roster')).toBe(0);
  });

  it('leaves the organisation as it was when the apply fails half way, or the state moved since the preview', async () => {
    let faulty: FaultyStore | null = null;
    const h = await fresh((f) => (faulty = f));
    await withAdmin(h);
    await importOrg(h, 1, 1);
    const before = JSON.stringify(await h.ok(ADMIN, 'org.units', {}));
    // 40 committees of 4 branches, one of each already there: 198 writes in two chunks; the second one's commit fails.
    const p = await preview(h, 'org', await orgBook(40, 4));
    faulty!.arm({ afterCommit: 2 });
    expect((await h.err(ADMIN, 'orgImport.apply', { importId: p.importId ?? '' })).code).toBe('INTERNAL');
    faulty!.arm(null);
    expect(JSON.stringify(await h.ok(ADMIN, 'org.units', {}))).toBe(before);
    expect((await h.err(ADMIN, 'orgImport.apply', { importId: p.importId ?? '' })).code).toBe('INVALID_TRANSITION');

    // Someone creates one of the sheet's new units by hand after the preview: that insert fails, everything is undone.
    const again = await preview(h, 'org', await orgBook(40, 4));
    await h.ok(ADMIN, 'org.saveCommittee', { code: committeeCode(1), version: null, name: '手工新建的党委', kind: 'committee', order: 9 });
    const after = JSON.stringify(await h.ok(ADMIN, 'org.units', {}));
    expect((await h.err(ADMIN, 'orgImport.apply', { importId: again.importId ?? '' })).code).toBe('CONFLICT');
    expect(JSON.stringify(await h.ok(ADMIN, 'org.units', {}))).toBe(after);
  });
});

describe('a large import over several calls', () => {
  it('answers done: false with its progress when a call’s time slice ends, and the next call goes on', async () => {
    const h = await fresh();
    await withAdmin(h);
    const p = await preview(h, 'org', await orgBook(40, 4));
    let n = 0;
    // Only what applyImport reads of the context: the store, the clock, ids, the caller.
    const ctx = { store: h.store, now: h.now.value, newId: () => `slice${++n}`, user: null, requestId: null } as unknown as Context;
    const first = await applyImport(ctx, { importId: p.importId ?? '' }, 0);
    expect(first).toMatchObject({ done: false, applied: 1, chunks: 2 });
    expect(await h.store.count('committees')).toBeLessThan(40);
    expect((await preview(h, 'org', await orgBook(1, 1)).catch((e: Error) => e.message))).toContain('CONFLICT');
    const second = await applyImport(ctx, { importId: p.importId ?? '' }, 0);
    expect(second).toMatchObject({ done: true, applied: 2, add: 200 });
    expect(await h.store.count('committees')).toBe(40);
  });
});

describe('the roster', () => {
  it('confirms a pre-registered person at once with their roles, and sends a mismatch to the committee', async () => {
    const h = await fresh();
    await withAdmin(h);
    await importOrg(h, 2, 2);
    const people = rosterPeople(6, 2, 2);
    const p = await preview(h, 'roster', await rosterBook(people));
    expect(p).toMatchObject({ add: 6, problems: [] });
    await h.ok(ADMIN, 'orgImport.apply', { importId: p.importId ?? '' });
    expect(await preview(h, 'roster', await rosterBook(people))).toMatchObject({ add: 0, change: 0, unchanged: 6 });

    const sec = people[0];
    const bound = await h.ok('secretary', 'profile.bind', { name: sec.name, staffNo: sec.staffNo, kind: 'teacher', committeeId: sec.committee, branchId: sec.branch, politicalStatus: 'full_member', isPartyWorker: true });
    expect(bound.profileStatus).toBe('confirmed');
    expect(bound.roles).toContainEqual({ role: 'secretary', committeeId: committeeCode(0) });

    const other = people[2];
    const pending = await h.ok('impostor', 'profile.bind', { name: '别人', staffNo: other.staffNo, kind: 'student', committeeId: other.committee, branchId: other.branch, politicalStatus: 'full_member', isPartyWorker: false });
    expect(pending.profileStatus).toBe('pending');
    const list = await h.ok('secretary', 'people.pending', {});
    expect(list.items[0].rosterDifferences[0]).toContain(other.name);

    // A closed branch takes no new binding.
    const units = await h.ok(ADMIN, 'org.units', {});
    const b = units.branches.find((x) => x._id === branchCode(1, 1))!;
    await h.ok(ADMIN, 'org.setClosed', { unit: 'branch', code: b._id, version: b.version, closed: true });
    const refused = await h.err('late', 'profile.bind', { name: '迟到者', staffNo: 'X9999', kind: 'student', committeeId: committeeCode(1), branchId: b._id, politicalStatus: 'activist', isPartyWorker: false });
    expect(refused.message).toContain('已撤销');
  });
});

/**
 * Fuzzing every procedure of the contract map (issue 7): bad input changes nothing and crashes
 * nothing. Each procedure gets at least PER_PROCEDURE inputs its schema refuses (derived from
 * the schema itself, see fuzz/schema-arbitraries.ts), sent through the real router as every
 * kind of caller; each answer must be a coded refusal with a Chinese message, never INTERNAL,
 * nothing may be logged as an unexpected failure, and the whole store must read back the same.
 * Seeded with a fixed seed: `FUZZ_RUNS=100 npx vitest run test/security/fuzz.test.ts` for a
 * quicker pass.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@shared/contracts/errors';
import { contracts, type ProcedureName } from '@shared/contracts';
import { createApp } from '../../cloudfunctions/core/app';
import { procedures } from '../../cloudfunctions/core/procedures';
import type { Router } from '../../cloudfunctions/core/router/router';
import type { Store } from '../../cloudfunctions/core/ports/store';
import { seedIfEmpty } from '../../cloudfunctions/local/seed';
import { openWechatStore, stopWechatFake } from '../support/wechat-store';
import { ADMIN, COMPLETE_FIELDS, createHarness, HOST, MEMBER2, NEWCOMER, OPEN_BATCH, SECRETARY_CS, type Harness } from '../support/harness';
import { fuzzProcedure, hostileValidInputs, invalidInputs, preview, problemWith, type Finding } from './fuzz/run';
import { ownKeys, schemaPaths } from './fuzz/schema-arbitraries';
import { snapshotStore, storeDiff } from './fuzz/snapshot';
import { envelopeCases } from './fuzz/envelope';
import { controlCharsIn, pollutingKeysIn, prototypesClean } from './fuzz/stored';
import type { Project } from '@shared/domain/project/project';
import type { Brand } from '@shared/domain/brand/brand';
import JSZip from 'jszip';
import { passedMidterm } from '../../cloudfunctions/core/procedures/funding/fixtures';

const PER_PROCEDURE = Number(process.env.FUZZ_RUNS ?? 1000);
const REVIEWER = 'dev-reviewer';
/** An identity with no profile, a member, a secretary, the 组织部, a reviewer. */
const SIGNED_IN = [NEWCOMER, HOST, SECRETARY_CS, ADMIN, REVIEWER] as const;
/**
 * Each input is sent signed out and as one signed-in identity in turn, so every identity gets a
 * fifth of each procedure's inputs and a role check never hides what validation does.
 */
const senders = (i: number) => [null, SIGNED_IN[i % SIGNED_IN.length]];

const names = Object.keys(contracts).sort() as ProcedureName[];

let h: Harness;
/** The real router on the harness's store, without the public rate limit (which would answer before validation). */
let router: Router;
const logged: Array<{ message: string; err: unknown }> = [];
const findings: Finding[] = [];
const codes = new Map<string, number>();
const inputsPer = new Map<string, number>();
let totalCalls = 0;
let envelopes = 0;
/** Schema paths (fields, list items, record entries) a refusal pointed at, against all there are. */
const coverage = { reached: 0, total: 0, missed: [] as string[] };
let initial: Awaited<ReturnType<typeof snapshotStore>>;

/** Some real data besides the seed, so a write that slipped through would have something to touch. */
async function populate(): Promise<void> {
  const p = await h.ok(HOST, 'project.create', { batchId: OPEN_BATCH });
  const saved = await h.ok(HOST, 'project.saveDraft', { id: p._id, version: p.version, fields: COMPLETE_FIELDS });
  await h.ok(HOST, 'project.submit', { id: saved._id, version: saved.version });
  const q = await h.ok(MEMBER2, 'project.create', { batchId: OPEN_BATCH });
  await h.ok(MEMBER2, 'project.saveDraft', { id: q._id, version: q.version, fields: { ...COMPLETE_FIELDS, title: '草稿项目' } });
  await h.ok(SECRETARY_CS, 'brand.create', { year: 2026 });
}

beforeAll(async () => {
  const logger = { error: (message: string, err: unknown) => void logged.push({ message, err }) };
  h = await createHarness(undefined, { logger });
  let n = 0;
  router = createApp({ store: h.store, clock: () => h.now.value, newId: () => `fuzz${++n}`, files: h.files, logger, publicRateLimit: null, signInRateLimit: null });
  await populate();
  initial = await snapshotStore(h.store);
});

afterAll(() => {
  if (totalCalls === 0) return;
  const counts = names.map((n) => inputsPer.get(n) ?? 0);
  const min = counts.length ? Math.min(...counts) : 0;
  const byCode = [...codes.entries()].map(([c, n]) => `${c} ${n}`).join(', ');
  console.log(
    `fuzz: ${names.length} procedures, ${counts.reduce((a, b) => a + b, 0)} invalid inputs, ${totalCalls} calls ` +
      `(each signed out and as one of ${SIGNED_IN.length} identities in turn), at least ${min} inputs per procedure; answers: ${byCode}; ` +
      `${envelopes} hostile envelopes; refusals pointed at ${coverage.reached}/${coverage.total} schema paths` +
      (coverage.missed.length ? ` (never: ${coverage.missed.join(', ')})` : ''),
  );
});

describe('fuzz: every procedure refuses invalid input as every caller, changing nothing', () => {
  it.each(names)('%s', async (procedure) => {
    const inputs = invalidInputs(procedure, PER_PROCEDURE);
    const mine: Finding[] = [];
    logged.length = 0;
    const before = await snapshotStore(h.store);
    const reached = new Set<string>();
    totalCalls += await fuzzProcedure(router, procedure, inputs, senders, mine, codes, reached);
    const paths = [...new Set(schemaPaths(contracts[procedure].input))];
    const missed = paths.filter((p) => !reached.has(p));
    coverage.total += paths.length;
    coverage.reached += paths.length - missed.length;
    coverage.missed.push(...missed.map((p) => `${procedure}:${p || '(input)'}`));
    inputsPer.set(procedure, inputs.length);
    findings.push(...mine);
    expect(inputs.length).toBeGreaterThanOrEqual(PER_PROCEDURE);
    expect(mine.slice(0, 5), `${mine.length} bad answers`).toEqual([]);
    expect(logged.map((l) => `${l.message}: ${String(l.err)}`)).toEqual([]);
    expect(storeDiff(before, await snapshotStore(h.store))).toEqual([]);
  });
});

describe('fuzz: the envelope', () => {
  it('refuses envelopes that are not objects, names that are not procedures and bad request ids', async () => {
    const cases = envelopeCases(PER_PROCEDURE);
    const before = await snapshotStore(h.store);
    const bad: string[] = [];
    logged.length = 0;
    for (const [i, { event, expected }] of cases.entries()) {
      for (const openid of senders(i)) {
        totalCalls++;
        try {
          const answer = await router.call(openid ? { openid } : null, event);
          if (!answer.ok) codes.set(answer.error.code, (codes.get(answer.error.code) ?? 0) + 1);
          const problem = problemWith(answer, [expected]);
          if (problem) bad.push(`${problem} for ${preview(event)} as ${openid}`);
        } catch (err) {
          bad.push(`router.call threw ${String(err)} for ${preview(event)}`);
        }
      }
    }
    envelopes = cases.length;
    expect(cases.length).toBeGreaterThanOrEqual(PER_PROCEDURE);
    expect(bad.slice(0, 5), `${bad.length} bad answers`).toEqual([]);
    expect(logged).toEqual([]);
    expect(storeDiff(before, await snapshotStore(h.store))).toEqual([]);
  });
});

describe('fuzz: public procedures under the default rate limit', () => {
  it('a signed-out flood of invalid input is refused as VALIDATION, then RATE_LIMITED, never INTERNAL', async () => {
    const publicNames = names.filter((n) => procedures[n]?.access === 'public');
    const seen = new Map<string, number>();
    const bad: Finding[] = [];
    logged.length = 0;
    const before = await snapshotStore(h.store);
    for (const procedure of publicNames) {
      const inputs = invalidInputs(procedure, 100);
      for (const input of inputs) {
        // h.router is createApp's default: 120 calls at once per caller, then 2 per second.
        const answer = await h.router.call(null, { procedure, input }, { clientKey: '203.0.113.7' });
        if (!answer.ok) seen.set(answer.error.code, (seen.get(answer.error.code) ?? 0) + 1);
        const problem = problemWith(answer, ['VALIDATION', 'RATE_LIMITED']);
        if (problem) bad.push({ procedure, identity: null, problem, input: preview(input) });
      }
    }
    expect(bad.slice(0, 5)).toEqual([]);
    expect(seen.get('VALIDATION')).toBeGreaterThanOrEqual(100);
    expect(seen.get('RATE_LIMITED')).toBeGreaterThan(0);
    expect(logged).toEqual([]);
    expect(storeDiff(before, await snapshotStore(h.store))).toEqual([]);
  });
});

describe('refusal messages name what is wrong without echoing the input', () => {
  it('unknown keys and record keys are shown cut short, without control characters or lone surrogates', async () => {
    const long = '键'.repeat(100_000);
    const keys = ownKeys([['id', 'p1'], [long, 1], ['k\u0000\u001b\uD800', 2], ['a', 3], ['b', 4]]);
    const e = await h.err(HOST, 'project.get', keys);
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toBe(`包含无法识别的字段：${'键'.repeat(20)}…、k、a等4个`);
    const r = await h.err(HOST, 'subscribe.record', { results: ownKeys([[`\u0007${long}`, 'accept']]) });
    expect(r.code).toBe('VALIDATION');
    expect(r.message.length).toBeLessThan(100);
    expect(JSON.stringify(r).length).toBeLessThan(1000);
  });
});

describe('fuzz: after everything', () => {
  it('leaves the whole store as it was, nothing logged as unexpected, no prototype polluted', async () => {
    expect(findings.slice(0, 5)).toEqual([]);
    // The refusals pointed at (nearly) every field, list item and record entry of every schema:
    // the generators reach deep, not only the top level. (Fewer runs reach less.)
    if (PER_PROCEDURE >= 1000) expect(coverage.reached / coverage.total, coverage.missed.join(', ')).toBeGreaterThanOrEqual(0.95);
    expect(storeDiff(initial, await snapshotStore(h.store))).toEqual([]);
    expect(await snapshotStore(h.store)).toEqual(initial);
    expect(prototypesClean()).toEqual([]);
    // The router's own answers: no export was written by a refused call.
    expect(() => h.files.bytes('mem:1')).toThrow();
  });
});

/**
 * Hostile but acceptable input: control characters in free text, NoSQL-looking strings,
 * `__proto__`/`constructor` as own keys of objects the schemas strip or of free-text maps.
 * Accepted, and stored clean.
 */
describe('hostile but valid input is stored clean', () => {
  let v: Harness;
  const dirty = (s: string) => `\u0000${s}\u0007\u001b\u000b\u007f`;
  /** Own keys the way JSON.parse makes them from a request body. */
  const withPollution = <T extends object>(o: T): T => ({ ...JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}}'), ...o });

  beforeAll(async () => {
    v = await createHarness();
  });

  async function storedClean(): Promise<void> {
    const all = await snapshotStore(v.store);
    expect(controlCharsIn(all)).toEqual([]);
    expect(pollutingKeysIn(all)).toEqual([]);
    expect(prototypesClean()).toEqual([]);
  }

  it('an application draft: control characters stripped, operator strings kept as text, polluting keys dropped', async () => {
    const p = await v.ok(HOST, 'project.create', { batchId: OPEN_BATCH });
    const fields = withPollution({
      ...COMPLETE_FIELDS,
      title: dirty('$where'),
      background: dirty('{"$gt":""} $regex .* \'; DROP TABLE c_projects; --'),
      goals: dirty('__proto__'),
      milestones: [withPollution({ date: '2027-03-01', task: dirty('$ne') })],
      budget: [withPollution({ item: dirty('constructor'), amountFen: 100 })],
    });
    const saved = await v.ok(HOST, 'project.saveDraft', { id: p._id, version: p.version, fields });
    const stored = await v.store.get<Project>('projects', p._id);
    expect(stored?.fields.title).toBe('$where');
    expect(stored?.fields.background).toBe('{"$gt":""} $regex .* \'; DROP TABLE c_projects; --');
    expect(stored?.fields.goals).toBe('__proto__');
    expect(stored?.fields.milestones).toEqual([{ date: '2027-03-01', task: '$ne' }]);
    expect(stored?.fields.budget).toEqual([{ item: 'constructor', amountFen: 100 }]);
    expect(saved.fields.title).toBe('$where');
    await storedClean();
  });

  it('a brand report, a branch feature and a cultivation plan', async () => {
    const b = await v.ok(SECRETARY_CS, 'brand.create', { year: 2026 });
    const report = withPollution({
      name: '',
      logo: null,
      connotation: dirty('{"$gt":""}'),
      approach: dirty('$regex'),
      stage: 'practice' as const,
      carriers: [withPollution({ title: dirty('$where'), description: dirty('x'), projectId: null, photos: [] })],
      influence: [],
      problems: dirty(''),
      publicNames: [dirty('王建国')],
    });
    await v.ok(SECRETARY_CS, 'brand.save', { id: b._id, version: b.version, report });
    const stored = await v.store.get<Brand>('brands', b._id);
    expect(stored?.report.connotation).toBe('{"$gt":""}');
    expect(stored?.report.carriers[0].title).toBe('$where');
    expect(stored?.report.publicNames).toEqual(['王建国']);
    await v.ok(SECRETARY_CS, 'branchFeature.save', { branchId: 'b-cs-t1', year: 2026, name: dirty('$ne'), description: dirty('__proto__'), version: null });
    await storedClean();
  });

  it('free-text maps: unknown template keys refused, `__proto__` and `constructor` never reach a prototype', async () => {
    for (const key of ['constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      const e = await v.err(HOST, 'subscribe.record', { results: JSON.parse(`{"${key}":"accept"}`) });
      expect(e.code).toBe('VALIDATION');
      expect(e.message).toContain(key);
    }
    expect(await v.store.count('subscriptions')).toBe(0);
    const e = await v.err(HOST, 'subscribe.record', { results: JSON.parse('{"__proto__":"accept"}') });
    expect(e.code).toBe('VALIDATION');
    await storedClean();
  });

  it('a search keyword is text, not a pattern', async () => {
    for (const keyword of ['.*', '(a+)+$', '[', '%', '_', '$regex', '\\', "' OR '1'='1"]) {
      const r = await v.ok(ADMIN, 'brand.library', { keyword });
      expect(r.items).toEqual([]);
    }
  });

  it('a rubric criterion may not be named like an inherited property (a missing score would read as given)', async () => {
    const batch = await v.store.get('batches', OPEN_BATCH);
    for (const key of ['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf']) {
      const rubric = [
        { key, label: '选题', weight: 50, max: 10 },
        { key: 'practice', label: '举措', weight: 50, max: 10 },
      ];
      const e = await v.err(ADMIN, 'review.setRubric', { batchId: OPEN_BATCH, rubric });
      expect(e.code).toBe('VALIDATION');
      expect(e.message).toContain('保留名称');
    }
    expect(await v.store.get('batches', OPEN_BATCH)).toEqual(batch);
    await v.ok(ADMIN, 'review.setRubric', { batchId: OPEN_BATCH, rubric: [{ key: 'Constructor', label: '选题', weight: 100, max: 10 }] });
  });

  it('exports of hostile text open as well-formed documents: lone surrogates and markup stay text', async () => {
    const p = await v.ok(MEMBER2, 'project.create', { batchId: OPEN_BATCH });
    const hostile = '</w:t></w:r><w:r><w:t>注入</w:t> ]]> <!-- \uD800 x\uDFFFy \u202E 😀 &amp; <x/>';
    await v.ok(MEMBER2, 'project.saveDraft', { id: p._id, version: p.version, fields: { ...COMPLETE_FIELDS, title: '\uD800标题\uDFFF', background: hostile, budget: [{ item: hostile.slice(0, 50), amountFen: 1 }] } });
    const file = await v.ok(MEMBER2, 'export.application', { projectId: p._id });
    const zip = await JSZip.loadAsync(v.files.bytes(file.url));
    const xml = await zip.file('word/document.xml')?.async('string');
    expect(xml).toBeDefined();
    // Well-formed: no raw markup from the input, no lone surrogate (XML forbids them).
    expect(xml).not.toContain('<w:t>注入');
    expect(xml).toContain('注入');
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(xml ?? '')).toBe(false);
    expect(prototypesClean()).toEqual([]);
  });

  it('a request id is printable ASCII: control characters never reach the audit or the request records', async () => {
    const before = await snapshotStore(v.store);
    for (const requestId of ['\u0007evil', 'a\u0000b', 'x\uD800', '请求1', 'a b', '😀']) {
      const r = await v.call(HOST, 'subscribe.record', { results: { deadline: 'accept' } }, requestId);
      expect(r.ok ? null : r.error.code).toBe('VALIDATION');
      expect(r.ok ? '' : r.error.message).toContain('请求编号');
    }
    expect(storeDiff(before, await snapshotStore(v.store))).toEqual([]);
    const fine = await v.call(HOST, 'subscribe.record', { results: { deadline: 'accept' } }, 'lx3k9-4f8a2b1c-7');
    expect(fine.ok).toBe(true);
    await storedClean();
  });

  it('file ids and links with control characters or lone surrogates are refused before anything is stored', async () => {
    const before = await snapshotStore(v.store);
    const outcome = { kind: 'theory', title: '成果', description: '' };
    for (const bad of ['cloud://env/a\u0000b.png', 'cloud://env/r\u0007.jpg', 'cloud://env/x\uD800.pdf', 'cloud://env/y\u0085.pdf']) {
      const refusals = [
        await v.err(HOST, 'project.saveDraft', { id: 'p', version: 1, fields: { ...COMPLETE_FIELDS, attachments: [{ fileId: bad, name: 'x', size: 1 }] } }),
        await v.err(HOST, 'funding.addExpense', { projectId: 'p', date: '2026-11-27', item: '资料', amountFen: 1, receipts: [bad] }),
        await v.err(HOST, 'final.save', { projectId: 'p', reportVersion: null, summary: '', outcomes: [{ ...outcome, fileIds: [bad] }] }),
        await v.err(HOST, 'final.save', { projectId: 'p', reportVersion: null, summary: '', outcomes: [{ ...outcome, fileNames: { [bad]: '名称' } }] }),
        await v.err(SECRETARY_CS, 'brand.addProgress', { brandId: 'b', date: '2026-11-27', text: '进展', photos: [bad], stage: 'practice' }),
      ];
      expect(refusals.map((e) => e.code)).toEqual(refusals.map(() => 'VALIDATION'));
    }
    for (const bad of ['https://e.com/\u0000', 'http://e.com/\u0007x', 'https://e.com/\uDFFF']) {
      const e = await v.err(HOST, 'final.save', { projectId: 'p', reportVersion: null, summary: '', outcomes: [{ ...outcome, link: bad }] });
      expect(e.message).toContain('链接须以');
    }
    // Non-ASCII paths and addresses stay acceptable: these get past validation to the handler.
    const fine = await v.err(HOST, 'final.save', { projectId: 'p', reportVersion: null, summary: '', outcomes: [{ ...outcome, link: 'https://e.com/党建?q=😀', fileIds: ['cloud://env/党建/照片😀.png'] }] });
    expect(fine.code).not.toBe('VALIDATION');
    expect(storeDiff(before, await snapshotStore(v.store))).toEqual([]);
  });

  it('who the caller is never comes from the envelope or the input', async () => {
    const forged = { openid: ADMIN, identity: { openid: ADMIN }, user: { roles: [{ role: 'admin' }] }, userId: 'u_dev-admin' };
    const signedOut = await v.router.call(null, { procedure: 'session.me', input: {}, ...forged });
    expect(signedOut.ok ? null : signedOut.error.code).toBe('UNAUTHENTICATED');
    const member = await v.router.call({ openid: HOST }, { procedure: 'people.withRole', input: { role: 'admin' }, ...forged });
    expect(member.ok ? null : member.error.code).toBe('FORBIDDEN');
  });
});

/**
 * A smaller sample through the WeChat store adapter (real wx-server-sdk against the loopback
 * fake of CloudBase, as in test/store-contract.test.ts): same refusals, same untouched store.
 */
describe('fuzz through the WeChat store adapter', () => {
  const SAMPLE = Math.min(PER_PROCEDURE, Number(process.env.FUZZ_WECHAT_RUNS ?? 100));
  let store: Store;
  let wx: Router;
  const wxLogged: unknown[] = [];

  beforeAll(async () => {
    store = (await openWechatStore()).store;
    const start = new Date('2026-11-27T02:00:00Z');
    await seedIfEmpty(store, start);
    let n = 0;
    wx = createApp({ store, clock: () => start, newId: () => `wx${++n}`, logger: { error: (message, err) => void wxLogged.push({ message, err: String(err) }) }, publicRateLimit: null, signInRateLimit: null });
  }, 120_000);
  afterAll(stopWechatFake);

  it(`refuses ${SAMPLE} invalid inputs per procedure and the store reads back the same`, async () => {
    const before = await snapshotStore(store);
    expect(before.users.length).toBeGreaterThan(0);
    const bad: Finding[] = [];
    let calls = 0;
    for (const procedure of names) {
      calls += await fuzzProcedure(wx, procedure, invalidInputs(procedure, SAMPLE), senders, bad, new Map());
      // Refused calls never reach the store; a read between procedures keeps the SDK's
      // keep-alive connection from idling into the fake server's timeout (ECONNRESET).
      expect(await store.count('users')).toBe(before.users.length);
    }
    console.log(`fuzz (wechat adapter): ${calls} calls, ${SAMPLE} invalid inputs per procedure`);
    expect(bad.slice(0, 5), `${bad.length} bad answers`).toEqual([]);
    expect(wxLogged).toEqual([]);
    expect(storeDiff(before, await snapshotStore(store))).toEqual([]);
    expect(await snapshotStore(store)).toEqual(before);
  }, 120_000);

  it('stores hostile-but-valid text clean through the adapter', async () => {
    const p = await wx.call({ openid: HOST }, { procedure: 'project.create', input: { batchId: OPEN_BATCH } });
    if (!p.ok) throw new Error(p.error.message);
    const { _id, version } = p.data as { _id: string; version: number };
    const fields = { ...JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}'), ...COMPLETE_FIELDS, title: '\u0000$where\u0007', goals: '{"$gt":""}\u001b' };
    const saved = await wx.call({ openid: HOST }, { procedure: 'project.saveDraft', input: { id: _id, version, fields } });
    expect(saved.ok).toBe(true);
    const stored = await store.get<Project>('projects', _id);
    expect(stored?.fields.title).toBe('$where');
    expect(stored?.fields.goals).toBe('{"$gt":""}');
    const all = await snapshotStore(store);
    expect(controlCharsIn(all)).toEqual([]);
    expect(pollutingKeysIn(all)).toEqual([]);
    expect(prototypesClean()).toEqual([]);
  }, 60_000);
});

/**
 * Input the schemas accept, made of hostile material ('__proto__' and '$where' as ids and text,
 * control characters, lone surrogates, the longest allowed text, bounds of every number): the
 * handlers may act or refuse, but answer with a code, log no unexpected failure, and leave no
 * control character or polluting key in the store.
 */
describe('valid but hostile input reaches the handlers', () => {
  const SAMPLE = Math.min(PER_PROCEDURE, Number(process.env.FUZZ_VALID_RUNS ?? 40));
  const OTHERS = [null, NEWCOMER, HOST, MEMBER2, SECRETARY_CS, REVIEWER] as const;
  let w: Harness;
  let wr: Router;
  const wLogged: string[] = [];
  let sent = 0;
  const ids: string[] = [];
  const validCodes = new Map<string, number>();

  beforeAll(async () => {
    w = await createHarness();
    let n = 0;
    wr = createApp({ store: w.store, clock: () => w.now.value, newId: () => `id${++n}`, files: w.files, logger: { error: (m, e) => void wLogged.push(`${m}: ${String(e)}`) }, publicRateLimit: null, signInRateLimit: null });
    // A funded project past its midterm, a draft, a brand: their ids go into the inputs.
    const funded = await passedMidterm(w);
    const p = await w.ok(MEMBER2, 'project.create', { batchId: OPEN_BATCH });
    await w.ok(MEMBER2, 'project.saveDraft', { id: p._id, version: p.version, fields: COMPLETE_FIELDS });
    const b = await w.ok(SECRETARY_CS, 'brand.create', { year: 2026 });
    ids.push(funded._id, p._id, b._id, 'u_dev-member-2', 'u_dev-reviewer');
  });

  afterAll(() => {
    if (sent) console.log(`fuzz (valid but hostile): ${sent} calls, up to ${SAMPLE} accepted inputs per procedure, each as the 组织部 and one other identity in turn; answers: ${[...validCodes.entries()].map(([c, n]) => `${c} ${n}`).join(', ')}`);
  });

  it.each(names)('%s', async (procedure) => {
    const inputs = hostileValidInputs(procedure, SAMPLE, ids);
    expect(inputs.length, 'no accepted input was found').toBeGreaterThanOrEqual(Math.min(SAMPLE, 3));
    const bad: string[] = [];
    wLogged.length = 0;
    for (const [i, input] of inputs.entries()) {
      for (const openid of [ADMIN, OTHERS[i % OTHERS.length]]) {
        sent++;
        try {
          const answer = await wr.call(openid ? { openid } : null, { procedure, input, requestId: `valid-${sent}` });
          const key = answer.ok ? 'ok' : answer.error.code;
          validCodes.set(key, (validCodes.get(key) ?? 0) + 1);
          const problem = answer.ok ? null : problemWith(answer, ERROR_CODES.filter((c) => c !== 'INTERNAL'));
          if (problem) bad.push(`${problem} for ${preview(input)} as ${openid}`);
        } catch (err) {
          bad.push(`router.call threw ${String(err)} for ${preview(input)}`);
        }
      }
    }
    expect(bad.slice(0, 5), `${bad.length} bad answers`).toEqual([]);
    expect(wLogged.slice(0, 5)).toEqual([]);
    const all = await snapshotStore(w.store);
    expect(controlCharsIn(all).slice(0, 5)).toEqual([]);
    expect(pollutingKeysIn(all).slice(0, 5)).toEqual([]);
    expect(prototypesClean()).toEqual([]);
  });
});

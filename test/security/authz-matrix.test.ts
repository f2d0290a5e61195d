import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contracts, type ErrorCode } from '@shared/contracts';
import { MATRIX, type Case } from './matrix';
import { ADMIN } from '../support/harness';
import { BRAND_RE, BRAND_STAGES, brandName, buildWorld, CALLERS, fingerprint, openCopy, projectTitle, removeWorldFiles, ROLE_NAMES, STAGES, TITLE_RE, uid, type RoleName, type World } from './world';

/**
 * Every procedure × every role × every scope, each call on a fresh copy of one fixture world,
 * compared with the hand-written matrix (matrix.ts). A procedure missing from the matrix fails.
 */

let world: World;
let pristine: string;

/**
 * The application titles each role may know: those it can open with project.get, and the 公示名单
 * (public). Every response of the matrix is searched for titles: one outside this set is a leak.
 */
const mayKnow = new Map<RoleName, Set<string>>();
/**
 * Likewise the brand names each role may know: those it can open with brand.get, the promoted
 * ones (public), and for the host their committee's brands, which an application may name as the
 * one it supports.
 */
const mayKnowBrands = new Map<RoleName, Set<string>>();
/** Procedures that show a title by design to someone who cannot open the application. */
const SHOWS_TITLE: Record<string, string> = {
  'team.preview': 'the invitation names the project it invites to',
};
/**
 * People whose part is not for everyone: who reviews an application is the 组织部's to know (not the
 * applicant's or the committee's), and so is who objected during the 公示 (周小川 objected).
 */
const PRIVATE_NAMES: Record<string, readonly RoleName[]> = {
  赵明: ['reviewer', 'admin'],
  周健: ['otherReviewer', 'admin'],
  周小川: ['member', 'admin'],
};

/** Procedures that show brand names by design to someone who cannot open the brand. */
const SHOWS_BRANDS: Record<string, string> = {
  'project.create': 'whoever creates an application is its host, who chooses among their committee’s brands',
};

beforeAll(async () => {
  world = await buildWorld();
  const copy = openCopy(world);
  pristine = await fingerprint(copy.store);
  for (const role of ROLE_NAMES) {
    const titles = new Set([projectTitle('publicity', 'cs'), projectTitle('publicity', 'me')]);
    for (const stage of STAGES) {
      for (const side of ['cs', 'me'] as const) {
        const r = await copy.raw(CALLERS[role], 'project.get', { id: world.projects[stage][side].id });
        if (r.ok) titles.add(projectTitle(stage, side));
      }
    }
    mayKnow.set(role, titles);
    const brands = new Set([brandName('promoted', 'cs'), brandName('promoted', 'me')]);
    for (const stage of BRAND_STAGES) {
      for (const side of ['cs', 'me'] as const) {
        const r = await copy.raw(CALLERS[role], 'brand.get', { id: world.brands[stage][side].id });
        if (r.ok || (role === 'host' && side === 'cs')) brands.add(brandName(stage, side));
      }
    }
    mayKnowBrands.set(role, brands);
  }
  await copy.close();
}, 60_000);

afterAll(() => removeWorldFiles());

/** The text of an exported .docx/.xlsx (its XML parts), so that a file is searched like a response. */
async function exportedText(app: ReturnType<typeof openCopy>, data: unknown): Promise<string> {
  const url = (data as { url?: unknown } | null)?.url;
  if (typeof url !== 'string' || !url.startsWith('/files/')) return '';
  return officeText(await JSZip.loadAsync(app.files.bytes(url)));
}

/** The XML parts of an office file, and of every .docx/.xlsx inside a zip (the 纸质材料包). */
async function officeText(zip: JSZip): Promise<string> {
  const files = Object.values(zip.files);
  const parts = await Promise.all(files.filter((f) => f.name.endsWith('.xml')).map((f) => f.async('string')));
  const nested = await Promise.all(files.filter((f) => /\.(docx|xlsx)$/.test(f.name)).map(async (f) => officeText(await JSZip.loadAsync(await f.async('uint8array')))));
  return [...parts, ...nested].join('\n');
}

function expected(c: Case, role: RoleName): { allowed: boolean; code: ErrorCode | 'ok' } {
  if (c.allow.includes(role)) return { allowed: true, code: c.refusedAs?.[role] ?? 'ok' };
  const denied = typeof c.deniedAs === 'string' ? c.deniedAs : c.deniedAs?.[role];
  if (denied) return { allowed: false, code: denied };
  return { allowed: false, code: role === 'anonymous' || role === 'unbound' ? 'UNAUTHENTICATED' : 'FORBIDDEN' };
}

const DENIALS: readonly ErrorCode[] = ['FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND'];
const counts = { cases: 0, allowed: 0, denied: 0, procedures: 0, scopes: 0 };

describe('authorization matrix', () => {
  it('classifies every procedure of the contract map, and nothing else', () => {
    const names = Object.keys(contracts);
    const missing = names.filter((n) => !(n in MATRIX));
    const unknown = Object.keys(MATRIX).filter((n) => !names.includes(n));
    expect(missing, `procedures without a matrix entry (classify them in test/security/matrix.ts): ${missing.join(', ')}`).toEqual([]);
    expect(unknown, `matrix entries for procedures that do not exist: ${unknown.join(', ')}`).toEqual([]);
    for (const [name, entry] of Object.entries(MATRIX)) {
      for (const [scope, c] of Object.entries(entry)) {
        for (const r of Object.keys(c.refusedAs ?? {})) expect(c.allow, `${name}/${scope}: refusedAs names ${r}, who is not allowed`).toContain(r);
        for (const code of Object.values(c.refusedAs ?? {})) expect(DENIALS, `${name}/${scope}: ${code} is a denial, not a business refusal`).not.toContain(code);
      }
    }
  });

  /** A procedure whose every allowed call writes several office files (the 纸质材料包): on a busy machine it needs longer than the default. */
  const SLOW: Record<string, number> = { 'export.packet': 90_000 };
  for (const [name, entry] of Object.entries(MATRIX)) {
    it(`${name}`, async () => {
      const mismatches: string[] = [];
      counts.procedures++;
      // A copy serves calls until one may have written: a denied call is checked to write nothing,
      // so the copy it ran on is still the pristine world; after an allowed call it is thrown away.
      let app: ReturnType<typeof openCopy> | null = null;
      try {
        for (const [scope, c] of Object.entries(entry)) {
          counts.scopes++;
          for (const role of ROLE_NAMES) {
            const want = expected(c, role);
            app ??= openCopy(world);
            const r = await app.raw(CALLERS[role], name, c.input(world));
            const code = r.ok ? 'ok' : r.error.code;
            counts.cases++;
            if (want.allowed) counts.allowed++;
            else counts.denied++;
            const where = `${name} [${scope}] as ${role}`;
            const text = JSON.stringify(r.ok ? r.data : r.error) + (r.ok ? await exportedText(app, r.data) : '');
            if (!SHOWS_TITLE[name]) {
              const leaked = [...new Set(text.match(TITLE_RE) ?? [])].filter((t) => !mayKnow.get(role)?.has(t));
              if (leaked.length) mismatches.push(`${where}: shows applications the caller cannot open: ${leaked.join('、')}`);
            }
            const leakedBrands = SHOWS_BRANDS[name] ? [] : [...new Set(text.match(BRAND_RE) ?? [])].filter((t) => !mayKnowBrands.get(role)?.has(t));
            if (leakedBrands.length) mismatches.push(`${where}: shows brands the caller cannot open: ${leakedBrands.join('、')}`);
            for (const [person, who] of Object.entries(PRIVATE_NAMES)) {
              if (text.includes(person) && !who.includes(role)) mismatches.push(`${where}: names ${person}`);
            }
            let pristineAfter = false;
            if (code !== want.code) {
              mismatches.push(`${where}: expected ${want.allowed ? 'ALLOWED' : 'DENIED'} ${want.code}, got ${code}${r.ok ? '' : ` (${r.error.message})`}`);
            } else if (!want.allowed) {
              pristineAfter = (await fingerprint(app.store)) === pristine;
              if (!pristineAfter) mismatches.push(`${where}: denied, yet something was written`);
            } else if (r.ok && c.sees) {
              for (const p of c.sees(r.data as never, world, role)) mismatches.push(`${where}: ${p}`);
            }
            if (!pristineAfter) {
              await app.close();
              app = null;
            }
          }
        }
      } finally {
        await app?.close();
      }
      expect(mismatches, mismatches.join('\n')).toEqual([]);
    }, SLOW[name]);
  }

  it('reports its size', () => {
    const procedures = Object.keys(MATRIX).length;
    const scopes = Object.values(MATRIX).reduce((n, entry) => n + Object.keys(entry).length, 0);
    const total = scopes * ROLE_NAMES.length;
    const allowed = Object.values(MATRIX).reduce((n, entry) => n + Object.values(entry).reduce((m, c) => m + c.allow.length, 0), 0);
    // eslint-disable-next-line no-console
    console.log(
      `authorization matrix: ${procedures} procedures, ${scopes} (procedure, scope) pairs × ${ROLE_NAMES.length} roles = ${total} cases (${allowed} allowed, ${total - allowed} denied); ${counts.cases} run in this session`,
    );
    // When the whole file runs, every case ran.
    if (counts.procedures === procedures) expect([counts.cases, counts.allowed]).toEqual([total, allowed]);
  });

  /**
   * Regression: a 组织部 member who is also secretary of another committee (c-me) held the
   * "secretary" actor for every committee — the admin role stood in for the committee scope — and
   * could recommend and submit 结项材料 for c-cs projects. Now only the project's own committee acts.
   */
  it('a 组织部 member who is also c-me’s secretary acts for c-me only, not for c-cs', async () => {
    const app = openCopy(world);
    try {
      const staff = 'w-staff';
      await app.ok(staff, 'profile.bind', { name: '组织部干事', staffNo: 'T2020001', kind: 'teacher', committeeId: 'c-med', branchId: 'b-med-t1', politicalStatus: 'full_member', isPartyWorker: true });
      await app.ok(ADMIN, 'people.grant', { userId: uid(staff), role: 'admin' });
      await app.ok(ADMIN, 'people.grant', { userId: uid(staff), role: 'secretary', committeeId: 'c-me' });
      const p = world.projects;
      const calls = (side: 'cs' | 'me') =>
        [
          ['committee.decide', { id: p.submitted[side].id, version: p.submitted[side].version, decision: 'recommend', comment: '同意推荐', rank: 1 }],
          ['final.submit', { projectId: p.passed[side].id, version: p.passed[side].version }],
          ['guidance.add', { projectId: p.cultivating[side].id, date: '2026-12-09', kind: 'visit', text: '走访' }],
        ] as const;
      const before = await fingerprint(app.store);
      for (const [procedure, input] of calls('cs')) {
        const r = await app.raw(staff, procedure, input);
        expect(r.ok ? 'ok' : r.error.code, `${procedure} on a c-cs project`).toBe('FORBIDDEN');
      }
      expect(await fingerprint(app.store)).toBe(before);
      for (const [procedure, input] of calls('me')) {
        const r = await app.raw(staff, procedure, input);
        expect(r.ok ? 'ok' : `${r.error.code} ${r.error.message}`, `${procedure} on a c-me project`).toBe('ok');
      }
    } finally {
      await app.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contracts, type ErrorCode } from '../../shared/contracts';
import { MATRIX, type Case } from './matrix';
import { buildWorld, CALLERS, fingerprint, openCopy, removeWorldFiles, ROLE_NAMES, type RoleName, type World } from './world';

/**
 * Every procedure × every role × every scope, each call on a fresh copy of one fixture world,
 * compared with the hand-written matrix (matrix.ts). A procedure missing from the matrix fails.
 */

let world: World;
let pristine: string;

beforeAll(async () => {
  world = await buildWorld();
  const copy = openCopy(world);
  pristine = await fingerprint(copy.store);
  await copy.close();
}, 60_000);

afterAll(() => removeWorldFiles());

type Outcome = { kind: 'ok' } | { kind: 'refused'; code: ErrorCode; message: string };

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

  for (const [name, entry] of Object.entries(MATRIX)) {
    it(`${name}`, async () => {
      const mismatches: string[] = [];
      counts.procedures++;
      for (const [scope, c] of Object.entries(entry)) {
        counts.scopes++;
        for (const role of ROLE_NAMES) {
          const want = expected(c, role);
          const app = openCopy(world);
          try {
            const r = await app.raw(CALLERS[role], name, c.input(world));
            const got: Outcome = r.ok ? { kind: 'ok' } : { kind: 'refused', code: r.error.code, message: r.error.message };
            const code = got.kind === 'ok' ? 'ok' : got.code;
            counts.cases++;
            if (want.allowed) counts.allowed++;
            else counts.denied++;
            const where = `${name} [${scope}] as ${role}`;
            if (code !== want.code) {
              const msg = got.kind === 'refused' ? ` (${got.message})` : '';
              mismatches.push(`${where}: expected ${want.allowed ? 'ALLOWED' : 'DENIED'} ${want.code}, got ${code}${msg}`);
              continue;
            }
            if (!want.allowed && (await fingerprint(app.store)) !== pristine) mismatches.push(`${where}: denied, yet something was written`);
            if (r.ok && c.sees) for (const p of c.sees(r.data, world, role)) mismatches.push(`${where}: ${p}`);
          } finally {
            await app.close();
          }
        }
      }
      expect(mismatches, mismatches.join('\n')).toEqual([]);
    });
  }

  it('reports its size', () => {
    const perScope = ROLE_NAMES.length;
    // eslint-disable-next-line no-console
    console.log(
      `authorization matrix: ${counts.procedures} procedures, ${counts.scopes} (procedure, scope) pairs × ${perScope} roles = ${counts.cases} cases (${counts.allowed} allowed, ${counts.denied} denied)`,
    );
    expect(counts.cases).toBe(counts.scopes * perScope);
    expect(counts.procedures).toBe(Object.keys(contracts).length);
  });
});

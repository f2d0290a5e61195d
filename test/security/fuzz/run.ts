import fc from 'fast-check';
import { ERROR_CODES, type CallResult } from '@shared/contracts/errors';
import { contracts, type ProcedureName } from '@shared/contracts';
import { procedures } from '../../../cloudfunctions/core/procedures';
import type { Router } from '../../../cloudfunctions/core/router/router';
import { accepts, hostileValid, invalid, normalizePath } from './schema-arbitraries';
import { CONTROL } from './stored';

/** The fixed seed of every fuzz run: a failure names the procedure and reproduces exactly. */
export const SEED = 20_261_127;

/** A per-procedure seed, so adding a procedure does not change the inputs of the others. */
export function seedFor(name: string): number {
  let h = SEED;
  for (let i = 0; i < name.length; i++) h = (Math.imul(h, 31) + name.charCodeAt(i)) | 0;
  return h;
}

/** Invalid inputs for a procedure as the router sees them: it validates `input ?? {}`. */
export function invalidInputs(procedure: ProcedureName, count: number): unknown[] {
  const schema = contracts[procedure].input;
  const arb = invalid(schema).filter((x) => !accepts(schema, x ?? {}));
  return fc.sample(arb, { seed: seedFor(procedure), numRuns: count });
}

export interface Finding {
  procedure: string;
  identity: string | null;
  problem: string;
  input: string;
}

const CHINESE = /[\u4e00-\u9fff]/;
/** Longer than any message a person should read on a phone. */
const MAX_MESSAGE = 300;

/** What is wrong with an answer to an invalid input, or null when it is a proper coded refusal. */
export function problemWith(answer: CallResult<unknown>, allowed: readonly string[]): string | null {
  if (answer.ok) return 'accepted an invalid input';
  const { code, message } = answer.error;
  if (!(ERROR_CODES as readonly string[]).includes(code)) return `unknown error code ${String(code)}`;
  if (code === 'INTERNAL') return `INTERNAL: ${message}`;
  if (!allowed.includes(code)) return `unexpected code ${code}: ${message}`;
  if (typeof message !== 'string' || !CHINESE.test(message)) return `message is not Chinese text: ${JSON.stringify(message)}`;
  // A message is read by a person: it may name a field, not echo a megabyte or raw control characters back.
  if (message.length > MAX_MESSAGE) return `message of ${message.length} characters: ${JSON.stringify(message.slice(0, 80))}…`;
  if (CONTROL.test(message)) return `message with control characters: ${JSON.stringify(message.slice(0, 80))}`;
  return null;
}

/** A short printable form of a hostile input (they can be a megabyte long or 3 000 levels deep). */
export function preview(value: unknown): string {
  try {
    return fc.stringify(value).slice(0, 300);
  } catch {
    return String(typeof value);
  }
}

/**
 * Sends every input as the identities given for it and records what is wrong. Input that fails validation
 * never reaches a handler, so the only fitting answers are VALIDATION, or UNAUTHENTICATED for
 * someone signed out calling a procedure that is not public (the router checks that first).
 */
export async function fuzzProcedure(
  router: Router,
  procedure: ProcedureName,
  inputs: readonly unknown[],
  /** Who sends the i-th input (e.g. signed out, and one identity in turn). */
  identities: (i: number) => ReadonlyArray<string | null>,
  findings: Finding[],
  codes: Map<string, number>,
  /** Filled with the schema paths (see schemaPaths) the refusals pointed at. */
  reached: Set<string> = new Set(),
): Promise<number> {
  const schema = contracts[procedure].input;
  let calls = 0;
  const isPublic = procedures[procedure]?.access === 'public';
  for (const [i, input] of inputs.entries()) {
    for (const openid of identities(i)) {
      const allowed = openid === null && !isPublic ? ['UNAUTHENTICATED'] : ['VALIDATION'];
      calls++;
      let answer: CallResult<unknown>;
      try {
        answer = await router.call(openid ? { openid } : null, { procedure, input, requestId: `fuzz-${calls}` });
      } catch (err) {
        findings.push({ procedure, identity: openid, problem: `router.call threw: ${String(err)}`, input: preview(input) });
        continue;
      }
      if (!answer.ok) {
        codes.set(answer.error.code, (codes.get(answer.error.code) ?? 0) + 1);
        const issues = answer.error.details?.issues;
        if (Array.isArray(issues)) {
          for (const issue of issues as Array<{ path: string }>) reached.add(normalizePath(schema, issue.path === '' ? [] : issue.path.split('.')));
        }
      }
      const problem = problemWith(answer, allowed);
      if (problem) findings.push({ procedure, identity: openid, problem, input: preview(input) });
    }
  }
  return calls;
}

/** Up to `count` inputs the procedure's schema accepts, made of hostile-but-acceptable material. */
export function hostileValidInputs(procedure: ProcedureName, count: number, ids: readonly string[] = []): unknown[] {
  const schema = contracts[procedure].input;
  const accepted = (factor: number) =>
    fc
      .sample(hostileValid(schema, 0, ids), { seed: seedFor(procedure), numRuns: count * factor })
      .filter((x) => accepts(schema, x ?? {}))
      .slice(0, count);
  // Schemas with cross-field rules (a batch calendar in order) accept few: look harder for them.
  const found = accepted(30);
  return found.length >= count ? found : accepted(300);
}

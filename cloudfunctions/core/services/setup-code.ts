import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { CAMPUS_ZONE } from '@shared/time/deadline';
import { StoreError, type StoreOps, type StoredDoc } from '../ports/store';

/**
 * The one-time 初始化码 that makes the first 组织部 administrator of an empty environment. Only
 * the environment's owner sees it: the function writes it to its own log (云开发控制台 → 云函数 →
 * api → 日志), the local host prints it at start. The store keeps a salted hash only. A code lasts
 * 24 hours and survives five wrong tries; then a new one is made and logged.
 */
export const SETUP_CODE_TTL_MS = 24 * 60 * 60 * 1000;
export const SETUP_CODE_MAX_WRONG = 5;
/** No 0/O or 1/I: read from a log and typed on a phone. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export interface SetupCodeDoc extends StoredDoc {
  hash: string;
  salt: string;
  createdAt: string;
  expiresAt: string;
  wrong: number;
}

/** Written once, by the claim that wins: its fixed `_id` makes a second claim a DUPLICATE. */
export interface FirstAdminDoc extends StoredDoc {
  userId: string;
  at: string;
}

export const SETUP_CODE_ID = 'code';
export const FIRST_ADMIN_ID = 'first-admin';

/** Where the code goes: console.log is the cloud function's log. */
export type SetupLog = (line: string) => void;
export const consoleSetupLog: SetupLog = (line) => console.log(line);

const hashOf = (salt: string, code: string) => createHash('sha256').update(`${salt}:${code}`).digest('hex');

export function sameCode(doc: Pick<SetupCodeDoc, 'hash' | 'salt'>, code: string): boolean {
  const a = Buffer.from(hashOf(doc.salt, code), 'hex');
  const b = Buffer.from(doc.hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

function randomText(n: number): string {
  let s = '';
  for (let i = 0; i < n; i += 1) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

/** "ABCD-EFGH-JKLM": how the code is shown (the claim ignores dashes and spaces). */
export const showCode = (code: string) => code.replace(/(.{4})(?=.)/g, '$1-');

/** Whether anybody holds the 组织部 role (the demo seed's admin counts, as does a claimed one). */
export async function adminExists(store: StoreOps): Promise<boolean> {
  if (await store.get<FirstAdminDoc>('setup', FIRST_ADMIN_ID)) return true;
  return (await store.find('roleIndex', { where: { role: 'admin' }, limit: 1 })).length > 0;
}

const beijing = (d: Date) => `${d.toLocaleString('zh-CN', { timeZone: CAMPUS_ZONE, hour12: false })}（北京时间）`;

/** Makes a new code (replacing any earlier one), logs it, and answers it; null once an administrator exists. */
export async function issueSetupCode(store: StoreOps, now: Date, log: SetupLog = consoleSetupLog): Promise<string | null> {
  if (await adminExists(store)) return null;
  const code = randomText(12);
  const salt = randomText(16);
  const expires = new Date(now.getTime() + SETUP_CODE_TTL_MS);
  const fields = { hash: hashOf(salt, code), salt, createdAt: now.toISOString(), expiresAt: expires.toISOString(), wrong: 0 };
  for (let attempt = 0; ; attempt += 1) {
    const old = await store.get<SetupCodeDoc>('setup', SETUP_CODE_ID);
    try {
      if (old) await store.update<SetupCodeDoc>('setup', SETUP_CODE_ID, old.version, fields);
      else await store.insert<SetupCodeDoc>('setup', { _id: SETUP_CODE_ID, ...fields });
      break;
    } catch (err) {
      // Two instances renewing at once: the later write wins after a re-read (both log their own).
      if (attempt < 2 && err instanceof StoreError && (err.kind === 'CONFLICT' || err.kind === 'DUPLICATE')) continue;
      throw err;
    }
  }
  log(`【系统初始化】初始化码：${showCode(code)}（${beijing(expires)}前有效，仅能使用一次）。在小程序“系统初始化”页输入，成为第一位党委组织部管理员。`);
  return code;
}

export const codeUsable = (doc: SetupCodeDoc | null, now: Date): doc is SetupCodeDoc =>
  doc !== null && Date.parse(doc.expiresAt) > now.getTime() && doc.wrong < SETUP_CODE_MAX_WRONG;

/** While no administrator exists, keeps a usable code in place (a new one, logged, when the last expired or was used up). */
export async function ensureSetupCode(store: StoreOps, now: Date, log: SetupLog = consoleSetupLog): Promise<void> {
  if (await adminExists(store)) return;
  if (codeUsable(await store.get<SetupCodeDoc>('setup', SETUP_CODE_ID), now)) return;
  await issueSetupCode(store, now, log);
}

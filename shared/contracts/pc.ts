import { z } from 'zod';
import { idSchema } from './common';

/** A sign-in ticket id: the mini-program code's scene (22 characters of base64url). */
const ticketId = z.string({ error: '登录码须为文字' }).regex(/^[A-Za-z0-9_-]{16,32}$/, '登录码格式有误，请在电脑上刷新后重新扫码');
const secret = z.string({ error: '登录凭据须为文字' }).regex(/^[A-Za-z0-9_-]{32,64}$/, '登录凭据格式有误，请刷新电脑上的登录页');

export const pcCode = z.union([
  z.object({ kind: z.literal('image'), url: z.string() }),
  /** Local host: the confirmation page's address, drawn as a QR code by the PC. */
  z.object({ kind: z.literal('link'), path: z.string() }),
]);

export const pcSessionView = z.object({
  _id: z.string(),
  browser: z.string(),
  ip: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  /** The session this very call came over. */
  current: z.boolean(),
});
export type PcSessionView = z.infer<typeof pcSessionView>;

export const pcContracts = {
  /**
   * The PC asks for a sign-in code. Signed out; rate-limited per IP. The poll secret is the PC's alone.
   * `browser` is accepted from pages built before, and ignored: the server parses the User-Agent itself.
   */
  'pcLogin.start': {
    input: z.object({ browser: z.string({ error: '浏览器信息须为文字' }).max(300, '浏览器信息过长').optional() }).strict(),
    output: z.object({ ticketId: z.string(), pollSecret: z.string(), expiresAt: z.string(), code: pcCode }),
  },
  /** The phone, after scanning: what is asking to sign in. Marks the ticket scanned by this person. */
  'pcLogin.describe': {
    input: z.object({ ticketId }).strict(),
    output: z.object({ browser: z.string(), ip: z.string(), requestedAt: z.string(), expiresAt: z.string() }),
  },
  /** The phone confirms or refuses. */
  'pcLogin.answer': {
    input: z.object({ ticketId, confirm: z.boolean({ error: '请选择确认或拒绝' }) }).strict(),
    output: z.object({ state: z.enum(['confirmed', 'refused']) }),
  },
  /** The PC polls with its secret; once confirmed it receives the session token, once. */
  'pcLogin.poll': {
    input: z.object({ ticketId, pollSecret: secret }).strict(),
    output: z.discriminatedUnion('status', [
      z.object({ status: z.enum(['pending', 'scanned', 'refused', 'expired', 'consumed']) }),
      z.object({ status: z.literal('signedIn'), token: z.string(), expiresAt: z.string(), name: z.string() }),
    ]),
  },
  /** The person's signed-in PCs (我的). */
  'pcSession.mine': { input: z.object({}).strict(), output: z.array(pcSessionView) },
  /** Signs one of the person's own PCs out (the PC itself included). */
  'pcSession.signOut': { input: z.object({ sessionId: idSchema }).strict(), output: z.object({ signedOut: z.boolean() }) },
  /** 组织部: a person's signed-in PCs (人员与角色), to see before signing them out. */
  'pcSession.ofPerson': { input: z.object({ userId: idSchema }).strict(), output: z.array(pcSessionView) },
  /** 组织部: signs out every PC of a person. */
  'pcSession.signOutAll': { input: z.object({ userId: idSchema }).strict(), output: z.object({ signedOut: z.number() }) },
} as const;

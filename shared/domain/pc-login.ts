/**
 * 扫码登录: a PC asks for a one-time sign-in ticket, the person confirms it on the phone, the PC
 * collects a session. One way only: pending → scanned → confirmed → consumed (or refused), each
 * ticket alive for two minutes. Sessions end 8 h after their last use and 24 h after sign-in.
 */
export const TICKET_TTL_MS = 2 * 60_000;
export const SESSION_IDLE_MS = 8 * 3_600_000;
export const SESSION_MAX_MS = 24 * 3_600_000;

export type TicketState = 'pending' | 'scanned' | 'confirmed' | 'refused' | 'consumed';

export interface TicketTimes {
  state: TicketState;
  expiresAt: string;
}

/** The state as the PC and the phone see it now: a ticket not collected in time is expired. */
export function ticketStatus(t: TicketTimes, now: Date): TicketState | 'expired' {
  if (t.state === 'consumed' || t.state === 'refused') return t.state;
  return now.toISOString() >= t.expiresAt ? 'expired' : t.state;
}

export interface SessionTimes {
  createdAt: string;
  lastSeenAt: string;
  signedOutAt: string | null;
}

export type SessionEnd = 'signedOut' | 'idle' | 'expired';

/** Why a PC session no longer signs anyone in, or null while it does. */
export function sessionEnd(s: SessionTimes, now: Date): SessionEnd | null {
  if (s.signedOutAt) return 'signedOut';
  const t = now.getTime();
  if (t >= Date.parse(s.createdAt) + SESSION_MAX_MS) return 'expired';
  if (t >= Date.parse(s.lastSeenAt) + SESSION_IDLE_MS) return 'idle';
  return null;
}

/** When the session ends if it keeps being used: the earlier of idle and absolute expiry. */
export function sessionExpiresAt(s: SessionTimes): string {
  return new Date(Math.min(Date.parse(s.createdAt) + SESSION_MAX_MS, Date.parse(s.lastSeenAt) + SESSION_IDLE_MS)).toISOString();
}

/**
 * A scan's launch scene: 1047 is a scan of a mini-program code; 1048 (from an image) and 1049
 * (a long press) suggest someone forwarded a screenshot of it.
 */
export function secondHandScan(scene: number | null): boolean {
  return scene === 1048 || scene === 1049;
}

import type { StoreOps } from '../ports/store';

/** One append-only line of the audit log: who did what, when, why, and the state before and after. */
export interface AuditEntry {
  _id: string;
  version: number;
  entityType: 'project' | 'user' | 'batch' | 'brand' | 'unit' | 'import';
  entityId: string;
  action: string;
  actorId: string;
  at: string;
  from: string | null;
  to: string | null;
  reason: string | null;
  requestId: string | null;
  /** Orders lines written in the same millisecond (one call often writes several). */
  seq?: number;
}

// Monotonic within a process; lines of one call are written by one process.
let lastSeq = 0;
function nextSeq(): number {
  lastSeq = Math.max(lastSeq + 1, Date.now() * 1000);
  return lastSeq;
}

export async function audit(
  tx: StoreOps,
  entry: Omit<AuditEntry, 'version' | 'reason' | 'requestId'> & { reason?: string | null; requestId?: string | null },
): Promise<AuditEntry> {
  return tx.insert<AuditEntry>('audit', { reason: null, requestId: null, ...entry, seq: nextSeq() });
}

import type { StoreOps } from '../ports/store';

/** One append-only line of the audit log: who did what, when, why, and the state before and after. */
export interface AuditEntry {
  _id: string;
  version: number;
  entityType: 'project' | 'user' | 'batch' | 'brand';
  entityId: string;
  action: string;
  actorId: string;
  at: string;
  from: string | null;
  to: string | null;
  reason: string | null;
  requestId: string | null;
}

export async function audit(
  tx: StoreOps,
  entry: Omit<AuditEntry, 'version' | 'reason' | 'requestId'> & { reason?: string | null; requestId?: string | null },
): Promise<void> {
  await tx.insert<AuditEntry>('audit', { reason: null, requestId: null, ...entry });
}

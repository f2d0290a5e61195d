import type { Context } from '../context';
import type { CheckVerdict } from '../ports/content-check';
import type { StoreOps, StoredDoc } from '../ports/store';

/** The content check of one picture that may become public; `_id` is its file id. */
export interface MediaCheck extends StoredDoc {
  status: CheckVerdict | 'pending';
  traceId: string | null;
  checkedAt: string;
}

/**
 * Starts the check of every picture not checked yet. Locally the verdict is immediate; on WeChat
 * it arrives later (wxa_media_check) and the picture stays hidden from public pages until then.
 */
export async function startImageChecks(ctx: Context, fileIds: readonly string[]): Promise<void> {
  const fresh: string[] = [];
  for (const id of new Set(fileIds)) if (!(await ctx.store.get<MediaCheck>('mediaChecks', id))) fresh.push(id);
  if (fresh.length === 0) return;
  const urls = await ctx.files.urls(fresh);
  for (const id of fresh) {
    const url = urls.get(id);
    const started = url ? await ctx.contentCheck.checkImage(url, ctx.identity?.openid ?? null) : { verdict: 'review' as const };
    const doc = 'traceId' in started ? { status: 'pending' as const, traceId: started.traceId } : { status: started.verdict, traceId: null };
    try {
      await ctx.store.insert<MediaCheck>('mediaChecks', { _id: id, ...doc, checkedAt: ctx.now.toISOString() });
    } catch {
      // Another promotion started the same picture's check first: its record stands.
    }
  }
}

/** The pictures among `fileIds` that passed the check and may be shown in public. */
export async function clearedImages(store: StoreOps, fileIds: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const id of new Set(fileIds)) if ((await store.get<MediaCheck>('mediaChecks', id))?.status === 'pass') out.add(id);
  return out;
}

/** Records WeChat's asynchronous verdict for a trace id; unknown trace ids are ignored. */
export async function recordMediaVerdict(store: StoreOps, traceId: string, suggest: string, at: string): Promise<boolean> {
  const [check] = await store.find<MediaCheck>('mediaChecks', { where: { traceId }, limit: 1 });
  if (!check) return false;
  const status: CheckVerdict = suggest === 'pass' ? 'pass' : suggest === 'risky' ? 'risky' : 'review';
  await store.update<MediaCheck>('mediaChecks', check._id, check.version, { status, checkedAt: at });
  return true;
}

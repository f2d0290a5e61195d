/** A wxa_media_check message push: `{ Event: 'wxa_media_check', trace_id, result: { suggest } }`. Only read once `classifyTrigger` says the event is a push. */
export function mediaCheckPush(event: unknown): { traceId: string; suggest: string } | null {
  const e = event as { Event?: unknown; trace_id?: unknown; result?: { suggest?: unknown } } | null;
  if (!e || e.Event !== 'wxa_media_check' || typeof e.trace_id !== 'string') return null;
  return { traceId: e.trace_id, suggest: typeof e.result?.suggest === 'string' ? e.result.suggest : 'review' };
}

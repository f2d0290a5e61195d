import { guardUnhandledRejections } from '../core/process-guard';

guardUnhandledRejections();

/**
 * The timer function. Its job (planning and sending deadline reminders) arrives with the
 * reminders issue; until then a run reports that there is nothing to do.
 */
export async function main(): Promise<{ ok: true; data: { planned: number; sent: number } }> {
  return { ok: true, data: { planned: 0, sent: 0 } };
}

import type { OutputOf } from '@shared/contracts';
import { platform } from '../platform';
import { call } from './client';

export type SubscribeTemplate = OutputOf<'subscribe.templates'>['templates'][number];

/** What asking for reminders came to: how many templates the person allowed (null: not asked). */
export interface AskOutcome {
  asked: boolean;
  accepted: number;
}

/** The templates to ask for (WeChat only; [] in a browser or when the server has none). */
export async function loadSubscribeTemplates(): Promise<SubscribeTemplate[]> {
  if (!platform.canSubscribe) return [];
  return (await call('subscribe.templates', {})).templates.slice(0, 3);
}

/**
 * Asks for one reminder of each template and records the answers. On WeChat the dialog only opens
 * from a tap, so `templates` must be loaded beforehand and this called before any other await of
 * the tap handler. In a browser it does nothing (reminders arrive in the WeChat mini-program).
 */
export async function askForReminders(templates: SubscribeTemplate[]): Promise<AskOutcome> {
  if (!platform.canSubscribe || templates.length === 0) return { asked: false, accepted: 0 };
  const answers = await platform.requestSubscribe(templates.map((t) => t.templateId));
  const results: Record<string, (typeof answers)[string]> = {};
  for (const t of templates) {
    const answer = answers[t.templateId];
    if (answer) results[t.key] = answer;
  }
  if (Object.keys(results).length > 0) await call('subscribe.record', { results });
  return { asked: true, accepted: Object.values(results).filter((r) => r === 'accept').length };
}

/**
 * The local host only (a browser has no WeChat dialog): records an "accept" for each template, as
 * if the person had allowed one reminder of each in WeChat, so the dev inbox can show them.
 */
export async function simulateSubscribeForDev(): Promise<number> {
  const { templates } = await call('subscribe.templates', {});
  const chosen = templates.slice(0, 3);
  if (chosen.length === 0) return 0;
  await call('subscribe.record', { results: Object.fromEntries(chosen.map((t) => [t.key, 'accept' as const])) });
  return chosen.length;
}

import { useCallback, useEffect, useRef } from 'react';
import { askForReminders, loadSubscribeTemplates, type AskOutcome, type SubscribeTemplate } from '../api/reminders';

/**
 * Loads the reminder templates when the page opens, so that a tap can ask for them at once (WeChat
 * opens the dialog only from a tap). `ask()` never rejects: reminders are a bonus, the to-do list
 * shows everything anyway.
 */
export function useReminderAsk(): { ask: () => Promise<AskOutcome> } {
  const templates = useRef<SubscribeTemplate[]>([]);
  useEffect(() => {
    let alive = true;
    loadSubscribeTemplates()
      .then((t) => {
        if (alive) templates.current = t;
      })
      .catch(() => {});
    return () => {
      alive = false;
    };
  }, []);
  const ask = useCallback(() => askForReminders(templates.current).catch((): AskOutcome => ({ asked: true, accepted: 0 })), []);
  return { ask };
}

import type { ComponentProps, ReactNode } from 'react';
import { useTapGuard } from '../hooks/useTapGuard';
import { confirm } from './confirm';
import { Button } from './ui';

type ButtonProps = Omit<ComponentProps<typeof Button>, 'onClick' | 'loading' | 'children'>;

export interface Ask {
  title: string;
  content: string;
  confirmText?: string;
}

/**
 * A button that changes state: a second tap is ignored until the first tap's answer is back
 * (and while its question is open). `ask` puts a confirmation first — every action that undoes
 * another (撤回) asks. `onTap` reports its own errors; one it lets through is swallowed here so a
 * tap never ends in an unhandled rejection.
 */
export function ActionButton({ onTap, ask, disabled, children, ...rest }: ButtonProps & { onTap: () => Promise<unknown> | void; ask?: Ask; children: ReactNode }) {
  const { busy, guard } = useTapGuard();
  const tap = () =>
    void guard(async () => {
      if (ask && !(await confirm(ask.title, ask.content, ask.confirmText))) return;
      await onTap();
    }).catch(() => undefined);
  return (
    <Button {...rest} loading={busy} disabled={disabled || busy} onClick={tap}>
      {children}
    </Button>
  );
}

let guarded = false;

/**
 * wx-server-sdk can reject a promise nobody awaits (seen without credentials): log it and keep
 * the process alive instead of letting Node end it.
 */
export function guardUnhandledRejections(): void {
  if (guarded) return;
  guarded = true;
  process.on('unhandledRejection', (reason) => {
    console.error('unhandled rejection (kept alive):', reason instanceof Error ? reason.message : reason);
  });
}

// What a setup file may change in the runtime double's sandbox (the V8 context the compiled app
// runs in) before any of the app's code loads: runtime.ts calls each hook with the context, its
// timers already in place. ios15-promise.ts uses it for WeChat's iOS ≤15 Promise.
import type vm from 'node:vm';

export type SandboxHook = (context: vm.Context) => void;

const hooks: Array<{ name: string; hook: SandboxHook }> = [];

/** Registers a change to every sandbox made from now on in this test file's worker. */
export function onSandbox(name: string, hook: SandboxHook): void {
  hooks.push({ name, hook });
}

/** The names of the changes in force (a test may assert which mode it runs in). */
export const sandboxChanges = () => hooks.map((h) => h.name);

export function prepareSandbox(context: vm.Context): void {
  for (const { hook } of hooks) hook(context);
}

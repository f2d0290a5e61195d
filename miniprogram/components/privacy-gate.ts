/**
 * WeChat's privacy authorization (基础库 2.32.3+, `__usePrivacyCheck__` in app.json): before an API
 * that collects personal data (choosing a photo or a file, …) runs for the first time, WeChat
 * calls the onNeedPrivacyAuthorization listener and holds the API until `resolve` is called —
 * with { event: 'agree', buttonId } only after the person tapped a button with
 * open-type="agreePrivacyAuthorization" and that id. No Taro import here, so it is testable in Node.
 */
export const AGREE_BUTTON_ID = 'privacy-agree';

export type PrivacyResolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void;

/** The part of the platform API the gate needs; absent members mean "not supported here". */
export interface PrivacyApi {
  onNeedPrivacyAuthorization?: (listener: (resolve: PrivacyResolve, info: { referrer: string }) => void) => void;
  requirePrivacyAuthorize?: (option: { success?: () => void; fail?: () => void }) => void;
}

export interface PrivacyState {
  /** True while WeChat waits for the person's answer (the popup is shown). */
  open: boolean;
  /** The API or component that asked (e.g. "chooseImage"). */
  referrer: string | null;
}

type Listener = (state: PrivacyState) => void;

let api: PrivacyApi | null = null;
let pending: PrivacyResolve | null = null;
let state: PrivacyState = { open: false, referrer: null };
const listeners = new Set<Listener>();

function set(next: PrivacyState): void {
  state = next;
  for (const l of listeners) l(state);
}

/**
 * Installs the listener once at launch. `platformApi` is null where there is no such check (H5):
 * the gate then stays closed and every call below is a no-op. Returns whether it is active.
 */
export function installPrivacyGate(platformApi: PrivacyApi | null): boolean {
  api = platformApi;
  if (typeof platformApi?.onNeedPrivacyAuthorization !== 'function') return false;
  platformApi.onNeedPrivacyAuthorization((resolve, info) => {
    // A second request while one is shown replaces it; the earlier one is answered "disagree".
    pending?.({ event: 'disagree' });
    pending = resolve;
    resolve({ event: 'exposureAuthorization' });
    set({ open: true, referrer: info?.referrer ?? null });
  });
  return true;
}

export function privacyState(): PrivacyState {
  return state;
}

export function subscribePrivacy(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called from the agree button's onAgreePrivacyAuthorization: the held API goes on. */
export function agreePrivacy(): void {
  pending?.({ event: 'agree', buttonId: AGREE_BUTTON_ID });
  pending = null;
  set({ open: false, referrer: null });
}

/** The person refused: the held API fails ("privacy permission is not authorized"). */
export function refusePrivacy(): void {
  pending?.({ event: 'disagree' });
  pending = null;
  set({ open: false, referrer: null });
}

/**
 * Asks up front (on a page that is about to collect personal data), so the popup appears before
 * the person fills anything in; answers at once when they already agreed. No-op without support.
 */
export function askPrivacyUpFront(): void {
  if (typeof api?.requirePrivacyAuthorize !== 'function') return;
  api.requirePrivacyAuthorize({ success: () => undefined, fail: () => undefined });
}

/** Test hook: forget the installed API and any pending question. */
export function resetPrivacyGate(): void {
  api = null;
  pending = null;
  listeners.clear();
  state = { open: false, referrer: null };
}

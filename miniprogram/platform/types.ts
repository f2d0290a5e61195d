/** What differs between WeChat and the browser, behind one interface. */
export interface CallEnvelope {
  procedure: string;
  input: unknown;
  requestId: string;
}

export interface Platform {
  name: 'weapp' | 'h5';
  /** Called once when the app launches. */
  init(): void;
  /** Sends one procedure call to the server and resolves with its `{ ok, ... }` answer. */
  callFunction(envelope: CallEnvelope): Promise<unknown>;
  /** Where a person goes to sign in when the server does not know them (local host only). */
  signInUrl: string | null;
}

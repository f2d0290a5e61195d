// DOUBLE of WeChat's privacy authorization (__usePrivacyCheck__): until the person agrees, an API
// that collects personal data is held and the app's onNeedPrivacyAuthorization listener is
// called with a `resolve`; { event: 'agree', buttonId } lets it run only after a button with
// open-type="agreePrivacyAuthorization" and that id was tapped; 'disagree' fails it with
// errno 104. Not reproduced: WeChat's own popup when the app registers no listener (here the API
// fails, so a missing listener shows up as a failure), and the per-version list of guarded APIs.
import type { WxHost } from './wx';

export interface PrivacyDouble {
  agreed: boolean;
  /** Called by the runtime when a button with open-type agreePrivacyAuthorization is tapped. */
  agreeButtonTapped(id: string): void;
  /** APIs currently held, waiting for the person. */
  held(): string[];
}

type Listener = (resolve: (o: { event: string; buttonId?: string }) => void, info: { referrer: string }) => void;

export function privacyApis(host: WxHost, record: (api: string, args: unknown) => void) {
  let listener: Listener | null = null;
  const tapped = new Set<string>();
  const waiting: Array<{ api: string; done: (ok: boolean) => void }> = [];
  const double: PrivacyDouble = {
    agreed: false,
    agreeButtonTapped: (id) => void tapped.add(id),
    held: () => waiting.map((w) => w.api),
  };

  /** Resolves when the API may run, rejects with WeChat's errMsg when the person refused. */
  function gate(api: string): Promise<void> {
    if (double.agreed) return Promise.resolve();
    if (!listener) return Promise.reject({ errMsg: `${api}:fail privacy permission is not authorized`, errno: 104 });
    const l = listener;
    // Not counted as work in flight: the page has settled, showing the question to the person.
    return (
      new Promise<void>((resolve, reject) => {
        const entry = {
          api,
          done: (ok: boolean) => (ok ? resolve() : reject({ errMsg: `${api}:fail privacy permission is not authorized`, errno: 104 })),
        };
        waiting.push(entry);
        l((answer) => {
          record('privacy.resolve', answer);
          if (answer.event === 'exposureAuthorization') return;
          const i = waiting.indexOf(entry);
          if (i < 0) return;
          if (answer.event === 'agree') {
            // WeChat accepts "agree" only right after the person tapped that agree button.
            if (!answer.buttonId || !tapped.has(answer.buttonId)) return;
            double.agreed = true;
            for (const w of waiting.splice(0)) w.done(true);
          } else {
            waiting.splice(i, 1);
            entry.done(false);
          }
        }, { referrer: api });
      })
    );
  }

  const wx = {
    onNeedPrivacyAuthorization(l: Listener) {
      record('onNeedPrivacyAuthorization', null);
      listener = l;
    },
    requirePrivacyAuthorize(o: { success?: () => void; fail?: (e: unknown) => void; complete?: () => void } = {}) {
      record('requirePrivacyAuthorize', null);
      void gate('requirePrivacyAuthorize').then(
        () => {
          o.success?.();
          o.complete?.();
        },
        (e: unknown) => {
          o.fail?.(host.toApp(e));
          o.complete?.();
        },
      );
    },
    getPrivacySetting(o: { success?: (r: unknown) => void } = {}) {
      record('getPrivacySetting', null);
      setTimeout(() => o.success?.(host.toApp({ needAuthorization: !double.agreed, privacyContractName: '《党建品牌与精品项目隐私保护指引》', errMsg: 'getPrivacySetting:ok' })), 0);
    },
  };
  return { wx, gate, double };
}

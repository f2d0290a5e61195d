import type { Notifier, SendOutcome } from '../../ports/notifier';

/** The slice of wx-server-sdk used: `cloud.openapi.subscribeMessage.send` (config.json permission). */
export interface WechatSubscribeApi {
  subscribeMessage: {
    send(options: { touser: string; templateId: string; page: string; data: Record<string, { value: string }>; miniprogramState?: string }): Promise<{ errCode?: number; errMsg?: string }>;
  };
}

const NO_GRANT = new Set([43101]);
/** 47003 bad data; 40003 bad openid; 40037 bad template id; 41030 bad page. */
const BAD_DATA = new Set([47003, 40003, 40037, 41030]);
/** -1 system busy; 45009 / 45011 rate limits. */
const TRANSIENT = new Set([-1, 45009, 45011]);

export function classifySendError(errCode: number | undefined, errMsg: string): SendOutcome {
  const code = String(errCode ?? 'none');
  if (errCode === undefined) return { ok: false, kind: 'unknown', code, message: errMsg };
  if (NO_GRANT.has(errCode)) return { ok: false, kind: 'noGrant', code, message: errMsg };
  if (BAD_DATA.has(errCode)) return { ok: false, kind: 'badData', code, message: errMsg };
  if (TRANSIENT.has(errCode)) return { ok: false, kind: 'transient', code, message: errMsg };
  return { ok: false, kind: 'badData', code, message: errMsg };
}

export function createWechatNotifier(api: WechatSubscribeApi, miniprogramState: 'formal' | 'trial' | 'developer' = 'formal'): Notifier {
  return {
    async send(m) {
      try {
        const r = await api.subscribeMessage.send({ touser: m.openid, templateId: m.templateId, page: m.page, data: m.data, miniprogramState });
        if (r.errCode === undefined || r.errCode === 0) return { ok: true };
        return classifySendError(r.errCode, r.errMsg ?? '');
      } catch (err) {
        // The SDK throws with errCode on an API error; without one (network, timeout) the outcome is unknown.
        const e = err as { errCode?: unknown; errMsg?: unknown; message?: unknown };
        return classifySendError(typeof e.errCode === 'number' ? e.errCode : undefined, String(e.errMsg ?? e.message ?? err));
      }
    },
  };
}

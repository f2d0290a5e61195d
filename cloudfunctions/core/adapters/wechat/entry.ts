import type { CallResult } from '@shared/contracts';
import { createApp } from '../../app';
import { guardUnhandledRejections } from '../../process-guard';
import type { Router } from '../../router/router';
import type { Store } from '../../ports/store';
import { recordMediaVerdict } from '../../services/media-check';
import { createWechatContentCheck, type WechatSecurityCloud } from './content-check';
import { createWechatFiles, type WechatDownload, type WechatStorage } from './files';
import { createWechatMiniCode, type WechatCodeCloud } from './mini-code';
import { createWechatNotifier, type WechatSubscribeApi } from './notifier';
import { createWechatStore, type WechatDatabase } from './store';
import { answerHttp, httpRequest, type HttpResponse, type ShowcaseShell } from './http';
import { mediaCheckPush } from './push';
import { classifyTrigger, type WxContext } from './trigger';
import { identityFromBearer } from '../../services/pc-session';
import { createStoreLimits, loadStoreLimits, type StoreLimits } from '../../services/store-limits';

export type { ShowcaseShell } from './http';

/** The slice of wx-server-sdk the api function needs (after `cloud.init`). */
export interface WechatCloud extends WechatStorage, WechatDownload {
  database(): WechatDatabase;
  getWXContext(): WxContext;
  /** Typed loosely by the SDK (its members are made on access); narrowed by `openapiOf`. */
  openapi: Record<string, unknown>;
  uploadFile: WechatCodeCloud['uploadFile'];
}

type OpenApi = WechatSecurityCloud['openapi'] & WechatCodeCloud['openapi'];

/** Checks that the openapi calls this function uses are there before relying on them. */
function openapiOf(cloud: WechatCloud): OpenApi {
  const api = cloud.openapi as { security?: { msgSecCheck?: unknown }; wxacode?: { getUnlimited?: unknown } };
  const security = api.security as { msgSecCheck?: unknown; mediaCheckAsync?: unknown } | undefined;
  const subscribe = (api as { subscribeMessage?: { send?: unknown } }).subscribeMessage;
  if (typeof subscribe?.send !== 'function') throw new Error('wx-server-sdk openapi lacks subscribeMessage.send');
  if (typeof security?.msgSecCheck !== 'function' || typeof security.mediaCheckAsync !== 'function' || typeof api.wxacode?.getUnlimited !== 'function') {
    throw new Error('wx-server-sdk openapi lacks security.msgSecCheck, security.mediaCheckAsync or wxacode.getUnlimited');
  }
  return api as OpenApi;
}

/** Builds the cloud function's `main`: the trigger and the identity from the WeChat context, never from the event. */
export function createWechatMain(cloud: WechatCloud, showcaseShell: () => ShowcaseShell | null = () => null): (event: unknown) => Promise<CallResult<unknown> | HttpResponse> {
  guardUnhandledRejections();
  let app: { router: Router; store: Store; limits: StoreLimits } | null = null;
  return async (event) => {
    if (!app) {
      const openapi = openapiOf(cloud);
      const store = createWechatStore(cloud.database());
      const router = createApp({
        store,
        contentCheck: createWechatContentCheck({ openapi }),
        files: createWechatFiles(cloud),
        miniCode: createWechatMiniCode({ openapi, uploadFile: (o) => cloud.uploadFile(o), getTempFileURL: (o) => cloud.getTempFileURL(o) }),
        // scheduler.run (the 组织部's "run now") sends real subscription messages, like the timer.
        notifier: createWechatNotifier(openapi as unknown as WechatSubscribeApi),
      });
      app = { router, store, limits: createStoreLimits(store, loadStoreLimits(), () => Date.now()) };
    }
    const trigger = classifyTrigger(event, cloud.getWXContext());
    if (trigger.kind === 'push') {
      // WeChat pushes the verdict of mediaCheckAsync to this function as a message event.
      const push = mediaCheckPush(event);
      if (push) await recordMediaVerdict(app.store, push.traceId, push.suggest, new Date().toISOString());
      return { ok: true, data: 'success' };
    }
    if (trigger.kind === 'http') {
      // The web pages (the H5 build on static hosting): public procedures, or a PC signed in by scanning.
      const http = httpRequest(event);
      const { store, limits } = app;
      if (http) return answerHttp(app.router, http, showcaseShell, (authorization) => identityFromBearer(store, authorization, new Date()), (key) => limits.take('prerender', key));
    }
    const openid = trigger.kind === 'call' ? trigger.openid : null;
    return app.router.call(openid ? { openid } : null, event);
  };
}

import type { CallResult } from '../../../../shared/contracts';
import { createApp } from '../../app';
import { guardUnhandledRejections } from '../../process-guard';
import type { Router } from '../../router/router';
import { createWechatStore, type WechatDatabase } from './store';

/** The slice of wx-server-sdk the api function needs (after `cloud.init`). */
export interface WechatCloud {
  database(): WechatDatabase;
  getWXContext(): { OPENID?: string };
}

/** Builds the cloud function's `main`: identity from the WeChat context, never from the event. */
export function createWechatMain(cloud: WechatCloud): (event: unknown) => Promise<CallResult<unknown>> {
  guardUnhandledRejections();
  let router: Router | null = null;
  return async (event) => {
    router ??= createApp({ store: createWechatStore(cloud.database()) });
    const openid = cloud.getWXContext().OPENID;
    return router.call(openid ? { openid } : null, event);
  };
}

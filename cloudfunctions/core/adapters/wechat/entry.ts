import type { CallResult } from '../../../../shared/contracts';
import { createApp } from '../../app';
import { guardUnhandledRejections } from '../../process-guard';
import type { Router } from '../../router/router';
import { createWechatContentCheck, type WechatSecurityCloud } from './content-check';
import { createWechatFiles, type WechatStorage } from './files';
import { createWechatMiniCode, type WechatCodeCloud } from './mini-code';
import { createWechatStore, type WechatDatabase } from './store';

/** The slice of wx-server-sdk the api function needs (after `cloud.init`). */
export interface WechatCloud extends WechatStorage {
  database(): WechatDatabase;
  getWXContext(): { OPENID?: string };
  /** Typed loosely by the SDK (its members are made on access); narrowed by `openapiOf`. */
  openapi: Record<string, unknown>;
  uploadFile: WechatCodeCloud['uploadFile'];
}

type OpenApi = WechatSecurityCloud['openapi'] & WechatCodeCloud['openapi'];

/** Checks that the openapi calls this function uses are there before relying on them. */
function openapiOf(cloud: WechatCloud): OpenApi {
  const api = cloud.openapi as { security?: { msgSecCheck?: unknown }; wxacode?: { getUnlimited?: unknown } };
  if (typeof api.security?.msgSecCheck !== 'function' || typeof api.wxacode?.getUnlimited !== 'function') {
    throw new Error('wx-server-sdk openapi lacks security.msgSecCheck or wxacode.getUnlimited');
  }
  return api as OpenApi;
}

/** Builds the cloud function's `main`: identity from the WeChat context, never from the event. */
export function createWechatMain(cloud: WechatCloud): (event: unknown) => Promise<CallResult<unknown>> {
  guardUnhandledRejections();
  let router: Router | null = null;
  return async (event) => {
    if (!router) {
      const openapi = openapiOf(cloud);
      router = createApp({
        store: createWechatStore(cloud.database()),
        contentCheck: createWechatContentCheck({ openapi }),
        files: createWechatFiles(cloud),
        miniCode: createWechatMiniCode({ openapi, uploadFile: (o) => cloud.uploadFile(o), getTempFileURL: (o) => cloud.getTempFileURL(o) }),
      });
    }
    const openid = cloud.getWXContext().OPENID;
    return router.call(openid ? { openid } : null, event);
  };
}

import type { CheckVerdict, ContentCheck } from '../../ports/content-check';

/** The slice of wx-server-sdk used for text checks (needs `security.msgSecCheck` in config.json). */
export interface WechatSecurityCloud {
  openapi: {
    security: {
      msgSecCheck(options: { openid: string; scene: number; version: number; content: string }): Promise<{ result?: { suggest?: string } }>;
      mediaCheckAsync(options: { media_url: string; media_type: number; version: number; scene: number; openid: string }): Promise<{ trace_id?: string }>;
    };
  };
}

const SCENE_PROFILE_OR_ARTICLE = 3; // 论坛 (posts that others read), per WeChat's msgSecCheck v2
const MAX_CHARS = 2500; // the API's limit per call

/**
 * `security.msgSecCheck` v2: suggest 'pass' | 'review' | 'risky'. Long text is checked in parts;
 * the worst verdict wins. A call that fails is 'review', so nothing unchecked goes public.
 */
export function createWechatContentCheck(cloud: WechatSecurityCloud): ContentCheck {
  return {
    async checkText(text, openid) {
      if (!openid) return 'review';
      const chars = Array.from(text);
      let worst: CheckVerdict = 'pass';
      for (let i = 0; i < chars.length; i += MAX_CHARS) {
        let suggest: string | undefined;
        try {
          const res = await cloud.openapi.security.msgSecCheck({ openid, scene: SCENE_PROFILE_OR_ARTICLE, version: 2, content: chars.slice(i, i + MAX_CHARS).join('') });
          suggest = res.result?.suggest;
        } catch {
          suggest = 'review';
        }
        if (suggest === 'risky') return 'risky';
        if (suggest !== 'pass') worst = 'review';
      }
      return worst;
    },
    async checkImage(url, openid) {
      // The verdict arrives later as a wxa_media_check message pushed to the api function.
      if (!openid) return { verdict: 'review' };
      try {
        const res = await cloud.openapi.security.mediaCheckAsync({ media_url: url, media_type: 2, version: 2, scene: SCENE_PROFILE_OR_ARTICLE, openid });
        return res.trace_id ? { traceId: res.trace_id } : { verdict: 'review' };
      } catch {
        return { verdict: 'review' };
      }
    },
  };
}

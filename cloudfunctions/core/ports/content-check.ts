/**
 * The content-security port: user-written text (and images) must pass WeChat's check before
 * they become public. WeChat: `security.msgSecCheck` (v2); locally: a word list stand-in.
 */
export type CheckVerdict = 'pass' | 'review' | 'risky';

/** An image check answers at once (local) or later (WeChat's mediaCheckAsync, by trace id). */
export type ImageCheckStart = { verdict: CheckVerdict } | { traceId: string };

export interface ContentCheck {
  /** `openid` of the author where known (WeChat's v2 check asks for one). */
  checkText(text: string, openid: string | null): Promise<CheckVerdict>;
  /** Starts the check of a picture reachable at `url`. */
  checkImage(url: string, openid: string | null): Promise<ImageCheckStart>;
}

/** The local stand-in: flags text containing any listed word; every picture passes at once. */
export function createLocalContentCheck(words: readonly string[] = LOCAL_RISKY_WORDS): ContentCheck {
  return {
    async checkText(text) {
      return words.some((w) => text.includes(w)) ? 'risky' : 'pass';
    },
    async checkImage() {
      return { verdict: 'pass' };
    },
  };
}

/** Words the local stand-in flags, enough to demonstrate and test a refusal. */
export const LOCAL_RISKY_WORDS = ['赌博', '博彩', '色情', '毒品', '暴恐', '违禁测试词'];

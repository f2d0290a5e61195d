/**
 * The content-security port: user-written text (and images) must pass WeChat's check before
 * they become public. WeChat: `security.msgSecCheck` (v2); locally: a word list stand-in.
 */
export type CheckVerdict = 'pass' | 'review' | 'risky';

export interface ContentCheck {
  /** `openid` of the author where known (WeChat's v2 check asks for one). */
  checkText(text: string, openid: string | null): Promise<CheckVerdict>;
}

/** The local stand-in: flags text containing any listed word; everything else passes. */
export function createLocalContentCheck(words: readonly string[] = LOCAL_RISKY_WORDS): ContentCheck {
  return {
    async checkText(text) {
      return words.some((w) => text.includes(w)) ? 'risky' : 'pass';
    },
  };
}

/** Words the local stand-in flags, enough to demonstrate and test a refusal. */
export const LOCAL_RISKY_WORDS = ['赌博', '博彩', '色情', '毒品', '暴恐', '违禁测试词'];

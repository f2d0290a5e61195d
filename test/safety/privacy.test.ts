import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  AGREE_BUTTON_ID,
  agreePrivacy,
  askPrivacyUpFront,
  installPrivacyGate,
  privacyState,
  refusePrivacy,
  resetPrivacyGate,
  subscribePrivacy,
  type PrivacyApi,
  type PrivacyResolve,
} from '../../miniprogram/components/privacy-gate';

/** A stand-in for wx: records the answers given to each held API. */
function fakeWx() {
  let listener: Parameters<NonNullable<PrivacyApi['onNeedPrivacyAuthorization']>>[0] | null = null;
  const answers: Array<Array<Parameters<PrivacyResolve>[0]>> = [];
  let asked = 0;
  const api: PrivacyApi = {
    onNeedPrivacyAuthorization: (l) => (listener = l),
    requirePrivacyAuthorize: () => {
      asked += 1;
      need('requirePrivacyAuthorize');
    },
  };
  function need(referrer: string) {
    const mine: Array<Parameters<PrivacyResolve>[0]> = [];
    answers.push(mine);
    listener?.((o) => mine.push(o), { referrer });
  }
  return { api, need, answers, asked: () => asked };
}

beforeEach(resetPrivacyGate);

describe('the privacy gate', () => {
  it('opens the popup when WeChat holds an API, and agreeing lets it go on with the agree button id', () => {
    const wx = fakeWx();
    expect(installPrivacyGate(wx.api)).toBe(true);
    const seen: boolean[] = [];
    subscribePrivacy((s) => seen.push(s.open));
    wx.need('chooseImage');
    expect(privacyState()).toEqual({ open: true, referrer: 'chooseImage' });
    expect(wx.answers[0]).toEqual([{ event: 'exposureAuthorization' }]);
    agreePrivacy();
    expect(wx.answers[0]).toEqual([{ event: 'exposureAuthorization' }, { event: 'agree', buttonId: AGREE_BUTTON_ID }]);
    expect(privacyState().open).toBe(false);
    expect(seen).toEqual([true, false]);
  });

  it('refusing makes the held API fail, and answers each request once', () => {
    const wx = fakeWx();
    installPrivacyGate(wx.api);
    wx.need('chooseMessageFile');
    refusePrivacy();
    refusePrivacy();
    agreePrivacy();
    expect(wx.answers[0]).toEqual([{ event: 'exposureAuthorization' }, { event: 'disagree' }]);
  });

  it('a second request while one is shown answers the first "disagree" and holds the second', () => {
    const wx = fakeWx();
    installPrivacyGate(wx.api);
    wx.need('chooseImage');
    wx.need('chooseMessageFile');
    expect(wx.answers[0].at(-1)).toEqual({ event: 'disagree' });
    expect(privacyState().referrer).toBe('chooseMessageFile');
    agreePrivacy();
    expect(wx.answers[1].at(-1)).toEqual({ event: 'agree', buttonId: AGREE_BUTTON_ID });
  });

  it('asks up front on the bind page', () => {
    const wx = fakeWx();
    installPrivacyGate(wx.api);
    askPrivacyUpFront();
    expect(wx.asked()).toBe(1);
    expect(privacyState()).toEqual({ open: true, referrer: 'requirePrivacyAuthorize' });
  });

  it('is a no-op where the platform has no privacy check (H5, or an old WeChat)', () => {
    expect(installPrivacyGate(null)).toBe(false);
    expect(installPrivacyGate({})).toBe(false);
    askPrivacyUpFront();
    agreePrivacy();
    refusePrivacy();
    expect(privacyState()).toEqual({ open: false, referrer: null });
  });

  it('is switched on in app.config.ts, with the popup on the bind page using the agree button open-type', () => {
    const root = path.resolve(import.meta.dirname, '..', '..');
    expect(readFileSync(path.join(root, 'miniprogram', 'app.config.ts'), 'utf8')).toMatch(/__usePrivacyCheck__: true/);
    const popup = readFileSync(path.join(root, 'miniprogram', 'components', 'PrivacyPopup.tsx'), 'utf8');
    expect(popup).toContain('openType="agreePrivacyAuthorization"');
    expect(popup).toContain('id={AGREE_BUTTON_ID}');
    for (const item of ['姓名', '工号/学号', '联系电话', '照片']) expect(popup).toContain(item);
    expect(readFileSync(path.join(root, 'miniprogram', 'packages', 'me', 'bind', 'index.tsx'), 'utf8')).toContain('<PrivacyPopup askUpFront />');
  });
});

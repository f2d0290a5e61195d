import { describe, expect, it } from 'vitest';
import { CARE_FONT_SCALE, effectiveFontScale, MAX_FONT_SCALE } from './font-scale';

describe('the factor the app draws text at', () => {
  it('follows WeChat’s factor: standard, larger steps, 关怀模式 (23.8 px of 17)', () => {
    expect(effectiveFontScale(1, false)).toBe(1);
    expect(effectiveFontScale(19.5 / 17, false)).toBe(1.15);
    expect(effectiveFontScale(23.8 / 17, false)).toBe(CARE_FONT_SCALE);
  });

  it('never draws below the standard size, and caps what the layouts are checked at', () => {
    expect(effectiveFontScale(16 / 17, false)).toBe(1);
    expect(effectiveFontScale(29.75 / 17, false)).toBe(MAX_FONT_SCALE);
    expect(effectiveFontScale(Number.NaN, false)).toBe(1);
  });

  it('大字模式 asks for 关怀模式 size here even when WeChat’s is standard', () => {
    expect(effectiveFontScale(1, true)).toBe(CARE_FONT_SCALE);
    expect(effectiveFontScale(16 / 17, true)).toBe(CARE_FONT_SCALE);
  });
});

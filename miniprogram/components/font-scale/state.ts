import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { effectiveFontScale } from '@shared/domain/font-scale';
import { platform } from '../../platform';

/** 大字模式, remembered on this phone (or browser). */
const LARGE_TEXT_KEY = 'dangjian.largeText';

let scale = 1;
const listeners = new Set<(scale: number) => void>();

export function largeTextOn(): boolean {
  try {
    return Taro.getStorageSync(LARGE_TEXT_KEY) === true;
  } catch {
    return false;
  }
}

/** The factor the app draws text at now. */
export function fontScale(): number {
  return scale;
}

/**
 * Reads the person's font size again (at launch, and on show: it may have changed in WeChat's
 * settings while the app was in the background) and redraws the text when it moved.
 */
export function refreshFontScale(): void {
  const next = effectiveFontScale(platform.systemFontScale(), largeTextOn());
  if (next === scale) return;
  scale = next;
  platform.applyFontScale(next);
  for (const l of listeners) l(next);
}

export function setLargeText(on: boolean): void {
  try {
    Taro.setStorageSync(LARGE_TEXT_KEY, on);
  } catch {
    // Not remembered (storage full or refused): it still applies until the app closes.
  }
  refreshFontScale();
}

/** The current factor, re-rendering when it changes. */
export function useFontScale(): number {
  const [value, setValue] = useState(scale);
  useEffect(() => {
    listeners.add(setValue);
    setValue(scale);
    return () => void listeners.delete(setValue);
  }, []);
  return value;
}

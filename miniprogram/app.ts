import './polyfills';
import type { PropsWithChildren } from 'react';
import Taro, { useDidShow, useLaunch } from '@tarojs/taro';
import { configure as configureIcons } from '@nutui/icons-react-taro';
import { movedPage } from '@shared/domain/pages';
import { platform } from './platform';
import { installPrivacyGate } from './components/privacy-gate';
import { refreshFontScale } from './components/font-scale/state';
import './app.css';
import './components/font-scale/font-scale.css';

// NutUI draws its icons (a Button's loading spinner, a Cell's arrow) as <i>, an HTML tag that Taro's
// weapp templates do not have: WeChat drew nothing there and warned "Template `tmpl_0_i` not found".
// As a <view> they are drawn (one webpack runtime: every subpackage's NutUI reads this setting).
if (process.env.TARO_ENV === 'weapp') configureIcons({ tag: 'view' });

/**
 * A subscription message delivered before a page moved (shared/domain/pages.ts) opens its old
 * address; WeChat reports it as not found, and the app opens the page where it is now.
 */
function followMovedPages(): void {
  Taro.onPageNotFound(({ path, query }) => {
    const moved = movedPage(path);
    const search = Object.entries(query ?? {})
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
      .join('&');
    void Taro.redirectTo({ url: moved ? `${moved}${search ? `?${search}` : ''}` : '/pages/index/index' }).catch(() => Taro.switchTab({ url: '/pages/index/index' }));
  });
}

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    platform.init();
    refreshFontScale();
    const weapp = Taro.getEnv() === Taro.ENV_TYPE.WEAPP;
    // WeChat asks for consent before collecting personal data; a browser has no such check.
    installPrivacyGate(weapp ? Taro : null);
    if (weapp) followMovedPages();
  });
  // The font size may have changed in WeChat's settings while the app was in the background.
  useDidShow(() => refreshFontScale());
  return children;
}

export default App;

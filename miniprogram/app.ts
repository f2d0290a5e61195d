import type { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import { platform } from './platform';
import { installPrivacyGate } from './components/privacy-gate';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    platform.init();
    // WeChat asks for consent before collecting personal data; a browser has no such check.
    installPrivacyGate(Taro.getEnv() === Taro.ENV_TYPE.WEAPP ? Taro : null);
  });
  return children;
}

export default App;

import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { platform } from './platform';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => platform.init());
  return children;
}

export default App;

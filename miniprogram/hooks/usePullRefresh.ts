import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useEffect, useRef } from 'react';

/** Pull down to reload: the spinner stops once the reload has finished. */
export function usePullRefresh(reload: () => void, loading: boolean): void {
  const refreshing = useRef(false);
  usePullDownRefresh(() => {
    refreshing.current = true;
    reload();
  });
  useEffect(() => {
    if (!loading && refreshing.current) {
      refreshing.current = false;
      void Taro.stopPullDownRefresh();
    }
  }, [loading]);
}

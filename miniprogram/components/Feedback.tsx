import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import { Button } from './ui';

/**
 * An error with the way forward: retry when trying again can help, otherwise back to the home
 * tab (an H5 page opened from a link has no back button).
 */
export function ErrorBox({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <View className="error-box" role="alert">
      <Text>{message}</Text>
      {onRetry ? (
        <View className="error-actions">
          <Button size="small" onClick={onRetry}>
            重试
          </Button>
          <Button size="small" onClick={() => Taro.switchTab({ url: '/pages/index/index' })}>
            返回首页
          </Button>
        </View>
      ) : null}
    </View>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <View className="empty">{children}</View>;
}

export function Loading({ text = '加载中…' }: { text?: string }) {
  return <View className="empty">{text}</View>;
}

import { View, Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import { Button } from './ui';

export function ErrorBox({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <View className="error-box" role="alert">
      <Text>{message}</Text>
      {onRetry ? (
        <View style={{ marginTop: '12px' }}>
          <Button size="small" onClick={onRetry}>
            重试
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

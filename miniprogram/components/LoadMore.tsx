import { View } from '@tarojs/components';
import { Button } from './ui';

/** 加载更多 under a phone's server-paged list (nothing once every row is shown). */
export function LoadMore({ shown, total, loading, onMore, className }: { shown: number; total: number; loading: boolean; onMore: () => void; className: string }) {
  if (shown >= total) return null;
  return (
    <View className="actions">
      <Button className={className} loading={loading} disabled={loading} onClick={onMore}>
        加载更多（已显示 {shown} / {total}）
      </Button>
    </View>
  );
}

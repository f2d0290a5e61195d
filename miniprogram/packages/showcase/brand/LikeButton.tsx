import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { call, errorText } from '../../../api/client';

/** 点赞: one per WeChat user or browser; a second tap takes it back. */
export function LikeButton({ target }: { target: { kind: 'brand' | 'project'; id: string } }) {
  const [state, setState] = useState<{ liked: boolean; likes: number } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    call('influence.likes', { target }).then(setState, () => setState(null));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target.kind, target.id]);
  const tap = async () => {
    if (busy) return;
    setBusy(true);
    try {
      setState(await call('influence.like', { target }));
    } catch (err) {
      void Taro.showToast({ title: errorText(err), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };
  if (!state) return null;
  return (
    <View className={`card showcase-like${state.liked ? ' liked' : ''}`} onClick={() => void tap()}>
      <Text className="showcase-like-heart">{state.liked ? '♥' : '♡'}</Text>
      <Text className="showcase-like-label">{state.liked ? '已点赞' : '点赞'}</Text>
      <Text className="showcase-like-count">{state.likes}</Text>
    </View>
  );
}

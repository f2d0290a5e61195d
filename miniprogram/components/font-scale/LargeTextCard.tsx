import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Button } from '../ui';
import { largeTextOn, setLargeText, useFontScale } from './state';

/** 大字模式 in 我的: larger type in this app only, remembered on this phone. */
export function LargeTextCard() {
  const [on, setOn] = useState(largeTextOn);
  const scale = useFontScale();
  const toggle = () => {
    setLargeText(!on);
    setOn(!on);
  };
  return (
    <View className="card mine-large-text">
      <View className="card-title">
        <Text>大字模式</Text>
        <Text className="muted mine-large-text-state">{on ? '已开启' : '未开启'}</Text>
      </View>
      <View className="muted">
        {on ? '本小程序的文字已放大。' : scale > 1 ? '文字已按微信的字体大小放大；开启后在本小程序中放大到最大。' : '只在本小程序中放大文字，不影响微信的其他页面。'}
      </View>
      <View style={{ marginTop: '16px' }}>
        <Button block className="mine-large-text-toggle" onClick={toggle}>
          {on ? '关闭大字模式' : '开启大字模式'}
        </Button>
      </View>
    </View>
  );
}

import Taro from '@tarojs/taro';

/** Asks before an action that cannot be undone; resolves true only on 确定. */
export async function confirm(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  const res = await Taro.showModal({ title, content, confirmText, cancelText: '取消', confirmColor: '#c8161d' });
  return res.confirm;
}

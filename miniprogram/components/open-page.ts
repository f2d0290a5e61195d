import Taro from '@tarojs/taro';

/** Opens a page of the app by its path ("/packages/project/edit/index?id=p1"); a tab page by switching to it. */
export function openPage(link: string): void {
  void Taro.navigateTo({ url: link }).catch(() => Taro.switchTab({ url: link.split('?')[0] }));
}

import Taro from '@tarojs/taro';
import { currentLink } from '@shared/domain/pages';

/** Opens a page of the app by its path ("/packages/project/edit/index?id=p1"); a tab page by switching to it. */
export function openPage(stored: string): void {
  // A message from before a page moved carries its old address.
  const link = currentLink(stored);
  void Taro.navigateTo({ url: link }).catch(() => Taro.switchTab({ url: link.split('?')[0] }));
}

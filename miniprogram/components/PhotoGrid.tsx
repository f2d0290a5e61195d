import { View, Image } from '@tarojs/components';
import { platform } from '../platform';
import './PhotoGrid.css';

/** Photos in a three-column grid; a tap opens them full screen. Addresses that are missing are skipped. */
export function PhotoGrid({ urls }: { urls: Array<string | null | undefined> }) {
  const shown = urls.filter((u): u is string => typeof u === 'string' && u !== '');
  if (shown.length === 0) return null;
  return (
    <View className="photo-grid">
      {shown.map((url) => (
        <Image key={url} className="photo-cell" src={url} mode="aspectFill" lazyLoad onClick={() => platform.previewImages(shown, url)} />
      ))}
    </View>
  );
}

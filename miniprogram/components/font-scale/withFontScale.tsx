import { View } from '@tarojs/components';
import type { ComponentType } from 'react';
import { platform } from '../../platform';
import { useFontScale } from './state';

/**
 * Every page, wrapped at build time (config/babel-font-scale.js). On WeChat a page has no root
 * node of its own to style, so the page's content sits in one view that carries --font-scale,
 * which every font size in the stylesheets multiplies (config/postcss-font-scale.js). In a browser
 * the variable sits on <html> (platform.applyFontScale) and the page is left as it is.
 */
export function withFontScale<P extends object>(Page: ComponentType<P>): ComponentType<P> {
  if (!platform.fontScaleOnPageRoot) return Page;
  function ScaledPage(props: P) {
    const scale = useFontScale();
    return (
      <View className="font-scale-root" style={`--font-scale:${scale}`}>
        <Page {...props} />
      </View>
    );
  }
  ScaledPage.displayName = `withFontScale(${Page.displayName ?? Page.name})`;
  return ScaledPage;
}

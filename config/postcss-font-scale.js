// Scales every font size of the app's stylesheets by the person's font-size factor (适老化):
// `font-size: 28rpx` becomes `font-size: calc(28rpx * var(--font-scale, 1))`. The variable is set
// on each page's root (miniprogram/components/font-scale); unset, text keeps its standard size.
// Sizes relative to the parent (em, %, keywords) follow by inheritance and are left alone.
const SCALABLE = /(\d(rpx|px|rem|vw)\b|var\()/;

/** @type {() => import('postcss').Plugin} */
module.exports = () => ({
  postcssPlugin: 'font-scale',
  Declaration: {
    'font-size'(decl) {
      const value = decl.value.trim();
      if (!SCALABLE.test(value) || value.includes('--font-scale')) return;
      const important = decl.important;
      decl.value = `calc(${value} * var(--font-scale, 1))`;
      decl.important = important;
    },
  },
});
module.exports.postcss = true;

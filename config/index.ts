import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

/** Taro build config: one app, two targets (weapp for WeChat, h5 for the local host and the web). */
/** Where the H5 pages call the API: '' = the same site (the local host); a deployment puts the
 * public pages on static hosting and sets this to the HTTP access service of the api function. */
const H5_API = (process.env.H5_API_BASE ?? '').replace(/\/+$/, '');
/** The browser storage key of a PC's session token (扫码登录), for the app and the early home script. */
const PC_TOKEN_KEY = 'dangjian.pcSession';

/**
 * config/early-home.js, ready to inline in index.html's head ('' when absent, as in the empty
 * Taro app the bench builds with this config).
 */
function earlyHomeScript(): string {
  const file = path.join(__dirname, 'early-home.js');
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/__API_BASE__/g, JSON.stringify(H5_API))
    .replace(/__TOKEN_KEY__/g, JSON.stringify(PC_TOKEN_KEY))
    .replace(/\n\s*\n/g, '\n')
    .trim();
}

export default defineConfig<'webpack5'>(async () => {
  const env = process.env.TARO_ENV ?? 'weapp';
  // shared/ lives outside sourceRoot; Taro compiles only what it is told to.
  const sharedDir = path.resolve(__dirname, '..', 'shared');
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'dangjian-brand-projects',
    date: '2026-11-27',
    designWidth(input) {
      // NutUI is drawn for a 375 design; our own styles for 750.
      const file = (input as { file?: string } | undefined)?.file ?? '';
      return file.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750;
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'miniprogram',
    // TARO_OUTPUT_ROOT lets a check build elsewhere without disturbing dist/ (e.g. while tests run).
    outputRoot: process.env.TARO_OUTPUT_ROOT ?? `dist/${env}`,
    plugins: [],
    defineConstants: {
      H5_API_BASE: JSON.stringify(H5_API),
      H5_PC_TOKEN_KEY: JSON.stringify(PC_TOKEN_KEY),
    },
    alias: {
      '@shared': path.resolve(__dirname, '..', 'shared'),
      '@': path.resolve(__dirname, '..', 'miniprogram'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      optimizeMainPackage: { enable: true },
      compile: { include: [sharedDir] },
    },
    h5: {
      publicPath: '/',
      // Read by miniprogram/index.html.
      htmlPluginOption: { earlyHome: earlyHomeScript() },
      staticDirectory: 'static',
      // The public showcase has a short web address (shared in 两微一端); the local host and the
      // web host answer /brand?id=… with the brand's title and description in the head.
      router: { mode: 'browser', customRoutes: { '/packages/showcase/brand/index': '/brand' } },
      esnextModules: ['@nutui'],
      compile: { include: [sharedDir] },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };
  return config;
});

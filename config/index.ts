import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { UserConfigExport } from '@tarojs/cli';
import { getBrowsersList } from 'miniprogram-compat';

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

/** Every font size times the person's font-size factor (适老化); Taro loads it after pxtransform. */
const FONT_SCALE = './config/postcss-font-scale.js';

/**
 * The lowest WeChat base library the app supports: project.config.json's libVersion, which is also
 * what 基础库最低版本 in the MP admin console must say (README, going live).
 */
export function baseLibrary(): string {
  const file = path.join(__dirname, '..', 'project.config.json');
  const libVersion = (JSON.parse(readFileSync(file, 'utf8')) as { libVersion?: unknown }).libVersion;
  if (typeof libVersion !== 'string' || !/^\d+\.\d+\.\d+$/.test(libVersion)) throw new Error(`${file}: libVersion must name a base library such as 2.32.3`);
  return libVersion;
}

/**
 * The browsers that open the H5 build: the pages shared in WeChat and Weibo (their in-app browsers
 * are the system WebKit on iOS and Chromium on Android), iOS Safari 13 and up, Chrome 86 and up.
 */
export const H5_TARGETS = ['ios >= 13', 'safari >= 13', 'chrome >= 86'];

/**
 * The JS engines a build must run on, as browserslist queries. weapp: WeChat's own compat data
 * (miniprogram-compat) for the base library in project.config.json: never written by hand.
 */
export function jsTargets(env: string): string[] {
  if (env === 'h5') return H5_TARGETS;
  const lib = baseLibrary();
  const targets = getBrowsersList(lib);
  if (!targets || targets.length === 0) throw new Error(`miniprogram-compat knows no JS engines for base library ${lib}`);
  return targets;
}

/**
 * Packages in node_modules that ship syntax beyond the targets: zod 4 (`?.`, `??`) in every build,
 * query-string and its helpers (`?.`, `??`, `&&=`; Taro's H5 router) in H5. Taro compiles only the
 * sources and its own packages unless told (compile.include).
 */
const COMPILED_PACKAGES = /[\\/]node_modules[\\/](zod|query-string|decode-uri-component|split-on-first|filter-obj)[\\/]/;
const compiledPackage = (file: string) => COMPILED_PACKAGES.test(file);

const buildConfig: UserConfigExport<'webpack5'> = async () => {
  const env = process.env.TARO_ENV ?? 'weapp';
  // browserslist's own variable: babel-preset-taro's preset-env, autoprefixer (h5) and every other
  // browserslist reader in this build take the same targets.
  process.env.BROWSERSLIST = jsTargets(env).join(', ');
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
        [FONT_SCALE]: { enable: true },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      optimizeMainPackage: { enable: true },
      compile: { include: [sharedDir, compiledPackage] },
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
      compile: { include: [sharedDir, compiledPackage] },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        [FONT_SCALE]: { enable: true },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };
  return config;
};

export default buildConfig;

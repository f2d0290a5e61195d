/// <reference types="@tarojs/taro" />

declare const defineAppConfig: (config: import('@tarojs/taro').AppConfig & { cloud?: boolean }) => import('@tarojs/taro').AppConfig;
declare const definePageConfig: (config: import('@tarojs/taro').PageConfig) => import('@tarojs/taro').PageConfig;

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV?: 'weapp' | 'h5';
  }
}

declare module '*.css';
/** The H5 build's API address ('' = same site); set at build time from H5_API_BASE (config/index.ts). */
declare const H5_API_BASE: string;
/** The browser storage key of a PC's session token; set at build time (config/index.ts). */
declare const H5_PC_TOKEN_KEY: string;
/** config/early-home.js: the home page's call, started from index.html's head (H5 only). */
interface Window {
  __earlyHome?: { token: string | null; response: Promise<Response> };
  __earlyHomeDone?: boolean;
}

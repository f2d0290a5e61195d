import cloud from 'wx-server-sdk';
import { createWechatMain } from '../core/adapters/wechat/entry';

// The SDK documents DYNAMIC_CURRENT_ENV (a symbol) for `env`, but its typings only list strings.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

export const main = createWechatMain(cloud);

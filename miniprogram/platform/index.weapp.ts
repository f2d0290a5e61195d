import Taro from '@tarojs/taro';
import type { Platform } from './types';

/** On WeChat the `api` cloud function answers; WeChat attaches the caller's OPENID itself. */
export const platform: Platform = {
  name: 'weapp',
  signInUrl: null,
  init() {
    Taro.cloud.init({ traceUser: true });
  },
  async callFunction({ procedure, input, requestId }) {
    const res = await Taro.cloud.callFunction({ name: 'api', data: { procedure, input, requestId } });
    return res.result;
  },
};

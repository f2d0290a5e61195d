import type { Platform } from './types';

/** In a browser the local host (or the web host) answers POST /api/<procedure>. */
export const platform: Platform = {
  name: 'h5',
  signInUrl: '/dev/sign-in',
  init() {},
  async callFunction({ procedure, input, requestId }) {
    const res = await fetch(`/api/${encodeURIComponent(procedure)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ input, requestId }),
    });
    if (res.status === 401) {
      window.location.href = '/dev/sign-in';
    }
    return res.json();
  },
};

import { readFileSync } from 'node:fs';
import path from 'node:path';
import cloud from 'wx-server-sdk';
import { createWechatMain, type ShowcaseShell } from '../core/adapters/wechat/entry';

// The SDK documents DYNAMIC_CURRENT_ENV (a symbol) for `env`, but its typings only list strings.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

/** The H5 shell the build put beside this file (read on the first showcase request, then kept). */
let shell: ShowcaseShell | null | undefined;
function showcaseShell(): ShowcaseShell | null {
  if (shell === undefined) {
    try {
      shell = JSON.parse(readFileSync(path.join(__dirname, 'showcase-shell.json'), 'utf8')) as ShowcaseShell;
    } catch {
      shell = null; // built without the H5 app: /brand is not answered here
    }
  }
  return shell;
}

export const main = createWechatMain(cloud, showcaseShell);

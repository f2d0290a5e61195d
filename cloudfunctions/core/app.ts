import { randomUUID } from 'node:crypto';
import type { Ports } from './context';
import { procedures } from './procedures';
import { createLocalContentCheck, type ContentCheck } from './ports/content-check';
import type { FileStore } from './ports/files';
import { localMiniCode, type MiniCode } from './ports/mini-code';
import type { Store } from './ports/store';
import { createRouter, type Logger, type Router } from './router/router';

export interface AppOptions {
  store: Store;
  clock?: () => Date;
  newId?: () => string;
  /** Defaults to the local stand-in; the WeChat entry passes msgSecCheck. */
  contentCheck?: ContentCheck;
  /** Defaults to none (no file resolves). */
  files?: FileStore;
  /** Defaults to the showcase's web address (local host). */
  miniCode?: MiniCode;
  logger?: Logger;
}

/** The server as one object: the same router for the cloud function and the local host. */
export function createApp(options: AppOptions): Router {
  const ports: Ports = {
    store: options.store,
    clock: options.clock ?? (() => new Date()),
    newId: options.newId ?? (() => randomUUID().replace(/-/g, '')),
    contentCheck: options.contentCheck ?? createLocalContentCheck(),
    files: options.files ?? { urls: async () => new Map() },
    miniCode: options.miniCode ?? localMiniCode,
  };
  return createRouter(procedures, ports, options.logger);
}

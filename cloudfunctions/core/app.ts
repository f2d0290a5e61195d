import { randomUUID } from 'node:crypto';
import type { Ports } from './context';
import { procedures } from './procedures';
import type { Store } from './ports/store';
import { createRouter, type Logger, type Router } from './router/router';

export interface AppOptions {
  store: Store;
  clock?: () => Date;
  newId?: () => string;
  logger?: Logger;
}

/** The server as one object: the same router for the cloud function and the local host. */
export function createApp(options: AppOptions): Router {
  const ports: Ports = {
    store: options.store,
    clock: options.clock ?? (() => new Date()),
    newId: options.newId ?? (() => randomUUID().replace(/-/g, '')),
  };
  return createRouter(procedures, ports, options.logger);
}

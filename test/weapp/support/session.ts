// One weapp session per test file: the cloud side (cloud.ts), the runtime double with the
// compiled app (runtime.ts) and a person driving it (person.ts), closed after the file.
import { copyFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { openSqliteStore } from '../../../cloudfunctions/core/adapters/sqlite/store';
import { buildWorld, removeWorldFiles, WORLD_NOW, type World } from '../../security/world';
import { startCloud, type CloudSide } from './cloud';
import { person, type Person } from './person';
import { createRuntime, type Runtime } from './runtime';
import type { Device } from './wx';

export interface Weapp {
  cloud: CloudSide;
  rt: Runtime;
  me: Person;
  /** The authorization matrix's fixture world (with `{ world: true }`), served at WORLD_NOW. */
  world: World;
}

/** By default the demo seed at 10:00 on 2026-11-27 (Beijing); `world: true` for projects and brands at every stage. */
export function useWeapp(options: { world?: boolean; /** The phone (e.g. its WeChat font size). */ device?: Partial<Device> } = {}): Weapp {
  const w = {} as Weapp;
  beforeAll(async () => {
    if (options.world) {
      w.world = await buildWorld();
      const file = `${w.world.file}.weapp.sqlite`;
      copyFileSync(w.world.file, file);
      w.cloud = await startCloud({ store: openSqliteStore(file), now: WORLD_NOW });
    } else w.cloud = await startCloud();
    w.rt = createRuntime(w.cloud, options.device);
    w.me = person(w.rt);
  });
  // A warning of WeChat's WXML runtime while drawing a page ("Template `…` not found") fails the test.
  afterEach(() => {
    const said = w.rt ? w.rt.warnings.splice(0) : [];
    expect(said, "WeChat's WXML runtime warned while drawing the page").toEqual([]);
  });
  afterAll(async () => {
    await w.cloud?.close();
    if (options.world) removeWorldFiles();
  });
  return w;
}

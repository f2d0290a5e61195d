// Every page of the compiled app.json opens in the weapp build for the person who uses it, with
// no error, its title, and its data shown (pages.table.ts says who, with what, showing what).
import { copyFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../cloudfunctions/core/adapters/sqlite/store';
import { buildWorld, removeWorldFiles, WORLD_NOW, type World } from '../security/world';
import { PAGES } from './pages.table';
import { startCloud, type CloudSide } from './support/cloud';
import { person, type Person } from './support/person';
import { createRuntime, type Runtime } from './support/runtime';

let world: World;
let cloud: CloudSide;
let rt: Runtime;
let me: Person;

beforeAll(async () => {
  world = await buildWorld();
  const file = `${world.file}.weapp.sqlite`;
  copyFileSync(world.file, file);
  cloud = await startCloud({ store: openSqliteStore(file), now: WORLD_NOW });
  rt = createRuntime(cloud);
  me = person(rt);
});
afterAll(async () => {
  await cloud?.close();
  removeWorldFiles();
});

describe('every page of dist/weapp/app.json opens', () => {
  it('has a row in pages.table.ts for each page (and none for a page that is gone)', () => {
    const routes = [...rt.appJson.pages, ...(rt.appJson.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))];
    const missing = routes.filter((r) => !PAGES[r]);
    expect(missing, `add a row for ${missing.join(', ')} to test/weapp/pages.table.ts (who opens it, its query, its title and a text it shows)`).toEqual([]);
    const gone = Object.keys(PAGES).filter((r) => !routes.includes(r));
    expect(gone, `remove the rows of pages no longer in app.json from test/weapp/pages.table.ts`).toEqual([]);
  });

  for (const [route, entry] of Object.entries(PAGES)) {
    it(`${route} for ${entry.as}`, async () => {
      rt.errors.length = 0;
      rt.as(entry.as);
      const query = entry.query(world);
      const page = await me.open(`/${route}${query ? `?${query}` : ''}`);
      await me.waitFor(entry.shows).catch((e: unknown) => {
        throw new Error(`${route}: ${(e as Error).message}`);
      });
      expect(page.route).toBe(route);
      expect(me.all('error-box'), `${route} shows an error: ${me.all('error-box').map((f) => JSON.stringify(f.node)).join(' ')}`).toEqual([]);
      expect(rt.errors, `${route} threw`).toEqual([]);
      const title = rt.title(page);
      if (typeof entry.title === 'string') expect(title).toBe(entry.title);
      else expect(title).toMatch(entry.title);
    });
  }

  it('asked for no wx API the double lacks', () => {
    expect([...rt.state.missing]).toEqual([]);
  });
});

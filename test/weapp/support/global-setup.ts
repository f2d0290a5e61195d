import { ensureWeappBuilt } from '../../support/build-once';

/** The weapp project tests the compiled dist/weapp: build it once before any file runs. */
export default async function setup(): Promise<void> {
  await ensureWeappBuilt();
}

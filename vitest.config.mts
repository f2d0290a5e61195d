import { defineConfig } from 'vitest/config';
import path from 'node:path';

const alias = {
  '@shared': path.resolve(import.meta.dirname, 'shared'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'cloudfunctions/**/*.test.ts', 'miniprogram/**/*.test.ts', 'test/*.test.ts', 'test/security/**/*.test.ts', 'test/safety/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'build',
          include: ['test/build/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'weapp',
          include: ['test/weapp/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 300_000,
          globalSetup: ['test/weapp/support/global-setup.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          // The slice (and the cheap navigation and badge files) again with Promise callbacks as macrotasks, as WeChat's polyfill runs them on
          // iOS 15 and below (test/weapp/support/ios15-promise.ts).
          name: 'weapp-ios15',
          include: ['test/weapp/slice.test.ts', 'test/weapp/navigation.test.ts', 'test/weapp/reminders.test.ts', 'test/weapp/promise-timing.test.ts'],
          setupFiles: ['test/weapp/support/ios15-promise.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 300_000,
          globalSetup: ['test/weapp/support/global-setup.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

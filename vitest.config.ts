import { defineConfig } from 'vitest/config';

/**
 * Two tiers. `unit`: pure modules, rendering, the generator in memory, the generated code against
 * the real SDKs in Node: no browser, no registry install, no build of a fixture project.
 * `e2e` (files named `*.e2e.test.ts`): Chromium, toolchains installed from the registry, fixture
 * projects built and run, the packed package.
 */
const shared = {
  // yeoman-test changes the working directory, which worker threads do not allow.
  pool: 'forks',
  testTimeout: 120_000,
  hookTimeout: 600_000,
} as const;

export default defineConfig({
  test: {
    projects: [
      // The fixture projects' own tests belong to them, not to this suite.
      // Light files: two at a time keep both cores busy (the e2e files each load the machine on their own).
      { test: { ...shared, name: 'unit', maxWorkers: 2, sequence: { groupOrder: 0 }, include: ['test/**/*.test.ts'], exclude: ['test/**/*.e2e.test.ts', 'test/fixtures/**', '**/node_modules/**'] } },
      { test: { ...shared, name: 'e2e', sequence: { groupOrder: 1 }, include: ['test/**/*.e2e.test.ts'], exclude: ['test/fixtures/**', '**/node_modules/**'] } },
    ],
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // yeoman-test changes the working directory, which worker threads do not allow.
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

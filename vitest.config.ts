import { defineConfig } from 'vitest/config';

// Unit tests: the pure core, the server without a cluster, the web adapters and the bench smoke run.
export default defineConfig({
  test: {
    include: [
      'packages/*/test/**/*.test.ts',
      'apps/server/test/unit/**/*.test.ts',
      'apps/web/src/**/*.test.{ts,tsx}',
      'bench/**/*.test.ts',
    ],
    pool: 'threads',
    testTimeout: 30_000,
  },
});

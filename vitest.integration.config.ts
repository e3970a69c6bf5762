import { defineConfig } from 'vitest/config';

// Integration tests: the server against a real kube-apiserver + etcd (tools/kube-harness).
export default defineConfig({
  test: {
    include: ['apps/server/test/integration/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});

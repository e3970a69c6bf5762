import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser (DESIGN.md environment notes).
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Teammates run their specs at the same time in this working tree: each run gets its own output
// folder so that one run's start-up clean-up never deletes another run's traces. Workers inherit
// the variable from the runner process, so they agree on the folder.
process.env['GATESCOPE_PW_RUN'] ??= `${Date.now()}-${process.pid}`;
const RUN_ID = process.env['GATESCOPE_PW_RUN'];

export default defineConfig({
  testDir: 'playwright',
  testMatch: '**/*.spec.ts',
  outputDir: `test-results/playwright/run-${RUN_ID}`,
  // Each spec file starts its own server (and, for live specs, its own kube-apiserver).
  fullyParallel: false,
  workers: 1,
  timeout: 120_000,
  // CI machines are 2 shared cores: one retry keeps a timing hiccup from sinking a run, and the
  // list reporter still marks such a test "flaky" so it gets fixed. A real failure fails twice.
  retries: process.env['CI'] === 'true' ? 1 : 0,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1600, height: 940 },
    launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});

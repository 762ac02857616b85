import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { RESULTS_DIR } from './tests/e2e/harness';

/** Debian's Chromium when installed (CI installs it); otherwise Playwright's own browser, if downloaded. */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/global-setup.ts',
  // Traces and failure screenshots go beside the build, outside the checkout (see tests/e2e/harness.ts).
  outputDir: RESULTS_DIR,
  forbidOnly: !!process.env['CI'],
  fullyParallel: true,
  retries: 0,
  timeout: 60_000,
  // How long a web-first assertion keeps polling before it fails. The default 5 s was too short on a loaded
  // 2-core machine for states that wait on WebAssembly and a worker (search results reach 'done' after the
  // filter counts): 3 of 323 tests failed there at a load average of ~35 and pass when quiet. Polling longer
  // changes no verdict: a page that never reaches the state still fails.
  expect: { timeout: 15_000 },
  reporter: 'list',
  use: {
    browserName: 'chromium',
    locale: 'zh-CN',
    launchOptions: {
      ...(existsSync(DEBIAN_CHROMIUM) ? { executablePath: DEBIAN_CHROMIUM } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});

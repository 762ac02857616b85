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

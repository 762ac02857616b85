/**
 * The `test` of page-level browser tests: every page's console errors, uncaught exceptions and dialogs (an
 * `alert` from injected script would be one) fail the test. A test expecting some console errors lists them
 * with `test.use({ expectedConsole: [/…/] })`.
 */
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ expectedConsole: RegExp[]; pageProblems: string[] }>({
  expectedConsole: [[], { option: true }],
  pageProblems: [
    async ({ page, expectedConsole }, use) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        if (expectedConsole.some((pattern) => pattern.test(message.text()))) return;
        problems.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      page.on('dialog', (dialog) => {
        problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
        void dialog.dismiss();
      });
      await use(problems);
      expect(problems, 'console errors, exceptions or dialogs on the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

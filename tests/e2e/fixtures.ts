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
        // Recorded above; dismissing can only fail because the page has closed meanwhile.
        dialog.dismiss().catch(() => undefined);
      });
      await use(problems);
      try {
        expect(problems, 'console errors, exceptions or dialogs on the page').toEqual([]);
      } finally {
        // A route handler still in flight when the page closes (a late favicon request, a document fetched
        // through `route.fetch`) throws "Test ended" after the test is over: in the next test of the worker,
        // failing it, or between tests, where Playwright counts an error outside any test and leaves the
        // worker's next test unrun (CI: "1 error was not a part of any test", "1 did not run"). The verdict is
        // taken above; what a handler does after it cannot change it, so its errors are dropped.
        await page.unrouteAll({ behavior: 'ignoreErrors' });
        await page.context().unrouteAll({ behavior: 'ignoreErrors' });
      }
    },
    { auto: true },
  ],
});

export { expect };

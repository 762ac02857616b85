/**
 * The page fixture's own contract (fixtures.ts): a route handler still running when its test ends must not
 * reach the next test of the worker. Before the fixture dropped such handlers' errors, the handler's
 * `route.fetch` threw "Test ended" into the next test and failed it, or, between tests, stopped the worker
 * with "an error not a part of any test" and left its next test unrun.
 */
import { createServer, type Server } from 'node:http';
import { expect, test } from './fixtures';

// Both tests in one worker, in order: the first leaves a handler running into the second.
test.describe.configure({ mode: 'serial' });

const HANDLER_DELAY_MS = 1_000;
let server: Server;
let url = '';

test.beforeAll(async () => {
  // A page that asks for an image a moment after it has loaded, as a browser asks for a favicon.
  server = createServer((request, response) => {
    if (request.url === '/late.png') return void response.writeHead(204).end();
    response
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      .end('<title>t</title><script>setTimeout(() => { new Image().src = "/late.png"; }, 50)</script>');
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
});

test.afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

test('a test may end while one of its route handlers is still fetching', async ({ page }) => {
  await page.route('**/late.png', async (route) => {
    await new Promise((waited) => setTimeout(waited, HANDLER_DELAY_MS));
    await route.fulfill({ response: await route.fetch() });
  });
  const asked = page.waitForRequest('**/late.png');
  await page.goto(url);
  await asked;
  // Past the moment the handler starts (it must be running, not merely due, when the test ends).
  await page.waitForTimeout(300);
});

test('the next test in the worker runs and is not failed by that handler', async ({ page }) => {
  await page.goto(url);
  // Long enough for the previous test's handler to have woken and tried to fetch.
  await page.waitForTimeout(HANDLER_DELAY_MS * 2);
  await expect(page).toHaveTitle('t');
});

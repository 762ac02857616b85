/**
 * The pages' second thread (src/integrations/page-threads.ts): the URL it requests a page with, and the worker
 * taking pages from the end of Astro's order until it meets a page Astro's thread claimed, rendering each from the
 * bundle with the plans' summaries handed over. The whole site built on one thread and on two is compared with
 * `diff -r` (README "Build memory").
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import {
  FREE,
  MAIN,
  WORKER,
  pageUrl,
  type PageItem,
  type PageThreadJob,
  type PageThreadMessage,
} from '../../src/integrations/page-threads-job';
import { twoThreads } from '../../src/integrations/page-threads';

const work = mkdtempSync(join(tmpdir(), 'plan-atlas-page-threads-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('pageUrl', () => {
  it('is the URL Astro requests a page with in the directory format, trailing slashes always', () => {
    expect(pageUrl('/', '/', 'http://localhost:4321')).toBe('http://localhost:4321/');
    expect(pageUrl('/plans/a', '/', 'http://localhost:4321')).toBe('http://localhost:4321/plans/a/');
    expect(pageUrl('plans/a/', '/', 'http://localhost:4321')).toBe('http://localhost:4321/plans/a/');
    expect(pageUrl('/', '/atlas', 'https://example.org')).toBe('https://example.org/atlas/');
    expect(pageUrl('/regions/x', '/atlas/', 'https://example.org')).toBe(
      'https://example.org/atlas/regions/x/',
    );
  });
});

// A stand-in for Astro's prerender bundle: an app that renders a page as its URL and the number of summaries the
// plan models' slot holds, and a manifest of one route.
const ENTRY = `
export const manifest = { routes: [{ routeData: { component: 'src/pages/p/[n].astro', route: '/p/[n]' } }] };
export const app = {
  setInternals() {},
  setOptions() {},
  async render(request, { routeData }) {
    const slot = globalThis[Symbol.for('plan-atlas.plan-models')];
    return new Response(request.url + ' ' + routeData.route + ' ' + slot.summaries.size, { status: 200 });
  },
};
`;

function runWorker(job: PageThreadJob): Promise<PageThreadMessage[]> {
  return new Promise((resolve, reject) => {
    const messages: PageThreadMessage[] = [];
    const worker = new Worker(new URL('../../src/integrations/page-threads-worker.ts', import.meta.url), {
      workerData: job,
    });
    worker.on('message', (message: PageThreadMessage) => messages.push(message));
    worker.on('error', reject);
    worker.on('exit', () => resolve(messages));
  });
}

describe('the pages’ second thread', () => {
  it('renders from the last page back to the first one Astro’s thread claimed, each once', async () => {
    const entryFile = join(work, 'prerender-entry.mjs');
    writeFileSync(entryFile, ENTRY);
    const items: PageItem[] = Array.from({ length: 10 }, (_, index) => ({
      index,
      url: pageUrl(`/p/${index}`, '/', 'http://localhost:4321'),
      component: 'src/pages/p/[n].astro',
      route: '/p/[n]',
    }));
    const claims = new Int32Array(new SharedArrayBuffer(10 * 4));
    for (let index = 0; index < 4; index++) claims[index] = MAIN;
    const dir = join(work, 'rendered');
    mkdirSync(dir);
    const messages = await runWorker({
      entryFile,
      modelDir: work,
      generation: 1,
      summaries: [{ id: 'a' }, { id: 'b' }],
      head: { styles: new Map(), entrySpecifierToBundleMap: new Map(), scripts: [] },
      items,
      claims: claims.buffer as SharedArrayBuffer,
      dir,
    });

    const pages = messages.filter((m) => m.kind === 'page').map((m) => m.index);
    expect(pages).toEqual([9, 8, 7, 6, 5, 4]);
    expect([...claims]).toEqual([MAIN, MAIN, MAIN, MAIN, WORKER, WORKER, WORKER, WORKER, WORKER, WORKER]);
    expect(readdirSync(dir).sort()).toEqual(['4.body', '5.body', '6.body', '7.body', '8.body', '9.body']);
    expect(readFileSync(join(dir, '7.body'), 'utf8')).toBe('http://localhost:4321/p/7/ /p/[n] 2');
    expect(messages.at(-1)).toMatchObject({ kind: 'finished', rendered: 6 });
    expect(claims.includes(FREE)).toBe(false);
  });
});

// A bundle whose page 9 stops the worker thread that renders it, as running out of its heap would.
const STOPPING_ENTRY = `
export const manifest = { routes: [{ routeData: { component: 'src/pages/p/[n].astro', route: '/p/[n]' } }] };
export const app = {
  setInternals() {},
  setOptions() {},
  async render(request) {
    if (request.url.endsWith('/p/9/')) process.exit(3);
    return new Response('worker ' + request.url, { status: 200 });
  },
};
`;

describe('the pages’ second thread stopping', () => {
  it('leaves the pages it claimed to Astro’s thread, which renders every page', async () => {
    const entryFile = join(work, 'stopping-entry.mjs');
    writeFileSync(entryFile, STOPPING_ENTRY);
    const slot = Symbol.for('plan-atlas.plan-models');
    onTestFinished(() => {
      delete (globalThis as Record<symbol, unknown>)[slot];
    });
    (globalThis as Record<symbol, unknown>)[slot] = {
      dir: work,
      generation: 1,
      summaries: new Map([['a', { id: 'a' }]]),
    };
    const route = { type: 'page', component: 'src/pages/p/[n].astro', route: '/p/[n]' };
    const renderedByAstro: string[] = [];
    const astros = {
      name: 'astro',
      app: { getSettings: () => ({ scripts: [] }) },
      getStaticPaths: async () => Array.from({ length: 10 }, (_, n) => ({ pathname: `/p/${n}`, route })),
      render: async (request: Request) => {
        renderedByAstro.push(new URL(request.url).pathname);
        return new Response('astro ' + request.url);
      },
    };
    const warnings: string[] = [];
    let stopped!: () => void;
    const stoppedWarning = new Promise<void>((resolve) => (stopped = resolve));
    const logged: string[] = [];
    const logger = {
      warn: (message: string) => {
        warnings.push(message);
        stopped();
      },
      error: (message: string) => warnings.push(message),
      info: (message: string) => logged.push(message),
    };
    const dir = join(work, 'stopping');
    const prerenderer = twoThreads(
      astros as never,
      {
        entryFile: () => entryFile,
        base: () => '/',
        origin: () => 'http://localhost:4321',
        dir: () => dir,
        logger: () => logger as never,
        pages: () => new Map(),
      },
      true,
    );
    await prerenderer.setup?.();
    const paths = await prerenderer.getStaticPaths();
    // The worker claims the last page first and stops on it; only then does Astro's thread ask for the pages.
    await stoppedWarning;
    const bodies: string[] = [];
    for (const { pathname, route: routeData } of paths) {
      const response = (await prerenderer.render(
        new Request(pageUrl(pathname, '/', 'http://localhost:4321')),
        {
          routeData,
        },
      )) as Response;
      bodies.push(await response.text());
    }
    await prerenderer.teardown?.();

    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /second thread exited with code 3 before it finished: Astro's thread renders its pages/,
    );
    expect(bodies).toEqual(paths.map(({ pathname }) => `astro http://localhost:4321${pathname}/`));
    expect(renderedByAstro).toHaveLength(10);
    expect(logged.at(-1)).toMatch(
      /^10 pages rendered on Astro's thread .*, 1 of them taken back from the second thread; the second thread stopped/,
    );
  });
});

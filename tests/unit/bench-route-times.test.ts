/**
 * `npm run bench:scale` sums Astro's logged render times by route (scripts/bench/route-times.ts): a path is
 * grouped under its route by the literal segments of the project's pages, whatever the plan's slug. A small
 * pages folder made for the test stands for src/pages, so the test does not follow the site's routes.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { routeLiterals, routeOf, routeTimes } from '../../scripts/bench/route-times';

const pages = mkdtempSync(join(tmpdir(), 'plan-atlas-route-times-'));
afterAll(() => rmSync(pages, { recursive: true, force: true }));
for (const file of [
  '404.astro',
  'index.astro',
  'plans/index.astro',
  'plans/[plan].astro',
  'regions/[region].astro',
  'departments/category/[category]/[...page].astro',
  'compare/[topic]/[...page].astro',
  'data/indicators.csv.ts',
  'data/goto.json.ts',
  'data/goto/[plan].json.ts',
  'data/seeds/[plan].txt.ts',
  'data/zh/charts/[chart].csv.ts',
]) {
  mkdirSync(dirname(join(pages, file)), { recursive: true });
  writeFileSync(join(pages, file), '');
}
const literals = routeLiterals(pages);

describe('routeLiterals', () => {
  it('names every folder and file that is not a parameter, files without their source extension', () => {
    expect([...literals].sort()).toEqual([
      '404',
      'category',
      'charts',
      'compare',
      'data',
      'departments',
      'goto',
      'goto.json',
      'index',
      'indicators.csv',
      'plans',
      'regions',
      'seeds',
      'zh',
    ]);
  });
});

describe.each([
  ['/index.html', '/'],
  ['/404.html', '/404.html'],
  ['/plans/qianjiang-qu/index.html', '/plans/*/'],
  ['/plans/index.html', '/plans/'],
  ['/departments/category/ecology-environment/index.html', '/departments/category/*/'],
  ['/departments/category/ecology-environment/3/index.html', '/departments/category/*/*/'],
  ['/compare/voc-control/2/index.html', '/compare/*/*/'],
  ['/data/seeds/qianjiang-qu.txt', '/data/seeds/*.txt'],
  ['/data/indicators.csv', '/data/indicators.csv'],
  ['/data/zh/charts/energy-intensity.csv', '/data/zh/charts/*.csv'],
  ['/data/goto.json', '/data/goto.json'],
  ['/data/goto/charts.json', '/data/goto/*.json'],
])('routeOf(%s)', (path, route) => {
  it(`is ${route}`, () => expect(routeOf(path, literals)).toBe(route));
});

describe('routeTimes', () => {
  it('sums milliseconds and seconds by route, slowest first, and skips other lines', () => {
    const log = [
      '03:13:54   ├─ /plans/a/index.html (+12ms) ',
      '03:13:54   ├─ /plans/b/index.html (+1.5s) ',
      '03:13:54   └─ /regions/c/index.html (+40ms) ',
      '03:13:48 [build] Collecting build info...',
      '03:14:10 ✓ Completed in 19.61s.',
    ];
    expect(routeTimes(log, literals)).toEqual([
      { route: '/plans/*/', files: 2, seconds: 1.512 },
      { route: '/regions/*/', files: 1, seconds: 0.04 },
    ]);
  });
});

/**
 * Issue 11 at the level of `npm run build` (scripts/build.ts): one bad input of each kind beside the real
 * seeds. The build still produces the site with every good plan exactly as the seeds alone give it,
 * names each refused seed with `file:line: reason` in its closing summary, exits 0, and replaces the output
 * whole; with PLAN_ATLAS_STRICT=1 it exits 1 and leaves the previous output untouched. No browser: these
 * tests run the build script and read what it wrote.
 */
import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { PublishedPlan, type Plan } from '../../src/lib/model/plan';
import { planJson } from '../../src/lib/export/json';
import { readPublishedPlans } from '../../scripts/bench/published';
import { ingestDirectory } from '../../src/lib/ingest';
import { enrichments, loadKnowledge } from '../../src/lib/knowledge';
import { loadIndicatorCatalogue } from '../../src/lib/indicators/catalogue';
import { verdictContext } from '../../src/lib/lineage';
import { buildNodeArgs } from '../../scripts/build/command';

test.describe.configure({ mode: 'serial', timeout: 600_000 });

const ROOT = resolve(import.meta.dirname, '../..');
// Made in beforeAll, not when the file loads: Playwright also loads spec files in its runner process, where
// afterAll never runs, and a directory made there was left behind on every run.
let WORK = '';
let SEEDS = '';
let OUT = '';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function build(env: Record<string, string>): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      buildNodeArgs(ROOT),
      {
        cwd: ROOT,
        env: {
          ...process.env,
          PLAN_ATLAS_SEEDS: SEEDS,
          PLAN_ATLAS_OUT_DIR: OUT,
          PLAN_ATLAS_STRICT: '',
          ...env,
        },
        maxBuffer: 256 * 1024 * 1024,
      },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A small plan of an invented place (not in the division list, so it links to no seed). */
const plan = (place: string, body: string) =>
  [
    `${place}“十四五”节能减排综合工作方案`,
    '一、总体要求',
    body,
    '二、重点工程',
    '（一）工业节能工程。推进改造。',
    '',
  ].join('\n');

const REFUSED = [
  '000_newcomer.txt:1: slug "laiwu-qu" belongs to another plan: it was published for 003_a39c52263945813a.txt (content/published-plans.yaml); give this plan its own with `slug:` in 000_newcomer.yaml',
  '991_directory.txt:0: cannot read: a directory, not a text file',
  '992_broken-link.txt:0: cannot read: the file is gone or a broken link',
];

const withoutUrl = ({ url: _url, ...plan }: Plan & { url?: string }): Plan => plan;

test.beforeAll(() => {
  WORK = mkdtempSync(join(tmpdir(), 'plan-atlas-build-spec-'));
  SEEDS = join(WORK, 'seeds');
  OUT = join(WORK, 'site');
  mkdirSync(SEEDS, { recursive: true });
  for (const file of readdirSync(join(ROOT, 'seeds'))) cpSync(join(ROOT, 'seeds', file), join(SEEDS, file));
  writeFileSync(join(SEEDS, '000_newcomer.txt'), plan('新来市', '推进节能。'));
  writeFileSync(join(SEEDS, '000_newcomer.yaml'), 'slug: laiwu-qu\n');
  mkdirSync(join(SEEDS, '991_directory.txt'));
  symlinkSync(join(SEEDS, 'nowhere.txt'), join(SEEDS, '992_broken-link.txt'));
  const line = '节能减排{x}<y>&'.repeat(Math.ceil((1024 * 1024) / 20));
  writeFileSync(join(SEEDS, '993_long-line.txt'), `${plan('长行市', '推进节能。')}${line}\n`);
  writeFileSync(join(SEEDS, '994_invisible.txt'), plan('隐形市', '到2025年能耗下降1\u00AD4.5%。'));
  // The output of an earlier deployment: replaced whole by a successful build.
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'old-deployment.txt'), 'old');
});

test.afterAll(() => {
  if (WORK) rmSync(WORK, { recursive: true, force: true });
});

test('bad seeds are refused by name in the closing summary; the site builds with every good plan unchanged', async () => {
  const run = await build({});
  expect(run.code, run.stderr.slice(-2000)).toBe(0);
  const last = run.stdout
    .trimEnd()
    .split('\n')
    .slice(-(REFUSED.length + 5));
  expect(last.join('\n')).toContain(`${REFUSED.length} seeds refused:`);
  for (const line of REFUSED) expect(last).toContain(`  ${line}`);
  expect(last.at(-1)).toMatch(/^peak memory \d+ MB; exit 0$/);
  expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

  expect(existsSync(join(OUT, 'old-deployment.txt'))).toBe(false);
  expect(existsSync(join(OUT, 'pagefind', 'pagefind.js'))).toBe(true);
  const plans = readPublishedPlans(OUT);
  // The seeds alone, ingested and published as the build does: the good plans must be exactly these.
  const knowledge = loadKnowledge();
  const alone = ingestDirectory(join(ROOT, 'seeds'), knowledge.plan, {
    enrichments: enrichments(knowledge),
    vocabularies: knowledge.vocabularies,
  }).plans;
  const comparisons = verdictContext(alone, loadIndicatorCatalogue().indicators);
  const reference = alone.map((p) => PublishedPlan.parse(JSON.parse(planJson(p, comparisons))));
  expect(reference).toHaveLength(readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).length);
  for (const expected of reference) {
    expect(withoutUrl(plans.find((p) => p.source === expected.source)!)).toEqual(withoutUrl(expected));
  }
  const long = plans.find((p) => p.source === '993_long-line.txt');
  expect(long?.clauses.flatMap((c) => c.paragraphs).join('')).toContain('节能减排{x}<y>&节能减排');
  expect(existsSync(join(OUT, 'plans', long!.id, 'index.html'))).toBe(true);
  const invisible = plans.find((p) => p.source === '994_invisible.txt');
  expect(invisible?.targets).toEqual([]);
});

test('strict: a refused seed fails the build and the previous output stays as it was', async () => {
  writeFileSync(join(OUT, 'previous-build.txt'), 'kept');
  const run = await build({ PLAN_ATLAS_STRICT: '1' });
  expect(run.code).toBe(1);
  const last = run.stdout.trimEnd().split('\n').slice(-3);
  expect(last[0]).toBe(`  ${REFUSED.at(-1)}`);
  expect(last[1]).toBe(`strict: seeds were refused; ${OUT} left as it was`);
  expect(last[2]).toMatch(/^peak memory \d+ MB; exit 1$/);
  expect(readFileSync(join(OUT, 'previous-build.txt'), 'utf8')).toBe('kept');
  expect(readdirSync(WORK).filter((name) => name.includes('.building-'))).toEqual([]);
});

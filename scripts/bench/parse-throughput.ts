/**
 * The measurements of `npm run bench:parse`, run where they are called: in the bench's own process (under tsx)
 * and, bundled by esbuild, in a child process as the build runs the parser (see bench-parse.ts). Figures only;
 * nothing is asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enrichments, loadKnowledge } from '../../src/lib/knowledge';
import { ingestSeeds, readSeedDirectory } from '../../src/lib/ingest';
import { parsePlan } from '../../src/lib/parse-plan';
import { forgetFolds } from '../../src/lib/read/normalize';
import { seedTemplates, writeCorpus } from './corpus';

export interface Timing {
  /** Median wall time of one parse of all the seeds, in ms. */
  wallMs: number;
  /** Median CPU time of this process (every thread: the garbage collector's too), in ms. */
  cpuMs: number;
}

export interface SeedThroughput {
  seeds: number;
  bytes: number;
  /** Folds forgotten before each parse, as in a corpus of distinct plans: the figure for the goal. */
  firstSight: Timing;
  /** The same texts again, every fold remembered. */
  warm: Timing;
}

export interface SizeRow {
  /** How many copies of the seeds' plan bodies the text holds. */
  multiple: number;
  bytes: number;
  /** Median CPU ms of one parse (folds forgotten before each). */
  cpuMs: number;
  clauses: number;
}

/** A corpus of distinct plans made from the seeds (scripts/bench/corpus.ts), read at first sight. */
export interface DistinctRow {
  plans: number;
  bytes: number;
  /** Median CPU ms of one ingest of the whole corpus (folds forgotten before each). */
  cpuMs: number;
}

/** First-sight parses of the seeds from a fresh process, none left out: what a 3,000-plan build's parser sees. */
export interface FreshRun {
  /** How many first-sight parses of the five seeds (600 × 5 = 3,000 plans). */
  parses: number;
  bytes: number;
  /** CPU ms of all the parses together (every thread: the optimising compiler's and the collector's too). */
  cpuMs: number;
}

export interface ParseThroughput {
  seeds: SeedThroughput;
  sizes: SizeRow[];
  distinct: DistinctRow[];
}

/**
 * Parses of the seeds before any is timed. The optimising compiler works in threads of its own, whose CPU time
 * the figures count, and functions run once per plan (the structure stage, the front matter, the model check)
 * reach it only after a few hundred plans. Measured per parse of the five seeds (CPU time of the process less
 * that of its main thread, machine loaded ~18): 39 ms in parses 1–20, 18 ms in 21–40, 2–5 ms from then on.
 * After 3 warm-up parses, as before, the first rounds timed the compiler as much as the parser; after 40, the
 * figures are those of the rest of a corpus of thousands of plans.
 */
const WARM_UP_PARSES = 40;

const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

const cpuNowMs = (): number => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

/**
 * The seeds as the build reads them (decode, sidecar, parse, departments, targets, model check, the page
 * document), repeated until the figure is steady: the median of `rounds` rounds of `repeats` parses each.
 */
export function measureSeeds(seedDir: string, rounds = 7, repeats = 5): SeedThroughput {
  const knowledge = loadKnowledge();
  const { seeds } = readSeedDirectory(seedDir);
  const bytes = seeds.reduce((n, seed) => n + (seed.bytes instanceof Error ? 0 : seed.bytes.length), 0);
  const options = { enrichments: enrichments(knowledge), vocabularies: knowledge.vocabularies };
  const measure = (): Timing => {
    const startedCpu = cpuNowMs();
    const started = performance.now();
    ingestSeeds(seeds, knowledge.plan, options);
    return { wallMs: performance.now() - started, cpuMs: cpuNowMs() - startedCpu };
  };
  // Warm-up: module initialisation and the compiler's optimisation of the hot paths (see WARM_UP_PARSES).
  for (let k = 0; k < WARM_UP_PARSES; k++) {
    forgetFolds();
    measure();
  }
  // The two figures alternate, parse by parse, so a machine getting busier or quieter shifts both alike: a
  // first-sight parse forgets every fold, the warm parse right after it reads the same texts again.
  const rows: { firstSight: Timing; warm: Timing }[][] = [];
  for (let round = 0; round < rounds; round++) {
    const row: { firstSight: Timing; warm: Timing }[] = [];
    for (let k = 0; k < repeats; k++) {
      forgetFolds();
      const firstSight = measure();
      row.push({ firstSight, warm: measure() });
    }
    rows.push(row);
  }
  const medianOf = (pick: (pair: { firstSight: Timing; warm: Timing }) => Timing): Timing => {
    const mean = (row: { firstSight: Timing; warm: Timing }[], key: keyof Timing) =>
      row.reduce((sum, pair) => sum + pick(pair)[key], 0) / row.length;
    return {
      wallMs: median(rows.map((row) => mean(row, 'wallMs'))),
      cpuMs: median(rows.map((row) => mean(row, 'cpuMs'))),
    };
  };
  const firstSight = medianOf((pair) => pair.firstSight);
  const warm = medianOf((pair) => pair.warm);
  return { seeds: seeds.length, bytes, firstSight, warm };
}

/** The body of every seed (first chapter up to the annexes), so copies stay plan body rather than one endless annex. */
function seedBodies(seedDir: string): string {
  return readSeedDirectory(seedDir)
    .seeds.map((seed) => {
      if (seed.bytes instanceof Error) throw seed.bytes;
      const lines = new TextDecoder().decode(seed.bytes).split('\n');
      const start = lines.findIndex((line) => /^\s*一、/.test(line));
      const end = lines.findIndex((line) => /^\s*附件\s*[:：\d]/.test(line));
      return lines.slice(start, end === -1 ? undefined : end).join('\n');
    })
    .join('\n');
}

/**
 * One plan made of `multiple` copies of the seeds' bodies, for each multiple: parse time per MB should not
 * grow with the text (linear). Small texts are parsed several times and the median taken.
 */
export function measureSizes(seedDir: string, multiples: readonly number[] = [1, 10, 100]): SizeRow[] {
  const knowledge = loadKnowledge();
  const options = { enrichments: enrichments(knowledge) };
  const body = seedBodies(seedDir);
  const front = '某市“十四五”节能减排综合工作方案\n';
  const parse = (text: string) => parsePlan(text, 'bench.txt', null, knowledge.plan, options);
  // Warm-up, as for the seeds: the body is about as long as the five seeds.
  for (let k = 0; k < WARM_UP_PARSES; k++) {
    forgetFolds();
    parse(front + body);
  }
  return multiples.map((multiple) => {
    const text = front + Array.from({ length: multiple }, () => body).join('\n');
    const times: number[] = [];
    let clauses = 0;
    for (let k = 0; k < Math.max(1, Math.ceil(10 / multiple)); k++) {
      forgetFolds();
      const started = cpuNowMs();
      clauses = parse(text).plan.clauses.length;
      times.push(cpuNowMs() - started);
    }
    return { multiple, bytes: Buffer.byteLength(text), cpuMs: median(times), clauses };
  });
}

/**
 * First sight on corpora of `counts` distinct plans (the seeds' texts with distinct regions and sidecars, as
 * `npm run bench:scale` makes them): the time per MB should not grow with the number of distinct plans, the
 * linearity the copies of `measureSizes` cannot show (their lines repeat). The corpora are written to a
 * temporary folder, read into memory and the folder removed before timing.
 */
export function measureDistinct(
  seedDir: string,
  counts: readonly number[] = [5, 10, 20],
  rounds = 7,
): DistinctRow[] {
  const knowledge = loadKnowledge();
  const options = { enrichments: enrichments(knowledge), vocabularies: knowledge.vocabularies };
  const templates = seedTemplates(seedDir);
  const work = mkdtempSync(join(tmpdir(), 'plan-atlas-bench-distinct-'));
  let corpora: { plans: number; bytes: number; seeds: ReturnType<typeof readSeedDirectory>['seeds'] }[];
  try {
    corpora = counts.map((plans) => {
      const dir = join(work, String(plans));
      const bytes = writeCorpus(dir, plans, templates);
      return { plans, bytes, seeds: readSeedDirectory(dir).seeds };
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const ingest = (seeds: (typeof corpora)[number]['seeds']): number => {
    forgetFolds();
    const started = cpuNowMs();
    ingestSeeds(seeds, knowledge.plan, options);
    return cpuNowMs() - started;
  };
  // Warm-up, as for the seeds (the smallest corpus is the seeds' size).
  for (let k = 0; k < WARM_UP_PARSES; k++) ingest((corpora[0] as (typeof corpora)[number]).seeds);
  for (const { seeds } of corpora) ingest(seeds);
  // The sizes alternate, round by round, so a machine getting busier or quieter shifts each alike.
  const times = corpora.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++)
    corpora.forEach(({ seeds }, i) => times[i]?.push(ingest(seeds)));
  return corpora.map(({ plans, bytes }, i) => ({ plans, bytes, cpuMs: median(times[i] ?? []) }));
}

/**
 * `parses` first-sight parses of the seeds from the first one on, with no warm-up: the optimising compiler's
 * work and the slow first parses are counted, as in a build, where functions run once per plan reach the
 * compiler only after hundreds of plans. Meant to be the first thing a fresh process runs.
 */
export function measureFreshRun(seedDir: string, parses = 600): FreshRun {
  const knowledge = loadKnowledge();
  const { seeds } = readSeedDirectory(seedDir);
  const bytes = seeds.reduce((n, seed) => n + (seed.bytes instanceof Error ? 0 : seed.bytes.length), 0);
  const options = { enrichments: enrichments(knowledge), vocabularies: knowledge.vocabularies };
  const started = cpuNowMs();
  for (let k = 0; k < parses; k++) {
    forgetFolds();
    ingestSeeds(seeds, knowledge.plan, options);
  }
  return { parses, bytes: bytes * parses, cpuMs: cpuNowMs() - started };
}

export function measureParse(seedDir: string): ParseThroughput {
  return { seeds: measureSeeds(seedDir), sizes: measureSizes(seedDir), distinct: measureDistinct(seedDir) };
}

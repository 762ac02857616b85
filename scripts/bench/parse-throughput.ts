/**
 * The measurements of `npm run bench:parse`, run where they are called: in the bench's own process (under tsx)
 * and, bundled by esbuild, in a child process as the build runs the parser (see bench-parse.ts). Figures only;
 * nothing is asserted.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { setImmediate } from 'node:timers/promises';
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
  /** Median CPU time of the main thread alone, in ms; null where the system does not tell (Linux only). */
  mainCpuMs: number | null;
  /** Median system (kernel) part of `cpuMs`, in ms: page faults, memory mapping. */
  systemMs: number;
}

export interface SeedThroughput {
  seeds: number;
  bytes: number;
  /** Folds forgotten before each parse, as in a corpus of distinct plans: the figure for the goal. */
  firstSight: Timing;
  /** The same texts again, every fold remembered. */
  warm: Timing;
  /**
   * First sight timed after `EARLIER_WARM_UP_PARSES` parses, as this bench did until the warm-up was lengthened
   * (the same process, before the rest of the warm-up): printed beside the goal's figure, not instead of it.
   */
  earlierFirstSight: Timing;
}

export interface SizeRow {
  /** How many copies of the seeds' plan bodies one text holds. */
  multiple: number;
  /** Bytes of one text. */
  bytes: number;
  /** How many of these texts make up the round (the same total of text in every row). */
  parses: number;
  /** Median over rounds of the CPU ms of the round's parses together (folds forgotten before each). */
  cpuMs: number;
  /** Of that round, the ms the garbage collector reported (part of `cpuMs`; its helper threads' work is too). */
  gcMs: number;
  clauses: number;
}

/** Corpora of distinct plans made from the seeds (scripts/bench/corpus.ts), read at first sight. */
export interface DistinctRow {
  /** Plans in one corpus. */
  plans: number;
  /** Bytes of one corpus. */
  bytes: number;
  /** How many ingests of the corpus make up the round (the same number of plans in every row). */
  ingests: number;
  /** Median over rounds of the CPU ms of the round's ingests together (folds forgotten before each). */
  cpuMs: number;
  /** Of that round, the ms the garbage collector reported. */
  gcMs: number;
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
 * Parses of the seeds before any is timed: the optimising compiler's warm-up, which a build pays once, not per
 * plan. TurboFan compiles in threads of its own, whose CPU time the figures count, and until its work is done the
 * main thread runs some of the hot code unoptimised. Its tier-up follows how often each function has run, so it
 * is the same in every run (`node --trace-opt`, a fresh process, 800 parses, three runs): 227–233 compilations in
 * parses 1–50, then 21–25 in each 50 up to parse 250, 8–9 in 251–300, 14 in 301–350 and 3 in each 50 of
 * 351–500 (later, functions run once per plan reach it: 14 in 501–550, 15–26 in some later fifties). Until the
 * warm-up was lengthened it was 40 parses, and the timed parses (41–110) held 34 compilations, their jobs 358–447
 * ms at load ~7 (5 compilations, 5–8 ms, in parses 351–420): the figure counted the compiler's one-off work as
 * parsing. It is printed beside the goal's figure as the earlier figure.
 */
export const WARM_UP_PARSES = 350;
/** The warm-up before the first-sight figure this bench printed until the warm-up was lengthened. */
export const EARLIER_WARM_UP_PARSES = 40;

const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

const cpuNowMs = (): number => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

/** The main thread's CPU time in ms (Linux's scheduler statistics, in ns), or null where there are none. */
function mainThreadCpuMs(): number | null {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return null;
  }
}

interface Sample {
  wallMs: number;
  cpuMs: number;
  mainCpuMs: number | null;
  systemMs: number;
}

/** Times `run` once: wall, the process's CPU (and its system part) and the main thread's CPU. */
function timed(run: () => void): Sample {
  const main = mainThreadCpuMs();
  const used = process.cpuUsage();
  const started = performance.now();
  run();
  const wallMs = performance.now() - started;
  const now = process.cpuUsage(used);
  const mainNow = mainThreadCpuMs();
  return {
    wallMs,
    cpuMs: (now.user + now.system) / 1000,
    mainCpuMs: main === null || mainNow === null ? null : mainNow - main,
    systemMs: now.system / 1000,
  };
}

/**
 * The seeds as the build reads them (decode, sidecar, parse, departments, targets, model check, the page
 * document), repeated until the figure is steady: the median of `rounds` rounds of `repeats` parses each.
 */
export function measureSeeds(seedDir: string, rounds = 7, repeats = 5): SeedThroughput {
  const knowledge = loadKnowledge();
  const { seeds } = readSeedDirectory(seedDir);
  const bytes = seeds.reduce((n, seed) => n + (seed.bytes instanceof Error ? 0 : seed.bytes.length), 0);
  const options = { enrichments: enrichments(knowledge), vocabularies: knowledge.vocabularies };
  let parses = 0;
  const measure = (): Sample => {
    parses++;
    return timed(() => ingestSeeds(seeds, knowledge.plan, options));
  };
  const warmUpTo = (count: number) => {
    while (parses < count) {
      forgetFolds();
      measure();
    }
  };
  // The two figures alternate, parse by parse, so a machine getting busier or quieter shifts both alike: a
  // first-sight parse forgets every fold, the warm parse right after it reads the same texts again. Each round's
  // mean is one value; the median of the rounds is the figure.
  type Pair = { firstSight: Sample; warm: Sample };
  const timeRounds = (): Pair[][] => {
    const rows: Pair[][] = [];
    for (let round = 0; round < rounds; round++) {
      const row: Pair[] = [];
      for (let k = 0; k < repeats; k++) {
        forgetFolds();
        const firstSight = measure();
        row.push({ firstSight, warm: measure() });
      }
      rows.push(row);
    }
    return rows;
  };
  const medianOf = (rows: Pair[][], pick: (pair: Pair) => Sample): Timing => {
    const mean = (row: Pair[], key: keyof Sample) =>
      row.reduce((sum, pair) => sum + (pick(pair)[key] ?? Number.NaN), 0) / row.length;
    const main = median(rows.map((row) => mean(row, 'mainCpuMs')));
    return {
      wallMs: median(rows.map((row) => mean(row, 'wallMs'))),
      cpuMs: median(rows.map((row) => mean(row, 'cpuMs'))),
      mainCpuMs: Number.isNaN(main) ? null : main,
      systemMs: median(rows.map((row) => mean(row, 'systemMs'))),
    };
  };
  // The earlier figure first, where this bench used to time it; then the rest of the warm-up (see WARM_UP_PARSES).
  warmUpTo(EARLIER_WARM_UP_PARSES);
  const earlierFirstSight = medianOf(timeRounds(), (pair) => pair.firstSight);
  warmUpTo(WARM_UP_PARSES);
  const rows = timeRounds();
  const firstSight = medianOf(rows, (pair) => pair.firstSight);
  const warm = medianOf(rows, (pair) => pair.warm);
  return { seeds: seeds.length, bytes, firstSight, warm, earlierFirstSight };
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
 * The copies of the seeds' bodies one plan is made of, row by row. 300 copies (a 35 MB plan) is there to show the
 * slope past 100: a plan that outgrows the collector's young generation keeps its model alive through several
 * collections, which copy it out (the collector's share of a round rises from ~10% at 1 copy to ~20% at 100), a
 * step that is paid once per byte and does not keep growing with the text.
 */
export const SIZE_MULTIPLES = [1, 10, 100, 300] as const;

/**
 * One plan made of `multiple` copies of the seeds' bodies, for each multiple: parse time per MB should not
 * grow with the text (linear). Every row reads the same total of text — 300 parses of 1 copy, 30 of 10, 3 of 100,
 * one of 300 — and times the whole round, the garbage collector's work included: a row of one small parse (4 ms, whose
 * median never meets a collection) against one 12 MB parse (which always does) measured the collector, not the
 * parser, and read ×1.1–×1.9 per MB while the same 12 MB read as 100 small plans cost more than as one. The
 * rows alternate round by round, so a machine getting busier or quieter shifts each alike.
 */
export async function measureSizes(
  seedDir: string,
  multiples: readonly number[] = SIZE_MULTIPLES,
  rounds = 5,
): Promise<SizeRow[]> {
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
  const largest = Math.max(...multiples);
  const rows = multiples.map((multiple) => ({
    multiple,
    text: front + Array.from({ length: multiple }, () => body).join('\n'),
    parses: Math.max(1, Math.round(largest / multiple)),
    clauses: 0,
  }));
  const timings = await alternatedRounds(rows, rounds, (row) => {
    for (let k = 0; k < row.parses; k++) {
      forgetFolds();
      row.clauses = parse(row.text).plan.clauses.length;
    }
  });
  return rows.map(({ multiple, text, parses, clauses }, i) => ({
    multiple,
    bytes: Buffer.byteLength(text),
    parses,
    ...(timings[i] as RoundTiming),
    clauses,
  }));
}

/** The median over rounds of one row's CPU ms a round, and of the collector's pauses in it. */
interface RoundTiming {
  cpuMs: number;
  gcMs: number;
}

/**
 * Times `run` on each row, `rounds` times, the rows alternating round by round so a machine getting busier or
 * quieter shifts each alike; each row's median CPU ms and collector pauses, in the rows' order.
 */
async function alternatedRounds<T>(
  rows: readonly T[],
  rounds: number,
  run: (row: T) => void,
): Promise<RoundTiming[]> {
  const cpu = rows.map(() => [] as number[]);
  const gc = rows.map(() => [] as number[]);
  const collector = collectorTime();
  try {
    for (let round = 0; round < rounds; round++)
      for (const [i, row] of rows.entries()) {
        const gcBefore = await collector.ms();
        const started = cpuNowMs();
        run(row);
        cpu[i]?.push(cpuNowMs() - started);
        gc[i]?.push((await collector.ms()) - gcBefore);
      }
  } finally {
    collector.stop();
  }
  return rows.map((_, i) => ({ cpuMs: median(cpu[i] ?? []), gcMs: median(gc[i] ?? []) }));
}

/**
 * The garbage collector's pauses, as Node reports them (`gc` performance entries). Node hands the entries to
 * observers two event-loop turns after the collection, so a reading awaits `settled` first.
 */
function collectorTime(): { ms: () => Promise<number>; stop: () => void } {
  let total = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) total += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    ms: async () => {
      for (let turn = 0; turn < 3; turn++) await setImmediate();
      return total;
    },
    stop: () => observer.disconnect(),
  };
}

/**
 * First sight on corpora of `counts` distinct plans (the seeds' texts with distinct regions and sidecars, as
 * `npm run bench:scale` makes them): the time per MB should not grow with the number of distinct plans, the
 * linearity the copies of `measureSizes` cannot show (their lines repeat). Every row reads the same number of
 * plans — four ingests of 5, two of 10, one of 20 — the collector's work included, as for the copies. The corpora
 * are written to a temporary folder, read into memory and the folder removed before timing.
 */
export async function measureDistinct(
  seedDir: string,
  counts: readonly number[] = [5, 10, 20],
  rounds = 7,
): Promise<DistinctRow[]> {
  const knowledge = loadKnowledge();
  const options = { enrichments: enrichments(knowledge), vocabularies: knowledge.vocabularies };
  const templates = seedTemplates(seedDir);
  const work = mkdtempSync(join(tmpdir(), 'plan-atlas-bench-distinct-'));
  const largest = Math.max(...counts);
  let corpora: {
    plans: number;
    bytes: number;
    ingests: number;
    seeds: ReturnType<typeof readSeedDirectory>['seeds'];
  }[];
  try {
    corpora = counts.map((plans) => {
      const dir = join(work, String(plans));
      const bytes = writeCorpus(dir, plans, templates);
      const ingests = Math.max(1, Math.round(largest / plans));
      return { plans, bytes, ingests, seeds: readSeedDirectory(dir).seeds };
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const ingest = (seeds: (typeof corpora)[number]['seeds']) => {
    forgetFolds();
    ingestSeeds(seeds, knowledge.plan, options);
  };
  // Warm-up, as for the seeds (the smallest corpus is the seeds' size).
  for (let k = 0; k < WARM_UP_PARSES; k++) ingest((corpora[0] as (typeof corpora)[number]).seeds);
  for (const { seeds } of corpora) ingest(seeds);
  // 20 plans a round in every row.
  const timings = await alternatedRounds(corpora, rounds, (corpus) => {
    for (let k = 0; k < corpus.ingests; k++) ingest(corpus.seeds);
  });
  return corpora.map(({ plans, bytes, ingests }, i) => ({
    plans,
    bytes,
    ingests,
    ...(timings[i] as RoundTiming),
  }));
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

export async function measureParse(seedDir: string): Promise<ParseThroughput> {
  return {
    seeds: measureSeeds(seedDir),
    sizes: await measureSizes(seedDir),
    distinct: await measureDistinct(seedDir),
  };
}

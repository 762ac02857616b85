/**
 * The measurements of `npm run bench:parse`, run where they are called: in the bench's own process (under tsx)
 * and, bundled by esbuild, in a child process as the build runs the parser (see bench-parse.ts). Figures only;
 * nothing is asserted.
 */
import { enrichments, loadKnowledge } from '../../src/lib/knowledge';
import { ingestSeeds, readSeedDirectory } from '../../src/lib/ingest';
import { parsePlan } from '../../src/lib/parse-plan';
import { forgetFolds } from '../../src/lib/read/normalize';

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

export interface ParseThroughput {
  seeds: SeedThroughput;
  sizes: SizeRow[];
}

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
  // Warm-up: module initialisation and the compiler's optimisation of the hot paths.
  for (let k = 0; k < 3; k++) {
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
  parse(front + body); // warm-up
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

export function measureParse(seedDir: string): ParseThroughput {
  return { seeds: measureSeeds(seedDir), sizes: measureSizes(seedDir) };
}

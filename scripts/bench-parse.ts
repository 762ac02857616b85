/**
 * `npm run bench:parse`: parse throughput of the whole recognition pipeline on synthetic inputs of growing
 * size (the five seeds repeated up to 10 MB), to show it stays linear. Prints figures; asserts nothing.
 */
import { loadKnowledge, enrichments } from '../src/lib/knowledge';
import { parsePlan } from '../src/lib/parse-plan';
import { ingestSeeds, readSeedDirectory } from '../src/lib/ingest';
import { forgetFolds } from '../src/lib/read/normalize';

const knowledge = loadKnowledge();
// The body of every seed (first chapter up to the annexes), so repetitions stay plan body rather than
// turning into one endless annex.
const bodies = readSeedDirectory('seeds').seeds.map((seed) => {
  if (seed.bytes instanceof Error) throw seed.bytes;
  const lines = new TextDecoder().decode(seed.bytes).split('\n');
  const start = lines.findIndex((line) => /^\s*一、/.test(line));
  const end = lines.findIndex((line) => /^\s*附件\s*[:：\d]/.test(line));
  return lines.slice(start, end === -1 ? undefined : end).join('\n');
});
const corpus = bodies.join('\n');
const front = '某市“十四五”节能减排综合工作方案\n';

function inputOfSize(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  const unit = Buffer.byteLength(corpus);
  while (size < bytes) {
    parts.push(corpus);
    size += unit;
  }
  return front + parts.join('\n');
}

// The seeds as the build reads them (decode, parse, departments, targets, validation), repeated until the
// figure is steady; the median of several rounds, as CPU seconds of this process and as wall time.
const PARSE_GOAL_MB_PER_S = 10;
{
  const { seeds } = readSeedDirectory('seeds');
  const seedBytes = seeds.reduce((n, seed) => n + (seed.bytes instanceof Error ? 0 : seed.bytes.length), 0);
  const options = { enrichments: enrichments(knowledge), vocabularies: knowledge.vocabularies };
  ingestSeeds(seeds, knowledge.plan, options); // warm-up: module initialisation, JIT
  const ROUNDS = 7;
  const REPEATS = 5;
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  const mb = seedBytes / 1024 / 1024;
  const rate = (ms: number) => (mb / (ms / 1000)).toFixed(2);
  // Warm: the folds of every line are remembered from the round before, as when one text is parsed again.
  // First sight: they are forgotten before each parse, as in a corpus of distinct plans — the figure for the goal.
  for (const { label, firstSight } of [
    { label: 'first sight (folds forgotten before each parse; the goal)', firstSight: true },
    { label: 'warm (same texts again, folds remembered)', firstSight: false },
  ]) {
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      let ms = 0;
      let cpuMs = 0;
      for (let k = 0; k < REPEATS; k++) {
        if (firstSight) forgetFolds();
        const startedCpu = process.cpuUsage();
        const started = performance.now();
        ingestSeeds(seeds, knowledge.plan, options);
        ms += performance.now() - started;
        const used = process.cpuUsage(startedCpu);
        cpuMs += (used.user + used.system) / 1000;
      }
      wall.push(ms / REPEATS);
      cpu.push(cpuMs / REPEATS);
    }
    console.log(
      `Parse the ${seeds.length} seeds (${mb.toFixed(2)} MB), ${label}: ${median(wall).toFixed(1)} ms wall, ${median(cpu).toFixed(1)} ms CPU ` +
        `→ ${rate(median(wall))} MB/s wall, ${rate(median(cpu))} MB/s CPU (goal ≥ ${PARSE_GOAL_MB_PER_S} MB/s; median of ${ROUNDS})`,
    );
  }
}

const sizes = [0.5, 1, 2, 5, 10].map((mb) => mb * 1024 * 1024);
const rows = [];
for (const size of sizes) {
  const text = inputOfSize(size);
  forgetFolds();
  const started = performance.now();
  const { plan, warnings } = parsePlan(text, 'bench.txt', null, knowledge.plan, {
    enrichments: enrichments(knowledge),
  });
  const ms = performance.now() - started;
  const mb = Buffer.byteLength(text) / 1024 / 1024;
  rows.push({
    'input (MB)': mb.toFixed(1),
    'time (ms)': ms.toFixed(0),
    'MB/s': (mb / (ms / 1000)).toFixed(2),
    clauses: plan.clauses.length,
    targets: plan.targets.length,
    warnings: warnings.length,
  });
}
console.table(rows);
const first = rows[0]!;
const last = rows[rows.length - 1]!;
const ratio =
  Number(last['time (ms)']) /
  Number(first['time (ms)']) /
  (Number(last['input (MB)']) / Number(first['input (MB)']));
console.log(
  `time per MB at ${last['input (MB)']} MB vs ${first['input (MB)']} MB: ×${ratio.toFixed(2)} (1.0 = linear)`,
);

/**
 * `npm run bench:parse`: parse throughput of the whole recognition pipeline on synthetic inputs of growing
 * size (the five seeds repeated up to 10 MB), to show it stays linear. Prints figures; asserts nothing.
 */
import { loadKnowledge, enrichments } from '../src/lib/knowledge';
import { parsePlan } from '../src/lib/parse-plan';
import { readSeedDirectory } from '../src/lib/ingest';

const knowledge = loadKnowledge();
// The body of every seed (first chapter up to the annexes), so repetitions stay plan body rather than
// turning into one endless annex.
const bodies = readSeedDirectory('seeds').map((seed) => {
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

const sizes = [0.5, 1, 2, 5, 10].map((mb) => mb * 1024 * 1024);
const rows = [];
for (const size of sizes) {
  const text = inputOfSize(size);
  const started = performance.now();
  const { plan, warnings } = parsePlan(text, 'bench.txt', null, knowledge.plan, {
    base: '/',
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

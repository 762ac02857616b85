/**
 * `npm run ingest [-- --strict]`: parses the seeds alone, exactly as the build's plans loader does, and prints
 * a per-plan summary (chapters, clauses, departments, indicators, warnings), every warning and refusal as
 * `file:line: reason`, and the build's closing summary. Writes nothing. With `--strict`, exits non-zero on
 * any warning or refusal.
 *
 * PLAN_ATLAS_SEEDS overrides the seed directory.
 */
import { resolve } from 'node:path';
import { reportOf, summaryLines } from '../src/integrations/ingest-report';
import { ingestDirectory } from '../src/lib/ingest';
import { enrichments, loadKnowledge } from '../src/lib/knowledge';

const strict = process.argv.includes('--strict');
const seedDir = resolve(process.env['PLAN_ATLAS_SEEDS'] ?? 'seeds');

const knowledge = loadKnowledge();
const started = performance.now();
const result = ingestDirectory(seedDir, knowledge.plan, {
  enrichments: enrichments(knowledge),
  vocabularies: knowledge.vocabularies,
});
const elapsed = performance.now() - started;

console.table(
  result.plans.map((plan) => ({
    plan: plan.id,
    source: plan.source,
    chapters: plan.clauses.filter((c) => c.kind === 'chapter').length,
    clauses: plan.clauses.length,
    departments: plan.departments.length,
    indicators: plan.targets.length,
    warnings: result.warnings.filter((w) => w.file === plan.source).length,
    // What the text did not let the parser recognise (title, region, level, issuer, date, structure).
    unrecognised: plan.unrecognised.join(', '),
  })),
);
for (const warning of result.warnings)
  console.warn(`warning: ${warning.file}:${warning.line}: ${warning.message}`);
for (const error of result.errors) console.error(`error: ${error.message}`);
console.log('');
for (const line of summaryLines(reportOf(result, seedDir))) console.log(line);
console.log(`parsed in ${elapsed.toFixed(0)} ms`);
if (result.plans.length === 0) process.exit(1);
if (strict && (result.warnings.length > 0 || result.errors.length > 0)) process.exit(1);

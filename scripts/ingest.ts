/**
 * `npm run ingest [-- --strict]`: seeds/ → generated/plans.json (+ warnings.json) and one MDX file per plan
 * in src/content/plans/. Prints a per-plan summary; with --strict, exits non-zero on any warning or error.
 *
 * PLAN_ATLAS_SEEDS overrides the seed directory (tests build hostile seeds this way);
 * PLAN_ATLAS_BASE is the deployment base path, as in astro.config.mjs.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadKnowledge, enrichments } from '../src/lib/knowledge';
import { ingestSeeds, readSeedDirectory } from '../src/lib/ingest';
import { writeMdx } from './write-mdx';

const strict = process.argv.includes('--strict');
const seedDir = resolve(process.env.PLAN_ATLAS_SEEDS ?? 'seeds');
const base = process.env.PLAN_ATLAS_BASE ?? '/';
const outDir = resolve('generated');

const knowledge = loadKnowledge();
const started = performance.now();
const result = ingestSeeds(readSeedDirectory(seedDir), knowledge.plan, {
  base,
  enrichments: enrichments(knowledge),
});
const elapsed = performance.now() - started;

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'plans.json'), `${JSON.stringify({ plans: result.plans }, null, 2)}\n`);
writeFileSync(
  join(outDir, 'warnings.json'),
  `${JSON.stringify({ warnings: result.warnings, errors: result.errors.map((e) => ({ file: e.file, line: e.line, message: e.reason })) }, null, 2)}\n`,
);
const contentDir = resolve('src/content/plans');
rmSync(contentDir, { recursive: true, force: true });
mkdirSync(contentDir, { recursive: true });
writeMdx(result.plans, contentDir);

const rows = result.plans.map((plan) => ({
  plan: plan.id,
  source: plan.source,
  chapters: plan.clauses.filter((c) => c.kind === 'chapter').length,
  clauses: plan.clauses.length,
  departments: plan.departments.length,
  indicators: plan.targets.length,
  warnings: result.warnings.filter((w) => w.file === plan.source).length,
  // What the text did not let the parser recognise (title, region, level, issuer, date, structure).
  unrecognised: plan.unrecognised.join(', '),
}));
console.table(rows);
for (const warning of result.warnings)
  console.warn(`warning: ${warning.file}:${warning.line}: ${warning.message}`);
for (const error of result.errors) console.error(`error: ${error.message}`);
console.log(
  `${result.plans.length} plans from ${seedDir} in ${elapsed.toFixed(0)} ms; ${result.warnings.length} warnings, ${result.errors.length} errors`,
);
if (result.plans.length === 0) process.exit(1);
if (strict && (result.warnings.length > 0 || result.errors.length > 0)) process.exit(1);

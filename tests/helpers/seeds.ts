import { readdirSync, readFileSync } from 'node:fs';
import { loadKnowledge, enrichments } from '../../src/lib/knowledge';
import { ingestDirectory } from '../../src/lib/ingest';
import type { Plan } from '../../src/lib/model/plan';

export const SEED_DIR = 'seeds';
export const seedFiles = readdirSync(SEED_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

export function seedText(file: string): string {
  return readFileSync(`${SEED_DIR}/${file}`, 'utf8');
}

let cached: ReturnType<typeof ingestDirectory> | null = null;

/** The seeds parsed once per test file, exactly as the build parses them. */
export function ingestedSeeds() {
  if (!cached) {
    const knowledge = loadKnowledge();
    cached = ingestDirectory(SEED_DIR, knowledge.plan, {
      enrichments: enrichments(knowledge),
      vocabularies: knowledge.vocabularies,
    });
  }
  return cached;
}

export function planOf(file: string): Plan {
  const plan = ingestedSeeds().plans.find((p) => p.source === file);
  if (!plan) throw new Error(`no plan parsed from ${file}`);
  return plan;
}

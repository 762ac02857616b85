/**
 * A synthetic corpus of `count` plans in a seed directory, one per division of the official list
 * (scripts/bench/regions.ts): each is a seed of the same level (a county's plan is a county seed, in turn) with
 * the seed's region renamed to the division's in the text, and a sidecar naming region, province, level and a
 * slug. So the corpus has `count` distinct plans and regions, of the seeds' sizes and shapes. The caller
 * writes it outside the checkout.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { loadKnowledge, enrichments } from '../../src/lib/knowledge';
import { ingestSeeds, readSeedDirectory } from '../../src/lib/ingest';
import { corpusRegions, type CorpusRegion } from './regions';

interface Template {
  text: string;
  sidecar: Record<string, unknown>;
  /** The region as the parser read it (莱芜区), to rename. */
  region: string;
  level: string;
}

/** The seeds of `seedDir` whose region and level the parser reads. */
export function seedTemplates(seedDir: string): Template[] {
  const knowledge = loadKnowledge();
  const { seeds } = readSeedDirectory(seedDir);
  const { plans } = ingestSeeds(seeds, knowledge.plan, { enrichments: enrichments(knowledge) });
  return seeds.flatMap((seed) => {
    const plan = plans.find((p) => p.source === seed.file);
    if (!plan?.region || !plan.level) return [];
    const sidecarBytes = seed.sidecar?.bytes;
    const sidecar =
      sidecarBytes instanceof Uint8Array
        ? ((parseYaml(new TextDecoder().decode(sidecarBytes)) as Record<string, unknown>) ?? {})
        : {};
    return [
      {
        text: readFileSync(join(seedDir, seed.file), 'utf8'),
        sidecar,
        region: plan.region,
        level: plan.level,
      },
    ];
  });
}

/** The name without its level suffix (莱芜区 → 莱芜), as plans write it in 莱芜分局; the name itself otherwise. */
function bareName(name: string): string {
  return name.length >= 3 && /[省市区县]$/.test(name) ? name.slice(0, -1) : name;
}

/**
 * Writes the plans of `corpus` into `dir` (created) — `count` plans of distinct regions, or a part of such a
 * corpus (`corpusRegions(n)` filtered), each written exactly as the whole corpus writes it — and returns the
 * total bytes of their text.
 */
export function writeCorpus(
  dir: string,
  corpus: number | readonly CorpusRegion[],
  templates: readonly Template[],
): number {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const { index, region, province, level, levelTurn } of typeof corpus === 'number'
    ? corpusRegions(corpus)
    : corpus) {
    // Seeds of the division's level in turn; any seed when none has it.
    const sameLevel = templates.filter((t) => t.level === level);
    const pool = sameLevel.length > 0 ? sameLevel : templates;
    const template = pool[levelTurn % pool.length] as Template;
    // Whole name first, then the bare name (莱芜 in 莱芜分局), so both read as the new region.
    let text = template.text.split(template.region).join(region);
    const bare = bareName(template.region);
    if (bare !== template.region && bare.length >= 2) text = text.split(bare).join(bareName(region));
    const name = `plan-${String(index).padStart(5, '0')}`;
    writeFileSync(join(dir, `${name}.txt`), text);
    writeFileSync(
      join(dir, `${name}.yaml`),
      stringifyYaml({ ...template.sidecar, region, province, level, slug: `bench-${index}` }),
    );
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

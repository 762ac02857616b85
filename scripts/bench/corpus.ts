/**
 * A synthetic corpus of `count` plans in a seed directory: plan k is seed k mod 5 with its region renamed
 * (every mention in the text, and a sidecar naming region, province and slug), so the corpus has `count`
 * distinct plans and regions of the seeds' sizes and shapes. Written outside the checkout by the caller.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { loadKnowledge, enrichments } from '../../src/lib/knowledge';
import { ingestSeeds, readSeedDirectory } from '../../src/lib/ingest';
import { syntheticRegion } from './regions';

interface Template {
  text: string;
  sidecar: Record<string, unknown>;
  /** The region as the parser read it (莱芜区) and its name without the level suffix (莱芜), to rename. */
  region: string;
  level: string;
}

/** The seeds of `seedDir` with the region each is about, as the parser reads them. */
export function seedTemplates(seedDir: string): Template[] {
  const knowledge = loadKnowledge();
  const seeds = readSeedDirectory(seedDir);
  const { plans } = ingestSeeds(seeds, knowledge.plan, { base: '/', enrichments: enrichments(knowledge) });
  return seeds.flatMap((seed) => {
    const plan = plans.find((p) => p.source === seed.file);
    if (!plan?.region) return [];
    const sidecar = seed.sidecar ? ((parseYaml(seed.sidecar.text) as Record<string, unknown>) ?? {}) : {};
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

/** Writes `count` plans into `dir` (created); returns the total bytes of their text. */
export function writeCorpus(dir: string, count: number, templates: readonly Template[]): number {
  const provinces = loadKnowledge().plan.jurisdictions.provinces.map((p) => p.name);
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let k = 0; k < count; k++) {
    const template = templates[k % templates.length] as Template;
    const suffix = template.region.slice(-1);
    const core = template.region.slice(0, -1);
    const { region, province } = syntheticRegion(k, suffix, template.level === 'province', provinces);
    // Whole name first, then the bare name (莱芜 in 莱芜分局), so both read as the new region.
    let text = template.text.split(template.region).join(region);
    if (core.length >= 2) text = text.split(core).join(region.slice(0, -1));
    const name = `plan-${String(k).padStart(5, '0')}`;
    writeFileSync(join(dir, `${name}.txt`), text);
    writeFileSync(
      join(dir, `${name}.yaml`),
      stringifyYaml({ ...template.sidecar, region, province, slug: `bench-${k}` }),
    );
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

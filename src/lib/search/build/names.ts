/**
 * The Chinese names of search filter values, from the curated catalogues (build time only: reads content/).
 */
import { loadPlanParts, partNames } from '../../curated/plan-knowledge';
import { loadDepartmentCatalogue } from '../../departments/catalogue';
import { loadIndicatorCatalogue } from '../../indicators/catalogue';
import type { SearchNames } from './records';

/** Names from content/departments.yaml, content/indicators.yaml and content/plan-parts.yaml. */
export function loadSearchNames(): SearchNames {
  const categories = new Map(loadDepartmentCatalogue().categories.map((c) => [c.id, c.name]));
  const indicators = new Map(loadIndicatorCatalogue().indicators.map((i) => [i.id, i.name]));
  const order = { department: [...categories.values()], indicator: [...indicators.values()] };
  const parts = partNames(loadPlanParts());
  return {
    category: (id) => categories.get(id) ?? id,
    indicator: (id, label) => indicators.get(id) ?? label,
    part: (part) => parts[part],
    order,
  };
}

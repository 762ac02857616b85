/**
 * The Chinese names of search filter values, from the curated catalogues (build time only: reads content/).
 */
import { loadPlanKnowledge } from '../../curated/plan-knowledge';
import { loadDepartmentCatalogue } from '../../departments/catalogue';
import { loadIndicatorCatalogue } from '../../indicators/catalogue';
import type { PlanPart } from '../../model/plan';
import type { SearchNames } from './records';

/** Parts content/plan-parts.yaml does not name (it only recognises chapters that have a heading). */
const OTHER_PARTS: Partial<Record<PlanPart, string>> = { preamble: '序言', annex: '附件', other: '其他' };

/** Names from content/departments.yaml, content/indicators.yaml and content/plan-parts.yaml. */
export function loadSearchNames(): SearchNames {
  const categories = new Map(loadDepartmentCatalogue().categories.map((c) => [c.id, c.name]));
  const indicators = new Map(loadIndicatorCatalogue().indicators.map((i) => [i.id, i.name]));
  const order = { department: [...categories.values()], indicator: [...indicators.values()] };
  const parts = new Map<string, string>(loadPlanKnowledge().parts.parts.map((p) => [p.id, p.name]));
  return {
    category: (id) => categories.get(id) ?? id,
    indicator: (id, label) => indicators.get(id) ?? label,
    part: (part) => parts.get(part) ?? OTHER_PARTS[part] ?? part,
    order,
  };
}

/**
 * All curated knowledge from content/, loaded once, and the recognition stages that use it, in the order
 * they run after the structure is parsed.
 */
import { COUNTRY } from './vocabulary';
import { loadPlanKnowledge, type PlanKnowledge } from './curated/plan-knowledge';
import {
  assignResponsibilities,
  loadDepartmentCatalogue,
  type DepartmentCatalogue,
} from './departments/index';
import { withTableDepartments } from './departments/table';
import { extractTargets } from './indicators/index';
import { loadIndicatorCatalogue, type IndicatorCatalogue } from './indicators/catalogue';
import type { Vocabularies } from './document/references';
import type { Enrichment } from './parse-plan';
import type { Level, Plan } from './model/plan';

export interface Knowledge {
  plan: PlanKnowledge;
  departments: DepartmentCatalogue;
  indicators: IndicatorCatalogue;
  /** The closed vocabularies a plan may link into: indicator ids and department categories. */
  vocabularies: Vocabularies;
}

export function loadKnowledge(): Knowledge {
  const departments = loadDepartmentCatalogue();
  const indicators = loadIndicatorCatalogue();
  return {
    plan: loadPlanKnowledge(),
    departments,
    indicators,
    vocabularies: {
      indicatorIds: new Set(indicators.indicators.map((i) => i.id)),
      categoryIds: new Set(departments.categories.map((c) => c.id)),
    },
  };
}

/** Departments first: indicator sources are clause texts, which responsibility recognition leaves as is. */
/**
 * The jurisdiction the recognisers read a plan as. A plan whose region is unknown still gets its departments
 * and targets read; with no region, no department prefix is taken as the plan's own.
 */
function jurisdictionOf(plan: Plan): { region: string; level: Level } {
  return { region: plan.region ?? '', level: plan.level ?? 'county' };
}

/**
 * The governments above a plan by the whole-area word each would use of itself (全国, 全省, 全市…), from its
 * division chain: 番禺区 → 全市 广州市, 全省 广东省, 全国. A word the plan uses of itself (宁乡市 and its 长沙市
 * both say 全市; a district of 内蒙古 and the region both say 全区) is left out: it stays the plan's own.
 */
function governmentsAbove(plan: Plan): Map<string, string> {
  const above = new Map<string, string>();
  if (plan.level === null || plan.level === 'national' || plan.region === null) return above;
  above.set('全国', COUNTRY);
  const own = `全${plan.region.slice(-1)}`;
  const chain = plan.regionPath.slice(0, -1);
  for (const division of chain) {
    const word = `全${division.name.slice(-1)}`;
    if (word === own || word === '全国') continue;
    // Two governments above saying the same word (a 市辖区 of a 直辖市's …) leave it unclear: neither is taken.
    if (above.has(word)) above.set(word, '');
    else above.set(word, division.name);
  }
  for (const [word, name] of above) if (name === '') above.delete(word);
  return above;
}

export function enrichments(knowledge: Knowledge): Enrichment[] {
  const departments: Enrichment = (plan, file) => {
    const result = assignResponsibilities({
      clauses: plan.clauses,
      ...jurisdictionOf(plan),
      file,
      catalogue: knowledge.departments,
    });
    return {
      plan: {
        ...plan,
        clauses: result.clauses,
        annexes: withTableDepartments(plan.annexes, result.departments),
        departments: result.departments,
      },
      warnings: result.warnings,
    };
  };
  const targets: Enrichment = (plan, file) => {
    const result = extractTargets({
      front: plan.front,
      clauses: plan.clauses,
      annexes: plan.annexes,
      ...jurisdictionOf(plan),
      above: governmentsAbove(plan),
      file,
      catalogue: knowledge.indicators,
    });
    return {
      plan: { ...plan, targets: result.targets, outcomes: result.outcomes },
      warnings: result.warnings,
    };
  };
  return [departments, targets];
}

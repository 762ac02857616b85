/**
 * A parent read from what a plan cites: 莱芜区's plan says it follows 《济南市“十四五”节能减排工作实施方案》, so
 * when the corpus holds exactly one plan of that title, that plan is the one it implements. Used only where
 * neither the sidecar nor the division list gives a parent (a 新区 or 开发区 the list does not have, a plan
 * whose region could not be read): the division list is the better witness of the tree where it speaks.
 */
import type { CitedDocument, Level, PlanHead } from '../model/plan';
import { foldForRecognition } from '../read/normalize';

/**
 * The words of a plan's title that identify it, whatever the citing text adds around them: quotation marks and
 * brackets vary (“十四五” / "十四五" / 〈…〉), a notice wraps the title (国务院关于印发〈…〉的通知), and a draft's
 * title carries （征求意见稿）.
 */
export function planTitleKey(title: string): string {
  let key = foldForRecognition(title).replace(/[\s“”"'‘’「」『』]/g, '');
  // 四川省人民政府关于印发〈四川省“十四五”节能减排综合工作方案〉的通知 → the title it issues.
  const issued = /关于印发[《〈<]?(.+?)[》〉>]?的通知$/.exec(key);
  if (issued?.[1]) key = issued[1];
  return key
    .replace(/[《》〈〉<>]/g, '')
    .replace(/\((征求意见稿|征求意见|送审稿|草案)\)$/, '')
    .replace(/(征求意见稿|送审稿)$/, '');
}

/** A 文号 compared without spacing and bracket forms: 渝府发〔2022〕39号 = 渝府发[2022]39号. */
function documentNumberKey(number: string): string {
  return foldForRecognition(number).replace(/\s/g, '');
}

const LEVEL_DEPTH: Record<Level, number> = { national: 0, province: 1, city: 2, county: 3 };

/** True when `candidate` may be above `plan` in the tree, as far as their levels tell. */
function mayBeAbove(candidate: PlanHead, plan: PlanHead): boolean {
  if (candidate.level === null || plan.level === null) return true;
  return LEVEL_DEPTH[candidate.level] < LEVEL_DEPTH[plan.level];
}

/** Indexes of the corpus by title key and by 文号, built once per corpus (of plans, or of plans without text). */
export interface CitationIndex<P extends PlanHead> {
  byTitle: Map<string, P[]>;
  byNumber: Map<string, P[]>;
}

export function citationIndex<P extends PlanHead>(plans: readonly P[]): CitationIndex<P> {
  const byTitle = new Map<string, P[]>();
  const byNumber = new Map<string, P[]>();
  const add = (map: Map<string, P[]>, key: string, plan: P) => {
    if (key === '') return;
    const plans = map.get(key);
    if (plans === undefined) map.set(key, [plan]);
    else plans.push(plan);
  };
  for (const plan of plans) {
    add(byTitle, planTitleKey(plan.title), plan);
    if (plan.documentNumber !== null) add(byNumber, documentNumberKey(plan.documentNumber), plan);
  }
  return { byTitle, byNumber };
}

/**
 * The one corpus plan a citation names: by its title, else by its 文号; null when it names none, or more than
 * one (two texts of one title: which one is meant cannot be told), or when title and 文号 name different plans.
 */
export function resolveCitation<P extends PlanHead>(cited: CitedDocument, index: CitationIndex<P>): P | null {
  const byTitle = index.byTitle.get(planTitleKey(cited.title)) ?? [];
  const byNumber = cited.number === null ? [] : (index.byNumber.get(documentNumberKey(cited.number)) ?? []);
  if (byTitle.length > 1 || byNumber.length > 1) return null;
  const [titled] = byTitle;
  const [numbered] = byNumber;
  if (titled && numbered && titled !== numbered) return null;
  return titled ?? numbered ?? null;
}

/**
 * The plan `plan` implements according to what it cites: the cited corpus plans that may be above it (not the
 * plan itself, not another text of the same government, not a plan of its own level or below), the nearest
 * level first. Null when none resolves, or when two different plans are equally near.
 */
export function citedParent<P extends PlanHead>(
  plan: P,
  index: CitationIndex<P>,
  sameGovernment: (a: P, b: P) => boolean,
): P | null {
  const candidates = new Set<P>();
  for (const cited of plan.cites) {
    const found = resolveCitation(cited, index);
    if (found && found !== plan && !sameGovernment(found, plan) && mayBeAbove(found, plan))
      candidates.add(found);
  }
  if (candidates.size <= 1) return [...candidates][0] ?? null;
  // The nearest level wins (a county citing 33号 and its city's plan implements the city's); a level that
  // cannot be told ranks nowhere, so two such candidates stay ambiguous.
  const depth = (p: P) => (p.level === null ? -1 : LEVEL_DEPTH[p.level]);
  const sorted = [...candidates].sort((a, b) => depth(b) - depth(a));
  const [first, second] = sorted;
  if (!first || depth(first) < 0 || (second && depth(second) === depth(first))) return null;
  return first;
}

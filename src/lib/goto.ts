/**
 * "Go to clause": a reader types what they read in a news story or a meeting note — `贵州 三（四）`,
 * `达州（二十一）`, `黔江区 三(四)3` — and lands on the clause. The query is a plan name (region, its short
 * form, or the title) followed by a clause number as printed; brackets may be full- or half-width and spaces
 * are optional. A section number alone (（二十一）) finds the clause when it is unique in the plan, as plans
 * that number sections straight through are cited that way. Pure: the /go/ page runs it in the browser.
 */

import { properName } from './regions/names';

/** What the first step needs of a plan: its id and the names a reader may call it by. */
export interface GotoName {
  id: string;
  names: string[];
}

/** A clause as the second step reads it: its id and its citation as printed (三（四）3). */
export interface GotoClause {
  id: string;
  citation: string;
}

/** What the resolver needs of a plan: its id, the names a reader may call it by, its clauses' citations. */
export interface GotoPlan extends GotoName {
  clauses: GotoClause[];
}

/**
 * A plan in `/data/goto.json`, the index the /go/ page fetches: names, title, page URL, and the URL of its
 * clause citations (`/data/goto/<plan>.json`, `{ clauses: GotoClause[] }`), fetched once the plan is known.
 */
export interface GotoIndexPlan extends GotoName {
  title: string;
  url: string;
  clauses: string;
}

export type GotoResult =
  | { kind: 'clause'; planId: string; clauseId: string }
  | { kind: 'plan'; planId: string; reason: 'no-clause' | 'clause-not-found' }
  | { kind: 'ambiguous-plan'; planIds: string[] }
  | { kind: 'no-plan' };

/** The first step's answer: the one plan the query names, with the clause reference after its name. */
export type GotoPlanResult =
  | { kind: 'found'; planId: string; reference: string }
  | { kind: 'ambiguous-plan'; planIds: string[] }
  | { kind: 'no-plan' };

/** The names a plan answers to: region, region without its suffix, title. */
export function planNames(plan: { title: string; region: string | null }): string[] {
  const names = [plan.title];
  if (plan.region) {
    names.push(plan.region);
    // The administrative suffix a reader leaves off (贵州 for 贵州省, 凉山 for 凉山彝族自治州), as the division
    // names split it everywhere else; a one-character proper name keeps its suffix (城区).
    names.push(properName(plan.region));
  }
  return [...new Set(names)];
}

/** Brackets and separators unified, spaces and a trailing 条/款 dropped: （四） and (四) compare equal. */
function foldReference(text: string): string {
  return text
    .replace(/[（(]/g, '(')
    .replace(/[）)]/g, ')')
    .replace(/[．.、]/g, '')
    .replace(/[\s\u3000]+/g, '')
    .replace(/^第/, '')
    .replace(/[条款项]$/, '');
}

/** Where the clause reference starts: the first Chinese numeral, bracket or digit after the plan name. */
const REFERENCE_START = /[一二三四五六七八九十百（(0-9]/;

function splitQuery(query: string, names: string[]): { plan: string; reference: string } | null {
  const trimmed = query.trim();
  // The longest name the query starts with wins (贵州省 before 贵州), so a name ending in a numeral still works.
  const name = names.filter((n) => trimmed.startsWith(n)).sort((a, b) => b.length - a.length)[0];
  if (name !== undefined) return { plan: name, reference: trimmed.slice(name.length).trim() };
  const at = trimmed.search(REFERENCE_START);
  if (at <= 0) return null;
  return { plan: trimmed.slice(0, at).trim(), reference: trimmed.slice(at).trim() };
}

/** The clause a reference (三（四）3, （二十一）) cites among `clauses`, or null. */
export function findClause(clauses: readonly GotoClause[], reference: string): string | null {
  const wanted = foldReference(reference);
  if (wanted === '') return null;
  const folded = clauses.map((c) => ({ id: c.id, citation: foldReference(c.citation) }));
  const exact = folded.find((c) => c.citation === wanted);
  if (exact) return exact.id;
  // （二十一） alone: the one clause whose citation ends with it (三（二十一） in a plan numbering straight through).
  if (wanted.startsWith('(')) {
    const ending = folded.filter((c) => c.citation.endsWith(wanted));
    if (ending.length === 1) return ending[0]!.id;
  }
  return null;
}

/**
 * The first step: which plan the query names (on a plan page, `onlyPlan`, unless it names another), and the
 * clause reference after the name. Needs only the plans' names, so the /go/ page fetches each plan's clauses
 * only once it knows the plan (a national corpus's citations are megabytes).
 */
export function resolvePlan(plans: readonly GotoName[], query: string, onlyPlan?: string): GotoPlanResult {
  const candidates = onlyPlan ? plans.filter((p) => p.id === onlyPlan) : plans;
  // On a plan page a query naming another plan (贵州 三（四） typed on 达州's page) means that plan.
  if (onlyPlan) {
    const named = splitQuery(
      query,
      plans.flatMap((p) => p.names),
    );
    const own = candidates.flatMap((p) => p.names);
    if (named && named.plan !== '' && !own.some((n) => n === named.plan || n.startsWith(named.plan)))
      return resolvePlan(plans, query);
  }
  const allNames = candidates.flatMap((p) => p.names);
  const split = onlyPlan
    ? (splitQuery(query, allNames) ?? { plan: '', reference: query.trim() })
    : splitQuery(query, allNames);
  if (!split) return { kind: 'no-plan' };
  let matching = onlyPlan
    ? candidates
    : candidates.filter((p) => p.names.some((n) => n === split.plan || n.startsWith(split.plan)));
  if (matching.length === 0) return { kind: 'no-plan' };
  if (matching.length > 1) {
    // 达州 fits 达州市 and a 达州市某区 plan: a name given in full picks one.
    const exact = matching.filter((p) => p.names.includes(split.plan));
    if (exact.length !== 1) return { kind: 'ambiguous-plan', planIds: matching.map((p) => p.id) };
    matching = exact;
  }
  return { kind: 'found', planId: matching[0]!.id, reference: split.reference };
}

/** The second step: the plan's clause the reference cites, or why there is none. */
export function resolveClause(planId: string, clauses: readonly GotoClause[], reference: string): GotoResult {
  if (reference === '') return { kind: 'plan', planId, reason: 'no-clause' };
  const clauseId = findClause(clauses, reference);
  return clauseId === null
    ? { kind: 'plan', planId, reason: 'clause-not-found' }
    : { kind: 'clause', planId, clauseId };
}

/** Both steps over plans whose clauses are at hand. */
export function resolveGoto(plans: readonly GotoPlan[], query: string, onlyPlan?: string): GotoResult {
  const found = resolvePlan(plans, query, onlyPlan);
  if (found.kind !== 'found') return found;
  const plan = plans.find((p) => p.id === found.planId) as GotoPlan;
  return resolveClause(plan.id, plan.clauses, found.reference);
}

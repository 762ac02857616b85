/**
 * Aligning a plan with the national template: for each of the 18 topics, the clause(s) that cover it, or
 * the clause it is merged into, or nothing. Local plans rename topics (莱芜 强化重点行业节能减排 for
 * 重点行业绿色升级工程), renumber them (达州 runs on to （二十一）), split them (莱芜 treats 完善经济政策 in two
 * sections) and merge them (廊坊 treats it inside 健全政策标准), so matching is scored, not positional.
 *
 * Scoring, per (topic, clause):
 *  - heading: Dice similarity of heading bigrams with the title/aliases (stopwords removed), or a fixed
 *    score when the heading contains one of the topic's heading terms, whichever is higher;
 *  - body: distinct topic keywords in the clause and its descendants (responsibility notes removed, since
 *    department names such as 区财政局 are not content);
 *  - part: a project is expected under 重点工程, a mechanism under 政策机制;
 *  - depth: a section is preferred to an item inside it.
 * Topics are then assigned one to one, best score first; a clause is only given to a second topic as the
 * clause that topic is merged into.
 */
import type { Clause, Plan, PlanPart } from '../model/plan';
import { KIND_PART, type NationalTemplate, type Topic, type TopicKind } from './template';
import { bigrams, dice, foldForMatch, headingSegments, termsIn } from './text';

export type TopicStatus = 'covered' | 'merged' | 'missing';

export interface TopicMatch {
  topicId: string;
  /**
   * `covered`: clauses whose heading names the topic; `merged`: the topic is treated inside a clause about
   * something else (its keywords are in that clause's text); `missing`: nothing found.
   */
  status: TopicStatus;
  /** Covering clauses in reading order, or the clause the topic is merged into. */
  clauseIds: string[];
  /** The best clause's score in [0, 1], rounded to three decimals; 0 when missing. */
  score: number;
  /** What the compare page says, e.g. 并入四（四）「健全政策标准」. */
  note: string;
}

/** Thresholds and weights; exported so tests can name them. */
export const MATCHING = {
  /** A heading naming a heading term scores this much, before Dice similarity. */
  termScore: 0.5,
  /** Minimum heading score for a clause to cover a topic. */
  minHeading: 0.4,
  /** Distinct keywords for full body evidence. */
  bodyHits: 3,
  headingWeight: 0.7,
  bodyWeight: 0.3,
  /** Minimum distinct keywords for a topic to count as merged into a clause. */
  mergeHits: 3,
  /** An extra clause joins a covered topic only with a heading score this high. */
  extraHeading: 0.5,
} as const;

/** How much a clause's part supports a topic kind. */
function partFactor(kind: TopicKind, part: PlanPart): number {
  if (part === KIND_PART[kind]) return 1;
  if (part === 'projects' || part === 'policies') return 0.75;
  if (part === 'other') return 0.6;
  return 0.5;
}

const DEPTH_FACTOR: Partial<Record<Clause['kind'], number>> = { chapter: 0.95, section: 1, item: 0.9 };

interface Candidate {
  clause: Clause;
  /** Folded heading, for heading terms. */
  heading: string;
  headingBigrams: Set<string>;
  /** Folded text of the clause and its descendants, responsibility notes removed. */
  body: string;
  /** Ids of the clause's ancestors. */
  ancestors: Set<string>;
}

interface PreparedTopic {
  topic: Topic;
  titles: Set<string>[];
}

interface Pair {
  topic: PreparedTopic;
  candidate: Candidate;
  heading: number;
  bodyHits: number;
  score: number;
}

function clauseText(clause: Clause): string {
  const note = clause.responsibility?.text;
  return clause.paragraphs.map((p) => (note ? p.split(note).join('') : p)).join('\n');
}

/**
 * The clauses that may stand for a topic: headed sections and items, and headed chapters without numbered
 * children (a plan whose chapters are its topics). Preamble, goals and annexes never do.
 */
function candidates(plan: Plan, stopwords: readonly string[]): Candidate[] {
  const children = new Map<string, Clause[]>();
  const byId = new Map(plan.clauses.map((c) => [c.id, c]));
  for (const clause of plan.clauses) {
    if (clause.parentId === null) continue;
    const list = children.get(clause.parentId);
    if (list) list.push(clause);
    else children.set(clause.parentId, [clause]);
  }
  const subtreeText = (clause: Clause): string =>
    [clauseText(clause), ...(children.get(clause.id) ?? []).map(subtreeText)].join('\n');

  const out: Candidate[] = [];
  for (const clause of plan.clauses) {
    if (!clause.heading || DEPTH_FACTOR[clause.kind] === undefined) continue;
    if (clause.part === 'preamble' || clause.part === 'goals' || clause.part === 'annex') continue;
    const numberedChildren = (children.get(clause.id) ?? []).some(
      (c) => c.kind === 'section' || c.kind === 'item',
    );
    if (clause.kind === 'chapter' && numberedChildren) continue;
    const ancestors = new Set<string>();
    for (let p = clause.parentId; p !== null; p = byId.get(p)?.parentId ?? null) ancestors.add(p);
    out.push({
      clause,
      heading: foldForMatch(clause.heading),
      headingBigrams: bigrams(headingSegments(clause.heading, stopwords)),
      body: foldForMatch(subtreeText(clause)),
      ancestors,
    });
  }
  return out;
}

function scorePair(topic: PreparedTopic, candidate: Candidate): Pair {
  const similarity = Math.max(...topic.titles.map((title) => dice(title, candidate.headingBigrams)));
  const named = termsIn(candidate.heading, topic.topic.headingTerms).length > 0;
  const heading = Math.max(similarity, named ? MATCHING.termScore : 0);
  const bodyHits = termsIn(candidate.body, topic.topic.keywords).length;
  const body = Math.min(1, bodyHits / MATCHING.bodyHits);
  const factor =
    partFactor(topic.topic.kind, candidate.clause.part) * (DEPTH_FACTOR[candidate.clause.kind] ?? 0);
  const score = (MATCHING.headingWeight * heading + MATCHING.bodyWeight * body) * factor;
  return { topic, candidate, heading, bodyHits, score };
}

/** Related clauses (one inside the other) never count as two separate coverings. */
function related(a: Candidate, b: Candidate): boolean {
  return a.clause.id === b.clause.id || a.ancestors.has(b.clause.id) || b.ancestors.has(a.clause.id);
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

function describe(clause: Clause): string {
  return `${clause.citation}「${clause.heading ?? ''}」`;
}

/**
 * Matches every topic of the template against a plan's clauses. Deterministic: ties are broken by topic
 * order and clause position. Returns one result per topic, in national order.
 */
export function matchTopics(plan: Plan, template: NationalTemplate): TopicMatch[] {
  const stopwords = template.headingStopwords;
  const topics: PreparedTopic[] = template.topics.map((topic) => ({
    topic,
    titles: [topic.title, ...topic.aliases].map((title) => bigrams(headingSegments(title, stopwords))),
  }));
  const pool = candidates(plan, stopwords);
  const pairs = topics.flatMap((topic) => pool.map((candidate) => scorePair(topic, candidate)));
  const byScore = (a: Pair, b: Pair) =>
    b.score - a.score ||
    a.topic.topic.order - b.topic.topic.order ||
    a.candidate.clause.position - b.candidate.clause.position;

  // 1. One to one: each topic its best clause whose heading names it, each clause at most one topic.
  const primary = new Map<string, Pair>();
  const taken: Candidate[] = [];
  const pairOf = new Map(pairs.map((p) => [`${p.topic.topic.id} ${p.candidate.clause.id}`, p]));
  const parentOf = new Map(plan.clauses.map((c) => [c.id, c.parentId]));
  for (const best of pairs.filter((p) => p.heading >= MATCHING.minHeading).sort(byScore)) {
    if (primary.has(best.topic.topic.id)) continue;
    // An item may name the topic more precisely than its section (黔江 三（七）1 深化大气污染联防联控 in
    // 三（七） 成渝地区双城经济圈污染共治工程); when the section names it too, the section is the match.
    let pair = best;
    for (let id = best.candidate.clause.parentId; id !== null; id = parentOf.get(id) ?? null) {
      const up = pairOf.get(`${best.topic.topic.id} ${id}`);
      if (up && up.heading >= MATCHING.minHeading) pair = up;
    }
    if (taken.some((c) => related(c, pair.candidate))) continue;
    primary.set(pair.topic.topic.id, pair);
    taken.push(pair.candidate);
  }

  // 2. A topic split over sibling clauses (莱芜 财税 + 金融价格): a free clause joins the topic its heading
  //    names best, if that topic is covered by a sibling.
  const extras = new Map<string, Pair[]>();
  const free = pool.filter((c) => !taken.some((t) => related(t, c)));
  for (const candidate of free) {
    const best = pairs
      .filter((p) => p.candidate === candidate && p.heading >= MATCHING.extraHeading)
      .sort(byScore)[0];
    const covered = best ? primary.get(best.topic.topic.id) : undefined;
    if (!best || !covered || covered.candidate.clause.parentId !== candidate.clause.parentId) continue;
    extras.set(best.topic.topic.id, [...(extras.get(best.topic.topic.id) ?? []), best]);
  }

  return topics.map(({ topic }) => {
    const main = primary.get(topic.id);
    if (main) {
      const ordered = [main, ...(extras.get(topic.id) ?? [])]
        .map((p) => p.candidate.clause)
        .sort((a, b) => a.position - b.position);
      return {
        topicId: topic.id,
        status: 'covered',
        clauseIds: ordered.map((c) => c.id),
        score: round3(main.score),
        note: `见${ordered.map(describe).join('、')}`,
      };
    }
    // 3. Merged: the clause whose text treats the topic most (by distinct keywords), whatever its heading.
    const merged = pairs
      .filter((p) => p.topic.topic.id === topic.id && p.bodyHits >= MATCHING.mergeHits)
      .sort(
        (a, b) =>
          b.bodyHits - a.bodyHits ||
          partFactor(topic.kind, b.candidate.clause.part) - partFactor(topic.kind, a.candidate.clause.part) ||
          a.candidate.clause.position - b.candidate.clause.position,
      )[0];
    if (merged) {
      return {
        topicId: topic.id,
        status: 'merged',
        clauseIds: [merged.candidate.clause.id],
        score: round3(
          Math.min(1, merged.bodyHits / MATCHING.bodyHits) *
            partFactor(topic.kind, merged.candidate.clause.part),
        ),
        note: `并入${describe(merged.candidate.clause)}`,
      };
    }
    return { topicId: topic.id, status: 'missing', clauseIds: [], score: 0, note: '未见对应条款' };
  });
}

/**
 * Topic-level clauses of the plan's 重点工程 and 政策机制 parts that no topic matched: what the plan adds to the
 * template (莱芜 五（四）推动节能减排科技创新). Only clauses at the level of the matched ones, in reading order.
 */
export function unmatchedClauses(plan: Plan, matches: readonly TopicMatch[]): Clause[] {
  const used = new Set(matches.flatMap((m) => m.clauseIds));
  const usedClauses = plan.clauses.filter((c) => used.has(c.id));
  const levels = new Set(usedClauses.map((c) => c.kind));
  const byId = new Map(plan.clauses.map((c) => [c.id, c]));
  const insideUsed = (clause: Clause): boolean => {
    for (let p = clause.parentId; p !== null; p = byId.get(p)?.parentId ?? null) if (used.has(p)) return true;
    return false;
  };
  return plan.clauses.filter(
    (c) =>
      (c.part === 'projects' || c.part === 'policies') &&
      levels.has(c.kind) &&
      c.heading !== null &&
      !used.has(c.id) &&
      !insideUsed(c),
  );
}

/** The compare matrix: every plan against every topic. */
export function compareMatrix(
  plans: readonly Plan[],
  template: NationalTemplate,
): { planId: string; matches: TopicMatch[] }[] {
  return plans.map((plan) => ({ planId: plan.id, matches: matchTopics(plan, template) }));
}

/**
 * Pagefind's records seen as clauses. A record is a chapter (build/records.ts); a result the page ranks, counts,
 * filters and shows is a clause. This wraps a Pagefind so every caller (engine, counts, near matches, did you
 * mean) gets clause results, as it did when each record was one clause:
 *
 * - a result is a clause holding every word or phrase of the lookup: each lookup is cut into its parts (bare
 *   words and quoted phrases), each part looked up on its own so its matched positions are known apart, and a
 *   clause is kept when each part matches inside it — a phrase as consecutive positions, so it never matches
 *   across two clauses (nor could it: no clause's last word is a bigram, tokens.ts) — with its word positions;
 * - filters are applied to each clause's own values (its record's values, record-values.ts, fetched only for a
 *   filtered search or counts), never to the record's union; Pagefind is given none;
 * - filter counts count clauses: `filters` over the clauses kept, `totalFilters` over all the lookup's
 *   clauses, as Pagefind's own would over one-clause records;
 * - a result's data is its clause's url, meta and filters, from the clause's own file (clause-file.ts; loaded
 *   once), never its record's fragment, which is not written: a result costs its clause, not its chapter.
 *
 * Pure (no DOM): the search page wraps its Pagefind with it (src/browser/search/pagefind.ts), tests theirs.
 */
import { clauseStarts, clauseValues, wordsOf, type FilterTable, type RecordValues } from './layout';
import { FILTER_KEYS, type ClauseData, type FilterKey } from './record-meta';
import type { RankedAnswer, RankPlan } from './ranked-search';
import { recordValuesOf, type IndexValues } from './record-values';

export type Filters = Partial<Record<FilterKey, string>>;

export interface ResultData {
  url: string;
  meta: ClauseData['meta'];
  filters: Record<string, string[]>;
}

/**
 * A Pagefind result as its search gives it: a record, whose id carries its layout (layout.ts). Its data (the
 * record's fragment) is never asked for: the build writes a file per clause instead (clause-file.ts).
 */
export interface RecordResult {
  id: string;
  score: number;
  words: number[];
}

export interface Response<R> {
  results: R[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

export interface RecordSearch {
  filters(): Promise<Record<string, Record<string, number>>>;
  preload(term: string, options?: { filters?: Filters }): Promise<void>;
  search(term: string | null, options?: { filters?: Filters }): Promise<Response<RecordResult> | null>;
}

/** A clause result as the page shows it: its id and, loaded when shown, its data. */
export interface ShownResult {
  id: string;
  data(): Promise<ResultData>;
}

export interface ClauseResult extends ShownResult {
  score: number;
  words: number[];
}

/** Ranks a plan's unfiltered searches where the answers are (the index worker: ranked-search.ts). */
export type Ranker = (plan: RankPlan) => Promise<RankedAnswer>;

export interface ClauseSearch {
  filters(): Promise<Record<string, Record<string, number>>>;
  preload(term: string, options?: { filters?: Filters }): Promise<void>;
  search(term: string | null, options?: { filters?: Filters }): Promise<Response<ClauseResult> | null>;
  /** The result of a clause id this view (or its ranker) gave, to load its data when shown. */
  shown(id: string): ShownResult;
  /** Where the index ranks unfiltered searches itself: the ranked ids of a plan's searches. */
  ranked?: Ranker;
}

/** One part of a lookup: a bare word (found anywhere in the clause) or a quoted phrase of words in a row. */
export interface LookupPart {
  words: string[];
}

/** The parts of a Pagefind lookup as the page writes them (tokens.ts: bare words and `"…"` phrases). */
export function lookupParts(term: string): LookupPart[] {
  const parts: LookupPart[] = [];
  for (const match of term.matchAll(/"([^"]*)"|(\S+)/g)) {
    const words = (match[1] ?? match[2] ?? '').split(/\s+/).filter(Boolean);
    if (words.length > 0) parts.push({ words });
  }
  return parts;
}

/** The separator of a clause result's id: `<record id>#<clause number in the record>`. */
const CLAUSE_MARK = '#';

/** The record id and clause number of a clause result's id. */
export function clauseOf(id: string): { record: string; clause: number } {
  const at = id.lastIndexOf(CLAUSE_MARK);
  return { record: id.slice(0, at), clause: Number(id.slice(at + 1)) };
}

/** A clause a lookup matched: its record's result, its number there and its matched positions. */
interface Matched {
  record: RecordResult;
  clause: number;
  words: number[];
  score: number;
}

/**
 * Where each run of a part's words in order starts in a record (ascending): every position of its first word
 * followed by its other words at the next positions. The other words' positions are looked up in sets, so a
 * record printing a word thousands of times costs a pass over them, not a pass per position.
 */
function partRuns(part: LookupPart, at: ReadonlyMap<string, readonly number[]>): readonly number[] {
  const [first, ...rest] = part.words as [string, ...string[]];
  const firsts = at.get(first) ?? [];
  const runs =
    rest.length === 0
      ? firsts
      : (() => {
          const later = rest.map((word) => new Set(at.get(word) ?? []));
          return firsts.filter((p) => later.every((set, i) => set.has(p + i + 1)));
        })();
  // Pagefind gives a record's positions in order as a rule; sorted (a copy) only if not.
  return ascending(runs) ? runs : [...runs].sort((a, b) => a - b);
}

function ascending(values: readonly number[]): boolean {
  for (let i = 1; i < values.length; i++) if ((values[i] as number) < (values[i - 1] as number)) return false;
  return true;
}

/**
 * Where each clause of a record starts (layout.ts `clauseStarts` of the word counts its id carries), read once
 * per record id: a record's id spells its layout, so the same id always has the same starts, and a query's
 * lookups (and the queries after it) meet the same records again.
 */
const startsById = new Map<string, readonly number[] | null>();

function startsOf(id: string): readonly number[] | null {
  let starts = startsById.get(id);
  if (starts === undefined) {
    const counts = wordsOf(id);
    starts = counts ? clauseStarts(counts) : null;
    startsById.set(id, starts);
  }
  return starts;
}

/** The clause holding word position `p`: the last clause whose first word is at or before it. */
function clauseAt(starts: readonly number[], p: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= p) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The clauses that hold every part of a lookup. `found` gives, for each word of the parts, Pagefind's results
 * of that word looked up alone (every position of it in each record: a quoted lookup reports only a record's
 * first match). Records come by the sum of their words' scores; clauses in reading order within. A run of a
 * part counts only inside one clause (a phrase never runs into the next clause); a clause's positions are its
 * runs', part after part, each ascending.
 */
export function matchedClauses(
  parts: readonly LookupPart[],
  found: ReadonlyMap<string, Response<RecordResult>>,
): Matched[] {
  const [only] = parts;
  if (parts.length === 1 && only?.words.length === 1)
    return oneWordClauses(found.get(only.words[0] as string)?.results ?? []);
  const words = [...new Set(parts.flatMap((p) => p.words))];
  const byRecord = new Map<string, { record: RecordResult; at: Map<string, number[]>; score: number }>();
  words.forEach((word, w) => {
    for (const result of found.get(word)?.results ?? []) {
      let entry = byRecord.get(result.id);
      if (!entry) {
        if (w > 0) continue; // a record the first word did not find cannot hold every word
        entry = { record: result, at: new Map(), score: 0 };
        byRecord.set(result.id, entry);
      }
      entry.at.set(word, result.words);
      entry.score += result.score;
    }
  });
  const records = [...byRecord.values()]
    .filter((e) => e.at.size === words.length)
    .sort((a, b) => b.score - a.score);
  const out: Matched[] = [];
  for (const entry of records) {
    const starts = startsOf(entry.record.id);
    if (!starts) continue;
    // Per clause, per part, the positions of its runs inside the clause.
    const inClause = new Map<number, number[][]>();
    parts.forEach((part, j) => {
      const last = part.words.length - 1;
      for (const p of partRuns(part, entry.at)) {
        const k = clauseAt(starts, p);
        if (p < (starts[k] as number) || p + last >= (starts[k + 1] as number)) continue;
        let perPart = inClause.get(k);
        if (!perPart) inClause.set(k, (perPart = parts.map(() => [])));
        for (let i = 0; i <= last; i++) (perPart[j] as number[]).push(p + i);
      }
    });
    for (const k of [...inClause.keys()].sort((a, b) => a - b)) {
      const perPart = inClause.get(k) as number[][];
      if (perPart.every((positions) => positions.length > 0))
        out.push({ record: entry.record, clause: k, words: perPart.flat(), score: entry.score });
    }
  }
  return out;
}

/**
 * `matchedClauses` of a lookup of one word (a group or form token, a bigram, a unit alone: most lookups), the
 * same clauses in the same order, without its bookkeeping for several words: records by score, and within one,
 * its positions walked once in order, each clause's positions taken as they come.
 */
function oneWordClauses(results: readonly RecordResult[]): Matched[] {
  const out: Matched[] = [];
  for (const record of [...results].sort((a, b) => b.score - a.score)) {
    const starts = startsOf(record.id);
    if (!starts) continue;
    const positions = ascending(record.words) ? record.words : [...record.words].sort((a, b) => a - b);
    const end = starts[starts.length - 1] as number;
    let k = 0;
    let words: number[] = [];
    for (const p of positions) {
      if (p >= end) break; // past the last clause: in none
      if (p >= (starts[k + 1] as number)) {
        if (words.length > 0) out.push({ record, clause: k, words, score: record.score });
        words = [];
        while (p >= (starts[k + 1] as number)) k++;
      }
      words.push(p);
    }
    if (words.length > 0) out.push({ record, clause: k, words, score: record.score });
  }
  return out;
}

/** Words whose results are kept for later searches, at most (the oldest go first). */
const LOOKUPS_KEPT = 256;

/** Value indexes per key, for the filter table. */
function tableIndexes(table: FilterTable): Record<FilterKey, Map<string, number>> {
  return Object.fromEntries(
    FILTER_KEYS.map((key) => [key, new Map((table[key] ?? []).map((v, i) => [v, i]))]),
  ) as Record<FilterKey, Map<string, number>>;
}

/** Whether a clause's own values satisfy every active filter (`wanted`: key → value index, −1 for unknown). */
function passes(values: Record<FilterKey, number[]>, wanted: readonly [FilterKey, number][]): boolean {
  return wanted.every(([key, index]) => values[key].includes(index));
}

/** Clauses per filter value, by the table's names (`valuesOf` gives each clause's record's values). */
export function tally(
  table: FilterTable,
  valuesOf: (record: string) => RecordValues,
  clauses: readonly { record: { id: string }; clause: number }[],
): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const key of FILTER_KEYS) counts[key] = {};
  for (const { record, clause } of clauses) {
    const values = clauseValues(valuesOf(record.id), clause);
    for (const key of FILTER_KEYS) {
      const names = table[key] ?? [];
      const into = counts[key] as Record<string, number>;
      for (const i of values[key]) {
        const name = names[i];
        if (name !== undefined) into[name] = (into[name] ?? 0) + 1;
      }
    }
  }
  return counts;
}

/** Loads clause `clause` (its number in the record) of record `record`: its file (clause-file.ts `clauseFile`). */
export type ClauseLoader = (record: string, clause: number) => Promise<ClauseData>;

/**
 * The clause view of `pf`. `loadValues` gives the filter table (layout.ts `FILTER_TABLE_FILE`) and every
 * bundle's record values (record-values.ts); they are asked for only when a search is filtered, or by
 * `filters()` (which the page calls before counting), so an unfiltered search never waits for them.
 * `loadClause` gives a result's data, when it is shown. `ranker`, where given, ranks unfiltered searches where
 * the records' answers are (the index worker), and the view offers it as `ranked`.
 */
export function clauseView(
  pf: RecordSearch,
  loadValues: () => Promise<IndexValues>,
  loadClause: ClauseLoader,
  ranker?: Ranker,
): ClauseSearch {
  let table: FilterTable | null = null;
  let indexes: Record<FilterKey, Map<string, number>> | null = null;
  let valuesOf: ((record: string) => RecordValues) | null = null;
  let tableLoading: Promise<FilterTable> | null = null;
  const ensureTable = async (): Promise<FilterTable> => {
    tableLoading ??= loadValues().then((loaded) => {
      table = loaded.table;
      indexes = tableIndexes(loaded.table);
      valuesOf = recordValuesOf(loaded);
      return loaded.table;
    });
    return tableLoading;
  };
  // One load per clause, shared by every search that shows it (a failed load is tried again next time).
  const loadedClauses = new Map<string, Promise<ClauseData>>();
  const clauseData = (id: string, record: string, clause: number): Promise<ClauseData> => {
    let loading = loadedClauses.get(id);
    if (!loading) {
      loading = loadClause(record, clause);
      loading.catch(() => loadedClauses.delete(id));
      loadedClauses.set(id, loading);
    }
    return loading;
  };

  // A word's results do not depend on the search it is part of (Pagefind is given no filter), so each word is
  // looked up once: a query's loose and exact searches share their words.
  const looked = new Map<string, Promise<Response<RecordResult> | null>>();
  const lookup = (word: string): Promise<Response<RecordResult> | null> => {
    let answer = looked.get(word);
    if (!answer) {
      answer = pf.search(word).then((response) => {
        if (response === null) looked.delete(word);
        return response;
      });
      if (looked.size >= LOOKUPS_KEPT) looked.delete(looked.keys().next().value as string);
      looked.set(word, answer);
    }
    return answer;
  };

  const shownData = (id: string) => async (): Promise<ResultData> => {
    const { record, clause } = clauseOf(id);
    const { url, meta, filters } = await clauseData(id, record, clause);
    return { url, meta, filters };
  };

  return {
    ...(ranker ? { ranked: ranker } : {}),
    shown: (id) => ({ id, data: shownData(id) }),
    async filters() {
      const t = await ensureTable();
      return Object.fromEntries(
        FILTER_KEYS.map((key) => [key, Object.fromEntries((t[key] ?? []).map((v) => [v, 0]))]),
      );
    },
    async preload(term) {
      const words = new Set(lookupParts(term).flatMap((part) => part.words));
      await Promise.all([...words].map((word) => pf.preload(word)));
    },
    async search(term, options = {}) {
      const active = Object.entries(options.filters ?? {}).filter((e): e is [FilterKey, string] =>
        Boolean(e[1]),
      );
      if (active.length > 0) await ensureTable();
      const parts = term === null ? [] : lookupParts(term);
      if (parts.length === 0) return { results: [], unfilteredResultCount: 0, filters: {}, totalFilters: {} };
      const words = [...new Set(parts.flatMap((part) => part.words))];
      const responses = await Promise.all(words.map(lookup));
      if (responses.some((r) => r === null)) return null;
      const found = new Map(words.map((word, i) => [word, responses[i] as Response<RecordResult>]));
      const all = matchedClauses(parts, found);
      const wanted = active.map(([key, value]): [FilterKey, number] => [
        key,
        indexes?.[key].get(value) ?? -1,
      ]);
      const of = valuesOf;
      if (wanted.length > 0 && !of) throw new Error('the search filter values are not loaded');
      const kept =
        wanted.length === 0 || !of
          ? all
          : all.filter((m) => passes(clauseValues(of(m.record.id), m.clause), wanted));
      const results = kept.map((m): ClauseResult => {
        const id = `${m.record.id}${CLAUSE_MARK}${m.clause}`;
        return {
          id,
          score: m.score,
          words: m.words,
          data: shownData(id),
        };
      });
      // Counted only when read (the page reads them when it counts, after `filters()` loaded the table).
      let counted: Record<string, Record<string, number>> | null = null;
      let totals: Record<string, Record<string, number>> | null = null;
      return {
        results,
        unfilteredResultCount: all.length,
        get filters() {
          counted ??= table && valuesOf ? tally(table, valuesOf, kept) : {};
          return counted;
        },
        get totalFilters() {
          totals ??= table && valuesOf ? tally(table, valuesOf, all) : {};
          return totals;
        },
      };
    },
  };
}

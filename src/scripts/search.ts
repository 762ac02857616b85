/**
 * The search page in the browser: reads the query and filters from the URL, searches the Pagefind index with
 * the exact-match layer of src/lib/search (literal matches first), renders clause results with excerpts and
 * filter counts, and writes the state back to the URL as the reader types (replaceState) or commits
 * (pushState, so Back returns to the previous search). Keyboard: `/` focuses the box, ↓/↑ move through the
 * results, Enter opens one.
 */
import { buildExcerpt } from '../lib/search/excerpt';
import { foldQuery } from '../lib/search/fold';
import { parseQuery, type ParsedQuery } from '../lib/search/query';
import { hasRun, rank, type Ranked, type TermSets } from '../lib/search/rank';
import { FILTER_KEYS, type FilterKey, type RecordMeta } from '../lib/search/records';
import { compileSynonyms } from '../lib/search/synonyms';
import { installSearchShortcut } from './search-shortcut';

// ----------------------------------------------------------------------------------------- Pagefind API

interface PagefindResult {
  id: string;
  score: number;
  words: number[];
  data(): Promise<{ url: string; meta: RecordMeta; filters: Record<string, string[]> }>;
}
interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, options: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  init(): Promise<void>;
  preload(term: string, options?: { filters?: Filters }): Promise<void>;
  search(term: string | null, options?: { filters?: Filters }): Promise<PagefindResponse | null>;
}
type Filters = Partial<Record<FilterKey, string>>;

// ----------------------------------------------------------------------------------------------- state

interface State {
  q: string;
  filters: Filters;
}

/** How many results are shown at first and added by “显示更多”; the first few are drawn before the rest load. */
const PAGE = 20;
const FIRST = 5;
/** Waiting after a keystroke before searching: short, the index answers in milliseconds on the seeds. */
const DEBOUNCE_MS = 60;

const form = document.querySelector<HTMLFormElement>('form[data-search]');
const input = document.querySelector<HTMLInputElement>('[data-search-input]');
const status = document.querySelector<HTMLElement>('[data-search-status]');
const list = document.querySelector<HTMLOListElement>('[data-search-results]');
const more = document.querySelector<HTMLButtonElement>('[data-search-more]');
const filterBox = document.querySelector<HTMLFieldSetElement>('[data-search-filters]');
const selects = new Map<FilterKey, HTMLSelectElement>();
for (const select of document.querySelectorAll<HTMLSelectElement>('select[data-filter]')) {
  const key = select.dataset['filter'] as FilterKey;
  if ((FILTER_KEYS as readonly string[]).includes(key)) selects.set(key, select);
}

const groups = compileSynonyms(
  (JSON.parse(form?.dataset['synonyms'] ?? '[]') as string[][]).map((forms) => ({ forms })),
  foldQuery,
);

function stateFromUrl(url: URL): State {
  const filters: Filters = {};
  for (const key of selects.keys()) {
    const value = url.searchParams.get(key);
    if (value) filters[key] = value;
  }
  return { q: url.searchParams.get('q') ?? '', filters };
}

function urlOf(state: State): string {
  const url = new URL(window.location.href);
  url.search = '';
  if (state.q) url.searchParams.set('q', state.q);
  for (const key of FILTER_KEYS) {
    const value = state.filters[key];
    if (value) url.searchParams.set(key, value);
  }
  url.hash = '';
  return url.href;
}

function stateFromForm(): State {
  const filters: Filters = {};
  for (const [key, select] of selects) if (select.value) filters[key] = select.value;
  return { q: input?.value ?? '', filters };
}

function showState(state: State): void {
  if (input && input.value !== state.q) input.value = state.q;
  for (const [key, select] of selects) {
    const value = state.filters[key] ?? '';
    if (value && ![...select.options].some((o) => o.value === value)) select.add(new Option(value, value));
    select.value = value;
  }
}

interface HistoryEntry {
  search: true;
  /** False while the reader is still typing this query. */
  committed: boolean;
}

/** Typing replaces the current entry, except the first keystroke after a committed search, which adds one. */
function writeTyping(state: State): void {
  const entry = history.state as HistoryEntry | null;
  const url = urlOf(state);
  if (url === window.location.href) return;
  if (entry?.committed) history.pushState({ search: true, committed: false } satisfies HistoryEntry, '', url);
  else history.replaceState({ search: true, committed: false } satisfies HistoryEntry, '', url);
}

/** Enter or a filter change: the search becomes a history entry of its own. */
function writeCommit(state: State): void {
  const entry = history.state as HistoryEntry | null;
  const url = urlOf(state);
  const next: HistoryEntry = { search: true, committed: true };
  if (url !== window.location.href && entry?.committed) history.pushState(next, '', url);
  else history.replaceState(next, '', url);
}

// ---------------------------------------------------------------------------------------------- search

let pagefind: Pagefind | null = null;
let loading: Promise<Pagefind> | null = null;

function loadPagefind(): Promise<Pagefind> {
  if (pagefind) return Promise.resolve(pagefind);
  loading ??= (async () => {
    const [primary = '/pagefind/', ...others] = JSON.parse(form?.dataset['bundles'] ?? '[]') as string[];
    const module = (await import(/* @vite-ignore */ `${primary}pagefind.js`)) as Pagefind;
    // Record URLs already carry the site's base path.
    await module.options({ baseUrl: '/' });
    await module.init();
    // A large corpus comes in several bundles, searched together.
    for (const path of others) await module.mergeIndex(path, { baseUrl: '/' });
    // The first search builds the browser's Chinese word segmenter (Pagefind runs it on every query, even
    // ours, which are ASCII tokens): do that now rather than on the reader's first keystroke.
    await module.search('。');
    pagefind = module;
    form?.setAttribute('data-search-ready', '');
    if (EAGER_COUNTS) setTimeout(() => void loadFilters(module).catch(report), FILTERS_AFTER_MS);
    return module;
  })();
  return loading;
}

/**
 * Filter counts. Pagefind counts the filters it has loaded on every search, at a cost that grows with the
 * number of results times the records per filter value: nothing on the seeds, seconds for the commonest words
 * on a corpus of 20,000 clauses (scripts/bench-search.ts). So counts come eagerly — once the page has settled
 * or after the first results — only up to EAGER_COUNT_LIMIT clauses; above it, once the reader turns to the
 * filters (or arrives with one set).
 */
const EAGER_COUNT_LIMIT = 5000;
const EAGER_COUNTS = Number(form?.dataset['clauses'] ?? 0) <= EAGER_COUNT_LIMIT;
const FILTERS_AFTER_MS = 1500;
let filtersLoaded: Promise<unknown> | null = null;
let filtersReady = false;
let filtersWanted = EAGER_COUNTS;

function loadFilters(pf: Pagefind): Promise<unknown> {
  filtersLoaded ??= pf.filters().then(() => {
    filtersReady = true;
    form?.setAttribute('data-search-counts', '');
  });
  return filtersLoaded;
}

interface Outcome {
  query: ParsedQuery;
  ranked: Ranked[];
  results: Map<string, PagefindResult>;
  /** Counts per filter value, when Pagefind's filter index was loaded before the search. */
  counts: Counts | null;
}

type Counts = Record<string, Record<string, number>>;

function ids(response: PagefindResponse | null): string[] {
  return response?.results.map((r) => r.id) ?? [];
}

function intersectIds(responses: (PagefindResponse | null)[]): Set<string> {
  const sets = responses.map((r) => new Set(ids(r)));
  return sets.reduce((a, b) => new Set([...a].filter((id) => b.has(id))));
}

/**
 * The exact-match layer: one loose search for candidates, BM25 order and counts, and the exact searches that
 * tell literal matches apart. Searches that do not wait for another's answer run at once, so Pagefind fetches
 * their index chunks in parallel.
 */
async function runSearch(pf: Pagefind, query: ParsedQuery, filters: Filters): Promise<Outcome> {
  const counted = filtersReady;
  const find = (term: string) => pf.search(term, { filters });
  const exactResponses: (PagefindResponse | null)[] = [];
  const termSets = async (term: ParsedQuery['terms'][number]): Promise<TermSets> => {
    if (term.group) {
      // A group whose other forms print nowhere (under these filters): every group result prints this wording.
      const others = await Promise.all(term.others.map((form) => Promise.all(form.map(find))));
      exactResponses.push(...others.flat());
      if (others.every((responses) => intersectIds(responses).size === 0))
        return { literal: null, group: true };
    }
    const responses = await Promise.all(term.exact.map(find));
    exactResponses.push(...responses);
    return { literal: responses.length === 0 ? null : intersectIds(responses), group: term.group !== null };
  };
  const [looseResponse, exact] = await Promise.all([
    find(query.loose),
    query.chain === null ? Promise.all(query.terms.map(termSets)) : Promise.resolve(null),
  ]);
  const chain = query.chain;
  // One run of distinct units: literal matches show in the loose results' positions, no exact search needed.
  const terms: TermSets[] = exact ?? [
    {
      literal: new Set(
        (looseResponse?.results ?? [])
          .filter((r) => chain !== null && hasRun(r.words, chain))
          .map((r) => r.id),
      ),
      group: false,
    },
  ];
  const results = new Map<string, PagefindResult>((looseResponse?.results ?? []).map((r) => [r.id, r]));
  // A literal match the loose search missed (it can cut a prefix short) takes its result from an exact search.
  const spare = new Map<string, PagefindResult>();
  for (const response of exactResponses)
    for (const r of response?.results ?? []) if (!results.has(r.id)) spare.set(r.id, r);
  const ranked = rank(ids(looseResponse), terms);
  for (const { id } of ranked) {
    const hit = spare.get(id);
    if (hit && !results.has(id)) results.set(id, hit);
  }
  const counts = counted && looseResponse ? await countsOf(pf, query, filters, looseResponse) : null;
  return { query, ranked: ranked.filter((r) => results.has(r.id)), results, counts };
}

/**
 * Counts per filter value from a loose search made with the filter index loaded. Each filter's own selection
 * is left out of its counts, so a reader sees what switching value would give: with one filter set that is
 * Pagefind's `totalFilters`; with several, one more search per filter set.
 */
async function countsOf(
  pf: Pagefind,
  query: ParsedQuery,
  filters: Filters,
  loose: PagefindResponse,
): Promise<Counts> {
  const counts: Counts = { ...loose.filters };
  const active = Object.keys(filters) as FilterKey[];
  for (const key of active) {
    if (active.length === 1) {
      counts[key] = loose.totalFilters[key] ?? {};
      continue;
    }
    const others: Filters = { ...filters };
    delete others[key];
    counts[key] = (await pf.search(query.loose, { filters: others }))?.filters[key] ?? {};
  }
  return counts;
}

/**
 * Counts for a search made before the filter index was loaded (Pagefind counts only loaded filters): load it
 * — it costs more than a first query on a large corpus, hence not earlier — and search once more.
 */
async function lateCounts(pf: Pagefind, query: ParsedQuery, filters: Filters): Promise<Counts | null> {
  await loadFilters(pf);
  const loose = await pf.search(query.loose, { filters });
  return loose ? countsOf(pf, query, filters, loose) : null;
}

// --------------------------------------------------------------------------------------------- render

const TIER_NOTE: Record<Ranked['tier'], string | null> = {
  literal: null,
  synonym: '同义词匹配',
  related: '部分匹配',
};

function setStatus(text: string): void {
  if (status) status.textContent = text;
}

/** Writes “value（count）” into each filter option; values without results are hidden unless selected. */
function updateCounts(all: Counts | null, filters: Filters): void {
  for (const [key, select] of selects) {
    const counts = all?.[key] ?? null;
    for (const option of select.options) {
      if (!option.value) continue;
      const count = counts ? (counts[option.value] ?? 0) : null;
      option.textContent = count === null ? option.value : `${option.value}（${count}）`;
      option.hidden = count === 0 && filters[key] !== option.value;
    }
  }
}

function hitElement(
  ranked: Ranked,
  data: Awaited<ReturnType<PagefindResult['data']>>,
  query: ParsedQuery,
): HTMLLIElement {
  const item = document.createElement('li');
  item.className = `search-hit search-hit--${ranked.tier}`;
  const plan = document.createElement('p');
  plan.className = 'search-hit__plan';
  plan.textContent = data.meta.plan;
  // A draft's clause says so in the result too (the record carries the plan's status marks).
  for (const label of (data.meta['status'] ?? '').split('，').filter(Boolean)) {
    const badge = document.createElement('span');
    badge.className = 'badge badge--status';
    badge.textContent = label;
    plan.append(' ', badge);
  }
  const link = document.createElement('a');
  link.href = data.url;
  link.setAttribute('data-search-hit', '');
  link.className = 'search-hit__link';
  const number = document.createElement('span');
  number.className = 'search-hit__number';
  number.textContent = data.meta.citation;
  link.append(number);
  if (data.meta.heading) link.append(' ', data.meta.heading);
  const title = document.createElement('h2');
  title.className = 'search-hit__title';
  title.append(link);
  const note = TIER_NOTE[ranked.tier];
  if (note) {
    const badge = document.createElement('span');
    badge.className = 'search-hit__tier';
    badge.textContent = note;
    title.append(' ', badge);
  }
  const excerpt = buildExcerpt(
    data.meta.text,
    query.terms.map((t) => t.highlight),
    foldQuery,
  );
  const text = document.createElement('p');
  text.className = 'search-hit__excerpt';
  if (excerpt.before) text.append('…');
  for (const part of excerpt.parts) {
    if (part.mark) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      text.append(mark);
    } else text.append(part.text);
  }
  if (excerpt.after) text.append('…');
  item.append(title, plan, text);
  return item;
}

let current: Outcome | null = null;
let shown = 0;

async function showMore(outcome: Outcome, sequence: number, count = PAGE): Promise<void> {
  const slice = outcome.ranked.slice(shown, shown + count);
  const data = await Promise.all(slice.map((r) => outcome.results.get(r.id)?.data()));
  if (sequence !== searchSequence || !list) return;
  const items = slice.flatMap((r, i) => {
    const d = data[i];
    return d ? [hitElement(r, d, outcome.query)] : [];
  });
  list.append(...items);
  shown += slice.length;
  if (more) more.hidden = shown >= outcome.ranked.length;
}

function describe(outcome: Outcome): string {
  const literal = outcome.ranked.filter((r) => r.tier === 'literal').length;
  const n = outcome.ranked.length;
  const words = outcome.query.terms.map((t) => `“${t.text}”`).join('');
  if (n === 0) return `没有找到包含${words}的条款。`;
  return literal === n
    ? `找到 ${n} 个包含${words}的条款。`
    : `找到 ${n} 个条款：${literal} 个包含${words}，另有 ${n - literal} 个同义或部分匹配。`;
}

let searchSequence = 0;

async function search(state: State): Promise<void> {
  const sequence = ++searchSequence;
  const query = parseQuery(state.q, foldQuery, groups);
  if (!query) {
    current = null;
    shown = 0;
    list?.replaceChildren();
    if (more) more.hidden = true;
    updateCounts(null, state.filters);
    setStatus(state.q.trim() ? '请输入要查找的文字。' : '');
    list?.removeAttribute('data-search-state');
    return;
  }
  list?.setAttribute('data-search-state', 'busy');
  let pf: Pagefind;
  try {
    pf = await loadPagefind();
  } catch (error) {
    setStatus('搜索索引加载失败，请稍后重试。');
    throw new Error('cannot load the search index', { cause: error });
  }
  const outcome = await runSearch(pf, query, state.filters);
  if (sequence !== searchSequence) return;
  current = outcome;
  shown = 0;
  const loaded = outcome.ranked.slice(0, FIRST).map((r) => outcome.results.get(r.id)?.data());
  await Promise.all(loaded);
  if (sequence !== searchSequence) return;
  list?.replaceChildren();
  await showMore(outcome, sequence, FIRST);
  if (sequence !== searchSequence) return;
  setStatus(describe(outcome));
  list?.setAttribute('data-search-state', 'results');
  await showMore(outcome, sequence, PAGE - FIRST);
  if (sequence !== searchSequence) return;
  if (filtersWanted || Object.keys(state.filters).length > 0) {
    const counts = outcome.counts ?? (await lateCounts(pf, query, state.filters));
    if (sequence !== searchSequence) return;
    updateCounts(counts, state.filters);
  }
  list?.setAttribute('data-search-state', 'done');
}

/** The reader turns to the filters: on a large corpus, that is when counts start. */
function wantFilters(): void {
  if (filtersWanted) return;
  filtersWanted = true;
  if (!pagefind) return;
  void loadFilters(pagefind).catch(report);
  if (!current) return;
  const pf = pagefind;
  const sequence = searchSequence;
  const outcome = current;
  const state = stateFromForm();
  void lateCounts(pf, outcome.query, state.filters)
    .then((counts) => {
      if (sequence === searchSequence) updateCounts(counts, state.filters);
    })
    .catch(report);
}

function report(error: unknown): void {
  console.error(error);
}

// ------------------------------------------------------------------------------------------- keyboard

function hits(): HTMLAnchorElement[] {
  return [...(list?.querySelectorAll<HTMLAnchorElement>('a[data-search-hit]') ?? [])];
}

function onKey(event: KeyboardEvent): void {
  if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = hits();
  if (links.length === 0) return;
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (document.activeElement === input) {
    if (event.key !== 'ArrowDown') return;
    event.preventDefault();
    links[0]?.focus();
    return;
  }
  if (at === -1) return;
  event.preventDefault();
  if (event.key === 'ArrowDown') links[Math.min(at + 1, links.length - 1)]?.focus();
  else if (at === 0) input?.focus();
  else links[at - 1]?.focus();
}

// ---------------------------------------------------------------------------------------------- wiring

let timer: ReturnType<typeof setTimeout> | undefined;

function onInput(event: Event): void {
  if ((event as InputEvent).isComposing) return;
  const state = stateFromForm();
  writeTyping(state);
  const query = parseQuery(state.q, foldQuery, groups);
  // Fetch the index chunks of every lookup while the debounce runs.
  if (query && pagefind) {
    const pf = pagefind;
    const lookups = [query.loose, ...query.terms.flatMap((t) => [...t.exact, ...t.others.flat()])];
    for (const lookup of new Set(lookups)) void pf.preload(lookup, { filters: state.filters }).catch(report);
  }
  clearTimeout(timer);
  timer = setTimeout(() => void search(state).catch(report), DEBOUNCE_MS);
}

function start(): void {
  if (!form || !input || !list) return;
  document.querySelector<HTMLElement>('[data-search-keys]')?.removeAttribute('hidden');
  document.querySelector<HTMLElement>('[data-search-nojs]')?.setAttribute('hidden', '');
  if (filterBox) filterBox.hidden = false;

  const initial = stateFromUrl(new URL(window.location.href));
  showState(initial);
  history.replaceState({ search: true, committed: true } satisfies HistoryEntry, '', urlOf(initial));

  input.addEventListener('input', onInput);
  input.addEventListener('compositionend', onInput);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    const state = stateFromForm();
    writeCommit(state);
    void search(state).catch(report);
  });
  for (const select of selects.values()) {
    select.addEventListener('focus', wantFilters);
    select.addEventListener('pointerdown', wantFilters);
    select.addEventListener('change', () => {
      const state = stateFromForm();
      writeCommit(state);
      void search(state).catch(report);
    });
  }
  window.addEventListener('popstate', () => {
    clearTimeout(timer);
    const state = stateFromUrl(new URL(window.location.href));
    showState(state);
    void search(state).catch(report);
  });
  document.addEventListener('keydown', onKey);
  more?.addEventListener('click', () => {
    if (current) void showMore(current, searchSequence).catch(report);
  });
  installSearchShortcut();

  // Warm the index up while the reader reads the page, so the first query only fetches its chunks.
  void loadPagefind().catch(report);
  if (initial.q) void search(initial).catch(report);
}

start();

/**
 * The search page in the browser: wires the box, the filters and the results list to the search engine
 * (engine.ts), the URL (url-state.ts) and the renderer (render.ts). Results come in two steps — the first few
 * drawn as soon as their fragments are in, then the rest — and the filter counts last.
 */
import {
  foldQuery,
  foldReady,
  loadTable,
  needsTable,
  prefersTraditional,
} from '../../lib/search/browser/fold-on-demand';
import { keepShown } from '../../lib/search/browser/bundle-merge';
import { typedAtOnce } from '../../lib/search/browser/typed';
import { countNote } from '../../lib/search/browser/counts';
import { parseQuery, type ParsedQuery, type QueryWords } from '../../lib/search/browser/query';
import { relatedPages, type RelatedPage } from '../../lib/search/browser/related';
import { FILTER_KEYS, type FilterKey } from '../../lib/search/browser/record-meta';
import { compileSynonyms, type CompiledGroup, type GroupKind } from '../../lib/search/browser/synonyms';
import { installSearchShortcut } from '../search-shortcut';
import type { CheckedProposal } from './did-you-mean';
import {
  countsWithoutEachFilter,
  filterCounts,
  loadFilters,
  runSearch,
  type FilterCounts,
  type Outcome,
} from './engine';
import { installResultKeys } from './keyboard';
import { installTypingView } from './typing-view';
import { allPlanLabels, fillPlans } from './plan-options';
import { currentPlanLabel } from '../../lib/search/browser/plan-filter-label';
import {
  firstBundleNow,
  loadCounter,
  loadedPagefind,
  loadPagefind,
  pagefindNow,
  useWorkerScript,
  type Filters,
  type Pagefind,
} from './pagefind';
import { describe, describePartial, hitElement, showHelp, updateCounts } from './render';
import { stateFromUrl, urlOf, writeCommit, writeInitial, writeTyping, type State } from './url-state';

/** How many results are shown at first and added by “显示更多”; the first few are drawn before the rest load. */
const PAGE = 20;
const FIRST = 5;
/**
 * Waiting after a key typed alone before searching (a word put in at once is searched at once: `onInput`):
 * short, the index answers in milliseconds on the seeds.
 */
const DEBOUNCE_MS = 60;

// Performance marks (search:…) let scripts/bench-search.ts tell where a cold open spends its time.
performance.mark('search:script');
const form = document.querySelector<HTMLFormElement>('form[data-search]');
const input = document.querySelector<HTMLInputElement>('[data-search-input]');
const status = document.querySelector<HTMLElement>('[data-search-status]');
const list = document.querySelector<HTMLOListElement>('[data-search-results]');
const more = document.querySelector<HTMLButtonElement>('[data-search-more]');
const selects = new Map<FilterKey, HTMLSelectElement>();
for (const select of document.querySelectorAll<HTMLSelectElement>('select[data-filter]')) {
  const key = select.dataset['filter'] as FilterKey;
  if ((FILTER_KEYS as readonly string[]).includes(key)) selects.set(key, select);
}

/**
 * The index's bundles, its worker's script, the search groups and query words, from the meta the boot script
 * reads too (boot.ts, src/pages/search/index.astro): one place says them. The boot script has started the
 * worker already, and handed it the groups and words to read an opened URL's query with.
 */
const indexSetup = JSON.parse(
  document.querySelector<HTMLMetaElement>('meta[name="plan-atlas-search"]')?.content ?? '{}',
) as {
  bundles?: string[];
  worker?: string;
  first?: string[];
  groups?: [string[], GroupKind][];
  queryWords?: QueryWords;
};
const groupForms = (indexSetup.groups ?? []).map(([forms, kind]) => ({ forms, kind }));
/** The synonym and department groups, compiled once their forms can be folded (at once, unless one is traditional). */
let groups: CompiledGroup[] | null = null;
const groupsReady: Promise<CompiledGroup[]> = foldReady(groupForms.flatMap((g) => g.forms)).then(() => {
  groups = compileSynonyms(groupForms, foldQuery);
  performance.mark('search:groups');
  return groups;
});
/** Parses a query once its words and the groups can be folded. */
async function parsed(q: string): Promise<ParsedQuery | null> {
  const [compiled] = await Promise.all([groupsReady, foldReady([q])]);
  return parseQuery(q, foldQuery, compiled, queryWords);
}
const bundles = indexSetup.bundles ?? [];
if (indexSetup.worker) useWorkerScript(indexSetup.worker, indexSetup.first);
const queryWords = indexSetup.queryWords ?? {};
/** The compare topics and indicator pages offered beside results, fetched once the first results are drawn. */
const pagesUrl = form?.dataset['pages'] ?? '';
let pagesLoad: Promise<RelatedPage[]> | null = null;
function relatedPageList(): Promise<RelatedPage[]> {
  pagesLoad ??= pagesUrl
    ? fetch(pagesUrl)
        .then((response) => {
          if (!response.ok) throw new Error(`${response.status} fetching ${pagesUrl}`);
          return response.json() as Promise<RelatedPage[]>;
        })
        .then(async (pages) => {
          await foldReady(pages.flatMap(([, , terms]) => terms));
          return pages;
        })
        .catch((error: unknown) => {
          pagesLoad = null;
          report(error);
          return [];
        })
    : Promise.resolve([]);
  return pagesLoad;
}
const helpBox = document.querySelector<HTMLElement>('[data-search-next]');
const vocabularyUrl = form?.dataset['vocabulary'] ?? '';
const countNoteBox = document.querySelector<HTMLElement>('[data-search-count-note]');
/** Set past the list limit: the plan filter's options come per province from this URL (plan-options.ts). */
const plansUrl = form?.dataset['plans'] ?? '';
/** The status marks a plan filter label may end with (records.ts PLAN_LABEL_SUFFIXES): `resolvePlanFilter`. */
const PLAN_LABEL_SUFFIXES = JSON.parse(form?.dataset['planLabelSuffixes'] ?? '[]') as string[];

/** Past the list limit, the plan filter offers the chosen province's plans. */
async function showProvincePlans(): Promise<void> {
  const plan = selects.get('plan');
  if (!plansUrl || !plan) return;
  await fillPlans(plansUrl, selects.get('province')?.value ?? '', plan);
}

/** The note saying what the filter counts count. */
function noteFor(query: ParsedQuery, counts: FilterCounts | null) {
  return { element: countNoteBox, text: countNote(query, counts?.counted ?? null) };
}
const FILTER_NAMES: Record<string, string> = JSON.parse(form?.dataset['filterNames'] ?? '{}') as Record<
  string,
  string
>;

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
let filtersWanted = EAGER_COUNTS;

const markCounted = () => form?.setAttribute('data-search-counts', '');

let ready = false;

/**
 * The Pagefind that counts filter values. On a small corpus, counting costs nothing, so it is the one that
 * draws results; on a large one, a second Pagefind in its own worker (pagefind.ts `loadCounter`), so that
 * counting never delays results — a second worker, WebAssembly and metadata that a small corpus does not need.
 */
function counter(): Promise<Pagefind> {
  return EAGER_COUNTS ? pagefind() : loadCounter(bundles);
}

/** The counting Pagefind with its filter index loaded. */
async function counted(): Promise<Pagefind> {
  const pf = await counter();
  await loadFilters(pf, markCounted);
  return pf;
}

/** The index (its load started by boot.ts), and once it answers, the page says so and plans its counts. */
function pagefind(): Promise<Pagefind> {
  return loadPagefind(bundles).then((pf) => {
    if (!ready) {
      ready = true;
      performance.mark('search:index-ready');
      form?.setAttribute('data-search-ready', '');
      if (EAGER_COUNTS) setTimeout(() => void counted().catch(report), FILTERS_AFTER_MS);
    }
    return pf;
  });
}

function stateFromForm(): State {
  const filters: Filters = {};
  for (const [key, select] of selects) if (select.value) filters[key] = select.value;
  return { q: input?.value ?? '', filters };
}

/** The box's value as the last input handled (or the URL) left it: not while an input method composes. */
let lastTyped = '';
/** The last edit's event (`input`, `compositionend`). */
let lastEvent = '';

function showState(state: State): void {
  if (input && input.value !== state.q) input.value = state.q;
  lastTyped = state.q;
  for (const [key, select] of selects) {
    const value = state.filters[key] ?? '';
    if (value && ![...select.options].some((o) => o.value === value)) select.add(new Option(value, value));
    select.value = value;
  }
}

function setStatus(text: string): void {
  if (status) status.textContent = text;
}

let current: Outcome | null = null;
let shown = 0;
let searchSequence = 0;

async function showMore(outcome: Outcome, sequence: number, count = PAGE): Promise<void> {
  const slice = outcome.ranked.slice(shown, shown + count);
  const data = await Promise.all(slice.map((r) => outcome.results.get(r.id)?.data()));
  await foldReady(data.flatMap((d) => (d ? [d.meta.text] : [])));
  if (sequence !== searchSequence || !list) return;
  const items = slice.flatMap((r, i) => {
    const d = data[i];
    return d ? [hitElement(r, d, outcome.query, outcome.near.get(r.id))] : [];
  });
  list.append(...items);
  shown += slice.length;
  if (more) more.hidden = shown >= outcome.ranked.length;
}

/**
 * Whether the reader has used the results drawn from the first bundle (scrolled, pointed, pressed a key in them,
 * asked for more) since they were drawn: the complete answer then keeps them where they are (bundle-merge.ts
 * `keepShown`) instead of re-ranking the list under the reader's finger.
 */
let readerActed = false;

/** Draws the first page of `outcome`'s results; false when a newer search took over meanwhile. */
async function draw(outcome: Outcome, sequence: number, statusText: string): Promise<boolean> {
  const loaded = outcome.ranked.slice(0, FIRST).map((r) => outcome.results.get(r.id)?.data());
  await Promise.all(loaded);
  if (sequence !== searchSequence) return false;
  current = outcome;
  shown = 0;
  list?.replaceChildren();
  await showMore(outcome, sequence, FIRST);
  if (sequence !== searchSequence) return false;
  setStatus(statusText);
  return true;
}

/**
 * The first bundle's results, drawn while the other bundles are still searched (progressive search: with
 * several bundles, what a first result waits for is one bundle's searches, not all of them). Near matches and
 * the help wait for the complete answer: 没有找到 is said only once every bundle has answered. Resolves whether
 * they were drawn.
 */
async function drawFirstBundle(first: Outcome, sequence: number, drawn: () => void): Promise<boolean> {
  if (first.ranked.length === 0) return false;
  performance.mark('search:first-ranked');
  if (!(await draw(first, sequence, describePartial(first, 1, bundles.length)))) return false;
  list?.setAttribute('data-search-state', 'partial');
  readerActed = false;
  performance.mark('search:first-results');
  // The complete search and the rest of the first page start in a task of their own, so that what was just
  // drawn is not held back behind their work on this thread (sending two dozen bundles' searches, asking for
  // fifteen clause files: 10-40 ms in 3,000-plan traces) before the browser can show it.
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (sequence !== searchSequence) return false;
  drawn();
  await showMore(first, sequence, PAGE - FIRST);
  return sequence === searchSequence;
}

async function search(state: State): Promise<void> {
  const sequence = ++searchSequence;
  const query = await parsed(state.q);
  if (sequence !== searchSequence) return;
  if (!query) {
    current = null;
    shown = 0;
    list?.replaceChildren();
    if (more) more.hidden = true;
    updateCounts(selects, null, state.filters, { element: countNoteBox, text: '' });
    if (helpBox) helpBox.hidden = true;
    setStatus(state.q.trim() ? '请输入要查找的文字。' : '');
    list?.removeAttribute('data-search-state');
    return;
  }
  list?.setAttribute('data-search-state', 'busy');
  // Sent at once where the index keeps a search until it answers (its worker), which fetches the search's index
  // chunks meanwhile: an opened URL's search does not wait for the index to answer before they are asked for.
  const answering = pagefind();
  let pf: Pagefind;
  let outcome: Outcome;
  let drawnFirst = false;
  try {
    pf = pagefindNow() ?? (await answering);
    const firstBundle = firstBundleNow();
    if (firstBundle) {
      // The complete search starts once the first bundle's results are drawn (or there are none): started
      // together, the worker would search every bundle's lookups as their chunks came, the first bundle's among
      // them, not first; started once the first bundle's were ranked, its two dozen bundles' chunk requests and
      // answers came in front of the first results' clause files and drawing (3,000-plan traces: 100-250 ms).
      const first = await runSearch(firstBundle, query, state.filters, { near: false });
      if (sequence !== searchSequence) return;
      let complete: Promise<[Outcome, Pagefind]> | null = null;
      const startComplete = () => {
        complete ??= Promise.all([runSearch(pf, query, state.filters), answering]);
        complete.catch(() => undefined);
        return complete;
      };
      drawnFirst = await drawFirstBundle(first, sequence, startComplete);
      if (sequence !== searchSequence) return;
      [outcome] = await startComplete();
    } else [outcome] = await Promise.all([runSearch(pf, query, state.filters), answering]);
  } catch (error) {
    if (
      await answering.then(
        () => true,
        () => false,
      )
    )
      throw error;
    setStatus('搜索索引加载失败，请稍后重试。');
    throw new Error('cannot load the search index', { cause: error });
  }
  if (sequence !== searchSequence) return;
  performance.mark('search:ranked');
  if (drawnFirst && readerActed) {
    // The reader is using the first results: they stay where they are, the others follow below.
    const drawn = current?.ranked.slice(0, shown).map((r) => r.id) ?? [];
    outcome = { ...outcome, ranked: keepShown(drawn, outcome.ranked) };
    current = outcome;
    setStatus(describe(outcome));
    if (more) more.hidden = shown >= outcome.ranked.length;
    performance.mark('search:fragments');
  } else {
    if (!(await draw(outcome, sequence, describe(outcome)))) return;
    performance.mark('search:fragments');
  }
  list?.setAttribute('data-search-state', 'results');
  performance.mark('search:results');
  if (shown < PAGE) await showMore(outcome, sequence, PAGE - shown);
  if (sequence !== searchSequence) return;
  await showWaysOn(pf, outcome, state, sequence);
  if (sequence !== searchSequence) return;
  if (filtersWanted || Object.keys(state.filters).length > 0) {
    const counts = await filterCounts(await counter(), query, state.filters);
    if (sequence !== searchSequence) return;
    updateCounts(selects, counts, state.filters, noteFor(query, counts));
  }
  list?.setAttribute('data-search-state', 'done');
}

/** “Did you mean” (did-you-mean.ts), a module of its own fetched at the first dead end: most searches never need it. */
async function proposalsFor(pf: Pagefind, query: ParsedQuery, filters: Filters): Promise<CheckedProposal[]> {
  const { checkedProposals } = await import('./did-you-mean');
  return checkedProposals(pf, query, filters, vocabularyUrl, parsed);
}

/**
 * The help under the results: near wordings, the query without each filter (when nothing prints it), and the
 * compare topic or indicator page that covers it.
 */
async function showWaysOn(pf: Pagefind, outcome: Outcome, state: State, sequence: number): Promise<void> {
  if (!helpBox) return;
  const pagesLoaded = relatedPageList();
  const noLiteral = !outcome.ranked.some((r) => r.tier === 'literal' || r.tier === 'synonym');
  const [withoutFilters, proposed] = noLiteral
    ? await Promise.all([
        countsWithoutEachFilter(pf, outcome.query, state.filters),
        vocabularyUrl
          ? proposalsFor(pf, outcome.query, state.filters).catch((error: unknown): CheckedProposal[] => {
              report(error);
              return [];
            })
          : [],
      ])
    : [[], []];
  const pages = await pagesLoaded;
  if (sequence !== searchSequence) return;
  const search = (q: string, filters: Filters) => urlOf({ q, filters });
  showHelp(
    helpBox,
    {
      proposals: proposed.map((p) => ({
        term: p.term,
        count: p.count,
        href: search(p.query, state.filters),
      })),
      suggestions: outcome.suggestions.map((s) => ({ ...s, href: search(s.wording, state.filters) })),
      withoutFilters: withoutFilters
        .filter((w) => w.count > 0)
        .map((w) => {
          const filters: Filters = { ...state.filters };
          delete filters[w.key];
          return {
            label: `不限${FILTER_NAMES[w.key] ?? w.key}（现为“${w.value}”）`,
            count: w.count,
            href: search(state.q, filters),
          };
        }),
      pages: relatedPages(
        outcome.query.terms.map((t) => t.text),
        pages,
        foldQuery,
      ).map(([label, href]) => ({ label, href })),
    },
    noLiteral,
  );
}

/** The reader turns to the filters: on a large corpus, that is when counts start. */
function wantFilters(): void {
  if (filtersWanted) return;
  filtersWanted = true;
  const ready = counted();
  ready.catch(report);
  if (!current) return;
  const sequence = searchSequence;
  const outcome = current;
  const state = stateFromForm();
  void ready
    .then((counter) => filterCounts(counter, outcome.query, state.filters))
    .then((counts) => {
      if (sequence === searchSequence)
        updateCounts(selects, counts, state.filters, noteFor(outcome.query, counts));
    })
    .catch(report);
}

function report(error: unknown): void {
  console.error(error);
}

let timer: ReturnType<typeof setTimeout> | undefined;
/**
 * Fetches the index chunks of every lookup of `state`'s query while the debounce runs: the first bundle's only,
 * with several. Every bundle's chunks, asked for here, kept the worker loading them (a 3,000-plan trace: 700 ms
 * of its thread) in front of the first bundle's search; the other bundles' chunks are fetched by the complete
 * search, which starts once the first bundle's is ranked.
 */
function preloadFor(state: State): void {
  if (!groups) return;
  const query = parseQuery(state.q, foldQuery, groups, queryWords);
  const pf = loadedPagefind() ? (firstBundleNow() ?? loadedPagefind()) : null;
  if (!query || !pf) return;
  const lookups = [query.loose, ...query.terms.flatMap((t) => t.exact)];
  for (const lookup of new Set(lookups)) void pf.preload(lookup, { filters: state.filters }).catch(report);
}

/**
 * An edit of the box. A word put in at once — a Chinese input method's committed word (its `compositionend`),
 * a paste, an autocompletion: two characters or more — is searched at once: the reader has said what they
 * look for, and nothing more is coming from the same keystroke. A key typed alone (a letter of PUE, one
 * character committed) waits DEBOUNCE_MS for the next, so that the index is not asked for every prefix of a
 * word typed letter by letter; the query's index chunks are fetched meanwhile, and for a traditional character
 * the table that folds it first (fold-on-demand.ts), so neither is fetched after the pause.
 */
function onInput(event: Event): void {
  if ((event as InputEvent).isComposing) return;
  const state = stateFromForm();
  // A browser that sends an input event after `compositionend` (Safari) sends the committed word twice: it
  // was searched at the first.
  const repeated = event.type === 'input' && lastEvent === 'compositionend' && state.q === lastTyped;
  lastEvent = event.type;
  if (repeated) return;
  const atOnce = typedAtOnce(lastTyped, state.q);
  lastTyped = state.q;
  writeTyping(state);
  clearTimeout(timer);
  if (atOnce) {
    void search(state).catch(report);
    return;
  }
  if (needsTable(state.q))
    foldReady([state.q]).then(() => {
      if (stateFromForm().q === state.q) preloadFor(state);
    }, report);
  else preloadFor(state);
  timer = setTimeout(() => void search(state).catch(report), DEBOUNCE_MS);
}

function start(): void {
  if (!form || !input || !list) return;

  const initial = stateFromUrl(new URL(window.location.href), selects.keys());
  const resolved = resolvePlanFilter(initial);
  showState(initial);
  if (initial.filters.province) void showProvincePlans().catch(report);
  writeInitial(initial);

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
      if (select === selects.get('province')) void showProvincePlans().catch(report);
      const state = stateFromForm();
      writeCommit(state);
      void search(state).catch(report);
    });
  }
  window.addEventListener('popstate', () => {
    clearTimeout(timer);
    const state = stateFromUrl(new URL(window.location.href), selects.keys());
    showState(state);
    void showProvincePlans().catch(report);
    void search(state).catch(report);
  });
  installResultKeys(input, list);
  installTypingView(form, input);
  const acted = () => {
    readerActed = true;
  };
  for (const type of ['pointerdown', 'keydown', 'wheel', 'touchstart', 'focusin'])
    list.addEventListener(type, acted, { passive: true });
  window.addEventListener('scroll', acted, { passive: true });
  more?.addEventListener('click', () => {
    acted();
    if (current) void showMore(current, searchSequence).catch(report);
  });
  installSearchShortcut();

  // Warm the index up while the reader reads the page, so the first query only fetches its chunks.
  void pagefind().catch(report);
  // A reader whose browser prefers traditional Chinese will likely type it: the traditional → simplified table
  // (16 KB gzipped) is loaded while the page is idle, so their first query does not wait for it (a fetch and
  // its evaluation, 30-40 ms at the front of a warm query in 3,000-plan traces). Not for every reader: the
  // others would pay its bytes for nothing (fold-on-demand.ts).
  if (prefersTraditional(navigator.languages ?? [navigator.language]))
    (window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 0)))(
      () => void loadTable().catch(report),
    );
  if (initial.q)
    void (resolved ?? Promise.resolve())
      .catch(report)
      .then(() => search(initial))
      .catch(report);
}

/**
 * A URL's plan filter as the plan's label now (`currentPlanLabel`: a URL shared before labels carried status
 * marks names a draft by its bare region). Done at once from the select's options; past the list limit, where
 * the page ships none, from the plan list — the returned promise, which the first search waits for (only a
 * URL with a plan filter fetches the list this early). Sets `state` and, when it changed, the URL.
 */
function resolvePlanFilter(state: State): Promise<void> | null {
  const value = state.filters.plan;
  const select = selects.get('plan');
  if (!value || !select) return null;
  const options = [...select.options].map((option) => option.value).filter((label) => label !== '');
  if (options.length > 0 || !plansUrl) {
    state.filters.plan = currentPlanLabel(value, options, PLAN_LABEL_SUFFIXES);
    return null;
  }
  return allPlanLabels(plansUrl).then((labels) => {
    const label = currentPlanLabel(value, labels, PLAN_LABEL_SUFFIXES);
    if (label === value) return;
    state.filters.plan = label;
    showState(state);
    writeInitial(state);
  });
}

start();

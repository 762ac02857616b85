/**
 * The search page's state in the URL (`?q=…&plan=…`): reading it, writing it back as the reader types
 * (replaceState) or commits (pushState, so Back returns to the previous search).
 */
import { FILTER_KEYS } from '../../lib/search/browser/record-meta';
import type { Filters } from './pagefind';

export interface State {
  q: string;
  filters: Filters;
}

/** The state a URL describes; only filters the page offers (`keys`) are read. */
export function stateFromUrl(url: URL, keys: Iterable<string>): State {
  const filters: Filters = {};
  for (const key of keys) {
    const value = url.searchParams.get(key);
    if (value) filters[key as keyof Filters] = value;
  }
  return { q: url.searchParams.get('q') ?? '', filters };
}

/** The URL of a state, relative to `base` (the page's own URL). */
export function urlOf(state: State, base: string = window.location.href): string {
  const url = new URL(base);
  url.search = '';
  if (state.q) url.searchParams.set('q', state.q);
  for (const key of FILTER_KEYS) {
    const value = state.filters[key];
    if (value) url.searchParams.set(key, value);
  }
  url.hash = '';
  return url.href;
}

export interface HistoryEntry {
  search: true;
  /** False while the reader is still typing this query. */
  committed: boolean;
}

/** Typing replaces the current entry, except the first keystroke after a committed search, which adds one. */
export function writeTyping(state: State): void {
  const entry = history.state as HistoryEntry | null;
  const url = urlOf(state);
  if (url === window.location.href) return;
  if (entry?.committed) history.pushState({ search: true, committed: false } satisfies HistoryEntry, '', url);
  else history.replaceState({ search: true, committed: false } satisfies HistoryEntry, '', url);
}

/** Enter or a filter change: the search becomes a history entry of its own. */
export function writeCommit(state: State): void {
  const entry = history.state as HistoryEntry | null;
  const url = urlOf(state);
  const next: HistoryEntry = { search: true, committed: true };
  if (url !== window.location.href && entry?.committed) history.pushState(next, '', url);
  else history.replaceState(next, '', url);
}

/** Marks the page's first entry as a committed search, so the first keystroke adds an entry. */
export function writeInitial(state: State): void {
  history.replaceState({ search: true, committed: true } satisfies HistoryEntry, '', urlOf(state));
}

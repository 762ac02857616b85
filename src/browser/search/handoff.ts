/**
 * How boot.ts hands the index's loading to main.ts: it sets `window.planAtlasSearchIndex` (pagefind.ts
 * `SearchIndex`) and then dispatches this event on `window`. Boot is an async script, so main.ts may run first
 * and wait for the event. A module of its own: both scripts use it, and neither may import the other's code.
 */
export const SEARCH_INDEX_EVENT = 'plan-atlas:search-index';

/**
 * The search fold with its traditional → simplified table installed at once: for Node (the index build's
 * checks, tests, benchmarks), where the table costs nothing to load. Pages use fold-on-demand.ts, which fetches
 * the table only for a text that needs it (tests/architecture/imports.test.ts keeps browser code off this one).
 */
import { installTable } from './fold-on-demand';
import { T2S_PAIRS } from './t2s-map';

installTable(T2S_PAIRS);

export { foldQuery, toSimplifiedChars } from './fold-on-demand';

/**
 * Where a result's clause is read from: a small JSON file of its own per clause (its url, meta and filters:
 * `ClauseData`), so a result costs its clause's bytes, not its chapter's. A Pagefind record is a chapter
 * (build/records.ts); its fragment, which Pagefind would load for a result, is not written at all — its name
 * in the metadata is only the record's id, which carries the record's layout (layout.ts) and the short name the
 * clause files are named by. Pure: the build writes the files (build/compact.ts), the page reads them
 * (clause-view.ts through src/browser/search/pagefind.ts).
 *
 * A record's id is `<bundle key>_<stamp><number>~<layout>` (compact.ts): the key is the bundle's number in base
 * 36 (build/shards.ts `bundleKey`), so the page finds the bundle among those it was given, in their order.
 */
import { LAYOUT_MARK } from './layout';

/** The directory of the clause files, in each bundle's directory. */
export const CLAUSE_DIR = 'clause';

/** A record id's short name: what precedes its layout. */
export function shortNameOf(record: string): string {
  const at = record.indexOf(LAYOUT_MARK);
  return at === -1 ? record : record.slice(0, at);
}

/** The file of clause `clause` (its number in the record) of a record, relative to its bundle's directory. */
export function clauseFile(record: string, clause: number): string {
  return `${CLAUSE_DIR}/${shortNameOf(record)}.${clause.toString(36)}.json`;
}

/** The number of the bundle a record belongs to (the order of the search page's bundles). */
export function bundleNumberOf(record: string): number {
  const key = /^([0-9a-z]+)_/.exec(record)?.[1];
  if (key === undefined) throw new Error(`not a search record id: ${record}`);
  return parseInt(key, 36);
}

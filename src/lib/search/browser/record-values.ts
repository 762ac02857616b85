/**
 * The records' filter values (layout.ts `encodeValues`), one file per bundle: what a filtered search and the
 * filter counts read, and nothing else does, so they are not in the metadata every search loads first.
 *
 * The file lists every record's values in the bundle's page order, under the prefix all the bundle's record
 * ids share (`<key>_<stamp>`, build/compact.ts), so the page finds a record's values by the number its short
 * name ends with, and a values file older than the ids (a cache) is told apart, not misread.
 * Pure: the build writes it (build/compact.ts), the page reads it (clause-view.ts through
 * src/browser/search/pagefind.ts).
 */
import { bundleNumberOf, shortNameOf } from './clause-file';
import { valuesOf, type FilterTable, type RecordValues } from './layout';

/** The file of a bundle's record values, in the bundle's directory. */
export const RECORD_VALUES_FILE = 'record-values.json';

export interface BundleValues {
  /** The prefix of every record id of the bundle: its key and stamp (`0_3f9a1c`). */
  records: string;
  /** Each record's values (layout.ts `encodeValues`), by record number. */
  values: string[];
}

/** What filters and counts read: the filter table and every bundle's record values, in bundle order. */
export interface IndexValues {
  table: FilterTable;
  bundles: BundleValues[];
}

/** A record's filter values, looked up by its id in the bundles' values (parsed once per record). */
export function recordValuesOf(index: IndexValues): (record: string) => RecordValues {
  const parsed = new Map<string, RecordValues>();
  return (record) => {
    const known = parsed.get(record);
    if (known) return known;
    const bundle = index.bundles[bundleNumberOf(record)];
    const short = shortNameOf(record);
    if (!bundle || !short.startsWith(bundle.records))
      throw new Error(`the search values file does not list the record ${record} (a stale copy?)`);
    const text = bundle.values[parseInt(short.slice(bundle.records.length), 36)];
    const values = text === undefined ? null : valuesOf(text);
    if (!values) throw new Error(`no filter values for the search record ${record}`);
    parsed.set(record, values);
    return values;
  };
}

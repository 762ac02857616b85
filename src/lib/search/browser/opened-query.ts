/**
 * The Pagefind words the search page looks up first for a query, worked out without the page: the boot script
 * hands the opened URL's query to the index worker (src/browser/search/index-worker.ts), with the synonym and
 * department groups and the words a query is read without (the page's setup meta), and the worker searches
 * these words as soon as its index answers, so that the page's own searches of them — sent only once its
 * script has run, after the page's first style and layout — are answered at once. Pagefind is asked one word
 * at a time and without filters (clause-view.ts `lookup`), so a word's answer is the same whoever asks for it.
 * Pure; runs in the index worker.
 */
import { foldWidth, lowerAscii } from '../../width';
import { lookupParts } from './clause-view';
import { parseQuery, type QueryWords } from './query';
import { compileSynonyms, type CompiledGroup, type GroupKind } from './synonyms';

/** The search groups as the page carries them: each group's forms and kind, numbered by their place. */
export type GroupForms = readonly (readonly [readonly string[], GroupKind])[];

/** Letters, digits and the symbols the search alphabet keeps as units (tokens.ts): what a form's units spell. */
const spelled = (text: string) => text.replace(/[^\p{L}\p{N}%‰‱℃]/gu, '');

/**
 * The groups that can take part in reading `folded` (a folded query), compiled with their own numbers: those
 * with a form whose units could lie in the query (its letters, digits and symbols are in the query's, in a
 * row). Compiling every group (fold and cut each of ~400 forms) would be most of the work; a group left out
 * here cannot match, so the query reads as with all of them. A form `fold` cannot fold (a traditional
 * character, without the table) leaves its group out: the guess may then miss, never answer wrongly.
 */
function groupsFor(
  folded: string,
  groups: GroupForms,
  fold: (s: string) => string,
  canFold: (s: string) => boolean,
): CompiledGroup[] {
  const query = spelled(folded);
  const compiled: CompiledGroup[] = [];
  groups.forEach(([forms, kind], index) => {
    if (!forms.every(canFold)) return;
    if (!forms.some((form) => query.includes(spelled(fold(form))))) return;
    const [group] = compileSynonyms([{ forms: [...forms], kind }], fold);
    if (group) compiled.push({ ...group, index });
  });
  return compiled;
}

/**
 * The words of the loose and exact lookups of `raw` (folded with `fold`), each once, read with the page's
 * groups and query words; none for no query. `canFold` says whether `fold` can fold a text (a form holding a
 * traditional character needs the page's character table).
 */
export function firstLookupWords(
  raw: string,
  fold: (s: string) => string,
  groups: GroupForms = [],
  words: QueryWords = {},
  canFold: (s: string) => boolean = () => true,
): string[] {
  const compiled = groupsFor(fold(raw.trim()), groups, fold, canFold);
  const query = parseQuery(raw, fold, compiled, words);
  if (!query) return [];
  const lookups = [query.loose, ...(query.chain === null ? query.terms.flatMap((term) => term.exact) : [])];
  return [...new Set(lookups.flatMap((lookup) => lookupParts(lookup).flatMap((part) => part.words)))];
}

/**
 * The search fold without its traditional → simplified table (fold-on-demand.ts `foldQuery` less the table):
 * what the index worker reads an opened query with. Carrying the table's keys only to tell a traditional query
 * apart made the worker's script 4.3 KB gzipped larger on every open; read so, a traditional query (or a group
 * form holding a traditional character) gives words the page never sends — a word searched early for nothing,
 * never another word's answer (the worker hands an early answer only to a search of the very same word).
 */
export function foldWithoutTable(text: string): string {
  return lowerAscii(foldWidth(text));
}

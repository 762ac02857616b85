/**
 * Generates src/lib/read/opencc-table.ts: what `foldForRecognition` needs to give OpenCC's traditional →
 * simplified conversion (hk → cn, then tw → cn) without running OpenCC on whole lines. Build-time only; the test
 * tests/unit/normalize.test.ts regenerates it and fails when the committed file is stale (an opencc-js upgrade).
 *
 * OpenCC rewrites a text with tries, each pass reading left to right and taking the longest key that matches. A
 * character that is in no key of more than one character, and can never become one that is (a *free*
 * character), can never be inside a multi-character match: every pass reads it alone, and the passes read the
 * text before it and the text after it as if each were on its own. So a text converts piece by piece, cut at its
 * free characters:
 *   - a free character converts to what it converts to alone, wherever it stands: a table (`FREE_FOLDS`);
 *   - a run of the other characters (*context* characters, 乾 of 乾燥/乾隆) needs OpenCC, but only when the run
 *     holds a trigger (see `openccTriggers`): without one no key that rewrites anything can match in it.
 * In a plan in simplified characters nearly every character is free and unchanged, and a run with a trigger is a
 * few characters long, so OpenCC reads a few hundred characters of a plan instead of its longest paragraphs.
 */
import * as OpenCC from 'opencc-js/t2cn';
import { Locale } from 'opencc-js/t2cn';

type Dictionary = string | readonly (readonly [string, string])[];
interface ConversionConfig {
  normalizationChain?: readonly (readonly Dictionary[])[];
  segmentation?: readonly Dictionary[];
  conversionChain: readonly (readonly Dictionary[])[];
}

/** The OpenCC configurations `foldForRecognition` uses: Converter({ from: 'hk' | 'tw', to: 'cn' }). */
const CONFIGS = ['hk2s', 'tw2s'] as const;

function entries(dictionary: Dictionary): (readonly [string, string])[] {
  if (typeof dictionary !== 'string') return [...dictionary];
  return dictionary.split('|').map((line) => {
    const [key, value] = line.split(' ');
    return [key ?? '', value ?? ''] as const;
  });
}

/** Every (key, value) pair of every dictionary of the conversions, the segmentation's included. */
export function allEntries(): (readonly [string, string])[] {
  const configs = (Locale as unknown as { configs: Record<string, ConversionConfig | undefined> }).configs;
  const out: (readonly [string, string])[] = [];
  for (const name of CONFIGS) {
    const config = configs[name];
    if (!config) throw new Error(`opencc-js has no "${name}" configuration`);
    for (const group of [
      ...(config.normalizationChain ?? []),
      config.segmentation ?? [],
      ...config.conversionChain,
    ])
      for (const dictionary of group) out.push(...entries(dictionary));
  }
  return out;
}

/** Each character a single-character key rewrites → every character it can become in one step. */
function singleCharacterImages(all: readonly (readonly [string, string])[]): Map<string, Set<string>> {
  const becomes = new Map<string, Set<string>>();
  for (const [key, value] of all) {
    if (Array.from(key).length !== 1 || key === value) continue;
    // A character rewritten to nothing would join its neighbours: no cut beside it would be safe.
    if (value === '')
      throw new Error(`opencc-js rewrites ${key} to nothing: the fold table cannot cut there`);
    const images = becomes.get(key) ?? new Set<string>();
    for (const ch of Array.from(value)) images.add(ch);
    becomes.set(key, images);
  }
  return becomes;
}

/** `ch` and every character it can become, step after step. */
function reachable(ch: string, becomes: ReadonlyMap<string, ReadonlySet<string>>): Set<string> {
  const seen = new Set<string>([ch]);
  const queue = [ch];
  while (queue.length > 0) {
    for (const next of becomes.get(queue.pop() as string) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/**
 * Context characters: those in a key of more than one character, and those that can become one. Every other
 * character is free (see the module comment).
 */
function contextCharacters(all: readonly (readonly [string, string])[]): Set<string> {
  const inPhrase = new Set<string>();
  for (const [key] of all) {
    const keyChars = Array.from(key);
    if (keyChars.length > 1) for (const ch of keyChars) inPhrase.add(ch);
  }
  const becomes = singleCharacterImages(all);
  const context = new Set(inPhrase);
  for (const ch of becomes.keys())
    if ([...reachable(ch, becomes)].some((image) => inPhrase.has(image))) context.add(ch);
  return context;
}

/**
 * Characters without which OpenCC leaves a text unchanged. Each dictionary of the conversion is a trie that
 * rewrites a text only where one of its keys matches and the key's replacement differs from the key. For every
 * such key the set holds the key's character at the first position where key and replacement differ; a text that
 * contains none of them contains no rewriting key, so every trie of the chain (normalisation, then conversion)
 * passes it through unchanged, and the next trie sees the same text.
 *
 * Free characters that change on the way but always come back (台 becomes 臺 in the Hong Kong step and 臺 becomes
 * 台 again in the traditional → simplified step) are left out: each stands alone at every step and comes back as
 * itself, so the text comes out unchanged all the same.
 */
export function openccTriggers(convert: (text: string) => string): Set<string> {
  const all = allEntries();
  const context = contextCharacters(all);
  const triggers = new Set<string>();
  for (const [key, value] of all) {
    if (key === value) continue;
    const keyChars = Array.from(key);
    const valueChars = Array.from(value);
    let at = 0;
    while (at < keyChars.length - 1 && keyChars[at] === valueChars[at]) at++;
    const trigger = keyChars[at] as string;
    if (context.has(trigger) || convert(trigger) !== trigger) triggers.add(trigger);
  }
  return triggers;
}

/** The conversion `foldForRecognition` gives: hk → cn, then tw → cn. */
export function openccConversion(): (text: string) => string {
  const hk = OpenCC.Converter({ from: 'hk', to: 'cn' });
  const tw = OpenCC.Converter({ from: 'tw', to: 'cn' });
  return (text) => tw(hk(text));
}

const byCodePoint = (a: string, b: string) => (a.codePointAt(0) as number) - (b.codePointAt(0) as number);

export interface OpenccTable {
  /** Context characters that are triggers: a run holding one goes through OpenCC. */
  contextTriggers: string;
  /** Context characters that are not: a run of only these comes out unchanged. */
  contextQuiet: string;
  /** Every free character OpenCC changes, with what it becomes, as [from, to]. */
  freeFolds: [string, string][];
}

export function openccTable(convert: (text: string) => string = openccConversion()): OpenccTable {
  const all = allEntries();
  const context = contextCharacters(all);
  const triggers = openccTriggers(convert);
  const freeFolds: [string, string][] = [];
  // A free character that no key rewrites stays itself; every other one is converted alone, as it is anywhere.
  for (const ch of [...triggers].sort(byCodePoint)) {
    if (context.has(ch)) continue;
    const folded = convert(ch);
    if (folded !== ch) freeFolds.push([ch, folded]);
  }
  const sorted = (chars: Iterable<string>) => [...chars].sort(byCodePoint).join('');
  return {
    contextTriggers: sorted([...context].filter((ch) => triggers.has(ch))),
    contextQuiet: sorted([...context].filter((ch) => !triggers.has(ch))),
    freeFolds,
  };
}

/** The source of src/lib/read/opencc-table.ts. */
export function openccTableModule(): string {
  const table = openccTable();
  // Pairs concatenated, as search's t2s-map.ts: every fold of a free character is one character (checked here).
  for (const [from, to] of table.freeFolds)
    if (Array.from(to).length !== 1) throw new Error(`${from} folds to ${to}: not one character`);
  const quoted = (text: string) => {
    // Single quotes, as Prettier writes them, so the file stays as generated.
    if (/['\\\n]/.test(text)) throw new Error('a character that needs escaping');
    return `'${text}'`;
  };
  return [
    '// Generated by src/lib/read/opencc-table-build.ts from opencc-js (t2cn via hk and tw). Do not edit:',
    '// `npx vitest run tests/unit/normalize.test.ts -u` rewrites it.',
    '/** Context characters that can start a rewrite: a run of context characters holding one goes through OpenCC. */',
    `export const CONTEXT_TRIGGERS =\n  ${quoted(table.contextTriggers)};`,
    '/** Context characters that cannot: a run of only these comes out of OpenCC unchanged. */',
    `export const CONTEXT_QUIET =\n  ${quoted(table.contextQuiet)};`,
    '/** Free characters OpenCC changes, as concatenated pairs (from, to): what each becomes wherever it stands. */',
    `export const FREE_FOLDS =\n  ${quoted(table.freeFolds.map(([from, to]) => from + to).join(''))};`,
    '',
  ].join('\n');
}

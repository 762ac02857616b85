/**
 * Generates src/lib/read/opencc-triggers.ts: the characters without which OpenCC's traditional → simplified
 * conversion (as `foldForRecognition` runs it) leaves a text unchanged. Build-time only; the test
 * tests/unit/normalize.test.ts regenerates it and fails when the committed file is stale (an opencc-js upgrade).
 *
 * Why this is exact: each dictionary of the conversion is a trie that rewrites a text only where one of its keys
 * matches and the key's replacement differs from the key. For every such key the table holds the key's
 * character at the first position where key and replacement differ; a text that contains none of the table's
 * characters contains no rewriting key, so every trie of the chain (normalisation, then conversion) passes it
 * through unchanged, and the next trie sees the same text. Inert characters (see `inertCharacters`) are left
 * out: each stands alone at every step and comes back as itself, so the text comes out unchanged all the same.
 */
import * as OpenCC from 'opencc-js/t2cn';
import { Locale } from 'opencc-js/t2cn';

type Dictionary = string | readonly (readonly [string, string])[];
interface ConversionConfig {
  normalizationChain?: readonly (readonly Dictionary[])[];
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

/** Every (key, value) pair of every dictionary of the conversions. */
function allEntries(): (readonly [string, string])[] {
  const configs = (Locale as unknown as { configs: Record<string, ConversionConfig | undefined> }).configs;
  const out: (readonly [string, string])[] = [];
  for (const name of CONFIGS) {
    const config = configs[name];
    if (!config) throw new Error(`opencc-js has no "${name}" configuration`);
    for (const group of [...(config.normalizationChain ?? []), ...config.conversionChain])
      for (const dictionary of group) out.push(...entries(dictionary));
  }
  return out;
}

/**
 * Characters that change on the way but always come back, whatever surrounds them: 台 becomes 臺 in the
 * Hong Kong step and 臺 becomes 台 again in the traditional → simplified step. Such a character, found in
 * almost every line (核, 台, 温, 税, 群…), must not send the line through OpenCC. A character is inert when
 *   - it is rewritten only as a key of its own (no phrase key holds it), and
 *   - no phrase key holds any character it can become (so at every step it stands alone, and its
 *     neighbours are read as if it were not there), and
 *   - the whole conversion (both configurations) gives it back unchanged.
 */
function inertCharacters(
  all: readonly (readonly [string, string])[],
  convert: (text: string) => string,
): Set<string> {
  const inPhrase = new Set<string>();
  const becomes = new Map<string, Set<string>>();
  for (const [key, value] of all) {
    const keyChars = Array.from(key);
    if (keyChars.length > 1) for (const ch of keyChars) inPhrase.add(ch);
    else if (key !== value) {
      const images = becomes.get(key) ?? new Set<string>();
      for (const ch of Array.from(value)) images.add(ch);
      becomes.set(key, images);
    }
  }
  const reachable = (ch: string): Set<string> => {
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
  };
  const inert = new Set<string>();
  for (const ch of becomes.keys()) {
    if ([...reachable(ch)].some((image) => inPhrase.has(image))) continue;
    if (convert(ch) === ch) inert.add(ch);
  }
  return inert;
}

/**
 * The trigger characters, sorted by code point and concatenated. `convert` is the conversion as
 * `foldForRecognition` runs it (hk → cn, then tw → cn).
 */
export function openccTriggers(convert: (text: string) => string): string {
  const all = allEntries();
  const inert = inertCharacters(all, convert);
  const triggers = new Set<string>();
  for (const [key, value] of all) {
    if (key === value) continue;
    const keyChars = Array.from(key);
    const valueChars = Array.from(value);
    let at = 0;
    while (at < keyChars.length - 1 && keyChars[at] === valueChars[at]) at++;
    const trigger = keyChars[at] as string;
    if (!inert.has(trigger)) triggers.add(trigger);
  }
  return [...triggers].sort((a, b) => (a.codePointAt(0) as number) - (b.codePointAt(0) as number)).join('');
}

/** The conversion `foldForRecognition` runs: hk → cn, then tw → cn. */
function conversion(): (text: string) => string {
  const hk = OpenCC.Converter({ from: 'hk', to: 'cn' });
  const tw = OpenCC.Converter({ from: 'tw', to: 'cn' });
  return (text) => tw(hk(text));
}

/** The source of src/lib/read/opencc-triggers.ts. */
export function openccTriggersModule(): string {
  return [
    '// Generated by src/lib/read/opencc-triggers-build.ts from opencc-js (t2cn via hk and tw). Do not edit:',
    '// `npx vitest run tests/unit/normalize.test.ts -u` rewrites it.',
    '/** Characters without which OpenCC leaves a text unchanged (see opencc-triggers-build.ts). */',
    // Single quotes, as Prettier writes them: the characters hold no quote or backslash.
    `export const OPENCC_TRIGGERS =\n  '${openccTriggers(conversion())}';`,
    '',
  ].join('\n');
}

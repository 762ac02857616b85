/**
 * Department ids: lowercase ASCII slugs from the pinyin of the department's name, one hyphen between
 * syllables (市发改委 → fa-gai-wei). Syllable by syllable rather than word by word because pinyin-pro's word
 * segmentation is patchy for administrative names; the result is predictable and stable.
 */
import { pinyin } from 'pinyin-pro';
import { mapPacked } from '../packed';

/** Readings that override pinyin-pro for a word, e.g. 人行 (the central bank) → `ren hang`, not ren xing. */
export type Readings = Readonly<Record<string, string>>;

function syllables(text: string, readings: Readings): string[] {
  const words = Object.keys(readings).filter((word) => word.length > 0);
  if (words.length === 0)
    return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  // Longest word first so 中国人民银行 wins over 人行 when both are listed.
  words.sort((a, b) => b.length - a.length);
  const out: string[] = [];
  let plain = '';
  const flush = (): void => {
    if (plain) out.push(...pinyin(plain, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }));
    plain = '';
  };
  for (let i = 0; i < text.length;) {
    const word = words.find((w) => text.startsWith(w, i));
    if (word === undefined) {
      plain += text[i];
      i++;
      continue;
    }
    flush();
    out.push(...(readings[word] as string).split(/\s+/));
    i += word.length;
  }
  flush();
  return out;
}

const NO_READINGS: Readings = {};
// Most department names recur in plan after plan (区发展改革委) and pinyin-pro is the costliest step of naming
// them: remember recent slugs per readings table. Bounded, so a national corpus never holds them all.
const SLUG_CACHE_LIMIT = 20_000;
const slugCaches = new WeakMap<Readings, Map<string, string>>();

/** The pinyin slug of `text`: syllables joined by hyphens; Latin letters and digits kept, all else dropped. */
export function pinyinSlug(text: string, readings: Readings = NO_READINGS): string {
  let cache = slugCaches.get(readings);
  if (!cache || cache.size >= SLUG_CACHE_LIMIT) {
    cache = new Map();
    slugCaches.set(readings, cache);
  }
  const known = cache.get(text);
  if (known !== undefined) return known;
  const slug = slugOf(text, readings);
  cache.set(text, slug);
  return slug;
}

function slugOf(text: string, readings: Readings): string {
  return syllables(text, readings)
    .map((syllable) => syllable.toLowerCase().replace(/[^a-z0-9]+/g, '-'))
    .join('-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/** What an id is made from. */
export interface SlugSource {
  /** The entity's canonical name as printed. */
  name: string;
  /** Length of its jurisdiction prefix (区, 市, 黔江区, 区委…), 0 when none. */
  prefixLength: number;
  /** Its category id, the tie-breaker of last resort before a number. */
  category: string;
}

/**
 * Ids unique within a plan, stable across runs (they depend on names, not on order, except for the final
 * numeric tie-break). The jurisdiction prefix is dropped (区发展改革委 → fa-zhan-gai-ge-wei) because every
 * department of a plan shares it and URLs already carry the plan. Where dropping it makes ids collide, the
 * colliding ones keep their prefix (区生态环境局 / 市生态环境局 → qu-… / shi-…); when that does not separate
 * them either (市水务局 and 市税务局 are both shi-shui-wu-ju), they take their category as a suffix
 * (shui-wu-ju-water, shui-wu-ju-taxation); a clash beyond that gets -2, -3… in input order.
 */
export function departmentIds(sources: readonly SlugSource[], readings: Readings = {}): string[] {
  const orDefault = (slug: string): string => slug || 'department';
  const short = mapPacked(sources, (source) =>
    orDefault(pinyinSlug(source.name.slice(source.prefixLength), readings)),
  );
  const count = (ids: readonly string[]): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    return counts;
  };
  const shortCounts = count(short);
  const clashing = (index: number): boolean => (shortCounts.get(short[index] as string) ?? 0) > 1;

  const prefixed = mapPacked(sources, (source, index) =>
    clashing(index) ? orDefault(pinyinSlug(source.name, readings)) : '',
  );
  const prefixedCounts = count(prefixed.filter((id) => id !== ''));
  const chosen = mapPacked(sources, (source, index) => {
    const id = short[index] as string;
    if (!clashing(index)) return id;
    const withPrefix = prefixed[index] as string;
    const separated = (prefixedCounts.get(withPrefix) ?? 0) === 1 && !shortCounts.has(withPrefix);
    return separated ? withPrefix : `${id}-${source.category}`;
  });

  const used = new Set<string>();
  return mapPacked(chosen, (id) => {
    let unique = id;
    for (let n = 2; used.has(unique); n++) unique = `${id}-${n}`;
    used.add(unique);
    return unique;
  });
}

/**
 * Finding division names in text. A place string (the words before “十四五” in a title, an issuer's name) is read
 * as a chain from the left — 重庆市黔江区, 河北省廊坊市, 重庆黔江 — where a proper name without its suffix counts
 * too; running text is scanned for full official names only, because bare proper names (长安, 和平, 城区) are
 * ordinary words there.
 */
import type { Division, DivisionIndex } from './divisions';
import { properName } from './names';

interface NameTable {
  full: Map<string, Division[]>;
  proper: Map<string, Division[]>;
  longest: number;
  /**
   * The length of the longest full name starting with each two characters (keyed by `startKey`). Running text
   * is scanned at every position; most positions start no name at all, and this rules them out with one lookup
   * of a number instead of one per possible length, without cutting a string out of the text.
   */
  longestByStart: Map<number, number>;
}

/** The two UTF-16 units at `i` as one number: the key of `longestByStart`. */
const startKey = (text: string, i: number): number => text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1);

const tables = new WeakMap<DivisionIndex, NameTable>();

function nameTable(index: DivisionIndex): NameTable {
  const cached = tables.get(index);
  if (cached) return cached;
  const full = new Map<string, Division[]>();
  const proper = new Map<string, Division[]>();
  const longestByStart = new Map<number, number>();
  let longest = 0;
  for (const division of index.all) {
    full.set(division.name, [...(full.get(division.name) ?? []), division]);
    if (division.name.length >= 2) {
      const start = startKey(division.name, 0);
      longestByStart.set(start, Math.max(longestByStart.get(start) ?? 0, division.name.length));
    }
    const short = properName(division.name);
    if (short !== division.name && short.length >= 2)
      proper.set(short, [...(proper.get(short) ?? []), division]);
    longest = Math.max(longest, division.name.length);
  }
  const table = { full, proper, longest, longestByStart };
  tables.set(index, table);
  return table;
}

/** Names that are ordinary words in running text (城区 = urban area); never read from prose. */
const PROSE_WORDS = /^(城区|郊区|矿区|新区|东区|西区|南区|北区|中区|市中区|新城区|老城区|开发区|高新区)$/;

export interface NameHit {
  /** Divisions carrying the name (several for 鼓楼区). */
  divisions: readonly Division[];
  start: number;
  end: number;
}

/** Full official names in running text, leftmost-longest, not overlapping. */
export function findFullNames(text: string, index: DivisionIndex): NameHit[] {
  const { full, longestByStart } = nameTable(index);
  const hits: NameHit[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    const longest = longestByStart.get(startKey(text, i));
    if (longest === undefined) continue;
    for (let length = Math.min(longest, text.length - i); length >= 2; length--) {
      const name = text.slice(i, i + length);
      const divisions = full.get(name);
      if (!divisions || PROSE_WORDS.test(name)) continue;
      hits.push({ divisions, start: i, end: i + length });
      i += length - 1;
      break;
    }
  }
  return hits;
}

/**
 * Reads a place string as a chain of divisions from the left: `重庆市黔江区` → [重庆市, 黔江区]. Returns the
 * candidates at each step (a name may have several); stops at the first word that is not a division.
 */
export function readPlaceChain(place: string, index: DivisionIndex): { hits: NameHit[]; rest: string } {
  const { full, proper, longest } = nameTable(index);
  const hits: NameHit[] = [];
  let i = 0;
  outer: while (i < place.length) {
    for (let length = Math.min(longest, place.length - i); length >= 2; length--) {
      const name = place.slice(i, i + length);
      const divisions = full.get(name) ?? proper.get(name);
      if (!divisions) continue;
      hits.push({ divisions, start: i, end: i + length });
      i += length;
      continue outer;
    }
    break;
  }
  return { hits, rest: place.slice(i) };
}

/**
 * The most specific division a chain names, each step narrowed to the children of the one before and to the
 * context (divisions named elsewhere in the plan). Null when the last step stays ambiguous.
 */
export function resolveChain(
  hits: NameHit[],
  context: readonly Division[],
  index: DivisionIndex,
): { division: Division | null; ambiguous: readonly Division[] } {
  let current: Division | null = null;
  for (const hit of hits) {
    let candidates = hit.divisions;
    if (current) {
      const under = candidates.filter((d) => index.contains(current as Division, d));
      if (under.length === 0) break; // 重庆市 … 四川: not a chain, keep what was read so far
      candidates = under;
    }
    if (candidates.length > 1) {
      const inContext = candidates.filter((d) => context.some((c) => index.contains(c, d)));
      if (inContext.length >= 1) candidates = inContext;
      // A province or prefecture over its same-named county (吉林省/吉林市, 朝阳市/朝阳区): the higher one.
      else if (hits.length === 1 && candidates.some((d) => d.level !== 'county')) {
        const top = candidates.filter((d) => d.level === 'province');
        candidates = top.length > 0 ? top : candidates.filter((d) => d.level === 'city');
      }
    }
    if (candidates.length !== 1) return { division: null, ambiguous: candidates };
    current = candidates[0] as Division;
  }
  return { division: current, ambiguous: [] };
}

/**
 * Slug generation: every plan URL (`/plans/<slug>/`) is made here. A division's slug is its proper name in
 * pinyin and its suffix apart (黔江区 → `qianjiang-qu`), unique across the whole division list, so a URL never
 * changes because another plan joined the corpus: where two divisions would share a slug (the several 鼓楼区,
 * or 山西省/陕西省 which are both shānxī), the same-named ones are prefixed with their parent's name
 * (`nanjing-gulou-qu`), and 陕西 takes its official spelling Shaanxi. Slug *conflict policy* between seeds
 * (explicit sidecar slugs, reserved words, length) lives in `ingest.ts`.
 */
import { pinyin } from 'pinyin-pro';
import { DIVISION_PINYIN } from './division-pinyin';
import type { Division, DivisionIndex } from './divisions';
import { splitName } from './names';

// Official romanisations that differ from plain toneless pinyin (GB/T 17693; 陕西 is Shaanxi to tell it from
// 山西 Shanxi).
const SPELLINGS: Record<string, string> = { 陕西: 'shaanxi' };

/**
 * The pinyin of the division list's names and suffixes, read from the table generated at build time
 * (division-pinyin-build.ts): every division's slug is needed as soon as one plan is named, and pinyin-pro over
 * the whole list was the largest cost of starting the parser. Parsed on first use.
 */
let divisionPinyin: Map<string, string> | null = null;

function tabledPinyin(text: string): string | undefined {
  if (divisionPinyin === null) {
    divisionPinyin = new Map();
    for (const pair of DIVISION_PINYIN.split('|')) {
      const space = pair.indexOf(' ');
      divisionPinyin.set(pair.slice(0, space), pair.slice(space + 1));
    }
  }
  return divisionPinyin.get(text);
}

/** Lower-case ASCII pinyin of Chinese text, other letters and digits kept, everything else dropped. */
export function pinyinWord(text: string): string {
  const spelled = SPELLINGS[text];
  if (spelled) return spelled;
  return tabledPinyin(text) ?? convertedPinyin(text);
}

/** `pinyinWord` by pinyin-pro itself (what the table holds for the division list's words). */
export function convertedPinyin(text: string): string {
  const spelled = SPELLINGS[text];
  if (spelled) return spelled;
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** `黔江区` → `qianjiang-qu`, `凉山彝族自治州` → `liangshan-yizuzizhizhou`: proper name and suffix apart. */
export function slugOfName(name: string): string {
  const { proper, suffix } = splitName(name);
  return [pinyinWord(proper), pinyinWord(suffix)].filter(Boolean).join('-');
}

const slugCache = new WeakMap<DivisionIndex, Map<string, string>>();

/** The unique slug of every division, by code. */
function divisionSlugs(index: DivisionIndex): Map<string, string> {
  const cached = slugCache.get(index);
  if (cached) return cached;
  const plain = new Map<string, string>();
  const holders = new Map<string, Division[]>();
  // Current divisions first, among themselves: a former division (莱芜市) never changes a current one's URL.
  for (const division of index.all.filter((d) => !d.former)) {
    const slug = slugOfName(division.name);
    plain.set(division.code, slug);
    holders.set(slug, [...(holders.get(slug) ?? []), division]);
  }
  const slugs = new Map<string, string>();
  for (const [slug, divisions] of holders) {
    for (const division of divisions) {
      if (divisions.length === 1) {
        slugs.set(division.code, slug);
        continue;
      }
      const parent = index.parent(division);
      const prefixed = parent ? `${pinyinWord(splitName(parent.name).proper)}-${slug}` : slug;
      // Homophones under one parent, or two provinces: the code tells them apart.
      const clash = divisions.some(
        (other) =>
          other !== division &&
          (index.parent(other)
            ? `${pinyinWord(splitName(index.parent(other)!.name).proper)}-${slug}`
            : slug) === prefixed,
      );
      slugs.set(division.code, clash ? `${slug}-${division.code}` : prefixed);
    }
  }
  const taken = new Set(slugs.values());
  for (const division of index.all.filter((d) => d.former)) {
    const slug = slugOfName(division.name);
    const parent = index.parent(division);
    const prefixed = parent ? `${pinyinWord(splitName(parent.name).proper)}-${slug}` : slug;
    const chosen = !taken.has(slug) ? slug : !taken.has(prefixed) ? prefixed : `${slug}-${division.code}`;
    slugs.set(division.code, chosen);
    taken.add(chosen);
  }
  slugCache.set(index, slugs);
  return slugs;
}

export function slugOfDivision(division: Division, index: DivisionIndex): string {
  return divisionSlugs(index).get(division.code) ?? slugOfName(division.name);
}

/** A plan with no recognised region is named after its file: `news-copy-7.txt` → `news-copy-7`. */
export function slugOfFile(file: string): string {
  const stem = file.replace(/\.[^.]+$/, '');
  const slug = pinyinWord(stem.replace(/[_\s.]+/g, '-'))
    ? stem
        .split(/[-_\s.]+/)
        .map(pinyinWord)
        .filter(Boolean)
        .join('-')
    : '';
  return slug ? `plan-${slug}`.slice(0, 60).replace(/-+$/, '') : 'plan';
}

/**
 * The slug of the n-th text (0-based) of one government's plan: the first (the final version, else the first
 * file) keeps the plain slug, a draft is `-draft`, further texts are numbered.
 */
export function versionSlug(
  base: string,
  status: 'draft' | 'final',
  taken: (slug: string) => boolean,
): string {
  if (!taken(base)) return base;
  const named = status === 'draft' ? `${base}-draft` : base;
  if (!taken(named)) return named;
  for (let n = 2; ; n++) {
    const numbered = `${named}-${n}`;
    if (!taken(numbered)) return numbered;
  }
}

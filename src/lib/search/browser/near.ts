/**
 * Near matches: a query's units found in order with a short gap (垃圾发电 in 垃圾焚烧发电) or with one unit
 * slipped (公转贴 for 公转铁). Used when nothing prints the query literally; shown as 相近, below literal
 * matches, and the wordings found are offered as suggestions. Pure.
 */
import { type Run, type Unit } from './tokens';

/** One way to read a query loosely: `left`, then `gap` units of anything, then `right`. */
export interface NearVariant {
  left: Run;
  right: Run;
  /** How many units may stand between left and right: [min, max]. */
  gap: [number, number];
}

/** The longest gap an insertion may leave (垃圾焚烧发电: 2). */
export const MAX_GAP = 3;

/** An end slip keeps at least this many units of the query. */
const MIN_SIDE_FOR_END_SLIP = 3;

/**
 * The variants of a run of three or more units: a gap of 1–MAX_GAP units inserted at each inner cut (both
 * sides at least one unit), and each unit replaced by one other unit or dropped (at either end: replaced, when three units remain).
 */
export function nearVariants(run: Run): NearVariant[] {
  const out: NearVariant[] = [];
  if (run.length < 3) return out;
  for (let i = 1; i < run.length; i++) {
    out.push({ left: run.slice(0, i), right: run.slice(i), gap: [1, MAX_GAP] });
  }
  for (let i = 0; i < run.length; i++) {
    const left = run.slice(0, i);
    const right = run.slice(i + 1);
    // A slip at either end: the other side, of three units or more (光伏 + any one unit would be noise), and
    // exactly one unit in place of the slipped one.
    if (left.length === 0 || right.length === 0) {
      if (left.length + right.length >= MIN_SIDE_FOR_END_SLIP) out.push({ left, right, gap: [1, 1] });
    } else out.push({ left, right, gap: [0, 1] });
  }
  return out;
}

const same = (a: Unit, b: Unit) => a.kind === b.kind && a.text === b.text;

/**
 * Where a variant occurs in a text's runs (folded, as runsOf gives them): `[start, end)` offsets of each
 * occurrence and the spans of its left and right parts (for highlighting). Never across punctuation.
 */
export function nearSpans(
  textRuns: readonly Run[],
  variant: NearVariant,
): { whole: [number, number]; parts: [number, number][] }[] {
  const found: { whole: [number, number]; parts: [number, number][] }[] = [];
  const { left, right, gap } = variant;
  for (const run of textRuns) {
    for (let i = 0; i + left.length <= run.length; i++) {
      if (!left.every((u, j) => same(u, run[i + j] as Unit))) continue;
      const afterLeft = i + left.length;
      for (let g = gap[0]; g <= gap[1]; g++) {
        const r = afterLeft + g;
        const end = r + right.length;
        if (end > run.length || end === i) break;
        if (!right.every((u, j) => same(u, run[r + j] as Unit))) continue;
        const span = (from: number, to: number): [number, number] => [
          (run[from] as Unit).start,
          (run[to - 1] as Unit).end,
        ];
        const parts: [number, number][] = [];
        if (left.length > 0) parts.push(span(i, afterLeft));
        if (right.length > 0) parts.push(span(r, end));
        found.push({ whole: span(i, end), parts });
        break;
      }
    }
  }
  return found;
}

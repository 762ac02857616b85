/**
 * Where the cross-links go in a clause's text: each department named in the responsibility parenthetical and
 * each recognised target value. The model says what was recognised but not where, so the positions are found
 * again here; anything that cannot be found unambiguously is simply not linked (the text is still shown).
 */
import type { Clause, Role, Target } from '../model/plan';
import { foldForRecognition } from '../read/normalize';

/** A department link: `[start, end)` in one paragraph. */
export interface DepartmentSpan {
  kind: 'department';
  paragraph: number;
  start: number;
  end: number;
  departmentId: string;
  role: Role;
}

/** A target value link, the number and its unit as printed, e.g. `14.5%`. */
export interface TargetSpan {
  kind: 'target';
  paragraph: number;
  start: number;
  end: number;
  targetId: string;
}

export type Span = DepartmentSpan | TargetSpan;

/** Formats a number as plans print it: no exponent, no trailing zeros (0.0691, 659.1, 1196). */
export function printedNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const fixed = value.toFixed(10).replace(/0+$/, '').replace(/\.$/, '');
  return fixed;
}

/** Index of `needle` in `haystack` at or after `from` where it is a whole number (no digit or decimal around). */
function findNumber(haystack: string, needle: string, from: number, to: number): number {
  let at = haystack.indexOf(needle, from);
  while (at !== -1 && at + needle.length <= to) {
    const before = haystack[at - 1] ?? '';
    const after = haystack.slice(at + needle.length, at + needle.length + 2);
    const digitBefore = /[0-9]/.test(before) || (before === '.' && /[0-9]/.test(haystack[at - 2] ?? ''));
    const digitAfter = /^[0-9]/.test(after) || /^\.[0-9]/.test(after);
    if (!digitBefore && !digitAfter) return at;
    at = haystack.indexOf(needle, at + 1);
  }
  return -1;
}

function overlaps(spans: readonly Span[], paragraph: number, start: number, end: number): boolean {
  return spans.some((s) => s.paragraph === paragraph && s.start < end && start < s.end);
}

/**
 * Finds the value of one target source inside `texts`: first the source wording, then the printed number
 * within it (and its unit right after). Returns null when the wording or the number is not found, or when
 * every occurrence is already linked.
 */
export function locateValue(
  texts: readonly string[],
  target: Pick<Target, 'originalValue' | 'originalUnit'>,
  sourceText: string,
  taken: readonly Span[],
): { paragraph: number; start: number; end: number } | null {
  const number = printedNumber(target.originalValue);
  const unit = foldForRecognition(target.originalUnit);
  const wording = foldForRecognition(sourceText);
  for (let p = 0; p < texts.length; p++) {
    const folded = foldForRecognition(texts[p] as string);
    let region = folded.indexOf(wording);
    while (region !== -1) {
      let at = findNumber(folded, number, region, region + wording.length);
      while (at !== -1) {
        let end = at + number.length;
        // Plans write spaces between number and unit (贵州: `13 %`); the link takes the unit when it follows.
        const rest = folded.slice(end);
        const gap = /^ */.exec(rest)?.[0].length ?? 0;
        if (unit !== '' && rest.slice(gap).startsWith(unit)) end += gap + unit.length;
        if (!overlaps(taken, p, at, end)) return { paragraph: p, start: at, end };
        at = findNumber(folded, number, at + 1, region + wording.length);
      }
      region = folded.indexOf(wording, region + 1);
    }
  }
  return null;
}

/**
 * The department and target spans of one clause, sorted by paragraph and position, never overlapping.
 * Department names are looked for in order inside the responsibility parenthetical (the last occurrence of
 * its text), target values inside their source wording.
 */
export function clauseSpans(clause: Clause, targets: readonly Target[]): Span[] {
  const spans: Span[] = [];
  const texts = clause.paragraphs;
  const resp = clause.responsibility;
  if (resp) {
    for (let p = texts.length - 1; p >= 0; p--) {
      const text = texts[p] as string;
      const base = text.lastIndexOf(resp.text);
      if (base === -1) continue;
      let cursor = base;
      const limit = base + resp.text.length;
      for (const mention of resp.departments) {
        let at = text.indexOf(mention.name, cursor);
        if (at === -1 || at + mention.name.length > limit) at = text.indexOf(mention.name, base);
        if (at === -1 || at + mention.name.length > limit) continue;
        const end = at + mention.name.length;
        if (overlaps(spans, p, at, end)) continue;
        spans.push({
          kind: 'department',
          paragraph: p,
          start: at,
          end,
          departmentId: mention.departmentId,
          role: mention.role,
        });
        cursor = end;
      }
      break;
    }
  }
  for (const target of targets) {
    for (const source of target.sources) {
      if (source.clauseId !== clause.id) continue;
      const found = locateValue(texts, target, source.text, spans);
      if (found) spans.push({ kind: 'target', ...found, targetId: target.id });
    }
  }
  return spans.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
}

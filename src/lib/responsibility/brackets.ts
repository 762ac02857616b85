/**
 * Bracket-depth helpers for the recognition view of a responsibility note. They expect text already passed
 * through `foldForRecognition`, where （ and 〔 have become ( and [, so one pair of sets covers every printed
 * style. Mixed pairs such as （…) or 〔…） are common in the seeds, so any opener closes with any closer.
 */

const OPENERS = new Set(['(', '[', '{', '《', '〈', '「', '『', '“']);
const CLOSERS = new Set([')', ']', '}', '》', '〉', '」', '』', '”']);

/** True when `ch` opens a bracket in the folded view. */
export function isOpener(ch: string | undefined): boolean {
  return ch !== undefined && OPENERS.has(ch);
}

/** True when `ch` closes a bracket in the folded view. */
export function isCloser(ch: string | undefined): boolean {
  return ch !== undefined && CLOSERS.has(ch);
}

/** A half-open span `[start, end)` of the string it was taken from. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Splits `folded[span]` at every separator that sits at bracket depth 0, so 区经济信息委(区大数据发展局) or
 * 各县(市、区)人民政府 stay whole. Returns the pieces as spans of the same string (separators excluded).
 */
export function splitTopLevel(folded: string, span: Span, isSeparator: (ch: string) => boolean): Span[] {
  const pieces: Span[] = [];
  let depth = 0;
  let pieceStart = span.start;
  for (let i = span.start; i < span.end; i++) {
    const ch = folded[i] as string;
    if (isOpener(ch)) depth++;
    else if (isCloser(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && isSeparator(ch)) {
      pieces.push({ start: pieceStart, end: i });
      pieceStart = i + 1;
    }
  }
  pieces.push({ start: pieceStart, end: span.end });
  return pieces;
}

/** Narrows a span so it neither starts nor ends with whitespace. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  return { start, end };
}

/** The text with every bracketed group (at any depth) removed: 区经济信息委(区大数据发展局) → 区经济信息委. */
export function withoutBracketGroups(folded: string): string {
  let out = '';
  let depth = 0;
  for (const ch of folded) {
    if (isOpener(ch)) depth++;
    else if (isCloser(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return out;
}

/** The text with only its depth-0 characters kept; bracketed groups become spaces so indexes stay valid. */
export function maskBracketGroups(folded: string): string {
  let out = '';
  let depth = 0;
  // Index loop, not for…of: a code-point walk would shorten strings holding astral characters.
  for (let i = 0; i < folded.length; i++) {
    const ch = folded[i] as string;
    if (isOpener(ch)) {
      depth++;
      out += ' ';
    } else if (isCloser(ch)) {
      depth = Math.max(0, depth - 1);
      out += ' ';
    } else out += depth === 0 ? ch : ' ';
  }
  return out;
}

/**
 * Bracket-depth helpers for the recognition view of a responsibility note. They expect text already passed
 * through `foldForRecognition`, where （ and 〔 have become ( and [, so one pair of sets covers every printed
 * style. Mixed pairs such as （…) or 〔…） are common in the seeds, so any opener closes with any closer.
 */

// Tested by UTF-16 code, not as one-character strings: these run on every character of every clause's last
// paragraph, and a CJK character read as a string is a new string each time. One table indexed by code unit
// (every bracket is a BMP character) answers both questions with one array read.
const NOT_A_BRACKET = 0;
const OPENER = 1;
const CLOSER = 2;
const BRACKET_KINDS = new Uint8Array(0x10000);
for (const ch of '([{《〈「『“') BRACKET_KINDS[ch.charCodeAt(0)] = OPENER;
for (const ch of ')]}》〉」』”') BRACKET_KINDS[ch.charCodeAt(0)] = CLOSER;

/** True when the UTF-16 code opens a bracket in the folded view. */
export function isOpenerCode(code: number): boolean {
  return BRACKET_KINDS[code] === OPENER;
}

/** True when the UTF-16 code closes a bracket in the folded view. */
export function isCloserCode(code: number): boolean {
  return BRACKET_KINDS[code] === CLOSER;
}

/** True when `ch` opens a bracket in the folded view. */
export function isOpener(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && isOpenerCode(ch.charCodeAt(0));
}

/** True when `ch` closes a bracket in the folded view. */
export function isCloser(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && isCloserCode(ch.charCodeAt(0));
}

/** True when the text holds no bracket at all (most names and many notes): nothing to mask or remove. */
function hasNoBracket(folded: string): boolean {
  for (let i = 0; i < folded.length; i++)
    if (BRACKET_KINDS[folded.charCodeAt(i)] !== NOT_A_BRACKET) return false;
  return true;
}

/** A half-open span `[start, end)` of the string it was taken from. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Splits `folded[span]` at every separator (tested by UTF-16 code) that sits at bracket depth 0, so 区经济信息委(区大数据发展局) or
 * 各县(市、区)人民政府 stay whole. Returns the pieces as spans of the same string (separators excluded).
 */
export function splitTopLevel(folded: string, span: Span, isSeparator: (code: number) => boolean): Span[] {
  const pieces: Span[] = [];
  let depth = 0;
  let pieceStart = span.start;
  for (let i = span.start; i < span.end; i++) {
    const code = folded.charCodeAt(i);
    const kind = BRACKET_KINDS[code];
    if (kind === OPENER) depth++;
    else if (kind === CLOSER) depth = Math.max(0, depth - 1);
    else if (depth === 0 && isSeparator(code)) {
      pieces.push({ start: pieceStart, end: i });
      pieceStart = i + 1;
    }
  }
  pieces.push({ start: pieceStart, end: span.end });
  return pieces;
}

/**
 * Whether the UTF-16 code is one of the characters `\s` matches (ECMAScript's WhiteSpace and LineTerminator),
 * read by code: a character read as a string is a new string each time, for every name of every note.
 */
function isSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Narrows a span so it neither starts nor ends with whitespace: the span itself when it does neither (nearly
 * every name and segment), so no span is copied for nothing. Spans are never changed in place.
 */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return start === span.start && end === span.end ? span : { start, end };
}

/**
 * Calls `run(start, end, depth0)` for each maximal run of characters at depth 0 (`depth0`) or inside brackets
 * (brackets included), in order. Brackets are BMP characters, so code units are safe to cut at.
 */
function runsByDepth(folded: string, run: (start: number, end: number, depth0: boolean) => void): void {
  let depth = 0;
  let runStart = 0;
  let runDepth0 = true;
  for (let i = 0; i < folded.length; i++) {
    const kind = BRACKET_KINDS[folded.charCodeAt(i)];
    let depth0: boolean;
    if (kind === OPENER) {
      depth++;
      depth0 = false;
    } else if (kind === CLOSER) {
      depth = Math.max(0, depth - 1);
      depth0 = false;
    } else depth0 = depth === 0;
    if (depth0 !== runDepth0) {
      if (i > runStart) run(runStart, i, runDepth0);
      runStart = i;
      runDepth0 = depth0;
    }
  }
  if (folded.length > runStart) run(runStart, folded.length, runDepth0);
}

/** The text with every bracketed group (at any depth) removed: 区经济信息委(区大数据发展局) → 区经济信息委. */
export function withoutBracketGroups(folded: string): string {
  if (hasNoBracket(folded)) return folded;
  const parts: string[] = [];
  runsByDepth(folded, (start, end, depth0) => {
    if (depth0) parts.push(folded.slice(start, end));
  });
  return parts.join('');
}

/** The text with only its depth-0 characters kept; bracketed groups become spaces so indexes stay valid. */
export function maskBracketGroups(folded: string): string {
  if (hasNoBracket(folded)) return folded;
  const parts: string[] = [];
  runsByDepth(folded, (start, end, depth0) => {
    parts.push(depth0 ? folded.slice(start, end) : ' '.repeat(end - start));
  });
  return parts.join('');
}

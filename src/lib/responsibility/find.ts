/**
 * Locates the responsibility parenthetical that closes a clause: （区发展改革委牵头，区财政局等按职责分工负责）,
 * 〔…〕, (…), and mixed pairs such as （…) as printed by the seeds.
 */
import { foldForRecognition } from '../read/normalize';
import { isCloserCode, isOpenerCode, maskBracketGroups } from './brackets';

/**
 * Words that only a responsibility note uses at its own bracket depth. A parenthetical without one of them
 * (（以下简称“两高”项目）, （吨）, （征求意见稿）, (LDRA)) is ordinary text.
 */
const NOTE_WORDS = /牵头|负责|配合|协助|落实/;
/** Definitions look like notes when they mention 负责 inside; they never assign work. */
const NOT_A_NOTE = /^\s*以下(?:简称|称)/;
/** What may follow the note and still leave it "at the end": whitespace, or a full stop some plans add. */
const TRAILER = /[\s。.]/;

/**
 * Finds the closing responsibility parenthetical at the END of a clause's last paragraph (display text).
 * Returns its text (brackets included, as printed) and start index, or null when the paragraph does not end
 * in one. Recognition runs on the folded view, so full/half-width and 〔〕 brackets, mixed pairs and
 * traditional characters are all recognised; nested brackets inside department names are balanced.
 */
export function findResponsibilityNote(paragraph: string): { text: string; start: number } | null {
  const folded = foldForRecognition(paragraph);
  let end = folded.length;
  while (end > 0 && TRAILER.test(folded[end - 1] as string)) end--;
  if (end === 0 || !isCloserCode(folded.charCodeAt(end - 1))) return null;

  let depth = 0;
  let start = -1;
  for (let i = end - 1; i >= 0; i--) {
    const code = folded.charCodeAt(i);
    if (isCloserCode(code)) depth++;
    else if (isOpenerCode(code)) {
      depth--;
      if (depth === 0) {
        start = i;
        break;
      }
    }
  }
  if (start < 0) return null;

  const inner = folded.slice(start + 1, end - 1);
  if (NOT_A_NOTE.test(inner) || !NOTE_WORDS.test(maskBracketGroups(inner))) return null;
  return { text: paragraph.slice(start, end), start };
}

/**
 * Locates the responsibility parenthetical that closes a clause: （区发展改革委牵头，区财政局等按职责分工负责）,
 * 〔…〕, (…), and mixed pairs such as （…) as printed by the seeds.
 */
import { foldForRecognition } from '../read/normalize';
import { isCloserCode, isOpenerCode, maskBracketGroups } from './brackets';
import { BODY_END } from './parse';

/**
 * Words that only a responsibility note uses at its own bracket depth. A parenthetical without one of them
 * (（以下简称“两高”项目）, （吨）, （征求意见稿）, (LDRA)) is ordinary text.
 */
const NOTE_WORDS = /牵头|负责|配合|协助|落实|(?:责任|主责|协办|参与)(?:单位|部门)\s*:/;
/** Definitions look like notes when they mention 负责 inside; they never assign work. */
const NOT_A_NOTE = /^\s*以下(?:简称|称)/;
/** What may follow the note and still leave it "at the end": whitespace, or a full stop some plans add. */
const TRAILER = /[\s。.]/;

/**
 * Finds the closing responsibility parenthetical at the END of a clause's last paragraph (display text).
 * Returns its text (brackets included, as printed), its fold (a slice of the paragraph's, for
 * `parseResponsibility`, which then need not fold the note again) and start index, or null when the paragraph does not end
 * in one. Recognition runs on the folded view, so full/half-width and 〔〕 brackets, mixed pairs and
 * traditional characters are all recognised; nested brackets inside department names are balanced.
 */
export function findResponsibilityNote(
  paragraph: string,
): { text: string; start: number; folded: string } | null {
  const folded = foldForRecognition(paragraph);
  let end = folded.length;
  while (end > 0 && TRAILER.test(folded[end - 1] as string)) end--;
  if (end === 0) return null;
  if (!isCloserCode(folded.charCodeAt(end - 1))) return labelledNoteAtEnd(paragraph, folded, end);

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

  // A labelled note whose last name ends in brackets (责任单位：县发改局、县交通局（县邮政业安全发展中心）) is the
  // whole note, not the bracket that closes it.
  const labelled = labelledNoteAtEnd(paragraph, folded, end);
  if (labelled && labelled.start < start) return labelled;
  const inner = folded.slice(start + 1, end - 1);
  if (NOT_A_NOTE.test(inner)) return null;
  const masked = maskBracketGroups(inner);
  if (!NOTE_WORDS.test(masked) && !isBareList(masked)) return null;
  return { text: paragraph.slice(start, end), start, folded: folded.slice(start, end) };
}

/**
 * A note with no role word, only names: （县发改局、县工信局，各乡镇人民政府）. Every item must name a body of a
 * jurisdiction (县…局, 市…委, 各…政府), so （含电力）, （市、区）, （PM2.5） or （二期） are not taken for one.
 */
function isBareList(masked: string): boolean {
  const items = masked.split(/[、,;]/).map((item) => item.replace(/\s+/g, ''));
  return items.length > 0 && items.every((item) => BODY_ITEM.test(item) && BODY_END.test(item));
}
const BODY_ITEM = /^(?:[省市县区州旗盟]|各)[^\s:]{1,30}$/;

/** A heading label opening the clause's last sentence, outside brackets: …。责任单位：县住建局、县自然资源局 */
const LABEL_AT_SENTENCE_START =
  /(?:^|[。;!?\s])\s*((?:主要)?(?:牵头|责任|主责|负责|配合|协办|协助|参与)(?:单位|部门)\s*:)/g;

/** Whether the folded text holds what every match of LABEL_AT_SENTENCE_START holds: a colon, and 单位 or 部门. */
const mayHoldLabel = (folded: string): boolean =>
  folded.includes(':') && (folded.includes('单位') || folded.includes('部门'));

/**
 * A note printed without brackets as the clause's last sentence (or its own last line): 责任单位：A、B,
 * 牵头单位：A；配合单位：B. Taken from its first label to the end, only when no sentence ends after it.
 */
function labelledNoteAtEnd(
  paragraph: string,
  folded: string,
  end: number,
): { text: string; start: number; folded: string } | null {
  // Every label holds 单位 or 部门 and a colon: a paragraph without them (nearly every one) is not masked and
  // scanned for one.
  if (!mayHoldLabel(folded)) return null;
  const masked = maskBracketGroups(folded.slice(0, end));
  let start = -1;
  for (const match of masked.matchAll(LABEL_AT_SENTENCE_START)) {
    const at = match.index + match[0].length - (match[1] as string).length;
    // The first label of the last sentence: 牵头单位：…；配合单位：… is one note.
    if (start < 0 || /[。!?]/.test(masked.slice(start, at))) start = at;
  }
  if (start < 0 || /[。!?]/.test(masked.slice(start, end))) return null;
  return { text: paragraph.slice(start, end), start, folded: folded.slice(start, end) };
}

/**
 * Whether a folded line ends with an unbracketed labelled note whose last name is complete (责任单位：县发改局、
 * 县工信局). Such a line has no closing punctuation yet ends its paragraph: the next line is not its
 * continuation (a line cut inside a name, 责任单位：县发改局、县工, still is).
 */
export function endsInLabelledNote(foldedLine: string): boolean {
  let end = foldedLine.length;
  while (end > 0 && TRAILER.test(foldedLine[end - 1] as string)) end--;
  const note = labelledNoteAtEnd(foldedLine, foldedLine, end);
  if (!note) return false;
  const lastName = note.text.replace(/等$/, '');
  return BODY_END.test(lastName);
}

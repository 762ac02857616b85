/**
 * The plan's own 文号 (document number), e.g. 黔江府发〔2023〕12号, as printed in its notice. Governments print
 * it on a line of its own under the red header, or in brackets after the notice title when the notice is
 * copied into a web page (…的通知（冀政字〔2023〕9号）). Numbers of documents the plan cites are never its own:
 * only the notice and a news lead are read, and a number right after a 《…》 title belongs to that title.
 */
import type { FrontBlock } from '../model/plan';
import { foldForRecognition } from '../read/normalize';

/** The 文号 grammar in the folded view: issuer abbreviation, year in brackets, serial, 号. */
const NUMBER = String.raw`[\u4e00-\u9fff]{1,12}\s*[\[(]\s*\d{4}\s*[\])]\s*\d+\s*号`;
/** A block that is nothing but a 文号 (a trailing 签发人 line aside). */
const ALONE = new RegExp(String.raw`^\s*(${NUMBER})\s*(?:签发人.*)?$`);
/** …的通知（冀政字〔2023〕9号）: the number in brackets right after a notice title. */
const AFTER_NOTICE_TITLE = new RegExp(String.raw`通知\s*\(\s*(${NUMBER})\s*\)`);

/** The number as printed in the original text at the folded match's position (same length views). */
function printed(text: string, folded: string, match: string): string {
  const start = folded.indexOf(match);
  return text.slice(start, start + match.length).trim();
}

export function findDocumentNumber(front: readonly FrontBlock[]): string | null {
  for (const block of front) {
    if (block.kind !== 'notice' && block.kind !== 'lead') continue;
    const folded = foldForRecognition(block.text);
    const match = (block.kind === 'notice' ? ALONE.exec(folded) : null) ?? AFTER_NOTICE_TITLE.exec(folded);
    if (match?.[1]) return printed(block.text, folded, match[1]);
  }
  return null;
}

/**
 * Text → structure: front matter blocks, the body's clauses and the annexes. Every non-blank character of
 * the text (export leftovers aside) lands in exactly one of them, in order.
 */
import type { PlanPartsFile } from '../curated/plan-knowledge';
import type { Annex, Clause, FrontBlock, Warning } from '../model/plan';
import { parseAnnexes } from './annexes';
import { parseBody } from './body';
import { splitFront } from './front';
import { MARKUP_CHARACTERS } from '../read/fold-units';
import { hasInvisibleCharacters, invisibleCharacters } from '../read/normalize';
import { readSourceLines } from './lines';

export interface Structure {
  front: FrontBlock[];
  clauses: Clause[];
  annexes: Annex[];
  warnings: Warning[];
  /** True when no chapter or section heading was found: the plan is a run of plain paragraphs. */
  plain: boolean;
}

const MARKUP_STATEMENT = /^\s*(import|export)\s/;
/** A line's markup is its text's: when the whole text has none, no line is looked at. */
const MARKUP_STATEMENT_IN_TEXT = /^\s*(import|export)\s/m;

export function parseStructure(text: string, file: string, parts: PlanPartsFile): Structure {
  const { lines, leftovers, invisible: seenInvisible, markup: seenMarkup } = readSourceLines(text);
  const warnings: Warning[] = [];
  // A missing title is reported by the front-matter reader, which knows whether a notice names the plan.
  const { front, bodyStart } = splitFront(lines);
  const body = parseBody(lines, bodyStart, file, parts);
  warnings.push(...body.warnings);
  // A news copy quoting the plan in running paragraphs has no headings: it is kept as plain paragraphs.
  const plain = !body.clauses.some((clause) => clause.kind === 'chapter' || clause.kind === 'section');
  if (plain) {
    const firstText = lines.find((line) => line.display.trim() !== '');
    warnings.push({
      file,
      line: firstText?.number ?? 1,
      message: 'no chapter (一、) or section (（一）) headings found: the text is kept as plain paragraphs',
    });
  }
  // The fold of the lines read every unit of the text already; only when it could not tell is the text scanned.
  const invisible = seenInvisible ?? hasInvisibleCharacters(text);
  // The fold of the displays read every unit of them, markup characters included; only when it could not tell
  // is the text scanned (a display is its raw line less leftovers, so a markup character in one is in the text).
  // A stripped leftover can leave a statement at a line's start (`**import …`): only the lines a leftover was
  // stripped from are looked at for that; every other display is its raw line, found by the multiline pattern,
  // which tries every position of the text and so runs only on a text holding its words.
  const markup =
    (seenMarkup ?? MARKUP_CHARACTERS.test(text)) ||
    ((text.includes('import') || text.includes('export')) && MARKUP_STATEMENT_IN_TEXT.test(text)) ||
    (leftovers && lines.some((line) => line.raw !== line.display && MARKUP_STATEMENT.test(line.display)));
  for (const line of markup || invisible ? lines : []) {
    // Two tests rather than one alternation: an anchored alternative is tried again at every position.
    if (markup && (MARKUP_CHARACTERS.test(line.display) || MARKUP_STATEMENT.test(line.display))) {
      warnings.push({
        file,
        line: line.number,
        message:
          'contains characters that are markup in MDX/HTML ({ } < > ` or a leading import/export); shown as text',
      });
    }
    if (!invisible) continue;
    for (const found of invisibleCharacters(line.raw)) {
      warnings.push({
        file,
        line: line.number,
        message: `invisible character ${found.codePoint} at column ${found.column}${found.inNumber ? ', touching a number: the number is not read as a value' : ''}`,
      });
    }
  }
  return {
    front,
    clauses: body.clauses,
    annexes: parseAnnexes(lines.slice(body.annexStart)),
    warnings,
    plain,
  };
}

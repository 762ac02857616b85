/**
 * Splits what comes before the plan body — a news lead, a notice (印发通知), an 附件 label — from the plan
 * title, so the body parser starts at the plan itself.
 */
import type { FrontBlock } from '../model/plan';
import { isBlank, readMarker, type SourceLine } from './lines';

const SUBTITLE = /^\s*\(\s*(征求意见稿|送审稿|草案|试行|修订稿|公开征求意见稿)\s*\)\s*$/;
// A notice title is a short line, often wrapped: 关于印发黔江区…工作 ⏎ 实施方案的通知. A news lead may quote
// the notice's name inside a long sentence (日前，…关于印发…的通知指出…): that is not the notice.
const NOTICE_TITLE = /^(关于印发|.{0,30}关于印发)|通知$/;
const MAX_NOTICE_TITLE_LENGTH = 60;
const ISSUER_HEADER = /(人民政府|办公厅|办公室|委员会)\s*$/;
const LABEL = /^\s*附件\s*\d*\s*$/;
/** A draft mark alone on a line above the title (征求意见稿, （送审稿）): the title's subtitle, printed first. */
const DRAFT_MARK = /^\s*\(?\s*(?:公开)?(?:征求意见稿|送审稿|讨论稿|草案)\s*\)?\s*$/;

export interface FrontSplit {
  front: FrontBlock[];
  /** Index (into the line array) of the plan title line, or -1 when none was found. */
  titleIndex: number;
  /** Index of the first body line (after the title and subtitle). */
  bodyStart: number;
}

// A title ends in 方案 (or 规划/计划), possibly followed by the draft mark on the same line: …方案（征求意见稿）,
// …方案征求意见稿, …方案(征求意见). Recognition text is folded, so 徵求意見稿 and full-width brackets match too.
const TITLE_END =
  /(方案|规划|计划)\s*(\(\s*(征求意见稿|征求意见|送审稿|草案|讨论稿|试行)\s*\)|征求意见稿|征求意见|送审稿|草案)?$/;

/** The plan's own title line: `…方案`, short, not a notice title, not a quotation. */
function isPlanTitle(line: SourceLine): boolean {
  const text = line.folded.trim();
  return (
    text.length > 0 &&
    text.length <= 60 &&
    TITLE_END.test(text) &&
    !/通知|关于|《/.test(text) &&
    readMarker(line) === null
  );
}

function block(kind: FrontBlock['kind'], line: SourceLine): FrontBlock {
  return { line: line.number, endLine: line.number, kind, text: line.display.trim() };
}

/**
 * Finds the title and classifies every non-blank line before it. Lines before a notice are a news lead;
 * from the notice title (or the issuer header just above it) to the plan title they are the notice.
 */
export function splitFront(lines: SourceLine[]): FrontSplit {
  const firstMarker = lines.findIndex((line) => {
    const kind = readMarker(line)?.kind;
    return kind === 'chapter' || kind === 'part';
  });
  const searchEnd = firstMarker === -1 ? lines.length : firstMarker;
  const titleIndex = lines.slice(0, searchEnd).findIndex(isPlanTitle);
  if (titleIndex === -1) return { front: [], titleIndex: -1, bodyStart: 0 };

  let noticeStart = lines.slice(0, titleIndex).findIndex((line) => {
    const text = line.folded.trim();
    return text.length <= MAX_NOTICE_TITLE_LENGTH && NOTICE_TITLE.test(text);
  });
  if (noticeStart !== -1) {
    // The issuer's name often heads the notice a few lines above its title (重庆市黔江区人民政府 ⏎ 关于印发…).
    for (let i = noticeStart - 1; i >= 0; i--) {
      const line = lines[i] as SourceLine;
      if (isBlank(line)) continue;
      const text = line.folded.trim();
      if (text.length <= 30 && ISSUER_HEADER.test(text)) noticeStart = i;
      break;
    }
  }

  const front: FrontBlock[] = [];
  for (let i = 0; i < titleIndex; i++) {
    const line = lines[i] as SourceLine;
    if (isBlank(line)) continue;
    if (LABEL.test(line.folded)) front.push(block('label', line));
    else if (DRAFT_MARK.test(line.folded)) front.push(block('subtitle', line));
    else if (noticeStart !== -1 && i >= noticeStart) front.push(block('notice', line));
    else front.push(block('lead', line));
  }
  front.push(block('title', lines[titleIndex] as SourceLine));

  let bodyStart = titleIndex + 1;
  for (let i = titleIndex + 1; i < lines.length; i++) {
    const line = lines[i] as SourceLine;
    if (isBlank(line)) continue;
    if (SUBTITLE.test(line.folded)) {
      front.push(block('subtitle', line));
      bodyStart = i + 1;
    }
    break;
  }
  return { front, titleIndex, bodyStart };
}

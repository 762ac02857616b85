/**
 * The plan body: chapters (一、), sections (（一）), items (1．), sub-items (（1）) and unnumbered paragraphs,
 * as a flat list in reading order with ids derived from the printed numbering (三（四）3 → `3-4-3`).
 */
import type { Clause, PlanPart, Warning } from '../model/plan';
import type { PlanPartsFile } from '../curated/plan-knowledge';
import {
  annexLabel,
  bareMarker,
  endsSentence,
  TAB_ROW,
  headingOf,
  isAnnexList,
  isBlank,
  isHeadingOnly,
  readMarker,
  type Marker,
  type SourceLine,
} from './lines';
import { foldForRecognition, knowFold } from '../read/normalize';
import { endsInLabelledNote } from '../responsibility/find';
import { BODY_END, ROLE_LABEL } from '../responsibility/parse';
import { mapPacked } from '../packed';

/** What differs between the clauses `emit` adds; the rest starts the same for all. */
type ClauseFields = Pick<
  Clause,
  'id' | 'kind' | 'parentId' | 'depth' | 'number' | 'citation' | 'heading' | 'part'
>;

/** A clause under construction; `open` is true while its last paragraph runs on past a page break. */
interface Draft extends Clause {
  open: boolean;
  paragraphCount: number;
  /** First and last source line of each paragraph, for splitting a plain text's preamble into paragraphs. */
  paragraphLines: { line: number; endLine: number }[];
}

/** A date alone on its line (2022年8月30日, 二〇二二年六月十八日): a signature's, never the end of a sentence. */
const DATE_LINE =
  /^\s*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*$/;

const DEPTH: Record<Marker['kind'], number> = {
  part: 1,
  division: 2,
  chapter: 1,
  section: 2,
  item: 3,
  subitem: 4,
};

/**
 * How far the plan's 一、…（1） levels sit below its book-style ones: 0 without 第一章/第一节, 1 with one of
 * them, 2 with both (第一章 › 第一节 › 一、 › （一）…). A 第一节 without 第一章 is the top level.
 */
interface Ladder {
  shift: number;
  /** Whether 第…章 / 第…部分 headings are printed (a 第…节 then sits below them). */
  parts: boolean;
}

function depthOf(kind: Marker['kind'], ladder: Ladder): number {
  if (kind === 'part') return 1;
  if (kind === 'division') return ladder.parts ? 2 : 1;
  return DEPTH[kind] + ladder.shift;
}

/** The clause kind of a depth: the top level is a chapter, the next a section, every lower one an item. */
function kindOfDepth(depth: number): Clause['kind'] {
  return depth === 1 ? 'chapter' : depth === 2 ? 'section' : 'item';
}

function citationPart(marker: Marker): string {
  switch (marker.kind) {
    case 'part':
    case 'division':
      // As printed, spaces dropped: 第一章, 第二节, 第三部分.
      return marker.printed.replace(/\s+/g, '');
    case 'chapter':
      return marker.numeral;
    case 'section':
      return `（${marker.numeral}）`;
    case 'item':
      return marker.numeral;
    case 'subitem':
      return `（${marker.numeral}）`;
  }
}

export function partOfChapter(heading: string, parts: PlanPartsFile): PlanPart {
  const folded = foldForRecognition(heading);
  for (const part of parts.parts) {
    if (part.patterns.some((pattern) => folded.includes(pattern))) return part.id;
  }
  return 'other';
}

export interface BodyResult {
  clauses: Clause[];
  /** Index of the first annex label line, or `lines.length` when the plan has no annexes. */
  annexStart: number;
  warnings: Warning[];
}

/** The clauses read so far, and the state reading needs: used ids, the open clause at each depth. */
class BodyBuilder {
  readonly clauses: Draft[] = [];
  readonly warnings: Warning[] = [];
  private readonly usedIds = new Set<string>();
  private readonly byId = new Map<string, Draft>();
  // The open clause at each depth: [chapter, section, item, subitem].
  private readonly stack: (Draft | undefined)[] = [];
  // Next suffix to try per wanted id, so a plan full of repeated numbers stays linear.
  private readonly nextSuffix = new Map<string, number>();
  inAnnexList = false;

  constructor(
    private readonly file: string,
    private readonly parts: PlanPartsFile,
    private readonly ladder: Ladder = { shift: 0, parts: false },
  ) {}

  last(): Draft | undefined {
    return this.clauses[this.clauses.length - 1];
  }

  private uniqueId(wanted: string, line: number): string {
    if (!this.usedIds.has(wanted)) {
      this.usedIds.add(wanted);
      return wanted;
    }
    let n = this.nextSuffix.get(wanted) ?? 2;
    while (this.usedIds.has(`${wanted}-${n}`)) n++;
    this.nextSuffix.set(wanted, n + 1);
    const id = `${wanted}-${n}`;
    this.usedIds.add(id);
    this.warnings.push({
      file: this.file,
      line,
      message: `duplicate clause number: id ${wanted} already used, this clause is ${id}`,
    });
    return id;
  }

  /** Adds a clause starting at `line`, with a unique id; it has no text yet unless `paragraphs` is given. */
  private emit(fields: ClauseFields, line: SourceLine, paragraphs: string[] = []): Draft {
    // Every property written out in one literal: spreading `fields` into a clause made V8 copy through a
    // slow generic path for each of them (a third of the structure stage's time).
    const clause: Draft = {
      id: this.uniqueId(fields.id, line.number),
      kind: fields.kind,
      parentId: fields.parentId,
      depth: fields.depth,
      number: fields.number,
      citation: fields.citation,
      heading: fields.heading,
      part: fields.part,
      paragraphs,
      responsibility: null,
      line: line.number,
      endLine: line.number,
      open: false,
      paragraphCount: 0,
      paragraphLines: mapPacked(paragraphs, () => ({ line: line.number, endLine: line.number })),
      position: this.clauses.length,
    };
    this.clauses.push(clause);
    this.byId.set(clause.id, clause);
    return clause;
  }

  /** Adds `text`, the end of the line's display (trimmed); its fold is cut from the line's, not made again. */
  private appendText(clause: Draft, line: SourceLine, text: string): void {
    const end = line.display.trimEnd().length;
    if (line.display.slice(end - text.length, end) === text)
      knowFold(text, line.folded.slice(end - text.length, end));
    if (clause.open && clause.paragraphs.length > 0) {
      // A page break cut the sentence: the text continues the same paragraph.
      const index = clause.paragraphs.length - 1;
      const before = clause.paragraphs[index] as string;
      clause.paragraphs[index] = `${before}${text}`;
      knowFold(
        clause.paragraphs[index] as string,
        `${foldForRecognition(before)}${foldForRecognition(text)}`,
      );
      const lines = clause.paragraphLines[index];
      if (lines) lines.endLine = line.number;
    } else {
      clause.paragraphs.push(text);
      clause.paragraphLines.push({ line: line.number, endLine: line.number });
    }
    clause.endLine = line.number;
    // The paragraph now ends where this line ends; looking at the line alone keeps long run-ons linear. A
    // table's row (cells apart by tabs) is a line of its own, never a sentence a page break cut.
    clause.open = !endsSentence(foldForRecognition(text)) && !TAB_ROW.test(text) && !this.endsInNote(clause);
  }

  /**
   * Whether the clause's last paragraph ends in an unbracketed labelled note (责任单位：A、B): a line with no
   * closing punctuation that still ends its paragraph. Only a line ending in a body's name (局, 委, 政府…) is
   * looked at, so a long run-on is not re-read at every line.
   */
  private endsInNote(clause: Draft): boolean {
    const last = foldForRecognition(clause.paragraphs[clause.paragraphs.length - 1] ?? '');
    return BODY_END.test(last.slice(-8).replace(/[\s。.等]+$/, '')) && endsInLabelledNote(last);
  }

  private paragraphClause(parent: Draft | null, line: SourceLine, part: PlanPart): Draft {
    const count = parent ? ++parent.paragraphCount : 1;
    const parentId = parent?.id ?? null;
    return this.emit(
      {
        id: parentId ? `${parentId}-p${count}` : `p${count}`,
        kind: 'paragraph',
        parentId,
        depth: (parent?.depth ?? 0) + 1,
        number: null,
        citation: parent ? `${parent.citation}第${count}段` : '',
        heading: null,
        part,
      },
      line,
    );
  }

  /** The 附件： list line: one clause holding it and the lines after it. */
  annexList(line: SourceLine, text: string): void {
    this.inAnnexList = true;
    this.stack.length = 0;
    this.emit(
      {
        id: 'annex-list',
        kind: 'annex-list',
        parentId: null,
        depth: 1,
        number: null,
        citation: '附件',
        heading: null,
        part: 'annex',
      },
      line,
      [text],
    );
  }

  /** A line continuing the 附件： list. */
  annexListLine(current: Draft, line: SourceLine, text: string): void {
    current.paragraphs.push(text);
    current.paragraphLines.push({ line: line.number, endLine: line.number });
    current.endLine = line.number;
  }

  /** A line opening a numbered clause: chapter, section, item or sub-item, under the open one above it. */
  numbered(line: SourceLine, marker: Marker, textLine: SourceLine = line): void {
    const { stack } = this;
    const depth = depthOf(marker.kind, this.ladder);
    const top = depth === 1;
    const parent = stack
      .slice(0, depth - 1)
      .reverse()
      .find((d) => d !== undefined);
    stack.length = depth - 1;
    const rest = marker.rest.trim();
    const chapter = stack[0];
    const part = top ? partOfChapter(rest, this.parts) : (chapter?.part ?? 'other');
    const clause = this.emit(
      {
        id: parent
          ? `${parent.id}-${marker.value}`
          : top
            ? `${marker.value}`
            : `${marker.kind[0]}${marker.value}`,
        kind:
          this.ladder.shift === 0 && !top
            ? marker.kind === 'subitem'
              ? 'item'
              : (marker.kind as Clause['kind'])
            : kindOfDepth(depth),
        parentId: parent?.id ?? null,
        depth,
        number: marker.printed,
        citation: `${parent?.citation ?? ''}${citationPart(marker)}`,
        heading: top || marker.kind === 'division' ? rest.replace(/。$/, '') : headingOf(rest),
        part,
      },
      line,
    );
    this.appendText(clause, textLine, rest);
    // Headings carry no sentence punctuation; they never run on into the next line.
    if (isHeadingOnly(rest)) clause.open = false;
    stack[depth - 1] = clause;
  }

  /**
   * A line of text without a marker: the preamble before the first clause, the continuation of a paragraph a
   * page break cut, a new paragraph under a heading, or more text of the current clause.
   */
  unnumbered(current: Draft | undefined, line: SourceLine, text: string): void {
    if (!current) {
      const preamble = this.emit(
        {
          id: 'preamble',
          kind: 'preamble',
          parentId: null,
          depth: 0,
          number: null,
          citation: '',
          heading: null,
          part: 'preamble',
        },
        line,
      );
      this.appendText(preamble, line, text);
      return;
    }
    // A note printed on its own line (责任单位：A、B) belongs to the text above it, never a paragraph of its own.
    // A table's row or a date alone (a signature's) starts a line of its own, whatever the line above ends in.
    if (current.open && (TAB_ROW.test(text) || DATE_LINE.test(line.folded))) current.open = false;
    if (current.open || current.kind === 'preamble' || ROLE_LABEL.test(line.folded.trimStart())) {
      this.appendText(current, line, text);
      return;
    }
    if (current.kind === 'paragraph') {
      const parent = current.parentId === null ? null : (this.byId.get(current.parentId) ?? null);
      this.appendText(this.paragraphClause(parent, line, current.part), line, text);
      return;
    }
    if (current.paragraphs.length === 1 && isHeadingOnly(current.paragraphs[0] ?? '')) {
      // A bare heading (四、…, （四）落实法规标准。): the text under it is its own citable paragraph.
      this.appendText(this.paragraphClause(current, line, current.part), line, text);
      return;
    }
    this.appendText(current, line, text);
  }

  /** Warns about clauses left mid-sentence and cites a lone paragraph as its heading; the finished clauses. */
  finish(): Clause[] {
    const { clauses } = this;
    for (const clause of clauses) {
      if (clause.open && clause.kind !== 'chapter') {
        this.warnings.push({
          file: this.file,
          line: clause.endLine,
          message: `clause ${clause.id} ends mid-sentence (no closing punctuation)`,
        });
      }
    }
    // A lone paragraph under a heading is cited as the heading itself (二, not 二第1段).
    for (const clause of clauses) {
      if (clause.kind !== 'paragraph' || clause.parentId === null) continue;
      const parent = this.byId.get(clause.parentId);
      if (parent && parent.paragraphCount === 1) clause.citation = parent.citation;
    }
    return mapPacked(splitPlainPreamble(clauses), (draft) => finishedClause(draft));
  }
}

/**
 * The clause without the builder's fields, written out property by property (a rest pattern is far slower),
 * in the schema's order: a plan built in that order is checked without a copy (model/conforms.ts).
 */
function finishedClause(draft: Draft): Clause {
  return {
    line: draft.line,
    endLine: draft.endLine,
    id: draft.id,
    kind: draft.kind,
    parentId: draft.parentId,
    depth: draft.depth,
    number: draft.number,
    citation: draft.citation,
    heading: draft.heading,
    paragraphs: draft.paragraphs,
    responsibility: draft.responsibility,
    part: draft.part,
    position: draft.position,
  };
}

/**
 * A text without chapter or section headings (a news copy quoting the plan in running paragraphs) would be
 * one preamble holding everything. Its paragraphs after the first become clauses of their own (第2段, 第3段…):
 * each is citable on its own, and each closing responsibility note is read, not only the last one.
 */
function splitPlainPreamble(clauses: Draft[]): Draft[] {
  const preamble = clauses[0];
  if (!preamble || preamble.kind !== 'preamble' || preamble.paragraphs.length < 2) return clauses;
  if (clauses.some((clause) => clause.kind === 'chapter' || clause.kind === 'section')) return clauses;
  const paragraphs: Draft[] = mapPacked(preamble.paragraphs.slice(1), (text, i) => {
    const lines = preamble.paragraphLines[i + 1] ?? { line: preamble.line, endLine: preamble.endLine };
    return {
      id: `p${i + 2}`,
      kind: 'paragraph',
      parentId: null,
      depth: 1,
      number: null,
      citation: `第${i + 2}段`,
      heading: null,
      part: 'other',
      paragraphs: [text],
      responsibility: null,
      line: lines.line,
      endLine: lines.endLine,
      open: false,
      paragraphCount: 0,
      paragraphLines: [lines],
      position: 0,
    };
  });
  const first = preamble.paragraphLines[0];
  const opening: Draft = {
    ...preamble,
    paragraphs: preamble.paragraphs.slice(0, 1),
    paragraphLines: preamble.paragraphLines.slice(0, 1),
    endLine: first?.endLine ?? preamble.line,
  };
  return mapPacked([opening, ...paragraphs, ...clauses.slice(1)], (clause, position) => ({
    ...clause,
    position,
  }));
}

/** Index of the first non-blank line at or after `from`, or -1. */
function nextTextLine(lines: SourceLine[], from: number): number {
  for (let i = from; i < lines.length; i++) if (!isBlank(lines[i] as SourceLine)) return i;
  return -1;
}

/** A heading's words alone: short, no sentence inside (保障措施, 加强组织领导。). */
function isShortHeading(text: string): boolean {
  return text.length > 0 && text.length <= 20 && isHeadingOnly(text);
}

/** Which book-style levels (第一章/第一部分, 第一节) the body prints, before the annexes. */
function ladderOf(lines: SourceLine[], start: number): Ladder {
  let parts = false;
  let divisions = false;
  for (let i = start; i < lines.length; i++) {
    const folded = (lines[i] as SourceLine).folded;
    // Only a line opening 第 can be one; the rest are not read twice.
    if (!/^\s*第/.test(folded)) continue;
    const kind = readMarker(lines[i] as SourceLine)?.kind;
    if (kind === 'part') parts = true;
    else if (kind === 'division') divisions = true;
  }
  return { shift: Number(parts) + Number(divisions), parts };
}

/** Parses `lines[start..]` up to the first annex label. */
export function parseBody(
  lines: SourceLine[],
  start: number,
  file: string,
  parts: PlanPartsFile,
): BodyResult {
  const body = new BodyBuilder(file, parts, ladderOf(lines, start));
  let annexStart = lines.length;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] as SourceLine;
    if (isBlank(line)) continue;
    if (annexLabel(line) !== null && (body.clauses.length > 0 || body.inAnnexList)) {
      annexStart = i;
      break;
    }
    const text = line.display.trim();
    const current = body.last();
    if (isAnnexList(line)) {
      body.annexList(line, text);
      continue;
    }
    if (body.inAnnexList && current) {
      body.annexListLine(current, line, text);
      continue;
    }
    // A numbering marker wins over a run-on sentence: a heading is never part of a page-broken paragraph.
    const marker = readMarker(line);
    if (marker) {
      body.numbered(line, marker);
      continue;
    }
    // 四、 ⏎ 保障措施: a heading number alone on its line takes the heading on the next text line.
    const bare = text.length <= 10 ? bareMarker(line) : null;
    const next = bare ? nextTextLine(lines, i + 1) : -1;
    const heading = next < 0 ? null : (lines[next] as SourceLine);
    if (bare && heading && readMarker(heading) === null && isShortHeading(heading.display.trim())) {
      body.numbered(line, { ...bare, rest: heading.display.trim() }, heading);
      i = next;
      continue;
    }
    body.unnumbered(current, line, text);
  }
  const clauses = body.finish();
  return { clauses, annexStart, warnings: body.warnings };
}

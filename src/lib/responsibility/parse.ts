/**
 * Reads a responsibility note into named departments with roles and the governments that implement it.
 *
 * A note is a comma-separated list of segments, each a 、-separated list of names closed by a role marker:
 *   （区发展改革委、区生态环境局牵头，区经济信息委等按职责分工负责，各县（市、区）人民政府负责落实。
 *     以下均需各县（市、区）人民政府落实，不再列出）
 * Recognition runs on the folded view (length-preserving), names are cut from the note as printed.
 */
import type { Role } from '../model/plan';
import { foldForRecognition } from '../read/normalize';
import {
  isCloserCode,
  isOpenerCode,
  maskBracketGroups,
  splitTopLevel,
  trimSpan,
  withoutBracketGroups,
} from './brackets';
import type { Span } from './brackets';
import type { CollectiveMatcher } from './collectives';

/** One department named in a note: its name as printed (nested brackets kept), its role and where it is. */
export interface ResponsibilityMention {
  name: string;
  role: Role;
  /** The role word as the note prints it after the name's list (牵头, 按职责分工负责, 配合…); null if none. */
  roleWording: string | null;
  /** `[start, end)` of the name within the note: `note.slice(start, end) === name`. */
  start: number;
  end: number;
}

export interface ParsedResponsibility {
  /** The note as printed. */
  text: string;
  /** Names exactly as printed, in reading order. */
  mentions: ResponsibilityMention[];
  /** Implementing governments/bodies as printed (…负责落实, or a trailing list after the departments). */
  implementers: string[];
  /** Set when the note says 以下均需…落实，不再(一一/逐一)列出: the implementers of every later clause. */
  standingImplementers: string[] | null;
  /** Parts of the note that could not be read (empty names, stray text); empty when all is well. */
  problems: string[];
}

type SegmentKind = 'lead' | 'listed' | 'supporting' | 'implement';

/**
 * Role markers closing a segment, most specific first: 牵头负责 before 负责, 负责落实 before 按职责分工负责.
 * A sole 负责 (（区生态环境局负责）) names the lead.
 */
const MARKERS: readonly (readonly [RegExp, SegmentKind])[] = [
  [/(?:共同|分别)?牵头(?:负责)?$/, 'lead'],
  [/(?:按照?职责分工)?(?:负责)?(?:组织)?落实$/, 'implement'],
  [/按照?(?:职责|职能)(?:分工)?负责$/, 'listed'],
  [/(?:共同|分别)?(?:配合|协助|参与)$/, 'supporting'],
  [/(?:共同|分别)?负责$/, 'lead'],
];
/**
 * The last two characters of every text a marker matches: a segment ending otherwise has no marker, and is not
 * tried against each pattern at each position (the patterns are anchored at the end only).
 */
const MARKER_ENDINGS = new Set(['牵头', '负责', '落实', '配合', '协助', '参与']);

/**
 * A label heading a segment instead of a marker closing it: 牵头单位：…；配合单位：…, 责任单位：…, 责任部门:….
 * The label is the role as the plan prints it. Folded text: the full-width colon is half-width.
 */
export const ROLE_LABEL = /^(?:主要)?(牵头|责任|主责|负责|配合|协办|协助|参与)(?:单位|部门)\s*:\s*/;
const LABEL_KIND: Readonly<Record<string, SegmentKind>> = {
  牵头: 'lead',
  责任: 'listed',
  主责: 'listed',
  负责: 'listed',
  配合: 'supporting',
  协办: 'supporting',
  协助: 'supporting',
  参与: 'supporting',
};

/** A role printed in brackets closing a name (县发改局（牵头）, 县住建局〔牵头〕), on the folded view. */
const BRACKET_ROLE = /[(\[〔【]\s*(牵头|负责|配合|协助|协办|参与)\s*[)\]〕】]\s*$/;

/** Standing implementers: 以下均需…落实，不再(一一/逐一)列出. */
const STANDING_START = /以下(?:均|皆|都|全部)?(?:需要?|由|要)/;
const STANDING_END = /(?:负责)?落实[,;]?\s*不再(?:一一|逐一|逐项|另行)?列出/;
/**
 * A conjunction 和/及 joins two bodies only when the words before it already end like a body; inside a name
 * (工业和信息化局, 应对气候变化及节能减排工作领导小组) they do not.
 */
export const BODY_END =
  /(?:局|委|办|厅|部|政府|管委会|中心|办公室|银行|分行|支行|公司|集团|社|联|会|处|院|所|站|队|室|单位)$/;

const COMMA = 0x2c; // ,
const SEMICOLON = 0x3b; // ;
const FULL_STOP = 0x3002; // 。
const ENUMERATION_COMMA = 0x3001; // 、
const isSegmentSeparator = (code: number): boolean =>
  code === COMMA || code === SEMICOLON || code === FULL_STOP;
const isNameSeparator = (code: number): boolean => code === ENUMERATION_COMMA || code === COMMA;

/** True for a name that denotes governments rather than a department: 各县（市、区）人民政府, 各乡镇街道. */
export function isImplementerName(name: string): boolean {
  return isImplementerFold(foldForRecognition(name));
}

/** `isImplementerName` of a name already folded (a slice of its note's fold). */
function isImplementerFold(foldedName: string): boolean {
  const folded = foldedName.trim();
  return folded.startsWith('各') || withoutBracketGroups(folded).endsWith('政府');
}

/** Drops the outer bracket pair when it encloses the whole span. */
function insideOuterBrackets(folded: string, span: Span): Span {
  if (!isOpenerCode(folded.charCodeAt(span.start)) || !isCloserCode(folded.charCodeAt(span.end - 1)))
    return span;
  let depth = 0;
  for (let i = span.start; i < span.end; i++) {
    const code = folded.charCodeAt(i);
    if (isOpenerCode(code)) depth++;
    else if (isCloserCode(code)) {
      depth--;
      if (depth === 0 && i < span.end - 1) return span;
    }
  }
  return { start: span.start + 1, end: span.end - 1 };
}

const AND = 0x548c; // 和
const JI = 0x53ca; // 及
const YI = 0x4ee5; // 以

/** The tail's characters (codes, oldest first; -1 where there are fewer) as a string, without its last `drop`. */
function tailText(t0: number, t1: number, t2: number, t3: number, drop: number): string {
  let text = '';
  if (t0 >= 0 && drop < 4) text += String.fromCharCode(t0);
  if (t1 >= 0 && drop < 3) text += String.fromCharCode(t1);
  if (t2 >= 0 && drop < 2) text += String.fromCharCode(t2);
  if (t3 >= 0 && drop < 1) text += String.fromCharCode(t3);
  return text;
}

/** Splits a span at depth-0 和/及/以及 that follow a complete body name; the pieces are appended to `pieces`. */
function splitConjunctions(folded: string, span: Span, pieces: Span[]): void {
  let depth = 0;
  let pieceStart = span.start;
  // The last four depth-0 characters of the current piece (t0 oldest; -1 where there are fewer): enough for
  // BODY_END, and keeps this linear. Kept as codes in four variables and made a string only at a 和 or 及:
  // building the string at every character was most of what reading a note allocated, and shifting an array
  // at every character was a sixth of its time.
  let t0 = -1;
  let t1 = -1;
  let t2 = -1;
  let t3 = -1;
  for (let i = span.start; i < span.end; i++) {
    const code = folded.charCodeAt(i);
    if (isOpenerCode(code)) depth++;
    else if (isCloserCode(code)) depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      if ((code === AND || code === JI) && i + 1 < span.end) {
        const viaYiJi = code === JI && folded.charCodeAt(i - 1) === YI;
        const before = tailText(t0, t1, t2, t3, viaYiJi ? 1 : 0).trim();
        if (BODY_END.test(before)) {
          pieces.push({ start: pieceStart, end: viaYiJi ? i - 1 : i });
          pieceStart = i + 1;
          t0 = t1 = t2 = t3 = -1;
          continue;
        }
      }
      t0 = t1;
      t1 = t2;
      t2 = t3;
      t3 = code;
    }
  }
  pieces.push({ start: pieceStart, end: span.end });
}

/** The names of a list span: split at 、 and ， (depth 0) and at body-joining 和/及; spans trimmed. */
function nameSpans(folded: string, span: Span): Span[] {
  const pieces: Span[] = [];
  for (const piece of splitTopLevel(folded, span, isNameSeparator)) splitConjunctions(folded, piece, pieces);
  for (let i = 0; i < pieces.length; i++) pieces[i] = trimSpan(folded, pieces[i] as Span);
  return pieces;
}

interface Segment {
  kind: SegmentKind | null;
  /** The role marker as printed (folded span), or null. */
  marker: Span | null;
  /** True when a label heads the segment (责任单位：…): unmarked segments after it continue its list. */
  labelled: boolean;
  names: Span[];
}

/** Cuts the role marker (or heading label) and the "等…" tail off a segment and lists its names. */
function readSegment(folded: string, span: Span, collectives: CollectiveMatcher): Segment {
  let text = folded.slice(span.start, span.end);
  let kind: SegmentKind | null = null;
  let listEnd = span.end;
  let marker: Span | null = null;
  const label = ROLE_LABEL.exec(text);
  if (label) {
    const labelEnd = span.start + label[0].length;
    kind = LABEL_KIND[label[1] as string] ?? null;
    // The label without its colon is the role's wording: 牵头单位, 配合部门.
    marker = trimSpan(folded, {
      start: span.start,
      end: span.start + label[0].replace(/\s*:\s*$/, '').length,
    });
    span = { start: labelEnd, end: span.end };
    text = folded.slice(span.start, span.end);
  }
  const hasMarker = !label && MARKER_ENDINGS.has(text.slice(-2));
  for (const [pattern, markerKind] of hasMarker ? MARKERS : []) {
    const match = pattern.exec(text);
    if (match) {
      kind = markerKind;
      listEnd = span.start + match.index;
      marker = { start: listEnd, end: span.end };
      break;
    }
  }
  let list = trimSpan(folded, { start: span.start, end: listEnd });
  const listText = folded.slice(list.start, list.end);
  // Every "and the others" tail starts with 等.
  const etc = listText.includes('等') ? collectives.etCetera.exec(listText) : null;
  if (etc) list = trimSpan(folded, { start: list.start, end: list.start + etc.index });
  if (folded[list.start] === '由') list = trimSpan(folded, { start: list.start + 1, end: list.end });
  return {
    kind,
    marker,
    labelled: label !== null,
    names: list.start < list.end || kind !== null ? nameSpans(folded, list) : [],
  };
}

/**
 * Parses a responsibility note (brackets included) into department mentions with roles, implementers and
 * standing implementers. Roles: `lead` before 牵头 or with a sole 负责; `responsible` for names listed with
 * 按职责分工负责 when the note has no lead, `supporting` when it has one (or with 配合/协助). Collective
 * phrases (各有关部门, 领导小组各成员单位; curated in content/departments.yaml) are not departments and are
 * dropped; names that denote governments (各…, …人民政府) are implementers wherever they appear. `folded` is the
 * note's recognition view when the caller has it (a slice of its paragraph's fold): it is not folded again.
 */
export function parseResponsibility(
  note: string,
  collectives: CollectiveMatcher,
  folded: string = foldForRecognition(note),
): ParsedResponsibility {
  const problems: string[] = [];
  const printed = (span: Span): string => note.slice(span.start, span.end);

  let body = insideOuterBrackets(folded, trimSpan(folded, { start: 0, end: folded.length }));

  let standingImplementers: string[] | null = null;
  // Searched at depth 0 of the body so 各县（市、区）… inside the standing list cannot end it early; a note
  // without 以下 (nearly every one) has no standing list and is not masked.
  const masked = folded.includes('以下') ? maskBracketGroups(folded.slice(body.start, body.end)) : '';
  const standingStart = STANDING_START.exec(masked);
  if (standingStart) {
    const namesStart = standingStart.index + standingStart[0].length;
    const standingEnd = STANDING_END.exec(masked.slice(namesStart));
    if (standingEnd) {
      const namesEnd = body.start + namesStart + standingEnd.index;
      standingImplementers = nameSpans(folded, { start: body.start + namesStart, end: namesEnd })
        .filter((span) => span.start < span.end)
        .map(printed);
      const rest = folded.slice(namesEnd + standingEnd[0].length, body.end);
      if (/[^\s,;。.]/.test(rest)) problems.push(`unread text after the standing note: “${rest.trim()}”`);
      body = { start: body.start, end: body.start + standingStart.index };
    }
  }

  const segments: Segment[] = [];
  for (const span of splitTopLevel(folded, body, isSegmentSeparator)) {
    const trimmed = trimSpan(folded, span);
    if (trimmed.start < trimmed.end) segments.push(readSegment(folded, trimmed, collectives));
  }

  // A segment without a marker continues the next marked one (a list broken by a comma); trailing ones
  // after the departments name implementers (…按职责分工负责，各县（市、区）人民政府，达州高新区…管委会).
  const resolved: { kind: SegmentKind; marker: Span | null; names: Span[] }[] = [];
  let pending: Span[] = [];
  let labelled: (typeof resolved)[number] | null = null;
  for (const segment of segments) {
    // 责任单位：A、B，C: after a heading label, an unmarked segment goes on with the label's list.
    if (segment.kind === null && labelled) {
      labelled.names.push(...segment.names);
      continue;
    }
    if (segment.kind === null) {
      pending.push(...segment.names);
      continue;
    }
    if (segment.labelled) {
      // Names left before a label had no marker of their own: they stay as listed.
      if (pending.length > 0) resolved.push({ kind: 'listed', marker: null, names: pending });
      pending = [];
      labelled = { kind: segment.kind, marker: segment.marker, names: [...segment.names] };
      resolved.push(labelled);
      continue;
    }
    labelled = null;
    resolved.push({ kind: segment.kind, marker: segment.marker, names: [...pending, ...segment.names] });
    pending = [];
  }
  if (pending.length > 0) {
    const first = pending[0] as Span;
    resolved.push({
      kind: isImplementerFold(folded.slice(first.start, first.end)) ? 'implement' : 'listed',
      marker: null,
      names: pending,
    });
  }

  // 县发改局（牵头）: a role printed in brackets right after a name is that name's own.
  const bracketRole = (span: Span) => BRACKET_ROLE.exec(folded.slice(span.start, span.end));
  const hasLead =
    resolved.some((segment) => segment.kind === 'lead') ||
    resolved.some((segment) => segment.names.some((span) => bracketRole(span)?.[1] === '牵头'));
  const mentions: ResponsibilityMention[] = [];
  const implementers: string[] = [];
  for (const segment of resolved) {
    for (const span of segment.names) {
      if (span.start >= span.end) {
        problems.push('empty name in the list');
        continue;
      }
      const name = printed(span);
      const foldedName = folded.slice(span.start, span.end);
      if (collectives.isCollective(foldedName)) continue;
      if (segment.kind === 'implement' || isImplementerFold(foldedName)) {
        if (!implementers.includes(name)) implementers.push(name);
        continue;
      }
      const own = bracketRole(span);
      if (own) {
        const end = span.start + own.index;
        const word = own[1] as string;
        const kind = LABEL_KIND[word] ?? 'listed';
        const ownRole: Role =
          kind === 'lead' ? 'lead' : kind === 'supporting' || hasLead ? 'supporting' : 'responsible';
        const wordStart = span.start + own.index + own[0].indexOf(word);
        mentions.push({
          name: note.slice(span.start, end).trim(),
          role: ownRole,
          roleWording: note.slice(wordStart, wordStart + word.length),
          start: span.start,
          end: span.start + note.slice(span.start, end).trimEnd().length,
        });
        continue;
      }
      const role: Role =
        segment.kind === 'lead'
          ? 'lead'
          : segment.kind === 'supporting' || hasLead
            ? 'supporting'
            : 'responsible';
      const roleWording = segment.marker === null ? null : printed(segment.marker).trim() || null;
      mentions.push({ name, role, roleWording, start: span.start, end: span.end });
    }
  }

  return { text: note, mentions, implementers, standingImplementers, problems };
}

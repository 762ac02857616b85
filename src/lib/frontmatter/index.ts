/**
 * Plan metadata read from the text itself: title, region, level, issuer, issue date, status and the
 * documents it cites. A sidecar (seeds/<name>.yaml) may add or override any of it.
 */
import type { JurisdictionsFile } from '../curated/plan-knowledge';
import type {
  Clause,
  DivisionRef,
  FrontBlock,
  Level,
  RegionSource,
  Status,
  Unrecognised,
  Warning,
} from '../model/plan';
import type { Division, DivisionIndex } from '../regions/divisions';
import { findFullNames } from '../regions/find';
import { recogniseRegion } from '../regions/recognise';
import { isoDateOf } from '../dates';
import { foldForRecognition } from '../read/normalize';
import { chineseNumeralValue } from '../structure/numerals';
import { findCitedDocuments, type CitedDocument } from './citations';
import { mapPacked } from '../packed';

export interface FrontMatter {
  title: string;
  region: string | null;
  regionPath: DivisionRef[];
  regionSource: RegionSource | null;
  province: string | null;
  level: Level | null;
  unrecognised: Unrecognised[];
  issuer: string | null;
  issued: string | null;
  status: Status;
  cites: CitedDocument[];
}

// 征求意见 alone too: a title may end 征求意见 without 稿.
const DRAFT = /征求意见|送审稿|草案|讨论稿/;
const ISSUER = /(人民政府|办公厅|办公室|委员会|领导小组)$/;
const DATE =
  /^(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$/;

function isoDate(text: string): string | null {
  const match = DATE.exec(foldForRecognition(text).trim());
  if (!match) return null;
  const year = chineseNumeralValue(match[1] ?? '');
  const month = chineseNumeralValue(match[2] ?? '');
  const day = chineseNumeralValue(match[3] ?? '');
  if (!year || !month || !day) return null;
  return isoDateOf(year, month, day);
}

/** The region is what the title names before “十四五”: 黔江区“十四五”… → 黔江区. */
export function regionOfTitle(title: string): string {
  const folded = foldForRecognition(title);
  const match = /^(.*?)["“”]?十四五/.exec(folded);
  const region = (match ? title.slice(0, (match[1] ?? '').length) : '').trim();
  return region.replace(/^关于(印发)?/, '');
}

/**
 * The plan title a notice or a news lead gives when it issues the plan: 关于印发廊坊市“十四五”节能减排综合实施方案的
 * 通知 → 廊坊市“十四五”…方案; 某县人民政府印发《某县…方案》 → 某县…方案. A document the text cites is not its title:
 * a plan without a title line often opens 为贯彻落实《省人民政府关于印发某省“十四五”节能减排综合工作方案的通知》…，
 * 制定本方案 — the province's plan, not this one.
 */
export function titleFromNotice(lines: string[]): string | null {
  for (const line of lines) {
    const folded = foldForRecognition(line);
    const found = issuedTitleIn(folded);
    if (found) return line.slice(found.start, found.start + found.length);
  }
  return null;
}

// The quoted title keeps a draft mark printed inside the quotation: 《…方案（征求意见稿）》.
const QUOTED_PLAN_TITLE =
  /《([^《》]{4,60}?(?:方案|规划|计划)(?:\(?(?:征求意见稿|征求意见|送审稿|草案)\)?)?)》/g;
const ISSUED_PLAN_TITLE = /印发(?:了)?([^,，。《》]{4,60}?(?:方案|规划|计划))(?:的通知|》|$)/g;
/** Words that put the next quoted title among what the text follows, not what it issues: 贯彻落实《…》, 根据《…》. */
const CITING_WORDS = /(?:贯彻|落实|根据|按照|依据|遵照|对照|参照|衔接|结合|对标)[^，,。；;]{0,8}$/;

/** Where a title issued by the text starts in the folded line, and its length; null when it only cites others. */
function issuedTitleIn(folded: string): { start: number; length: number } | null {
  const spans = quotedSpans(folded);
  const inside = (index: number) => spans.some(([open, close]) => index > open && index < close);
  const candidates: { start: number; length: number; at: number }[] = [];
  for (const match of folded.matchAll(QUOTED_PLAN_TITLE)) {
    if (inside(match.index) || CITING_WORDS.test(folded.slice(Math.max(0, match.index - 12), match.index)))
      continue;
    candidates.push({ start: match.index + 1, length: (match[1] as string).length, at: match.index });
  }
  for (const match of folded.matchAll(ISSUED_PLAN_TITLE)) {
    // 印发 inside a quoted notice title (《…关于印发…的通知》) names the document cited, not this one.
    if (inside(match.index)) continue;
    const start = match.index + match[0].indexOf(match[1] as string);
    candidates.push({ start, length: (match[1] as string).length, at: match.index });
  }
  candidates.sort((a, b) => a.at - b.at);
  return candidates[0] ?? null;
}

/** The [open, close] offsets of every outermost 《…》 in a line. */
function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let depth = 0;
  let open = -1;
  for (const mark of text.matchAll(/[《》]/g)) {
    if (mark[0] === '《') {
      if (depth === 0) open = mark.index;
      depth++;
    } else if (depth > 0 && --depth === 0) spans.push([open, mark.index]);
  }
  return spans;
}

/** The province-level unit named first in the given texts, or the one whose abbreviation heads a cited 文号. */
function provinceNamedIn(
  texts: string[],
  documentNumbers: string[],
  jurisdictions: JurisdictionsFile,
  divisions: DivisionIndex,
): string | null {
  for (const text of texts) {
    const hit = findFullNames(foldForRecognition(text), divisions).find((h) => h.divisions.length === 1);
    if (hit) return divisions.province(hit.divisions[0] as Division).name;
  }
  for (const number of documentNumbers.map(foldForRecognition)) {
    if (number.startsWith('国')) continue;
    const entry = Object.entries(jurisdictions.abbreviations).find(([, abbr]) => number.startsWith(abbr));
    if (entry) return entry[0];
  }
  return null;
}

/** What each step reports: warnings, and the facts it could not read. */
interface Findings {
  warnings: Warning[];
  unrecognised: Unrecognised[];
}

interface TitleReading {
  title: string;
  /** The title line, when the text has one. */
  titleBlock: FrontBlock | undefined;
  /** The news lead, or without a title line the first paragraphs of the body, where a lead would be. */
  leadTexts: string[];
}

/** The title: the title line, else the one the notice or a lead quotes, else the file name. */
function readTitle(front: FrontBlock[], clauses: Clause[], file: string, findings: Findings): TitleReading {
  const titleBlock = front.find((block) => block.kind === 'title');
  const notice = front.filter((block) => block.kind === 'notice');
  // Without a title line nothing is split off as front matter: a news lead is then the body's opening
  // paragraphs (the preamble, and in a text without headings the paragraphs that follow it).
  const preamble = clauses
    .filter(
      (clause) => clause.kind === 'preamble' || (clause.kind === 'paragraph' && clause.parentId === null),
    )
    .slice(0, 3)
    .flatMap((clause) => clause.paragraphs);
  const leadTexts = [
    ...mapPacked(
      front.filter((block) => block.kind === 'lead'),
      (block) => block.text,
    ),
    // A lead is the first paragraphs of a copy; the rest of a long plain text is body.
    ...(titleBlock ? [] : mapPacked(preamble.slice(0, 3), (paragraph) => paragraph.slice(0, 2000))),
  ];
  const quotedTitle = titleBlock
    ? null
    : titleFromNotice([...mapPacked(notice, (block) => block.text), ...leadTexts]);
  const title = titleBlock?.text ?? quotedTitle ?? (file.replace(/\.[^.]+$/, '') || file);
  if (!titleBlock) {
    findings.unrecognised.push('title');
    findings.warnings.push({
      file,
      line: 1,
      message: quotedTitle
        ? `no title line; the title is read from the notice: ${quotedTitle}`
        : 'no title line and no notice naming the plan; the file name stands for the title',
    });
  }
  return { title, titleBlock, leadTexts };
}

/**
 * The signature closing the plan's own text when no notice signs it (a county plan ending 沁县人民政府办公室 ⏎
 * 2022年8月30日): the last two paragraphs of the body, a short issuer's name and then a date alone.
 */
function closingSignature(clauses: Clause[]): { issuer: string; issued: string } | null {
  let last: Clause | undefined;
  for (let i = clauses.length - 1; i >= 0 && !last; i--)
    if ((clauses[i] as Clause).kind !== 'annex-list') last = clauses[i];
  const paragraphs = last?.paragraphs ?? [];
  const issuer = (paragraphs[paragraphs.length - 2] ?? '').trim();
  const issued = isoDate(paragraphs[paragraphs.length - 1] ?? '');
  if (issued === null || issuer.length === 0 || issuer.length > 30) return null;
  return ISSUER.test(foldForRecognition(issuer)) ? { issuer, issued } : null;
}

/** The issuer and the issue date, from the notice's signature, else from one closing the plan's text. */
function readSignature(
  notice: FrontBlock[],
  clauses: Clause[],
): {
  issuerBlocks: FrontBlock[];
  issuer: string | null;
  issued: string | null;
} {
  const issuerBlocks = notice.filter((block) => block.text.length <= 30 && ISSUER.test(block.text));
  const dates = mapPacked(notice, (block) => ({ block, iso: isoDate(block.text) })).filter(
    (d) => d.iso !== null,
  );
  // The signature just above the date names the issuer; the header above the notice title does too.
  const issuer = (issuerBlocks[issuerBlocks.length - 1] ?? null)?.text ?? null;
  const issued = dates[0]?.iso ?? null;
  if (issuer === null && issued === null) {
    const closing = closingSignature(clauses);
    if (closing) return { issuerBlocks, issuer: closing.issuer, issued: closing.issued };
  }
  return { issuerBlocks, issuer, issued };
}

/** What follows the plan's own title where the text names itself as a draft: …方案（征求意见稿）》. */
const DRAFT_AFTER_TITLE = /^\s*\(?\s*(?:征求意见稿|征求意见|送审稿|讨论稿|草案)\s*\)?\s*》/;

/**
 * `draft` when the title line or a subtitle carries the draft mark (a line of nothing but the mark above the
 * title is a subtitle too: structure/front.ts), or when the text quotes its own title as a draft (a closing
 * 关于《…方案（征求意见稿）》的起草说明); another document quoted as a draft says nothing of this one.
 */
function readStatus(
  title: string,
  front: FrontBlock[],
  clauses: Clause[],
  annexLabels: readonly string[],
): Status {
  const subtitles = front.filter((block) => block.kind === 'subtitle').map((block) => block.text);
  // On the folded view: a traditional-character edition writes 徵求意見稿.
  if (DRAFT.test(foldForRecognition(`${title}${subtitles.join('')}`))) return 'draft';
  const quoted = `《${foldForRecognition(title)}`;
  const namesItselfDraft = (paragraph: string): boolean => {
    if (!paragraph.includes('《')) return false;
    const folded = foldForRecognition(paragraph);
    for (let at = folded.indexOf(quoted); at >= 0; at = folded.indexOf(quoted, at + 1))
      if (DRAFT_AFTER_TITLE.test(folded.slice(at + quoted.length))) return true;
    return false;
  };
  for (const clause of clauses)
    for (const paragraph of clause.paragraphs) if (namesItselfDraft(paragraph)) return 'draft';
  return annexLabels.some(namesItselfDraft) ? 'draft' : 'final';
}

interface RegionInputs {
  front: FrontBlock[];
  clauses: Clause[];
  file: string;
  titleBlock: FrontBlock | undefined;
  leadTexts: string[];
  issuerBlocks: FrontBlock[];
  issuer: string | null;
  cites: CitedDocument[];
}

/** Province by its 文号 abbreviation (黔 → 贵州省), made once per jurisdictions file rather than once per plan. */
const abbreviationMaps = new WeakMap<JurisdictionsFile, ReadonlyMap<string, string>>();
function provincesByAbbreviation(jurisdictions: JurisdictionsFile): ReadonlyMap<string, string> {
  let map = abbreviationMaps.get(jurisdictions);
  if (map === undefined) {
    map = new Map(Object.entries(jurisdictions.abbreviations).map(([name, abbr]) => [abbr, name]));
    abbreviationMaps.set(jurisdictions, map);
  }
  return map;
}

type RegionReading = Pick<FrontMatter, 'region' | 'regionPath' | 'regionSource' | 'province' | 'level'>;

/** The region, its level and chain, and the province, checked against the official division list. */
function readRegion(
  inputs: RegionInputs,
  jurisdictions: JurisdictionsFile,
  divisions: DivisionIndex,
  findings: Findings,
): RegionReading {
  const { front, clauses, file, titleBlock, leadTexts, issuerBlocks, issuer, cites } = inputs;
  const notice = front.filter((block) => block.kind === 'notice');
  // A title quoted by the notice or a lead is read as what it is: the notice's or the lead's words.
  const titleText = titleBlock?.text ?? '';
  const found = recogniseRegion(
    {
      titlePlace: foldForRecognition(titleText).replace(/^(关于)?(印发)?/, ''),
      issuers: issuerBlocks.map((block) => foldForRecognition(block.text)),
      notice: notice.map((block) => foldForRecognition(block.text)),
      lead: leadTexts.map(foldForRecognition),
      body: () => foldForRecognition(clauses.flatMap((clause) => clause.paragraphs).join('\n')),
      fileName: file,
      abbreviations: provincesByAbbreviation(jurisdictions),
      nationalIssuers: jurisdictions.nationalIssuers,
    },
    divisions,
  );
  const region = found.division?.name ?? found.printed;
  const regionPath: DivisionRef[] = found.division ? divisions.path(found.division) : [];
  const province = found.division
    ? divisions.province(found.division).name
    : found.level === 'national'
      ? null
      : provinceNamedIn(
          [issuer ?? '', ...front.map((block) => block.text), ...cites.map((doc) => doc.title)],
          cites.flatMap((doc) => (doc.number ? [doc.number] : [])),
          jurisdictions,
          divisions,
        );
  const line = titleBlock?.line ?? 1;
  if (region === null) {
    findings.unrecognised.push('region', 'level');
    findings.warnings.push({
      file,
      line,
      message: 'cannot tell the region: no title, issuer, notice or body names it',
    });
  } else if (found.level === null) {
    findings.unrecognised.push('level');
    findings.warnings.push({
      file,
      line,
      message:
        found.ambiguous.length > 0
          ? `region ${region} is ambiguous: ${found.ambiguous
              .map((d) =>
                divisions
                  .chain(d)
                  .map((c) => c.name)
                  .join(''),
              )
              .join(', ')}`
          : `region ${region} is not in the official division list; its level is unknown`,
    });
  }
  return { region, regionPath, regionSource: found.source, province, level: found.level };
}

/**
 * Every text of the plan, front blocks first. Pushed one by one: an array spread from mapped ones changes kind
 * once the code making it is optimised (packed.ts). A function of its own: its loop over every paragraph
 * would otherwise make `readFrontMatter`, run once per plan, hot enough to be optimised in the first hundred
 * plans, and that compilation (with all it inlines) costs more than the loop.
 */
function textsOf(front: readonly FrontBlock[], clauses: readonly Clause[]): string[] {
  const texts: string[] = [];
  for (const block of front) texts.push(block.text);
  for (const clause of clauses) for (const paragraph of clause.paragraphs) texts.push(paragraph);
  return texts;
}

/**
 * Reads the front matter in steps: the title, the notice's signature (issuer, date), the status, the cited
 * documents, then the region (which may use all of them). Each step adds what it could not read to
 * `unrecognised`, in that order.
 */
export function readFrontMatter(
  front: FrontBlock[],
  clauses: Clause[],
  file: string,
  jurisdictions: JurisdictionsFile,
  divisions: DivisionIndex,
  /** The annexes' labels (附件1, or a drafting note's heading 关于《…（征求意见稿）》的起草说明). */
  annexLabels: readonly string[] = [],
): { frontMatter: FrontMatter; warnings: Warning[] } {
  const findings: Findings = { warnings: [], unrecognised: [] };
  const { title, titleBlock, leadTexts } = readTitle(front, clauses, file, findings);
  const { issuerBlocks, issuer, issued } = readSignature(
    front.filter((block) => block.kind === 'notice'),
    clauses,
  );
  const status = readStatus(title, front, clauses, annexLabels);
  const cites = findCitedDocuments(textsOf(front, clauses), title);
  const region = readRegion(
    { front, clauses, file, titleBlock, leadTexts, issuerBlocks, issuer, cites },
    jurisdictions,
    divisions,
    findings,
  );
  if (issuer === null) findings.unrecognised.push('issuer');
  if (issued === null) findings.unrecognised.push('date');
  return {
    frontMatter: {
      title,
      region: region.region,
      regionPath: region.regionPath,
      regionSource: region.regionSource,
      province: region.province,
      level: region.level,
      issuer,
      issued,
      status,
      cites,
      unrecognised: findings.unrecognised,
    },
    warnings: findings.warnings,
  };
}

/**
 * Which government issued a plan, read from the places a plan names it, most direct first: the title (贵州省
 * “十四五”…), the issuer (重庆市黔江区人民政府), the notice or news lead quoting the plan (关于印发廊坊市“十四五”…),
 * the abbreviation heading its own 文号 (黔府办发 → 贵州省), 全省/全市/全区 in the body with the one matching name
 * the text prints (also inside a quotation), and last the file name. Each is checked against the official
 * division list, which gives the canonical name, level and parent chain.
 */
import type { Level, RegionSource as ModelRegionSource } from '../model/plan';
import type { Division, DivisionIndex } from './divisions';
import { findFullNames, readPlaceChain, resolveChain, type NameHit } from './find';

/** Where the text named its region; the sidecar, the model's other source, is applied after recognition. */
export type RegionSource = Exclude<ModelRegionSource, 'sidecar'>;

export interface RegionClues {
  /** The plan title (folded), or '' when there is none; read from the left for a place. */
  titlePlace: string;
  /** Issuer names (signature, header), folded. */
  issuers: string[];
  /** Notice lines (folded). */
  notice: string[];
  /** News lead lines (folded). */
  lead: string[];
  /** The body's text (folded), searched for 全省/全市… and names; read only when nothing before names the region. */
  body: () => string;
  fileName: string;
  /** Province-level abbreviations of 文号 (黔 → 贵州省). */
  abbreviations: ReadonlyMap<string, string>;
  /** Issuers that make a plan national (国务院). */
  nationalIssuers: readonly string[];
}

export interface RecognisedRegion {
  /** The division, when the name is in the official list and unambiguous. */
  division: Division | null;
  /** The name as the plan prints it (folded to simplified), when it names one; else null. */
  printed: string | null;
  level: Level | null;
  source: RegionSource | null;
  /** Same-named divisions the text does not tell apart. */
  ambiguous: readonly Division[];
}

const ISSUER_SUFFIX =
  /(人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|发展和改革委员会|发展改革委|委员会|领导小组)$/;
const QUOTED_PLAN = /(?:关于印发|印发了?|出台|发布了?)[《〈"“]?(.{2,24}?)["“”]?十四五/;
// 黔府办发〔2022〕12号, 渝府发[2022]39号 (brackets folded to [ ]).
const OWN_NUMBER = /^(.{1,4}?)(?:府|政|办|发改)\S{0,4}\[\s*\d{4}\s*\]\s*\d+\s*号/;
const WHOLE = /全(省|市|区|县|州|旗|盟)/g;

// A plan's own preamble cites the documents it follows (根据《重庆市“十四五”…方案》): those name the level above.
const FOLLOWS = /(根据|按照|依据|贯彻|落实|对标|衔接)[^。]*$/;

/** The place of the plan a notice or news lead says is issued (印发《廊坊市“十四五”…》), not one it follows. */
function quotedPlanPlace(line: string): string {
  const match = QUOTED_PLAN.exec(line);
  if (!match || FOLLOWS.test(line.slice(0, match.index))) return '';
  return match[1] as string;
}

// How much of the body the 全省 rule reads: a plan names itself early, and the scan stays bounded on huge input.
const BODY_SCAN_LENGTH = 50_000;

const NOTHING: RecognisedRegion = { division: null, printed: null, level: null, source: null, ambiguous: [] };

/** Every division named in full in these texts: the context that tells same-named divisions apart. */
function contextOf(texts: string[], index: DivisionIndex): Division[] {
  const context: Division[] = [];
  for (const text of texts)
    for (const hit of findFullNames(text, index))
      if (hit.divisions.length === 1) context.push(...hit.divisions);
  return context;
}

function fromPlace(
  place: string,
  source: RegionSource,
  context: Division[],
  index: DivisionIndex,
): RecognisedRegion | null {
  const text = place.trim();
  if (text === '') return null;
  const { hits, rest } = readPlaceChain(text, index);
  if (hits.length === 0) return null;
  const { division, ambiguous } = resolveChain(hits, context, index);
  const last = hits[hits.length - 1] as NameHit;
  const printed = text.slice(0, last.end);
  void rest;
  return { division, printed, level: division?.level ?? null, source, ambiguous };
}

/** The issuer's place: 重庆市黔江区人民政府 → 重庆市黔江区. */
function issuerPlace(issuer: string): string {
  return issuer.trim().replace(ISSUER_SUFFIX, '');
}

function fromDocumentNumber(
  lines: string[],
  clues: RegionClues,
  index: DivisionIndex,
): RecognisedRegion | null {
  for (const line of lines) {
    const match = OWN_NUMBER.exec(line.trim());
    if (!match) continue;
    const prefix = match[1] as string;
    // Only a province's own abbreviation (黔府办发); 黔江府发 is a county's and names no province alone.
    const province = prefix.length === 1 ? clues.abbreviations.get(prefix) : undefined;
    const division = province ? index.named(province)[0] : undefined;
    if (division)
      return { division, printed: null, level: 'province', source: 'document-number', ambiguous: [] };
  }
  return null;
}

const LEVEL_OF_WHOLE: Record<string, Level[]> = {
  省: ['province'],
  市: ['city', 'province', 'county'],
  区: ['county', 'province'],
  县: ['county'],
  州: ['city'],
  旗: ['county'],
  盟: ['city'],
};

/**
 * 全省/全市/全区 in the body with the one division of that kind the text names (counted over the whole text,
 * quotations included): 全省 + 贵州 → 贵州省. Two candidates named equally often tell nothing.
 */
function fromBody(body: string, index: DivisionIndex): RecognisedRegion | null {
  const wholes = new Map<string, number>();
  for (const match of body.matchAll(WHOLE))
    wholes.set(match[1] as string, (wholes.get(match[1] as string) ?? 0) + 1);
  if (wholes.size === 0) return null;
  const [unit] = [...wholes.entries()].sort((a, b) => b[1] - a[1])[0] as [string, number];
  const levels = LEVEL_OF_WHOLE[unit] ?? [];
  const counts = new Map<Division, number>();
  for (const hit of findFullNames(body, index)) {
    if (hit.divisions.length !== 1) continue;
    const division = hit.divisions[0] as Division;
    if (!division.name.endsWith(unit) || !levels.includes(division.level)) continue;
    counts.set(division, (counts.get(division) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || (second && second[1] === best[1])) return null;
  return { division: best[0], printed: best[0].name, level: best[0].level, source: 'body', ambiguous: [] };
}

export function recogniseRegion(clues: RegionClues, index: DivisionIndex): RecognisedRegion {
  const context = contextOf([...clues.issuers, ...clues.notice, ...clues.lead], index);

  const quoted = (lines: string[]) => lines.map(quotedPlanPlace);
  const attempts: [RegionSource, string[]][] = [
    ['title', [clues.titlePlace]],
    ['issuer', clues.issuers.map(issuerPlace)],
    ['notice', quoted(clues.notice)],
    ['lead', quoted(clues.lead)],
  ];
  let unresolved: RecognisedRegion | null = null;
  for (const [source, places] of attempts) {
    for (const place of places) {
      const found = fromPlace(place, source, context, index);
      if (found?.division) return found;
      unresolved ??= found;
    }
  }
  if (unresolved && unresolved.ambiguous.length > 1) {
    // Same-named divisions the front does not tell apart: the places the body names (深圳市生态环境局南山管理局
    // in a 南山区 plan) may. Only a candidate under a division named there is taken, and only one.
    const wider = [...context, ...contextOf([clues.body().slice(0, BODY_SCAN_LENGTH)], index)];
    for (const [source, places] of attempts)
      for (const place of places) {
        const found = fromPlace(place, source, wider, index);
        if (found?.division) return found;
      }
  }
  if (unresolved) return unresolved;
  if (clues.issuers.some((issuer) => clues.nationalIssuers.includes(issuer.trim())))
    return { division: null, printed: '全国', level: 'national', source: 'issuer', ambiguous: [] };
  // A title printing a place the division list does not have (雄安新区, a development zone) still names it.
  const printedPlace = /^(.{2,12}?)["“”]?十四五/.exec(clues.titlePlace)?.[1]?.trim();
  if (printedPlace && !/^(关于|印发|全面|深入|加快|推进)/.test(printedPlace))
    return { ...NOTHING, printed: printedPlace, source: 'title' };
  return (
    fromDocumentNumber([...clues.notice, ...clues.lead], clues, index) ??
    fromBody(clues.body().slice(0, BODY_SCAN_LENGTH), index) ??
    fromFileName(clues.fileName, context, index) ??
    NOTHING
  );
}

function fromFileName(fileName: string, context: Division[], index: DivisionIndex): RecognisedRegion | null {
  const stem = fileName.replace(/\.[^.]+$/, '');
  const first = findFullNames(stem, index)[0];
  return first ? fromPlace(stem.slice(first.start), 'file-name', context, index) : null;
}

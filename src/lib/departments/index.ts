/**
 * Turns the closing responsibility notes of a plan's clauses into Responsibility records and one Department
 * entity per department of the plan's jurisdiction, aliases and obvious typos merged.
 */
import type { Clause, Department, DepartmentMention, Level, Responsibility, Warning } from '../model/plan';
import { foldForRecognition } from '../read/normalize';
import { findResponsibilityNote } from '../responsibility/find';
import { parseResponsibility, ROLE_LABEL } from '../responsibility/parse';
import type { ParsedResponsibility } from '../responsibility/parse';
import { compileCollectives, type CollectiveMatcher } from '../responsibility/collectives';
import type { DepartmentCatalogue } from './catalogue';
import { OTHER_CATEGORY } from './catalogue';
import { DepartmentResolver, jurisdictionOf } from './resolve';
import type { Jurisdiction, Resolution } from './resolve';
import { departmentIds } from './slug';
import { mapPacked } from '../packed';

export { findResponsibilityNote } from '../responsibility/find';
export { parseResponsibility } from '../responsibility/parse';
export type { ParsedResponsibility } from '../responsibility/parse';
export { loadDepartmentCatalogue, parseDepartmentCatalogue } from './catalogue';
export type { DepartmentCatalogue } from './catalogue';

export interface AssignResponsibilitiesInput {
  clauses: Clause[];
  /** The issuing jurisdiction, e.g. 黔江区; its name tells own-jurisdiction prefixes and typos apart. */
  region: string;
  level: Level;
  /** The seed's file name, for warnings. */
  file: string;
  catalogue: DepartmentCatalogue;
}

export interface AssignResponsibilitiesResult {
  clauses: Clause[];
  departments: Department[];
  warnings: Warning[];
}

/** A clause's responsibility note as read, with where it was found. */
interface FoundNote {
  parsed: ParsedResponsibility;
  line: number;
  /** Index of the clause paragraph holding the note (its last, or a note printed as a paragraph of its own). */
  paragraph: number;
  /** Offset of the note's opening bracket in that paragraph. */
  start: number;
  /**
   * A note printed as labelled lines of its own (牵头单位：A ⏎ 配合单位：B) is read as one: each line's paragraph,
   * its offset there and where it starts in the text read (`offset`); null for a note in one paragraph.
   */
  lines: { paragraph: number; start: number; offset: number }[] | null;
}

/** A printed name with the line of its first mention and how often it is printed. */
interface PrintedName {
  name: string;
  firstLine: number;
  count: number;
  resolution: Resolution;
  /** Merge key after typo correction. */
  key: string;
  /** True when the name misspells the jurisdiction's own name (市生态环境局菜芜分局 in the 莱芜 plan). */
  typo: boolean;
}

const sameName = (a: string, b: string): boolean => foldForRecognition(a) === foldForRecognition(b);

/**
 * Whether `text` at `at` differs from `own` (which fits there) in exactly one UTF-16 unit. Compared in place,
 * by code: every name of a plan is tried at each of its positions.
 */
function differsByOneCharacterAt(text: string, at: number, own: string): boolean {
  let differences = 0;
  for (let i = 0; i < own.length && differences < 2; i++)
    if (text.charCodeAt(at + i) !== own.charCodeAt(i)) differences++;
  return differences === 1;
}

/**
 * The merge key a name would have with one slipped character of the jurisdiction's name put right, when that
 * key belongs to another printed name; else null. Comparing with the region name keeps this generic, and
 * requiring the corrected form to be attested keeps 人民银行贵阳中心支行 in the 贵州 plan as printed.
 */
function correctedKey(
  entry: PrintedName,
  jurisdiction: Jurisdiction,
  resolver: DepartmentResolver,
  attested: ReadonlyMap<string, number>,
): string | null {
  const folded = foldForRecognition(entry.name);
  const ownNames = [jurisdiction.region, jurisdiction.core].filter(
    (n): n is string => n !== null && n.length >= 2,
  );
  for (const own of ownNames) {
    for (let i = 0; i + own.length <= folded.length; i++) {
      if (!differsByOneCharacterAt(folded, i, own)) continue;
      const candidate = entry.name.slice(0, i) + own + entry.name.slice(i + own.length);
      const key = resolver.resolve(candidate).key;
      const others = (attested.get(key) ?? 0) - (key === entry.resolution.key ? 1 : 0);
      if (key !== entry.resolution.key && others > 0) return key;
    }
  }
  return null;
}

/** The collective phrases of a catalogue, compiled once however many plans use it. */
const compiledCollectives = new WeakMap<DepartmentCatalogue, CollectiveMatcher>();
function collectivesOf(catalogue: DepartmentCatalogue): CollectiveMatcher {
  let matcher = compiledCollectives.get(catalogue);
  if (!matcher) {
    matcher = compileCollectives(catalogue.collectives);
    compiledCollectives.set(catalogue, matcher);
  }
  return matcher;
}

/** Step 1: the closing note of every clause (null where there is none), read, with where it was found. */
function readNotes(
  clauses: readonly Clause[],
  file: string,
  collectives: CollectiveMatcher,
  warnings: Warning[],
): (FoundNote | null)[] {
  return mapPacked(clauses, (clause) => {
    const found = closingNote(clause.paragraphs);
    if (!found) return null;
    const { paragraph, note } = found;
    const above = labelledLinesAbove(clause.paragraphs, paragraph, note);
    const lines = above.length === 0 ? null : [...above, { paragraph, note }];
    // Labelled lines are read as the one note they are (a 责任单位 beside a 牵头单位 is not the lead), joined
    // by the separator 牵头单位：A；配合单位：B prints between labels on one line.
    const text = lines ? lines.map((line) => line.note.text).join('；') : note.text;
    const parsed = parseResponsibility(
      text,
      collectives,
      lines ? lines.map((l) => l.note.folded).join(';') : note.folded,
    );
    for (const problem of parsed.problems) {
      warnings.push({ file, line: clause.endLine, message: `responsibility note ${text}: ${problem}` });
    }
    let offset = 0;
    const placed = lines?.map((line) => {
      const at = { paragraph: line.paragraph, start: line.note.start, offset };
      offset += line.note.text.length + 1;
      return at;
    });
    return { parsed, line: clause.endLine, paragraph, start: note.start, lines: placed ?? null };
  });
}

/**
 * The note closing a clause: at the end of its last paragraph, or else a paragraph that is nothing but a
 * labelled note (责任单位：A、B on its own line) with only plain text after it — county plans print the note as
 * its own line under the clause’s text, sometimes with a remark below it. The one nearest the end wins.
 */
function closingNote(
  paragraphs: readonly string[],
): { paragraph: number; note: { text: string; start: number; folded: string } } | null {
  const lastIndex = paragraphs.length - 1;
  const last = paragraphs[lastIndex];
  if (last === undefined) return null;
  const note = findResponsibilityNote(last);
  if (note) return { paragraph: lastIndex, note };
  for (let index = lastIndex - 1; index >= 0; index--) {
    const whole = findResponsibilityNote(paragraphs[index] as string);
    if (whole && whole.start === 0 && ROLE_LABEL.test(whole.folded)) return { paragraph: index, note: whole };
  }
  return null;
}

/**
 * The labelled lines right above a closing note that is a labelled line itself (牵头单位：A above 配合单位：B),
 * nearest last: each a paragraph that is nothing but a labelled note. Empty for any other note.
 */
function labelledLinesAbove(
  paragraphs: readonly string[],
  index: number,
  note: { text: string; start: number; folded: string },
): { paragraph: number; note: { text: string; start: number; folded: string } }[] {
  if (!isLabelledLine(paragraphs[index] as string, note)) return [];
  const lines: { paragraph: number; note: { text: string; start: number; folded: string } }[] = [];
  for (let above = index - 1; above >= 0; above--) {
    const text = paragraphs[above] as string;
    const found = findResponsibilityNote(text);
    if (!found || !isLabelledLine(text, found)) break;
    lines.unshift({ paragraph: above, note: found });
  }
  return lines;
}

/** Whether a paragraph is nothing but a labelled note (责任单位：A、B, a full stop after it at most). */
function isLabelledLine(paragraph: string, note: { text: string; start: number; folded: string }): boolean {
  return (
    note.start === 0 && ROLE_LABEL.test(note.folded) && /^[\s。.]*$/.test(paragraph.slice(note.text.length))
  );
}

/** Step 2: every distinct printed name, in order of first mention, resolved and counted. */
function collectPrintedNames(
  notes: readonly (FoundNote | null)[],
  resolver: DepartmentResolver,
): Map<string, PrintedName> {
  const printed = new Map<string, PrintedName>();
  for (const note of notes) {
    for (const mention of note?.parsed.mentions ?? []) {
      const known = printed.get(mention.name);
      if (known) known.count++;
      else {
        const resolution = resolver.resolve(mention.name);
        const line = note?.line ?? 0;
        printed.set(mention.name, {
          name: mention.name,
          firstLine: line,
          count: 1,
          resolution,
          key: resolution.key,
          typo: false,
        });
      }
    }
  }
  return printed;
}

/** Step 3: names misspelling the jurisdiction's own name take the key of the attested correct form. */
function correctTypos(
  printed: ReadonlyMap<string, PrintedName>,
  jurisdiction: Jurisdiction,
  resolver: DepartmentResolver,
): void {
  const attested = new Map<string, number>();
  for (const entry of printed.values()) attested.set(entry.key, (attested.get(entry.key) ?? 0) + 1);
  for (const entry of printed.values()) {
    const corrected = correctedKey(entry, jurisdiction, resolver, attested);
    if (corrected !== null) {
      entry.key = corrected;
      entry.typo = true;
    }
  }
}

/**
 * Step 4: one Department per merge key, named by its most frequent correctly spelled printed form, with the
 * id of every printed name. Unknown departments are warned about at their first mention.
 */
function buildDepartments(
  printed: ReadonlyMap<string, PrintedName>,
  catalogue: DepartmentCatalogue,
  file: string,
  warnings: Warning[],
): { departments: Department[]; idByName: Map<string, string> } {
  // Group by key; the group's order is that of its first mention.
  const groups = new Map<string, PrintedName[]>();
  for (const entry of printed.values()) {
    const group = groups.get(entry.key);
    if (group) group.push(entry);
    else groups.set(entry.key, [entry]);
  }
  const entities = mapPacked([...groups.values()], (group) => {
    const correct = group.filter((entry) => !entry.typo);
    const pool = correct.length > 0 ? correct : group;
    // Stable sort: on equal counts the first printed form stays first.
    const canonical = [...pool].sort((a, b) => b.count - a.count)[0] as PrintedName;
    return { group, canonical };
  });
  const ids = departmentIds(
    mapPacked(entities, ({ canonical }) => ({
      name: canonical.name,
      prefixLength: canonical.resolution.prefixLength,
      category: canonical.resolution.category,
    })),
    catalogue.readings,
  );

  const idByName = new Map<string, string>();
  const departments: Department[] = mapPacked(entities, ({ group, canonical }, index) => {
    const id = ids[index] as string;
    for (const entry of group) idByName.set(entry.name, id);
    const category = canonical.resolution.category;
    if (category === OTHER_CATEGORY) {
      warnings.push({
        file,
        line: canonical.firstLine,
        message: `unknown department “${canonical.name}”: category ${OTHER_CATEGORY}; add a rule to content/departments.yaml`,
      });
    }
    const aliases = group
      .filter((entry) => entry !== canonical && !sameName(entry.name, canonical.name))
      .map((e) => e.name);
    return { id, name: canonical.name, aliases, category };
  });
  return { departments, idByName };
}

/**
 * Step 5: each clause with a note gets its Responsibility: mentions with department ids and ranges, and
 * implementers, carrying standing implementers (以下均需…落实，不再列出) to every later clause with a note.
 */
function fillResponsibilities(
  clauses: readonly Clause[],
  notes: readonly (FoundNote | null)[],
  idByName: ReadonlyMap<string, string>,
): Clause[] {
  let standing: string[] | null = null;
  return mapPacked(clauses, (clause, index): Clause => {
    const note = notes[index];
    if (!note) return clause;
    const { parsed } = note;
    const own = parsed.implementers;
    let implementers = [...own];
    let inherited = false;
    if (standing) {
      for (const name of standing) {
        if (!implementers.some((known) => sameName(known, name))) {
          implementers.push(name);
          inherited = true;
        }
      }
    }
    if (parsed.standingImplementers) {
      // The declaring clause is the first of "以下": its own wording names them, so nothing is inherited.
      if (own.length === 0 && !inherited) implementers = [...parsed.standingImplementers];
      standing = parsed.standingImplementers;
    }
    const departmentsOfClause: DepartmentMention[] = mapPacked(parsed.mentions, (mention) => {
      // In a note of several lines, the line holding the name (the last one starting at or before it).
      let at = { paragraph: note.paragraph, start: note.start, offset: 0 };
      for (const line of note.lines ?? []) if (line.offset <= mention.start) at = line;
      return {
        name: mention.name,
        departmentId: idByName.get(mention.name) as string,
        role: mention.role,
        roleWording: mention.roleWording,
        range: {
          paragraph: at.paragraph,
          start: at.start + mention.start - at.offset,
          end: at.start + mention.end - at.offset,
        },
      };
    });
    // The note's text is its closing line as printed (the lines above it are where their names' ranges say).
    const closing = note.lines ? parsed.text.slice(note.lines[note.lines.length - 1]!.offset) : parsed.text;
    const responsibility: Responsibility = {
      text: closing,
      range: { paragraph: note.paragraph, start: note.start, end: note.start + closing.length },
      departments: departmentsOfClause,
      implementers,
      implementersInherited: inherited,
    };
    return { ...clause, responsibility };
  });
}

/**
 * Fills clause.responsibility for every clause whose last paragraph ends in a responsibility note, applies
 * standing implementers (以下均需…落实，不再列出) to every later clause with a note (implementersInherited=true),
 * and returns one Department entity per department of this plan's jurisdiction with aliases merged. Entity
 * `name` is the most frequent correctly spelled printed form (first printed wins a tie), `aliases` the other
 * printed forms. Unknown departments get category `other` and a warning at their first mention; unreadable
 * parts of a note are warned about at the clause's last line (where its note is).
 */
export function assignResponsibilities(input: AssignResponsibilitiesInput): AssignResponsibilitiesResult {
  const { clauses, region, level, file, catalogue } = input;
  const warnings: Warning[] = [];
  const jurisdiction = jurisdictionOf(region, level);
  const resolver = new DepartmentResolver(catalogue, jurisdiction);
  const notes = readNotes(clauses, file, collectivesOf(catalogue), warnings);
  const printed = collectPrintedNames(notes, resolver);
  correctTypos(printed, jurisdiction, resolver);
  const { departments, idByName } = buildDepartments(printed, catalogue, file, warnings);
  return { clauses: fillResponsibilities(clauses, notes, idByName), departments, warnings };
}

/**
 * The plan model as a document: what the plan page shows, in reading order, as plain data.
 *
 * Seed text reaches the page as data, never as source code of another language: the tree holds the plan's
 * own strings, and the site's components render them as text (Astro escapes every expression), so no seed
 * can inject markup and no escaping can multiply the input. (An earlier design wrote MDX with every syntax
 * character turned into a character reference; a 1 MB line full of `{ } < > &` then took gigabytes to parse.)
 *
 * Sections: front matter (`front`), every clause (`clause`, whose id is the HTML id and permalink fragment),
 * every annex (`annex`). Blocks: headings (a chapter or annex label at level 2, a section or annex title at
 * level 3), paragraphs, and annex tables (cells come from the model by id). Inline nodes: text (a line break
 * inside a block stays `\n`), the printed clause number, a run-in heading, the responsibility note, and the
 * department and target links from the ranges the recognisers recorded (`clauseSpans`, src/lib/links.ts).
 */
import { assertClauseRanges, clauseSpans, type Span } from '../links';
import type { Annex, Clause, FrontBlock, Plan, Role, TextRange } from '../model/plan';
import { danglingReferences } from './references';

export { danglingReferences, assertReferences, UNCLASSIFIED, type Vocabularies } from './references';

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'number'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'responsibility'; children: Inline[] }
  /** `role` is the one the clause's note gives (null where none is printed). */
  | {
      kind: 'department';
      departmentId: string;
      role: Role | null;
      /** The role word as the note prints it (按职责分工负责, 协助…), which the page shows; null if none. */
      roleWording: string | null;
      text: string;
    }
  | { kind: 'target'; targetId: string; text: string };

export type Block =
  | { kind: 'heading'; level: 2 | 3; children: Inline[] }
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'table'; tableId: string };

export type Section =
  | { kind: 'front'; front: FrontBlock['kind']; blocks: Block[] }
  | { kind: 'clause'; clauseId: string; blocks: Block[] }
  | { kind: 'annex'; annexId: string; blocks: Block[] };

/** True when the text has something to show (a blank paragraph is left out, as a browser would show it). */
export function hasText(text: string): boolean {
  return text.trim() !== '';
}

function text(value: string): Inline[] {
  return value === '' ? [] : [{ kind: 'text', text: value }];
}

/** Text of `[from, to)` with the spans inside it as links; spans crossing the range are not linked. */
function rangeInlines(value: string, from: number, to: number, spans: readonly Span[]): Inline[] {
  const out: Inline[] = [];
  let at = from;
  for (const span of spans) {
    if (span.start < at || span.end > to) continue;
    out.push(...text(value.slice(at, span.start)));
    const inner = value.slice(span.start, span.end);
    out.push(
      span.kind === 'department'
        ? {
            kind: 'department',
            departmentId: span.departmentId,
            role: span.role,
            roleWording: span.roleWording,
            text: inner,
          }
        : { kind: 'target', targetId: span.targetId, text: inner },
    );
    at = span.end;
  }
  return [...out, ...text(value.slice(at, to))];
}

/** A paragraph's text with its links, the responsibility note wrapped when `note` is set (it is here). */
function paragraphInlines(
  value: string,
  from: number,
  spans: readonly Span[],
  note: TextRange | null,
): Inline[] {
  if (note === null || note.start < from) return rangeInlines(value, from, value.length, spans);
  const { start: resp, end } = note;
  return [
    ...rangeInlines(value, from, resp, spans),
    { kind: 'responsibility', children: rangeInlines(value, resp, end, spans) },
    ...rangeInlines(value, end, value.length, spans),
  ];
}

const FULL_STOP = /^[。．.]/;

/**
 * How much of the first paragraph is the clause's heading: the heading and the full stop after it. Returns 0
 * when the paragraph does not start with the heading. A chapter or section without a recorded heading whose
 * first paragraph is one short sentence without a full stop is all heading (一、总体要求).
 */
export function headingLength(clause: Clause): number {
  const first = clause.paragraphs[0] ?? '';
  if (clause.heading !== null && clause.heading !== '' && first.startsWith(clause.heading)) {
    const stop = FULL_STOP.exec(first.slice(clause.heading.length));
    return clause.heading.length + (stop ? stop[0].length : 0);
  }
  if (clause.heading === null && (clause.kind === 'chapter' || clause.kind === 'section')) {
    return !/[。．]/.test(first) && first.length <= 60 ? first.length : 0;
  }
  return 0;
}

function numberInlines(clause: Clause): Inline[] {
  return clause.number === null ? [] : [{ kind: 'number', text: clause.number }];
}

function clauseSection(clause: Clause, plan: Plan): Section {
  const spans = clauseSpans(clause, plan.targets);
  const note = clause.responsibility?.range ?? null;
  const blocks: Block[] = [];
  const titled = clause.kind === 'chapter' || clause.kind === 'section';
  const lead = headingLength(clause);

  clause.paragraphs.forEach((value, p) => {
    const own = spans[p] ?? [];
    const respHere = note !== null && note.paragraph === p ? note : null;
    if (p !== 0) {
      if (hasText(value))
        blocks.push({ kind: 'paragraph', children: paragraphInlines(value, 0, own, respHere) });
      return;
    }
    if (titled && (lead > 0 || !hasText(value))) {
      const level = clause.kind === 'chapter' ? 2 : 3;
      blocks.push({
        kind: 'heading',
        level,
        children: [...numberInlines(clause), ...rangeInlines(value, 0, lead, own)],
      });
      if (hasText(value.slice(lead)))
        blocks.push({ kind: 'paragraph', children: paragraphInlines(value, lead, own, respHere) });
      return;
    }
    const head: Inline[] = lead > 0 ? [{ kind: 'strong', children: rangeInlines(value, 0, lead, own) }] : [];
    blocks.push({
      kind: 'paragraph',
      children: [...numberInlines(clause), ...head, ...paragraphInlines(value, lead, own, respHere)],
    });
  });
  if (clause.paragraphs.length === 0 && clause.number !== null)
    blocks.push({ kind: 'paragraph', children: numberInlines(clause) });
  return { kind: 'clause', clauseId: clause.id, blocks };
}

/** Splits a block of text into paragraphs at blank lines; single line breaks stay inside a paragraph. */
function paragraphsOf(value: string): string[] {
  return value.split(/\n[ \t\u3000]*\n/).filter(hasText);
}

function paragraphBlock(value: string): Block {
  return { kind: 'paragraph', children: text(value) };
}

/** Front blocks of one kind in a row form one section, as they read on paper. */
function frontSections(front: readonly FrontBlock[]): Section[] {
  const groups: FrontBlock[][] = [];
  for (const block of front) {
    const last = groups.at(-1);
    if (last && last[0]?.kind === block.kind) last.push(block);
    else groups.push([block]);
  }
  return groups.map((group) => ({
    kind: 'front',
    front: (group[0] as FrontBlock).kind,
    blocks: group.flatMap((b) => paragraphsOf(b.text)).map(paragraphBlock),
  }));
}

function annexSection(annex: Annex): Section {
  const blocks: Block[] = [{ kind: 'heading', level: 2, children: text(annex.label) }];
  if (annex.title !== null && hasText(annex.title))
    blocks.push({ kind: 'heading', level: 3, children: text(annex.title) });
  for (const block of annex.blocks) {
    if (block.type === 'table') blocks.push({ kind: 'table', tableId: block.id });
    else blocks.push(...paragraphsOf(block.text).map(paragraphBlock));
  }
  return { kind: 'annex', annexId: annex.id, blocks };
}

/**
 * The document of one plan: front matter, every clause and every annex in reading order. Throws when the plan
 * has a dangling internal reference (a department mention without its department, a target citing a clause
 * the plan lacks), naming the clause.
 */
export function planDocument(plan: Plan): Section[] {
  const problems = danglingReferences(plan);
  if (problems.length > 0)
    throw new Error(`planDocument: dangling cross-references:\n${problems.join('\n')}`);
  return [
    ...frontSections(plan.front),
    ...plan.clauses.map((clause) => clauseSection(clause, plan)),
    ...plan.annexes.map(annexSection),
  ];
}

/**
 * Throws when `planDocument(plan)` would, without building the document: ingest's check that a plan it keeps
 * can be shown, at a fraction of the cost (the document was a sixth of a parse's allocations, made to be
 * thrown away). `planDocument` throws on a dangling reference and, through `clauseSpans`, on a range recorded
 * in a paragraph its clause lacks; nothing else in it throws on a plan the model accepts. A caller that has the
 * plan's dangling references already (found with vocabularies, which only add problems) passes them.
 */
export function assertShowable(plan: Plan, problems: readonly string[] = danglingReferences(plan)): void {
  if (problems.length > 0)
    throw new Error(`planDocument: dangling cross-references:\n${problems.join('\n')}`);
  for (const clause of plan.clauses) assertClauseRanges(clause, plan.targets);
}

/** Every character of seed text an inline node shows, in order (for conservation checks). */
export function inlineText(nodes: readonly Inline[]): string {
  return nodes
    .map((node) =>
      node.kind === 'strong' || node.kind === 'responsibility' ? inlineText(node.children) : node.text,
    )
    .join('');
}

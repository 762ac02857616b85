/**
 * The plan model as MDX: one document per plan, rendered by the site through a content collection.
 *
 * The MDX stays lean — the plan's text plus a few components that receive ids, never data: the site looks
 * the clause, department, target or table up in the plan model. Every piece of seed text is escaped
 * (see `escape.ts`), so no seed can break the MDX or inject markup.
 *
 * Components the site must provide (see src/components/mdx/):
 * - `<Front kind="notice|lead|label|title|subtitle">`: front matter before the plan body.
 * - `<Clause id>`: one clause of the body; its `id` is the clause id, the HTML id and the permalink fragment.
 * - `<Heading level>`: a chapter (2) or section (3) title, or an annex label (2) and title (3).
 * - `<Annex id>` and `<Table id>`: an annex and one of its tables (cells come from the model by id).
 * - `<D id r w>`: a department named in a responsibility note, `r` its role in this clause (for styling and
 *   data), `w` the role word as the note prints it (按职责分工负责, 协助…), which the page shows.
 * - `<T id>`: a target value stated in the text.
 * Plain elements: `<span class="n">` (printed number), `<strong>` (run-in heading), `<span class="resp">`
 * (responsibility note), `<br />` (line break inside a block).
 */
import { clauseSpans, type Span } from '../links';
import type { Annex, Clause, FrontBlock, Plan, TextRange } from '../model/plan';
import { attribute, escapeMdxText, hasText, wordsAttribute } from './escape';
import { danglingReferences } from './references';

export { escapeMdxText } from './escape';
export { danglingReferences, assertReferences, UNCLASSIFIED, type Vocabularies } from './references';

/** Text of `[from, to)` with the spans inside it as components; spans crossing the range are not linked. */
function renderRange(text: string, from: number, to: number, spans: readonly Span[]): string {
  let out = '';
  let at = from;
  for (const span of spans) {
    if (span.start < at || span.end > to) continue;
    out += escapeMdxText(text.slice(at, span.start));
    const inner = escapeMdxText(text.slice(span.start, span.end));
    const role = span.kind === 'department' && span.role !== null ? ` r=${attribute(span.role)}` : '';
    const words =
      span.kind === 'department' && span.roleWording !== null ? wordsAttribute(span.roleWording) : null;
    const wording = words === null ? '' : ` w=${words}`;
    out +=
      span.kind === 'department'
        ? `<D id=${attribute(span.departmentId)}${role}${wording}>${inner}</D>`
        : `<T id=${attribute(span.targetId)}>${inner}</T>`;
    at = span.end;
  }
  return out + escapeMdxText(text.slice(at, to));
}

/** A paragraph's text with its links, the responsibility note wrapped when `note` is set (it is here). */
function renderParagraph(text: string, from: number, spans: readonly Span[], note: TextRange | null): string {
  if (note === null || note.start < from) return renderRange(text, from, text.length, spans);
  const { start: resp, end } = note;
  return (
    renderRange(text, from, resp, spans) +
    `<span class="resp">${renderRange(text, resp, end, spans)}</span>` +
    renderRange(text, end, text.length, spans)
  );
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

function numberMarkup(clause: Clause): string {
  return clause.number === null ? '' : `<span class="n">${escapeMdxText(clause.number)}</span>`;
}

function clauseMdx(clause: Clause, plan: Plan): string {
  const spans = clauseSpans(clause, plan.targets);
  const note = clause.responsibility?.range ?? null;
  const blocks: string[] = [];
  const titled = clause.kind === 'chapter' || clause.kind === 'section';
  const lead = headingLength(clause);

  clause.paragraphs.forEach((text, p) => {
    const own = spans[p] ?? [];
    const respHere = note !== null && note.paragraph === p ? note : null;
    if (p !== 0) {
      if (hasText(text)) blocks.push(renderParagraph(text, 0, own, respHere));
      return;
    }
    if (titled && (lead > 0 || !hasText(text))) {
      const level = clause.kind === 'chapter' ? 2 : 3;
      blocks.push(
        `<Heading level="${level}">${numberMarkup(clause)}${renderRange(text, 0, lead, own)}</Heading>`,
      );
      if (hasText(text.slice(lead))) blocks.push(renderParagraph(text, lead, own, respHere));
      return;
    }
    const head = lead > 0 ? `<strong>${renderRange(text, 0, lead, own)}</strong>` : '';
    blocks.push(numberMarkup(clause) + head + renderParagraph(text, lead, own, respHere));
  });
  if (clause.paragraphs.length === 0 && clause.number !== null) blocks.push(numberMarkup(clause));
  return [`<Clause id=${attribute(clause.id)}>`, ...blocks, '</Clause>'].join('\n\n');
}

/** Splits a block of text into paragraphs at blank lines; single line breaks stay inside a paragraph. */
function paragraphsOf(text: string): string[] {
  return text.split(/(?:\r\n|\r|\n)[ \t\u3000]*(?:\r\n|\r|\n)/).filter(hasText);
}

function frontMdx(front: readonly FrontBlock[]): string[] {
  const groups: FrontBlock[][] = [];
  for (const block of front) {
    const last = groups.at(-1);
    if (last && last[0]?.kind === block.kind) last.push(block);
    else groups.push([block]);
  }
  return groups.map((group) => {
    const kind = (group[0] as FrontBlock).kind;
    const paragraphs = group.flatMap((b) => paragraphsOf(b.text)).map(escapeMdxText);
    return [`<Front kind=${attribute(kind)}>`, ...paragraphs, '</Front>'].join('\n\n');
  });
}

function annexMdx(annex: Annex): string {
  const blocks: string[] = [`<Heading level="2">${escapeMdxText(annex.label)}</Heading>`];
  if (annex.title !== null && hasText(annex.title))
    blocks.push(`<Heading level="3">${escapeMdxText(annex.title)}</Heading>`);
  for (const block of annex.blocks) {
    if (block.type === 'table') blocks.push(`<Table id=${attribute(block.id)} />`);
    else blocks.push(...paragraphsOf(block.text).map(escapeMdxText));
  }
  return [`<Annex id=${attribute(annex.id)}>`, ...blocks, '</Annex>'].join('\n\n');
}

/**
 * The MDX document of one plan: front matter, every clause and every annex in reading order, all seed text
 * escaped. Throws when the plan has a dangling internal reference (a department mention without its
 * department, a target citing a clause the plan lacks), naming the clause.
 */
export function planToMdx(plan: Plan): string {
  const problems = danglingReferences(plan);
  if (problems.length > 0) throw new Error(`planToMdx: dangling cross-references:\n${problems.join('\n')}`);
  const parts = [
    '{/* Generated by planToMdx (src/lib/mdx) from the plan model. Do not edit: rewritten on every build. */}',
    ...frontMdx(plan.front),
    ...plan.clauses.map((clause) => clauseMdx(clause, plan)),
    ...plan.annexes.map(annexMdx),
  ];
  return `${parts.join('\n\n')}\n`;
}

import type { Plan } from './plan';

/**
 * Every piece of a plan's text in reading order: front blocks, each clause's number and paragraphs, each
 * annex's label, title, paragraphs and table cells. The conservation test compares this with the seed, and
 * the site test compares it with the rendered page.
 */
export function* readingOrder(plan: Plan): Generator<string> {
  for (const block of plan.front) yield block.text;
  for (const clause of plan.clauses) {
    if (clause.number) yield clause.number;
    yield* clause.paragraphs;
  }
  for (const annex of plan.annexes) {
    yield annex.label;
    if (annex.title) yield annex.title;
    for (const block of annex.blocks) {
      if (block.type === 'paragraph') yield block.text;
      else for (const row of block.rows) yield* row;
    }
  }
}

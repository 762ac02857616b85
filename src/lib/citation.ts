/**
 * How a clause is cited when a reader copies it: the document (issuer, title, status, 文号, date), the
 * clause's printed number and heading, and its permalink. Only what the model holds is said: a plan without
 * a known issuer or date is cited without them, never with a guess. Pure, so every page, the copy buttons
 * and the tests build the same text.
 */
import type { Annex, Clause, Plan } from './model/plan';
import { chineseDate, PREAMBLE, STATUS } from './vocabulary';

type PlanFacts = Pick<Plan, 'title' | 'issuer' | 'issued' | 'status' | 'documentNumber'>;
type ClauseFacts = Pick<
  Clause,
  'id' | 'kind' | 'number' | 'citation' | 'heading' | 'paragraphs' | 'parentId'
>;

/** The heading without its closing 。 (sections print 交通物流节能减排工程。 and run on into their text). */
function bareHeading(heading: string | null): string | null {
  const bare = heading?.replace(/[。．.\s]+$/, '').trim() ?? '';
  return bare === '' ? null : bare;
}

/**
 * The document as cited: `重庆市黔江区人民政府《黔江区“十四五”节能减排综合工作实施方案》（黔江府发〔2023〕12号，
 * 2023年5月4日印发）`; a draft says so first: `《…》（征求意见稿）`.
 */
export function documentCitation(plan: PlanFacts): string {
  const date = chineseDate(plan.issued);
  const facts = [
    plan.status === 'draft' ? STATUS.draft : null,
    plan.documentNumber,
    date === null ? null : plan.status === 'draft' ? date : `${date}印发`,
  ].filter((fact): fact is string => fact !== null);
  return `${plan.issuer ?? ''}《${plan.title}》${facts.length > 0 ? `（${facts.join('，')}）` : ''}`;
}

/** How many of a clause's own paragraphs carry text beyond its heading (一、总体要求 carries none). */
function bodyParagraphs(clause: ClauseFacts): number {
  const heading = bareHeading(clause.heading);
  return clause.paragraphs.filter((p) => heading === null || p.replace(/[。．.\s]+$/, '').trim() !== heading)
    .length;
}

/**
 * The clause as a reader finds it on paper: `三（四）“交通物流节能减排工程”`, `三（四）3`, `序言`. An unnumbered
 * paragraph is cited by its place under its heading (`一“总体要求”第1段`), so a chapter heading and the text
 * under it never share a citation.
 */
export function clauseReference(clause: ClauseFacts, parent: ClauseFacts | null): string {
  if (clause.kind === 'preamble') return PREAMBLE;
  if (clause.kind === 'annex-list') return '附件目录';
  if (clause.kind === 'paragraph' && parent) {
    const ordinal = Number(/-p(\d+)$/.exec(clause.id)?.[1] ?? 1) + bodyParagraphs(parent);
    return `${clauseReference(parent, null)}第${ordinal}段`;
  }
  const heading = bareHeading(clause.heading);
  return heading === null ? clause.citation : `${clause.citation}“${heading}”`;
}

/** `附件1“重点任务分工表”`. */
export function annexReference(annex: Pick<Annex, 'label' | 'title'>): string {
  return annex.title ? `${annex.label}“${annex.title}”` : annex.label;
}

/**
 * The full citation from its parts: document citation, clause reference, permalink. The copy buttons call
 * this in the browser with the parts the page carries, so the text is built one way everywhere.
 */
export function citationText(document: string, reference: string, permalink: string): string {
  return `${document}${reference}。链接：${permalink}`;
}

export function fullCitation(plan: PlanFacts, reference: string, permalink: string): string {
  return citationText(documentCitation(plan), reference, permalink);
}

/** The clause's own words as printed: its number marker, then its paragraphs one per line. */
export function clauseQuote(clause: Pick<Clause, 'number' | 'paragraphs'>): string {
  return `${clause.number ?? ''}${clause.paragraphs.join('\n')}`;
}

/** 复制原文（含引用）: the quoted text, then its citation on a line of its own. */
export function quoteWithCitation(quote: string, citation: string): string {
  return `${quote}\n——${citation}`;
}

/** A clause's reference within its plan (its parent looked up for an unnumbered paragraph). */
export function referenceOf(plan: Pick<Plan, 'clauses'>, clause: ClauseFacts): string {
  const parent =
    clause.parentId === null ? null : (plan.clauses.find((c) => c.id === clause.parentId) ?? null);
  return clauseReference(clause, parent);
}

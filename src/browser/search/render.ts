/**
 * Drawing results: one list item per clause (printed number, heading, plan, how it matched, excerpts with
 * the matches marked; an annex table's matching rows with their column labels), the status line, and the
 * counts in the filter options. Text only goes in as text nodes, never as HTML. A result's text is folded
 * here, so its caller has awaited `foldReady` for it (fold-on-demand.ts).
 */
import {
  buildFragments,
  matchSpans,
  tableRowsWithMatches,
  type ExcerptPart,
} from '../../lib/search/browser/excerpt';
import { foldQuery } from '../../lib/search/browser/fold-on-demand';
import type { ParsedQuery } from '../../lib/search/browser/query';
import type { Ranked } from '../../lib/search/browser/rank';
import { runsOf } from '../../lib/search/browser/tokens';
import type { FilterKey } from '../../lib/search/browser/record-meta';
import type { FilterCounts, Outcome } from './engine';
import type { Filters, ResultData } from './pagefind';

/** How a shown result matched: the label a reader sees. */
export type Match = 'literal' | 'synonym' | 'department' | 'near' | 'related';

export const MATCH_LABEL: Record<Match, string> = {
  literal: '包含',
  synonym: '同义词',
  department: '部门别名',
  near: '相近',
  related: '相关',
};

/**
 * What a result is labelled. 包含 only when every term's own wording is found in the shown text: the index
 * makes that so, and this check keeps it so even if the index and the page ever disagree (a result that
 * fails it is shown as 相关). A synonym-tier result is 部门别名 when the query names a department.
 */
export function matchOf(ranked: Ranked, data: ResultData, query: ParsedQuery): Match {
  if (ranked.tier === 'literal') {
    const shown = query.terms.every(
      (term) => matchSpans(data.meta.text, [[term.highlight[0] ?? []]], foldQuery).length > 0,
    );
    return shown ? 'literal' : 'related';
  }
  if (ranked.tier === 'synonym')
    return query.terms.some((t) => t.group?.kind === 'department') ? 'department' : 'synonym';
  if (ranked.tier === 'near') return 'near';
  return 'related';
}

/**
 * Writes “value（count）” into each filter option (values without results are hidden unless selected) and says
 * in `note` what the numbers count; without counts, the plain values.
 */
export function updateCounts(
  selects: ReadonlyMap<FilterKey, HTMLSelectElement>,
  counts: FilterCounts | null,
  filters: Filters,
  note: { element: HTMLElement | null; text: string },
): void {
  if (note.element) note.element.textContent = counts ? note.text : '';
  for (const [key, select] of selects) {
    const values = counts?.values?.[key] ?? null;
    for (const option of select.options) {
      if (!option.value) continue;
      const count = values ? (values[option.value] ?? 0) : null;
      option.textContent = count === null ? option.value : `${option.value}（${count}）`;
      option.hidden = count === 0 && filters[key] !== option.value;
    }
  }
}

function appendParts(parent: HTMLElement, parts: readonly ExcerptPart[]): void {
  for (const part of parts) {
    if (part.mark) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      parent.append(mark);
    } else parent.append(part.text);
  }
}

/** The excerpt of a result: fragments showing every term, or an annex table's matching rows with labels. */
function excerptElement(data: ResultData, query: ParsedQuery, near: readonly string[]): HTMLElement {
  // A near match highlights the wordings it prints (垃圾焚烧发电), not the query it does not.
  const highlights =
    near.length > 0 ? [near.map((w) => runsOf(foldQuery(w)))] : query.terms.map((t) => t.highlight);
  if (data.meta.kind === 'table') {
    const rows = tableRowsWithMatches(
      data.meta.text,
      Number(data.meta.headerRows) || 0,
      highlights,
      foldQuery,
      2,
      data.meta.columns,
    );
    if (rows.length > 0) {
      const list = document.createElement('ul');
      list.className = 'search-hit__rows';
      for (const row of rows) {
        const item = document.createElement('li');
        row.forEach((cell, i) => {
          if (i > 0) item.append('；');
          if (cell.label) {
            const label = document.createElement('span');
            label.className = 'search-hit__column';
            label.textContent = `${cell.label}：`;
            item.append(label);
          }
          appendParts(item, cell.parts);
        });
        list.append(item);
      }
      return list;
    }
  }
  const text = document.createElement('p');
  text.className = 'search-hit__excerpt';
  buildFragments(data.meta.text, highlights, foldQuery).forEach((fragment, i) => {
    if (fragment.before || i > 0) text.append(i > 0 && !fragment.before ? ' ' : '…');
    appendParts(text, fragment.parts);
    if (fragment.after) text.append('…');
  });
  return text;
}

/** The searched words for the clause page to highlight on arrival (`hl`), one per term, as typed. */
export function highlightParam(query: ParsedQuery): string {
  return query.terms.map((t) => t.text).join(' ');
}

/** The link of a result: the clause permalink with the searched words in `hl`, before the fragment. */
export function hitHref(url: string, query: ParsedQuery): string {
  const [path = '', fragment] = url.split('#');
  const hl = new URLSearchParams({ hl: highlightParam(query) }).toString();
  return `${path}${path.includes('?') ? '&' : '?'}${hl}${fragment === undefined ? '' : `#${fragment}`}`;
}

export function hitElement(
  ranked: Ranked,
  data: ResultData,
  query: ParsedQuery,
  near: readonly string[] = [],
): HTMLLIElement {
  const match = matchOf(ranked, data, query);
  const item = document.createElement('li');
  item.className = `search-hit search-hit--${match}`;
  item.dataset['match'] = match;
  const plan = document.createElement('p');
  plan.className = 'search-hit__plan';
  plan.textContent = data.meta.plan;
  // A draft's clause says so in the result too (the record carries the plan's status marks).
  for (const label of (data.meta['status'] ?? '').split('，').filter(Boolean)) {
    const badge = document.createElement('span');
    badge.className = 'badge badge--status';
    badge.textContent = label;
    plan.append(' ', badge);
  }
  const link = document.createElement('a');
  link.href = hitHref(data.url, query);
  link.setAttribute('data-search-hit', '');
  link.className = 'search-hit__link';
  const number = document.createElement('span');
  number.className = 'search-hit__number';
  number.textContent = data.meta.citation;
  link.append(number);
  if (data.meta.heading) link.append(' ', data.meta.heading);
  const title = document.createElement('h2');
  title.className = 'search-hit__title';
  title.append(link);
  const badge = document.createElement('span');
  badge.className = 'search-hit__tier';
  badge.textContent = MATCH_LABEL[match];
  title.append(' ', badge);
  item.append(title, plan, excerptElement(data, query, near));
  return item;
}

/** The searched words, quoted, for messages. */
export function wordsOf(query: ParsedQuery): string {
  return query.terms.map((t) => `“${t.text}”`).join('');
}

/** The status line of an outcome. */
export function describe(outcome: Outcome): string {
  const n = outcome.ranked.length;
  const words = wordsOf(outcome.query);
  const ignored =
    outcome.query.ignored.length > 0
      ? `（已略去${outcome.query.ignored.map((w) => `“${w}”`).join('')}）`
      : '';
  if (n === 0) return `没有找到包含${words}的条款。${ignored}`;
  const literal = outcome.ranked.filter((r) => r.tier === 'literal').length;
  if (literal === 0 && outcome.ranked.every((r) => r.tier === 'near'))
    return `没有找到包含${words}的条款；${n} 个条款有相近的写法。${ignored}`;
  const other = outcome.ranked.filter((r) => r.tier === 'synonym').length;
  const near = outcome.ranked.filter((r) => r.tier === 'near').length;
  const related = n - literal - other - near;
  if (literal === n) return `找到 ${n} 个包含${words}的条款。${ignored}`;
  const through = outcome.query.terms.some((t) => t.group?.kind === 'department') ? '部门别名' : '同义词';
  const parts = [`${literal} 个包含${words}`];
  if (other > 0) parts.push(`${other} 个通过${through}找到`);
  if (near > 0) parts.push(`${near} 个相近（字序相同，中间有其他字或差一个字）`);
  if (related > 0) parts.push(`${related} 个相关`);
  return `找到 ${n} 个条款：${parts.join('，')}。${ignored}`;
}

/**
 * The status while the other bundles are still searched (progressive search): what was found so far, never a
 * total that looks final, and how far the search has got. Said as parts of the search, not "bundles": a
 * reader knows nothing of how the index is split.
 */
export function describePartial(outcome: Outcome, searched: number, total: number): string {
  const n = outcome.ranked.length;
  const literal = outcome.ranked.filter((r) => r.tier === 'literal').length;
  const words = wordsOf(outcome.query);
  const which = literal === n ? `包含${words}的条款` : `条款（其中 ${literal} 个包含${words}）`;
  return `已找到 ${n} 个${which}，其余部分仍在搜索中（已搜索 ${searched}/${total}）…`;
}

/** What the help under the results offers: every way on from here. */
export interface Help {
  /** Names the site knows near the searched wording (did-you-mean), each searched: its clause count and link. */
  proposals: { term: string; count: number; href: string }[];
  /** Near wordings clauses print, each with a link to search it. */
  suggestions: { wording: string; count: number; href: string }[];
  /** The same query without one of the filters, with its result count. */
  withoutFilters: { label: string; count: number; href: string }[];
  /** Compare topics and indicator pages that cover the query. */
  pages: { label: string; href: string }[];
}

function linkItem(text: string, href: string, note = ''): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = href;
  link.textContent = text;
  item.append(link);
  if (note) item.append(note);
  return item;
}

function section(title: string, items: HTMLLIElement[]): HTMLElement[] {
  if (items.length === 0) return [];
  const heading = document.createElement('p');
  heading.className = 'search-next__title';
  heading.textContent = title;
  const list = document.createElement('ul');
  list.append(...items);
  return [heading, list];
}

/** Fills the help box; hides it when there is nothing to offer. */
export function showHelp(box: HTMLElement, help: Help, noLiteral: boolean): void {
  const parts = [
    ...section(
      '你要找的是不是：',
      help.proposals.map((p) => linkItem(p.term, p.href, `（${p.count} 个条款）`)),
    ),
    ...section(
      '去掉筛选条件：',
      help.withoutFilters.map((w) => linkItem(w.label, w.href, `（${w.count} 个结果）`)),
    ),
    ...section(
      '原文中相近的写法：',
      help.suggestions.map((s) => linkItem(s.wording, s.href, `（${s.count} 个条款）`)),
    ),
    ...section(
      '相关页面：',
      help.pages.map((p) => linkItem(p.label, p.href)),
    ),
  ];
  if (noLiteral) {
    const tips = document.createElement('p');
    tips.className = 'search-next__tips';
    tips.textContent =
      '也可以试试：用更短的词（如“公转铁”而不是“公转铁政策”），用空格分开几个词，或换成方案原文的说法。';
    parts.push(tips);
  }
  box.replaceChildren(...parts);
  box.hidden = parts.length === 0;
}

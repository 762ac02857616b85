/**
 * Drawing results: one list item per clause (printed number, heading, plan, how it matched, an excerpt with
 * the matches marked), the status line, and the counts in the filter options. Text only goes in as text
 * nodes, never as HTML.
 */
import { buildExcerpt } from '../../lib/search/browser/excerpt';
import { foldQuery } from '../../lib/search/browser/fold';
import type { ParsedQuery } from '../../lib/search/browser/query';
import type { Ranked } from '../../lib/search/browser/rank';
import type { FilterKey } from '../../lib/search/browser/record-meta';
import type { Counts, Outcome } from './engine';
import type { Filters, ResultData } from './pagefind';

const TIER_NOTE: Record<Ranked['tier'], string | null> = {
  literal: null,
  synonym: '同义词匹配',
  related: '部分匹配',
};

/** Writes “value（count）” into each filter option; values without results are hidden unless selected. */
export function updateCounts(
  selects: ReadonlyMap<FilterKey, HTMLSelectElement>,
  all: Counts | null,
  filters: Filters,
): void {
  for (const [key, select] of selects) {
    const counts = all?.[key] ?? null;
    for (const option of select.options) {
      if (!option.value) continue;
      const count = counts ? (counts[option.value] ?? 0) : null;
      option.textContent = count === null ? option.value : `${option.value}（${count}）`;
      option.hidden = count === 0 && filters[key] !== option.value;
    }
  }
}

export function hitElement(ranked: Ranked, data: ResultData, query: ParsedQuery): HTMLLIElement {
  const item = document.createElement('li');
  item.className = `search-hit search-hit--${ranked.tier}`;
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
  link.href = data.url;
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
  const note = TIER_NOTE[ranked.tier];
  if (note) {
    const badge = document.createElement('span');
    badge.className = 'search-hit__tier';
    badge.textContent = note;
    title.append(' ', badge);
  }
  const excerpt = buildExcerpt(
    data.meta.text,
    query.terms.map((t) => t.highlight),
    foldQuery,
  );
  const text = document.createElement('p');
  text.className = 'search-hit__excerpt';
  if (excerpt.before) text.append('…');
  for (const part of excerpt.parts) {
    if (part.mark) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      text.append(mark);
    } else text.append(part.text);
  }
  if (excerpt.after) text.append('…');
  item.append(title, plan, text);
  return item;
}

/** The status line of an outcome. */
export function describe(outcome: Outcome): string {
  const literal = outcome.ranked.filter((r) => r.tier === 'literal').length;
  const n = outcome.ranked.length;
  const words = outcome.query.terms.map((t) => `“${t.text}”`).join('');
  if (n === 0) return `没有找到包含${words}的条款。`;
  return literal === n
    ? `找到 ${n} 个包含${words}的条款。`
    : `找到 ${n} 个条款：${literal} 个包含${words}，另有 ${n - literal} 个同义或部分匹配。`;
}

/**
 * A plan's comparisons counted, and said in one line: 7 项目标严于全国，1 项弱于全国.
 */
import { NOT_COMPARED, VERDICT } from '../vocabulary';
import type { Verdict } from './schema';
import type { TargetVerdicts } from './verdicts';

export interface VerdictCounts extends Record<Verdict, number> {
  /** Targets with a reference value that is not like for like (the plan's listing of others' values aside). */
  notComparable: number;
}

export function countVerdicts(list: readonly TargetVerdicts[], side: 'national' | 'parent'): VerdictCounts {
  const counts: VerdictCounts = { stricter: 0, equal: 0, weaker: 0, notComparable: 0 };
  for (const entry of list) {
    const comparison = entry[side];
    if (comparison.kind === 'verdict') counts[comparison.verdict]++;
    else if (comparison.kind === 'not-comparable' && comparison.reason !== 'not-own-target')
      counts.notComparable++;
  }
  return counts;
}

/**
 * 7 项目标严于全国，2 项与全国持平，1 项弱于全国；另有 3 项口径不同，未作比较. Null when there is nothing to
 * compare against.
 */
export function verdictSummary(counts: VerdictCounts, whom: string): string | null {
  const parts = (['stricter', 'equal', 'weaker'] as const)
    .filter((verdict) => counts[verdict] > 0)
    .map((verdict, i) => {
      const items = `${counts[verdict]} 项${i === 0 ? '目标' : ''}`;
      return verdict === 'equal' ? `${items}与${whom}持平` : `${items}${VERDICT[verdict]}${whom}`;
    });
  const n = counts.notComparable;
  if (parts.length === 0) return n > 0 ? `${n} 项目标与${whom}${NOT_COMPARED}` : null;
  return n > 0 ? `${parts.join('，')}；另有 ${n} 项${NOT_COMPARED}` : parts.join('，');
}

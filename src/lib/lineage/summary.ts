/**
 * A plan's comparisons counted, and said in one line: 7 项目标严于全国，1 项弱于全国.
 */
import { draftNote, NOT_COMPARED, VERDICT } from '../vocabulary';
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

export interface SummaryLine {
  side: 'national' | 'parent';
  /** 全国, or the parent's name (重庆市; 上级 when it has none). */
  whom: string;
  /** 7 项目标严于全国，1 项弱于全国, with （本方案为征求意见稿） or （济南市方案为征求意见稿） after it. */
  line: string;
}

/**
 * A plan's summary lines, one per reference it has values against (nation, parent). `brief` leaves out the
 * count of pairs that are not like for like, for a listing of many plans.
 */
export function summaryLines(
  verdicts: readonly TargetVerdicts[],
  parentName: string | null,
  { brief = false }: { brief?: boolean } = {},
): SummaryLine[] {
  return [
    { side: 'national' as const, whom: '全国' },
    { side: 'parent' as const, whom: parentName ?? '上级' },
  ].flatMap(({ side, whom }) => {
    const counts = countVerdicts(verdicts, side);
    const line = verdictSummary(brief ? { ...counts, notComparable: 0 } : counts, whom);
    if (line === null) return [];
    // Which side of these comparisons is a 征求意见稿, said once after the line.
    const drafts = new Set(
      verdicts.flatMap((v) => {
        const comparison = v[side];
        return comparison.kind === 'none' ? [] : comparison.drafts;
      }),
    );
    const caveat = [...drafts].map((draft) => draftNote(draft, whom)).join('；');
    return [{ side, whom, line: caveat ? `${line}（${caveat}）` : line }];
  });
}

/**
 * The search page's plan filter names each plan as the site names it elsewhere, a draft as a draft: the option
 * is what a reader picks and what a shared search URL carries (?plan=…). It read 达州市 for the draft, and the
 * draft and the final of one government (two texts, one title) shared one option, so a filter by the plan's
 * name mixed the draft's clauses with the adopted text under a name that did not say so.
 */
import { describe, expect, it } from 'vitest';
import type { PlanSummary } from '../../src/lib/model/plan';
import { planLabels } from '../../src/lib/search/build/records';

const plan = (id: string, region: string | null, title: string, status: 'draft' | 'final') =>
  ({ id, region, title, status }) as PlanSummary;

const GUIZHOU = '贵州省“十四五”节能减排综合工作方案';
const LAIWU = '莱芜区“十四五”节能减排工作实施方案';

describe('planLabels', () => {
  it('a draft’s option says 征求意见稿; the final keeps its plain name', () => {
    const labels = planLabels([
      plan('guizhou-sheng', '贵州省', GUIZHOU, 'final'),
      plan('guizhou-sheng-draft', '贵州省', GUIZHOU, 'draft'),
      plan('dazhou-shi', '达州市', '达州市“十四五”节能减排综合工作实施方案', 'draft'),
    ]);
    expect(Object.fromEntries(labels)).toEqual({
      'guizhou-sheng': '贵州省',
      'guizhou-sheng-draft': '贵州省（征求意见稿）',
      'dazhou-shi': '达州市（征求意见稿）',
    });
  });

  it('plans of one region with different titles are told apart by title; a region unknown says so', () => {
    const labels = planLabels([
      plan('a', '莱芜区', LAIWU, 'final'),
      plan('b', '莱芜区', '莱芜区节能减排补充方案', 'final'),
      plan('c', null, '901_news-copy', 'final'),
    ]);
    expect(Object.fromEntries(labels)).toEqual({
      a: LAIWU,
      b: '莱芜区节能减排补充方案',
      c: '901_news-copy（地区未识别）',
    });
  });
});

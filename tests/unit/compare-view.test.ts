import { describe, expect, it } from 'vitest';
import { loadNationalTemplate, matchTopics } from '../../src/lib/compare';
import { clauseName, clauseSegments, topicClauses } from '../../src/lib/compare/view';
import { planOf } from '../helpers/seeds';

const template = loadNationalTemplate();
const qianjiang = planOf('000_5b537b9a7be6a6a5.txt');
const laiwu = planOf('003_a39c52263945813a.txt');
const langfang = planOf('004_5c114cb50a3ad106.txt');

describe('topicClauses', () => {
  it.each([
    // plan, topic, clauses shown as id:level
    [qianjiang, 'industry-green-upgrade', ['3-1:0', '3-1-1:1', '3-1-2:1']],
    [laiwu, 'economic-policies', ['5-2:0', '5-3:0']],
    [langfang, 'economic-policies', ['4-4:0']],
  ] as const)('%#: %s', (plan, topicId, expected) => {
    const match = matchTopics(plan, template).find((m) => m.topicId === topicId)!;
    expect(topicClauses(plan, match.clauseIds).map(({ clause, level }) => `${clause.id}:${level}`)).toEqual(
      expected,
    );
  });

  it('shows a clause listed twice, or inside another listed one, once', () => {
    expect(topicClauses(qianjiang, ['3-1-1', '3-1', '3-1']).map((s) => s.clause.id)).toEqual([
      '3-1',
      '3-1-1',
      '3-1-2',
    ]);
  });

  it('ignores unknown ids and shows nothing for none', () => {
    expect(topicClauses(qianjiang, ['no-such-clause'])).toEqual([]);
    expect(topicClauses(qianjiang, [])).toEqual([]);
  });
});

describe('clauseSegments', () => {
  it('highlights 黔江 三（六）2’s targets and departments and gives every paragraph back unchanged', () => {
    const clause = qianjiang.clauses.find((c) => c.id === '3-6-2')!;
    const paragraphs = clauseSegments(qianjiang, clause);
    paragraphs.forEach((runs, p) => expect(runs.map((r) => r.text).join('')).toBe(clause.paragraphs[p]));
    const highlighted = paragraphs.flat().filter((r) => r.span !== null);
    expect(highlighted.filter((r) => r.span?.kind === 'target').map((r) => r.text)).toEqual(
      expect.arrayContaining(['4%', '5%']),
    );
    expect(highlighted.some((r) => r.span?.kind === 'department')).toBe(true);
  });
});

describe('clauseName', () => {
  it('is citation and heading as printed', () => {
    expect(clauseName(laiwu.clauses.find((c) => c.id === '3-1')!)).toBe('三（一）强化重点行业节能减排');
  });
});

/**
 * A department's clauses grouped by the role word the plan prints. 贵州's notes print 按职责分工负责 both after a
 * lead (machine role `supporting`) and without one (`responsible`): pages showed two groups under one and the
 * same word (省能源局：按职责分工负责 5 · 按职责分工负责 4), a split the plan does not make.
 */
import { describe, expect, it } from 'vitest';
import type { Clause, Role } from '../../src/lib/model/plan';
import { roleGroups } from '../../src/site/roles';
import type { Mention } from '../../src/site/atlas';

const clause = (id: string, position: number) => ({ id, position }) as unknown as Clause;
const mention = (c: Clause, role: Role, roleWording: string | null): Mention => ({
  clause: c,
  role,
  roleWording,
});

const [c1, c2, c3, c4] = [clause('3-1', 10), clause('3-4', 13), clause('3-5', 14), clause('3-8', 17)];

describe('roleGroups', () => {
  it('one group per printed word, whatever machine roles share it; clauses in reading order', () => {
    const groups = roleGroups([
      mention(c2, 'supporting', '按职责分工负责'),
      mention(c1, 'responsible', '按职责分工负责'),
      mention(c3, 'lead', '牵头'),
      mention(c4, 'responsible', '按职责分工负责'),
    ]);
    expect(groups.map((g) => [g.wording, g.clauses.map((c) => c.id)])).toEqual([
      ['牵头', ['3-5']],
      ['按职责分工负责', ['3-1', '3-4', '3-8']],
    ]);
  });

  it('words that differ stay apart, in the order of their roles; a note without a word gets ours', () => {
    const groups = roleGroups([
      mention(c1, 'supporting', '配合'),
      mention(c2, 'responsible', '负责'),
      mention(c3, 'supporting', null),
      mention(c4, 'lead', '共同牵头'),
    ]);
    expect(groups.map((g) => [g.role, g.wording, g.clauses.length])).toEqual([
      ['lead', '共同牵头', 1],
      ['responsible', '负责', 1],
      ['supporting', '配合', 1],
      ['supporting', '配合单位', 1],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { RARE_LEAD_SHARE, roleUsage } from '../../src/lib/departments/role-usage';
import type { Plan, Role } from '../../src/lib/model/plan';

/** A plan whose clauses name departments in the given roles: one clause per inner list. */
function planWith(clauses: [string, Role][][]): Pick<Plan, 'clauses'> {
  return {
    clauses: clauses.map((mentions) => ({
      responsibility: { departments: mentions.map(([departmentId, role]) => ({ departmentId, role })) },
    })) as unknown as Plan['clauses'],
  };
}

describe('roleUsage: does the plan write 牵头 at all?', () => {
  it.each([
    ['no departments named', [], { lead: 0, responsible: 0, supporting: 0 }, false],
    [
      '牵头 in every clause',
      [
        [
          ['a', 'lead'],
          ['b', 'supporting'],
        ],
        [['a', 'lead']],
      ],
      { lead: 2, responsible: 0, supporting: 1 },
      false,
    ],
    [
      '按职责分工负责 everywhere (廊坊-like): 1 lead in 11',
      [[['a', 'lead']], ...Array.from({ length: 10 }, () => [['b', 'responsible']] as [string, Role][])],
      { lead: 1, responsible: 10, supporting: 0 },
      true,
    ],
    [
      'exactly at the threshold is not rare',
      [[['a', 'lead']], ...Array.from({ length: 9 }, () => [['b', 'responsible']] as [string, Role][])],
      { lead: 1, responsible: 9, supporting: 0 },
      false,
    ],
    [
      'a department named twice in one role counts once',
      [
        [
          ['a', 'lead'],
          ['a', 'lead'],
        ],
      ],
      { lead: 1, responsible: 0, supporting: 0 },
      false,
    ],
  ] as const)('%s', (_name, clauses, counts, rare) => {
    const usage = roleUsage(planWith(clauses as unknown as [string, Role][][]));
    expect(usage.counts).toEqual(counts);
    expect(usage.total).toBe(counts.lead + counts.responsible + counts.supporting);
    expect(usage.leadRare).toBe(rare);
  });

  it('uses a threshold that is a share, not a count', () => {
    expect(RARE_LEAD_SHARE).toBeGreaterThan(0);
    expect(RARE_LEAD_SHARE).toBeLessThan(0.5);
  });
});

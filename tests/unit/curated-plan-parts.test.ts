import { describe, expect, it } from 'vitest';
import { CuratedDataError, parseCuratedYaml } from '../../src/lib/curated/load';
import { loadPlanParts, partNames, PlanPartsFile } from '../../src/lib/curated/plan-knowledge';
import { PlanPart } from '../../src/lib/model/plan';

const VALID = `parts:
  - id: goals
    name: 目标
    patterns: [目标]
  - id: projects
    name: 工程
    patterns: [工程]
  - id: policies
    name: 机制
    patterns: [机制]
  - id: safeguards
    name: 保障
    patterns: [保障]
unheaded:
  - id: preamble
    name: 序
  - id: annex
    name: 附
  - id: other
    name: 他
`;

const parse = (text: string) => parseCuratedYaml(text, 'plan-parts.yaml', PlanPartsFile);

describe('plan parts file', () => {
  it('names every part, headed or not', () => {
    expect(partNames(parse(VALID))).toEqual({
      goals: '目标',
      projects: '工程',
      policies: '机制',
      safeguards: '保障',
      preamble: '序',
      annex: '附',
      other: '他',
    });
  });

  it.each([
    ['a part without a name', VALID.replace('  - id: other\n    name: 他\n', ''), 'part other has no name'],
    ['a part named twice', VALID.replace('id: annex', 'id: goals'), 'part goals is named twice'],
    ['an unknown part', VALID.replace('id: other', 'id: appendix'), 'unheaded.2.id'],
    ['no unheaded list', VALID.slice(0, VALID.indexOf('unheaded:')), 'unheaded'],
  ])('refuses %s', (_, text, message) => {
    expect(() => parse(text)).toThrow(CuratedDataError);
    expect(() => parse(text)).toThrow(message);
  });

  it('content/plan-parts.yaml names every part of the model', () => {
    const names = partNames(loadPlanParts());
    for (const part of PlanPart.options) expect(names[part], part).toMatch(/\p{Script=Han}/u);
  });
});

import { describe, expect, it } from 'vitest';
import { markedName, STATUS_MARKS, statusMarks, statusSuffix, targetMarks } from '../../src/lib/status';

describe('statusMarks: what a reader must be told before quoting a plan', () => {
  it.each([
    ['an adopted plan with its region', { status: 'final', region: '贵州省' }, []],
    ['a draft (征求意见稿)', { status: 'draft', region: '达州市' }, ['draft']],
    ['a plan whose region the text does not name', { status: 'final', region: null }, ['region-unknown']],
    ['a blank region counts as unknown', { status: 'final', region: '  ' }, ['region-unknown']],
    [
      'a draft without a region: both, the draft first',
      { status: 'draft', region: null },
      ['draft', 'region-unknown'],
    ],
  ] as const)('%s', (_name, plan, expected) => {
    expect(statusMarks(plan).map((mark) => mark.id)).toEqual(expected);
  });

  it('labels a draft 征求意见稿, never leaving the label or note empty', () => {
    expect(STATUS_MARKS.draft.label).toBe('征求意见稿');
    for (const mark of Object.values(STATUS_MARKS)) {
      expect(mark.label.length).toBeGreaterThan(0);
      expect(mark.note.length).toBeGreaterThan(mark.label.length);
    }
  });

  it.each([
    [[], ''],
    [[{ label: '征求意见稿' }], '（征求意见稿）'],
    [[{ label: '征求意见稿' }, { label: '地区未识别' }], '（征求意见稿，地区未识别）'],
  ])('statusSuffix(%j) = %j', (marks, suffix) => {
    expect(statusSuffix(marks)).toBe(suffix);
  });
});

describe('markedName: a plan named with its marks, none printed twice', () => {
  it.each([
    ['an adopted plan', '黔江区', { status: 'final', region: '黔江区' }, '黔江区'],
    ['a draft by its region', '达州市', { status: 'draft', region: '达州市' }, '达州市（征求意见稿）'],
    [
      'a draft whose title prints the mark',
      '某县节能减排综合工作方案（征求意见稿）',
      { status: 'draft', region: '某县' },
      '某县节能减排综合工作方案（征求意见稿）',
    ],
    [
      'a draft whose title prints the mark, region unknown',
      '节能减排综合工作方案（征求意见稿）',
      { status: 'draft', region: null },
      '节能减排综合工作方案（征求意见稿）（地区未识别）',
    ],
  ] as const)('%s', (_, name, plan, expected) => {
    expect(markedName(name, plan)).toBe(expected);
  });
});

describe('targetMarks: a value is marked for where it was read as well as for its plan', () => {
  const lead = { origin: 'lead' } as const;
  const plan = { origin: 'plan' } as const;
  it.each([
    ['the plan’s own text', { status: 'final', region: '贵州省' }, [plan], []],
    [
      'the plan’s text and a lead stating the same value',
      { status: 'final', region: '贵州省' },
      [plan, lead],
      [],
    ],
    ['only a news lead', { status: 'final', region: '贵州省' }, [lead], ['news-lead']],
    [
      'only a news lead, in a draft: the plan’s marks first',
      { status: 'draft', region: '达州市' },
      [lead],
      ['draft', 'news-lead'],
    ],
  ] as const)('%s', (_name, of, sources, expected) => {
    expect(targetMarks(of, { sources }).map((mark) => mark.id)).toEqual(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { STATUS_MARKS, statusMarks, statusSuffix } from '../../src/lib/status';

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

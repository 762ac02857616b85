/**
 * Issue 9 item 6: a chart labels each value as the plan prints it — 44.7万立方米/日, not 447000立方米/日 — while
 * the bar is drawn to the normalised value, and its accessible name and CSV row carry both. Each row is a
 * sentence written for the test, read by the target recogniser as the build reads a plan, then charted.
 */
import { describe, expect, it } from 'vitest';
import { chartCsv, targetComparison, targetComparisonData } from '../../src/lib/charts';
import { targetRow } from '../../src/lib/charts/from-plans';
import { renderTargetComparisonSvg } from '../../src/lib/charts/render';
import { extractTargets, loadIndicatorCatalogue } from '../../src/lib/indicators/index';
import type { Clause, Target } from '../../src/lib/model/plan';
import { planOf } from '../helpers/seeds';

const catalogue = loadIndicatorCatalogue();
const plan = planOf('000_5b537b9a7be6a6a5.txt');

function targetsOf(sentence: string): Target[] {
  const clause: Clause = {
    id: '2',
    kind: 'chapter',
    parentId: null,
    depth: 1,
    number: null,
    citation: '',
    heading: null,
    paragraphs: [sentence],
    responsibility: null,
    part: 'goals',
    position: 0,
    line: 10,
    endLine: 10,
  };
  const read = extractTargets({
    front: [],
    clauses: [clause],
    annexes: [],
    region: '某市',
    level: 'city',
    file: 'fixture.txt',
    catalogue,
  });
  return read.targets;
}

/** The chart of one target: its mark, its SVG and its CSV line. */
function charted(target: Target) {
  const row = targetRow(plan, target, '/plans/x/#2', null);
  const input = {
    indicator: { id: target.indicatorId, name: target.label, unit: target.unit },
    rows: [row],
  };
  const geometry = targetComparison(input);
  const csv = chartCsv(targetComparisonData(input))
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  const columns = (csv[0] ?? '').split(',');
  const cells = (csv[1] ?? '').split(',');
  return {
    mark: geometry.layout.marks[0]!,
    svg: renderTargetComparisonSvg(geometry),
    csv: (column: string) => cells[columns.indexOf(column)],
  };
}

describe('a chart label shows the value as printed; the bar and the CSV value stay normalised', () => {
  it.each([
    // [what, sentence, indicator, normalised value, normalised unit, label, normalised in words]
    [
      '万',
      '到2025年，新增污水处理能力44.7万立方米/日。',
      'sewage-treatment-capacity',
      447000,
      '立方米/日',
      '44.7万立方米/日',
      '447000立方米/日',
    ],
    [
      '万吨, four decimals',
      '到2025年，氨氮重点工程减排量达到0.0691万吨。',
      'ammonia-nitrogen-reduction',
      691,
      '吨',
      '0.0691万吨',
      '691吨',
    ],
    [
      '万吨 with conversion noise',
      '到2025年，化学需氧量重点工程减排量达到1.017万吨。',
      'cod-reduction',
      10170,
      '吨',
      '1.017万吨',
      '10170吨',
    ],
    [
      '亿',
      '到2025年，节能环保产业产值达到120亿元。',
      'unclassified',
      12000000000,
      '元',
      '120亿元',
      '12000000000元',
    ],
    [
      '千 (千米 read as 公里)',
      '到2025年，新增和改造污水收集管网5千米。',
      'sewage-pipe-network',
      5,
      '公里',
      '5千米',
      '5公里',
    ],
    ['%', '到2025年，单位地区生产总值能耗比2020年下降14.5%。', 'energy-intensity', 14.5, '%', '14.5%', null],
    [
      '% 以上',
      '到2025年，单位地区生产总值能耗比2020年下降14.5%以上。',
      'energy-intensity',
      14.5,
      '%',
      '≥14.5%',
      '14.5%以上',
    ],
    [
      '左右',
      '到2025年，单位地区生产总值能耗比2020年下降13.5%左右。',
      'energy-intensity',
      13.5,
      '%',
      '≈13.5%',
      '13.5%左右',
    ],
    [
      '个百分点',
      '到2025年，非化石能源消费比重提高3个百分点。',
      'unclassified',
      3,
      '百分点',
      '3个百分点',
      '3百分点',
    ],
    [
      'full-width digits (folded to the site’s digits)',
      '到２０２５年，新增污水处理能力４４．７万立方米／日。',
      'sewage-treatment-capacity',
      447000,
      '立方米/日',
      '44.7万立方米/日',
      '447000立方米/日',
    ],
    [
      'words (全面)',
      '到2025年，城镇新建建筑全面执行绿色建筑标准。',
      'green-building-share',
      100,
      '%',
      '全面（100%）',
      null,
    ],
    [
      'a number in Chinese numerals',
      '到2025年，单位地区生产总值能耗比2020年下降百分之十三点五。',
      'energy-intensity',
      13.5,
      '%',
      '百分之十三点五（13.5%）',
      null,
    ],
    [
      'a range, drawn at its lower end',
      '到2025年，单位地区生产总值能耗比2020年下降13%-15%。',
      'energy-intensity',
      13,
      '%',
      '13%-15%（13%）',
      null,
    ],
  ] as const)('%s', (_what, sentence, indicator, value, unit, label, inWords) => {
    const targets = targetsOf(sentence);
    expect(targets.map((t) => [t.indicatorId, t.value, t.unit])).toEqual([[indicator, value, unit]]);
    const { mark, svg, csv } = charted(targets[0]!);
    expect(mark.valueLabel).toBe(label);
    // The accessible name holds the label word for word (WCAG 2.5.3), then the normalised value in words
    // where the label does not already say it.
    expect(mark.ariaLabel.startsWith(`${plan.region}：${label}`)).toBe(true);
    if (inWords === null)
      expect(mark.ariaLabel).toMatch(new RegExp(`：${label.replace('.', '\\.')}（约束性目标`));
    else expect(mark.ariaLabel).toContain(`（${inWords}，`);
    expect(svg).toContain(`>${label}</text>`);
    expect(csv('value')).toBe(String(value));
    expect(csv('value_as_printed')).toBe(label.replace(/^[≥≈]/, ''));
    expect(csv('unit')).toBe(unit);
  });

  it('draws the bar to the normalised value: 44.7万 and 447000 of another plan are one length', () => {
    const [wan] = targetsOf('到2025年，新增污水处理能力44.7万立方米/日。');
    const [plain] = targetsOf('到2025年，新增污水处理能力447000立方米/日。');
    const rows = [wan!, plain!].map((t, i) => ({ ...targetRow(plan, t, '/x', null), planId: `p${i}` }));
    const { marks } = targetComparison({
      indicator: { id: 'sewage-treatment-capacity', name: '新增污水处理能力', unit: '立方米/日' },
      rows,
    }).layout;
    expect(marks.map((m) => m.valueLabel).sort()).toEqual(['44.7万立方米/日', '447000立方米/日']);
    expect(marks[0]!.width).toBe(marks[1]!.width);
  });
});

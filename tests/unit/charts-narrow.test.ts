/**
 * The phone layout of the charts and how a draft is drawn: the narrow variant keeps every label inside its
 * 320-unit box (labels on a line above full-width bars), wraps what is too long, and a plan's status marks
 * (征求意见稿) are printed with its name and hatch its bars in both variants.
 */
import { describe, expect, it } from 'vitest';
import {
  renderSmallMultiplesSvg,
  renderTargetComparisonSvg,
  smallMultiples,
  targetComparison,
  type TargetComparisonInput,
  type TargetComparisonGeometry,
  type SmallMultiplesGeometry,
  type BandLayout,
} from '../../src/lib/charts';
import { textWidth, wrapText } from '../../src/lib/charts/format';
import { markTrailingText } from '../../src/lib/charts/layout';
import { edgeCases, energyIntensity, nonFossilShare, pollutantReductions } from '../golden/charts/fixtures';

const DRAFT = [{ id: 'draft' as const, label: '征求意见稿' }];

/** 达州 as the seeds have it: a draft. */
const withDraft: TargetComparisonInput = {
  ...energyIntensity,
  rows: energyIntensity.rows.map((row) => (row.planId === 'dazhou-shi' ? { ...row, status: DRAFT } : row)),
};

/** Every text's estimated extent in a band layout, to check it stays inside [0, width]. */
function textExtents(layout: BandLayout, fontSize: number): { text: string; left: number; right: number }[] {
  const out: { text: string; left: number; right: number }[] = [];
  for (const mark of layout.marks) {
    const label = {
      text: mark.label,
      left: mark.rowLabelX,
      right: mark.rowLabelX + textWidth(mark.label, fontSize),
    };
    if (layout.labelAnchor === 'end') label.left = mark.rowLabelX - textWidth(mark.label, fontSize);
    if (layout.labelAnchor === 'end') label.right = mark.rowLabelX;
    out.push(label);
    const trailing = `${mark.valueLabel}${mark.suffix ? ` ${mark.suffix}` : ''}${mark.parent ? `  ${mark.parent.text}` : ''}`;
    out.push({ text: trailing, left: mark.labelX, right: mark.labelX + textWidth(trailing, fontSize) });
  }
  for (const tick of layout.axis.ticks) {
    const half = textWidth(tick.label, fontSize) / 2;
    out.push({ text: tick.label, left: tick.x - half, right: tick.x + half });
  }
  return out;
}

const comparisons: [string, TargetComparisonInput][] = [
  ['energy-intensity', withDraft],
  ['non-fossil-share', nonFossilShare],
  ['edge-cases', edgeCases],
];

describe.each(comparisons)('targetComparison(%s, narrow)', (_name, input) => {
  const narrow: TargetComparisonGeometry = targetComparison(input, 'narrow');
  const wide = targetComparison(input);

  it('is at least 320 units wide and has its own element id', () => {
    expect(narrow.width).toBeGreaterThanOrEqual(320);
    expect(narrow.id).toBe(`${wide.id}-narrow`);
  });

  it('puts each row label on its own line above the bar, start-anchored', () => {
    expect(narrow.layout.labelAnchor).toBe('start');
    for (const mark of narrow.layout.marks) {
      expect(mark.rowLabelY).toBeLessThan(mark.y);
      expect(mark.labelY).toBe(mark.rowLabelY);
      expect(mark.labelX).toBeGreaterThan(mark.rowLabelX + textWidth(mark.label, narrow.fontSize) - 0.1);
    }
  });

  it('keeps every label, value and tick inside the box', () => {
    for (const t of textExtents(narrow.layout, narrow.fontSize)) {
      expect(t.left, t.text).toBeGreaterThanOrEqual(0);
      expect(t.right, t.text).toBeLessThanOrEqual(narrow.width);
    }
    for (const line of [...narrow.axisTitle, ...narrow.caption])
      expect(textWidth(line, narrow.fontSize), line).toBeLessThanOrEqual(narrow.width - 16);
    for (const item of narrow.legend)
      expect(item.x + textWidth(item.label, narrow.fontSize)).toBeLessThan(narrow.width);
  });

  it('shows the same marks in the same order as the wide chart', () => {
    expect(narrow.layout.marks.map((m) => m.key)).toEqual(wide.layout.marks.map((m) => m.key));
    expect(narrow.layout.marks.map((m) => m.href)).toEqual(wide.layout.marks.map((m) => m.href));
    expect(narrow.description).toBe(wide.description);
  });

  it('draws values on one zero-based scale: bar widths proportional to values', () => {
    const ratios = narrow.layout.marks.map((m) => m.width / m.value);
    for (const r of ratios) expect(r).toBeCloseTo(ratios[0]!, 0);
  });
});

describe('a long label widens the narrow chart rather than run off its edge', () => {
  it('fits a plan name with scope, status and a parent value', () => {
    const row = {
      ...energyIntensity.rows[0]!,
      plan: '某某自治县某某新区',
      scope: '城市建成区',
      status: DRAFT,
      parent: { value: 13.5, label: '某某自治州' },
    };
    const g = targetComparison({ ...energyIntensity, rows: [row] }, 'narrow');
    const needed =
      textWidth(g.layout.marks[0]!.label, g.fontSize) + 8 + textWidth(markTrailingText(row), g.fontSize);
    expect(g.width).toBeGreaterThanOrEqual(needed + 16);
  });
});

describe('status marks: a draft is named and hatched, never drawn like an adopted value', () => {
  it.each(['wide', 'narrow'] as const)(
    '%s: the draft row reads 达州市（征求意见稿） and is hatched',
    (variant) => {
      const g = targetComparison(withDraft, variant);
      const dazhou = g.layout.marks.find((m) => m.planId === 'dazhou-shi')!;
      expect(dazhou.label).toBe('达州市（征求意见稿）');
      expect(dazhou.status).toEqual(['draft']);
      expect(dazhou.ariaLabel).toMatch(/^达州市（征求意见稿）：14.5%/);
      expect(g.legend.map((item) => [item.shape, item.label])).toContainEqual(['draft', '征求意见稿']);
      expect(g.description).toContain('达州市（征求意见稿）14.5%');
      const svg = renderTargetComparisonSvg(g);
      expect(svg).toContain(`<pattern id="${g.id}-hatch"`);
      const dazhouMark = /<a [^>]*data-plan="dazhou-shi"[^>]*>[\s\S]*?<\/a>/.exec(svg)?.[0] ?? '';
      expect(dazhouMark).toContain('class="mark mark-binding mark-status mark-draft"');
      expect(dazhouMark).toContain('class="bar-status"');
      // Adopted plans' bars are not hatched.
      const qianjiang = /<a [^>]*data-plan="qianjiang-qu"[^>]*>[\s\S]*?<\/a>/.exec(svg)?.[0] ?? '';
      expect(qianjiang).not.toContain('bar-status');
    },
  );

  it('defines no pattern and no legend entry when no plan has a mark', () => {
    const adopted = { ...energyIntensity, rows: energyIntensity.rows.map(({ status: _, ...row }) => row) };
    const g = targetComparison(adopted);
    expect(g.legend.map((item) => item.shape)).not.toContain('draft');
    expect(renderTargetComparisonSvg(g)).not.toContain('<pattern');
  });

  it('marks an unset draft plan too', () => {
    const g = targetComparison({
      ...energyIntensity,
      unset: [{ planId: 'x', plan: '某市', href: '/plans/x/', status: DRAFT }],
    });
    expect(g.layout.unset[0]?.label).toBe('某市（征求意见稿）');
  });
});

describe('smallMultiples(narrow)', () => {
  const input = {
    ...pollutantReductions,
    panels: pollutantReductions.panels.map((panel) => ({
      ...panel,
      rows: panel.rows.map((row) => (row.planId === 'dazhou-shi' ? { ...row, status: DRAFT } : row)),
    })),
  };
  const g: SmallMultiplesGeometry = smallMultiples(input, 'narrow');

  it('stacks the panels in one column, each as wide as the chart', () => {
    expect(new Set(g.panels.map((p) => p.x))).toEqual(new Set([8]));
    for (let i = 1; i < g.panels.length; i++) expect(g.panels[i]!.y).toBeGreaterThan(g.panels[i - 1]!.y);
    expect(g.id).toBe(`${smallMultiples(input).id}-narrow`);
  });

  it('keeps every label inside the box and hatches the draft', () => {
    for (const panel of g.panels)
      for (const t of textExtents(panel.layout, g.fontSize)) {
        expect(t.left, t.text).toBeGreaterThanOrEqual(0);
        expect(t.right, t.text).toBeLessThanOrEqual(g.width);
      }
    const svg = renderSmallMultiplesSvg(g);
    expect(svg).toContain('mark-draft');
    expect(svg).toContain(`id="${g.id}-hatch"`);
  });
});

describe('wrapText', () => {
  it.each([
    ['短标题', 100, ['短标题']],
    [
      '单位地区生产总值能耗降低率（%，比2020年，到2025年）',
      200,
      ['单位地区生产总值能耗降低率', '（%，比2020年，到2025年）'],
    ],
    ['一二三四五六七八九十', 50, ['一二三四', '五六七八', '九十']],
  ])('%s in %d units', (text, width, lines) => {
    const wrapped = wrapText(text, width, 12.5);
    expect(wrapped).toEqual(lines);
    expect(wrapped.join('')).toBe(text);
  });

  it('never loops on a character wider than the line', () => {
    expect(wrapText('宽宽', 5, 12)).toEqual(['宽', '宽']);
  });
});

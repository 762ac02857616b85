import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  renderSmallMultiplesSvg,
  renderTargetComparisonSvg,
  smallMultiples,
  targetComparison,
} from '../../src/lib/charts';
import { embedSvg } from '../../src/lib/charts/embed';
import { chartStyle } from '../../src/lib/charts/svg';
import { edgeCases, energyIntensity, pollutantReductions } from '../golden/charts/fixtures';

const charts: [string, string, string][] = [
  [
    'energy-intensity',
    targetComparison(energyIntensity).id,
    renderTargetComparisonSvg(targetComparison(energyIntensity)),
  ],
  ['edge cases', targetComparison(edgeCases).id, renderTargetComparisonSvg(targetComparison(edgeCases))],
  [
    'pollutant reductions',
    smallMultiples(pollutantReductions).id,
    renderSmallMultiplesSvg(smallMultiples(pollutantReductions)),
  ],
];

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

describe.each(charts)('embedSvg(%s)', (_name, id, standalone) => {
  const { svg, styleHash } = embedSvg(standalone);
  const root = /^<svg\b[^>]*>/.exec(svg)?.[0] ?? '';

  it('names the root a group, so the marks inside stay links for assistive technology', () => {
    expect(root).toContain(' role="group"');
    expect(root).not.toContain('role="img"');
    expect(root).toContain(`aria-labelledby="${id}-title"`);
    expect(root).toContain(`aria-describedby="${id}-desc"`);
  });

  it('drops the inline style attribute the page CSP forbids, and nothing else', () => {
    expect(svg).not.toMatch(/ style="/);
    expect(
      standalone.replace(' role="img"', ' role="group"').replace(' style="max-width:100%;height:auto"', ''),
    ).toBe(svg);
  });

  it('hashes the chart’s style element as the browser does, over its decoded text', () => {
    expect(styleHash).toBe(sha256(chartStyle(id)));
  });
});

describe('embedSvg: anything else is refused', () => {
  it.each([
    ['no svg root', '<div></div>'],
    ['an svg that is not a chart', '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>'],
    ['two style elements', '<svg role="img"><style>a{}</style><style>b{}</style></svg>'],
  ])('%s', (_name, markup) => {
    expect(() => embedSvg(markup)).toThrow(/embedSvg/);
  });

  it('returns no hash for a chart without a style element', () => {
    expect(embedSvg('<svg role="img" style="x"><title>t</title></svg>')).toEqual({
      svg: '<svg role="group"><title>t</title></svg>',
      styleHash: null,
    });
  });
});

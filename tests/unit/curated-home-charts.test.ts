import { describe, expect, it } from 'vitest';
import { CuratedDataError } from '../../src/lib/curated/load';
import { loadHomeCharts, parseHomeCharts } from '../../src/lib/curated/home-charts';
import { loadIndicatorCatalogue } from '../../src/lib/indicators/catalogue';

const IDS = ['energy-intensity', 'cod-reduction', 'nox-reduction'];

const VALID = `headline: energy-intensity
smallMultiples:
  id: pollutant-reductions
  title: 减排量（吨）
  panels:
    - indicator: cod-reduction
      shortName: COD
    - indicator: nox-reduction
      shortName: NOx
`;

describe('parseHomeCharts', () => {
  it('reads the headline and the panels in order', () => {
    const charts = parseHomeCharts(VALID, 'home-charts.yaml', IDS);
    expect(charts.headline).toBe('energy-intensity');
    expect(charts.smallMultiples.panels.map((p) => [p.indicator, p.shortName])).toEqual([
      ['cod-reduction', 'COD'],
      ['nox-reduction', 'NOx'],
    ]);
  });

  it.each([
    [
      'an unknown headline',
      VALID.replace('headline: energy-intensity', 'headline: energy-intensty'),
      1,
      'headline: not an indicator id',
    ],
    [
      'an unknown panel indicator',
      VALID.replace('indicator: nox-reduction', 'indicator: so2-reduction'),
      8,
      'smallMultiples.panels.1.indicator: not an indicator id',
    ],
    [
      'a chart id that is an indicator id',
      VALID.replace('id: pollutant-reductions', 'id: cod-reduction'),
      3,
      'a chart id must not be an indicator id',
    ],
    [
      'a panel without its short name',
      VALID.replace('      shortName: NOx\n', ''),
      8,
      'smallMultiples.panels.1.shortName',
    ],
    ['no panels', VALID.slice(0, VALID.indexOf('  panels:')) + '  panels: []\n', 5, 'smallMultiples.panels'],
    ['an unknown key', `${VALID}extra: 1\n`, 1, 'extra'],
    ['broken YAML', 'headline: [\n', 2, 'invalid YAML'],
  ])('refuses %s at its line', (_, text, line, message) => {
    let error: unknown;
    try {
      parseHomeCharts(text, 'home-charts.yaml', IDS);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CuratedDataError);
    expect((error as CuratedDataError).line).toBe(line);
    expect((error as CuratedDataError).message).toContain(message);
  });
});

describe('content/home-charts.yaml', () => {
  it('names only catalogue indicators', () => {
    const ids = loadIndicatorCatalogue().indicators.map((i) => i.id);
    const charts = loadHomeCharts(ids);
    expect(ids).toContain(charts.headline);
    expect(charts.smallMultiples.panels.length).toBeGreaterThan(0);
  });
});

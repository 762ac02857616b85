/**
 * The indicator catalogue (content/indicators.yaml): valid, complete where ids are public URLs, national
 * references traceable, and every entry recognisable by its own name.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  IndicatorCatalogueError,
  REQUIRED_INDICATOR_IDS,
  loadIndicatorCatalogue,
  parseIndicatorCatalogue,
} from '../../src/lib/indicators/catalogue';
import { classify, compile } from '../../src/lib/indicators/compile';
import { foldForRecognition } from '../../src/lib/read/normalize';

const yamlText = readFileSync('content/indicators.yaml', 'utf8');
const catalogue = loadIndicatorCatalogue();

describe('content/indicators.yaml', () => {
  it('defines every indicator id that is a public URL', () => {
    const ids = catalogue.indicators.map((indicator) => indicator.id);
    expect(ids).toEqual(expect.arrayContaining([...REQUIRED_INDICATOR_IDS]));
  });

  it('sets the national energy-intensity reference of 国发〔2021〕33号: 13.5% below 2020 by 2025', () => {
    const energy = catalogue.indicators.find((indicator) => indicator.id === 'energy-intensity');
    expect(energy?.national).toMatchObject({
      value: 13.5,
      unit: '%',
      comparator: '=',
      baselineYear: 2020,
      targetYear: 2025,
    });
  });

  it('states every national reference with the wording it was checked against', () => {
    const references = catalogue.indicators.flatMap((indicator) =>
      indicator.national ? [indicator.national] : [],
    );
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) {
      expect(reference.document).toContain('国发〔2021〕33号');
      expect(reference.text).toContain(String(reference.value));
      expect(reference.verifiedVia.length).toBeGreaterThan(0);
    }
  });

  it.each(catalogue.indicators.map((indicator) => [indicator.id, indicator] as const))(
    '%s is recognised by its own name',
    (_id, indicator) => {
      const change =
        indicator.measure === 'level' ? null : indicator.measure === 'reduction' ? 'decrease' : 'increase';
      const name = foldForRecognition(indicator.name);
      const result = classify(compile(catalogue), name, () => false, indicator.unit, change);
      expect(result?.indicator.id).toBe(indicator.id);
    },
  );
});

describe('parseIndicatorCatalogue', () => {
  it.each<[string, string, RegExp]>([
    [
      'broken YAML',
      yamlText.replace('indicators:\n', 'indicators: [\n'),
      /^catalogue\.yaml:\d+: invalid YAML/,
    ],
    ['a missing public id', yamlText.replace('id: bus-share', 'id: bus-trips'), /bus-share.*must exist/],
    [
      'a duplicate id',
      yamlText.replace('id: bus-share', 'id: energy-intensity'),
      /duplicate indicator id “energy-intensity”/,
    ],
    [
      'an invalid pattern',
      yamlText.replace('- 公交(出行)?分担率', '- 公交(出行分担率'),
      /invalid regular expression/,
    ],
    ['an unknown category', yamlText.replace('category: transport', 'category: mobility'), /category/],
    [
      'a spelled-number unit that is not a unit',
      yamlText.replace('units: [个百分点, ', 'units: [个百分比, '),
      /spelledNumbers.*unit “个百分比” is not a printed unit/,
    ],
    [
      'an unknown key',
      yamlText.replace(
        '    measure: level\n    category: transport',
        '    measure: level\n    colour: red\n    category: transport',
      ),
      /colour/,
    ],
  ])('rejects %s with file:line', (_name, text, message) => {
    let error: unknown;
    try {
      parseIndicatorCatalogue(text, 'catalogue.yaml');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(IndicatorCatalogueError);
    expect((error as Error).message).toMatch(/^catalogue\.yaml:\d+: /);
    expect((error as Error).message).toMatch(message);
  });

  it('points at the offending line', () => {
    const text = yamlText.replace('category: transport', 'category: mobility');
    const line = text.split('\n').findIndex((row) => row.includes('category: mobility')) + 1;
    expect(() => parseIndicatorCatalogue(text, 'catalogue.yaml')).toThrow(`catalogue.yaml:${line}: `);
  });

  it('names the file it could not read', () => {
    expect(() => loadIndicatorCatalogue('/nonexistent/indicators.yaml')).toThrow(
      /^\/nonexistent\/indicators\.yaml:0: cannot read/,
    );
  });
});

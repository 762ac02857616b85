/**
 * The key targets of each seed plan: energy intensity and the four key-project pollutant reductions (in
 * tonnes) where the plan states them. Clauses are built by hand from the seed's own lines (one clause per
 * line, tables rebuilt by hand), so this test depends on the indicator extractor alone.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractTargets, loadIndicatorCatalogue } from '../../src/lib/indicators/index';
import { Target, type Annex, type Clause, type Level } from '../../src/lib/model/plan';
import { layoutHeader } from '../../src/lib/structure/table-header';

const catalogue = loadIndicatorCatalogue();

/**
 * Every non-empty, non-table line of a seed as one clause, with its 1-based line number. A long line that
 * stops mid-sentence continues after the blank lines of a page break (贵州: 非化石能源占能 ⏎⏎ 源消费总量比重).
 */
function linesAsClauses(file: string): Clause[] {
  const lines = readFileSync(`seeds/${file}`, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  const paragraphs: { text: string; line: number }[] = [];
  let open = false;
  lines.forEach((raw, index) => {
    const text = raw.replace(/\[bookmark:[^\]]*\]|\*\*/g, '').trim();
    if (text.length === 0 || raw.startsWith('\t')) return;
    const previous = paragraphs[paragraphs.length - 1];
    if (open && previous) previous.text += text;
    else paragraphs.push({ text, line: index + 1 });
    open = text.length >= 40 && !/[。；：！？)）]$/.test(text);
  });
  return paragraphs.map(({ text, line }, index): Clause => ({
    id: `l${line}`,
    kind: 'paragraph',
    parentId: null,
    depth: 1,
    number: null,
    citation: '',
    heading: null,
    paragraphs: [text],
    responsibility: null,
    part: 'other',
    position: index,
    line,
    endLine: line,
  }));
}

const QIANJIANG_ANNEX_2_ROWS = [
  ['序号', '主要污染物', '减排目标（吨）', '责任单位'],
  ['1', '氮氧化物（吨）', '659.1', '区生态环境局'],
  ['2', '挥发性有机物（吨）', '103.9', '区生态环境局'],
  ['3', '化学需氧量（吨）', '245', '区生态环境局'],
  ['4', '氨氮（吨）', '18', '区生态环境局'],
];

/** 黔江's annex 2 as rebuilt from lines 204–231. */
const QIANJIANG_ANNEX_2: Annex = {
  id: 'annex-2',
  label: '附件2',
  title: '“十四五”黔江区主要污染物重点工程减排量目标',
  line: 200,
  endLine: 232,
  blocks: [
    {
      type: 'table',
      id: 'annex-2-table-1',
      headerRows: 1,
      header: layoutHeader(QIANJIANG_ANNEX_2_ROWS, 1),
      departments: [],
      line: 204,
      endLine: 231,
      rows: QIANJIANG_ANNEX_2_ROWS,
    },
  ],
};

interface SeedCase {
  file: string;
  region: string;
  level: Level;
  annexes: Annex[];
  /** [target id, value, ambition, source line] */
  energy: [string, number, Target['ambition'], number][];
  /** cod, ammonia nitrogen, NOx, VOCs in tonnes; null where the plan states none. */
  pollutants: [number, number, number, number] | null;
  pollutantLine: number;
}

const seeds: SeedCase[] = [
  {
    file: '000_5b537b9a7be6a6a5.txt',
    region: '黔江区',
    level: 'county',
    annexes: [QIANJIANG_ANNEX_2],
    energy: [['energy-intensity', 14.5, 'binding', 21]],
    pollutants: [245, 18, 659.1, 103.9],
    pollutantLine: 21,
  },
  {
    file: '001_fe432f922416074d.txt',
    region: '达州市',
    level: 'city',
    annexes: [],
    energy: [['energy-intensity', 14.5, 'binding', 9]],
    pollutants: [10170, 691, 8290, 2200],
    pollutantLine: 9,
  },
  {
    file: '002_9e3084a1a31ff5d6.txt',
    region: '贵州省',
    level: 'province',
    annexes: [],
    energy: [
      ['energy-intensity', 13, 'binding', 13],
      ['energy-intensity-2', 14.5, 'incentive', 13],
    ],
    pollutants: null,
    pollutantLine: 13,
  },
  {
    file: '003_a39c52263945813a.txt',
    region: '莱芜区',
    level: 'county',
    annexes: [],
    energy: [['energy-intensity', 20.8, 'binding', 11]],
    pollutants: [909, 34, 1196, 2065],
    pollutantLine: 11,
  },
  {
    file: '004_5c114cb50a3ad106.txt',
    region: '廊坊市',
    level: 'city',
    annexes: [],
    energy: [['energy-intensity', 16, 'binding', 26]],
    pollutants: [12100, 360, 5500, 3000],
    pollutantLine: 26,
  },
];

const POLLUTANTS = ['cod-reduction', 'ammonia-nitrogen-reduction', 'nox-reduction', 'voc-reduction'] as const;

describe.each(seeds)('$file ($region)', (seed) => {
  const { targets, warnings } = extractTargets({
    clauses: linesAsClauses(seed.file),
    annexes: seed.annexes,
    region: seed.region,
    level: seed.level,
    file: seed.file,
    catalogue,
  });

  it('states its energy-intensity target(s), below 2020 by 2025', () => {
    const energy = targets.filter((t) => t.indicatorId === 'energy-intensity');
    expect(energy.map((t) => [t.id, t.value, t.ambition, t.sources[0]?.line])).toEqual(seed.energy);
    for (const target of energy)
      expect(target).toMatchObject({ unit: '%', baselineYear: 2020, targetYear: 2025 });
  });

  it('states its key-project pollutant reductions in tonnes', () => {
    const values = POLLUTANTS.map((id) => targets.find((t) => t.id === id));
    if (seed.pollutants === null) {
      // 贵州: 重点工程减排量达到国家要求, no number.
      expect(values).toEqual([undefined, undefined, undefined, undefined]);
      return;
    }
    expect(values.map((t) => t?.value)).toEqual(seed.pollutants);
    for (const target of values) {
      expect(target).toMatchObject({ unit: '吨', ambition: 'binding', targetYear: 2025 });
      expect(target?.sources[0]?.line).toBe(seed.pollutantLine);
    }
  });

  it('extracts valid targets without warnings, with unique ids and exact source wording', () => {
    expect(warnings).toEqual([]);
    for (const target of targets) expect(Target.safeParse(target).success, target.id).toBe(true);
    expect(new Set(targets.map((t) => t.id)).size).toBe(targets.length);
    // Page breaks joined, export leftovers dropped: the display text the paragraphs are made of.
    const text = readFileSync(`seeds/${seed.file}`, 'utf8')
      .replace(/\[bookmark:[^\]]*\]|\*\*/g, '')
      .replace(/\s*\n\s*/g, '');
    for (const target of targets) {
      for (const source of target.sources) {
        if (!source.clauseId.startsWith('annex')) expect(text).toContain(source.text);
      }
    }
  });
});

it('黔江: the reductions of 二、主要目标 and annex 2 are one target each, with both sources', () => {
  const seed = seeds[0] as SeedCase;
  const { targets } = extractTargets({
    clauses: linesAsClauses(seed.file),
    annexes: seed.annexes,
    region: seed.region,
    level: seed.level,
    file: seed.file,
    catalogue,
  });
  for (const id of POLLUTANTS) {
    expect(targets.find((t) => t.id === id)?.sources.map((s) => [s.clauseId, s.line])).toEqual([
      ['l21', 21],
      ['annex-2-table-1', 204],
    ]);
  }
});

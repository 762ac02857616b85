/**
 * Generated variants for lineage (issue 14 items 2–3): a real child seed (莱芜区) beside a synthetic parent
 * written for the test, in a temporary seed directory, ingested as the build ingests it. The parent comes from
 * the division list, a sidecar or a citation; the child's targets are held against the parent plan's own.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indicatorsCsv } from '../../src/lib/export';
import { loadIndicatorCatalogue } from '../../src/lib/indicators/catalogue';
import { ingestDirectory } from '../../src/lib/ingest';
import { enrichments, loadKnowledge } from '../../src/lib/knowledge';
import {
  comparisonCells,
  countVerdicts,
  verdictContext,
  verdictsFor,
  verdictSummary,
} from '../../src/lib/lineage';
import type { Plan } from '../../src/lib/model/plan';
import { syntheticPlanText as parentText } from '../helpers/synthetic-plan';

const knowledge = loadKnowledge();
const options = { enrichments: enrichments(knowledge), vocabularies: knowledge.vocabularies };
const catalogue = loadIndicatorCatalogue().indicators;
const LAIWU = '003_a39c52263945813a';
const JINAN_TITLE = '济南市“十四五”节能减排工作实施方案';

const JINAN_GOALS =
  '到2025年，全市单位地区生产总值能源消耗比2020年下降15%，非化石能源占能源消费总量比重达到15%，公共机构单位建筑面积能耗比2020年下降6%。';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Ingests the 莱芜 seed (with its sidecar) and the given extra files in a fresh temporary directory. */
function corpus(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-lineage-'));
  dirs.push(dir);
  for (const ext of ['txt', 'yaml']) copyFileSync(`seeds/${LAIWU}.${ext}`, join(dir, `${LAIWU}.${ext}`));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const result = ingestDirectory(dir, knowledge.plan, options);
  const plan = (id: string): Plan => {
    const found = result.plans.find((p) => p.id === id);
    if (!found) throw new Error(`no plan ${id} among ${result.plans.map((p) => p.id).join(', ')}`);
    return found;
  };
  const context = verdictContext(result.plans, catalogue);
  const cells = (planId: string, indicatorId: string) => {
    const entry = verdictsFor(plan(planId), context).find((e) => e.target.indicatorId === indicatorId);
    if (!entry) throw new Error(`${planId} has no ${indicatorId} target`);
    return {
      national: comparisonCells(entry.target, entry.national),
      parent: comparisonCells(entry.target, entry.parent),
    };
  };
  return { result, plan, context, cells };
}

describe('a child with its parent plan in the corpus (division list)', () => {
  const { result, plan, context, cells } = corpus({ '900_jinan.txt': parentText(JINAN_TITLE, JINAN_GOALS) });

  it('links 莱芜区 to 济南市 through the division list, and 济南市 lists it as a child', () => {
    expect(result.errors).toEqual([]);
    expect(plan('laiwu-qu')).toMatchObject({ parent: 'jinan-shi', parentSource: 'division' });
    expect(context.lineage.childrenOf(plan('jinan-shi')).map((p) => p.id)).toEqual(['laiwu-qu']);
    expect(context.lineage.parentOf(plan('jinan-shi'))).toBeNull();
  });

  it.each([
    // 莱芜 20.8% against 济南 15%, both 比2020年 到2025年 约束性.
    ['energy-intensity', 'stricter', '15%', '严于济南市'],
    // 莱芜 5% against 济南 6%.
    ['public-institution-energy-per-area', 'weaker', '6%', '弱于济南市'],
    // 莱芜 12%左右 against 济南 an exact 15%: not like for like, and the note says what differs.
    ['non-fossil-share', 'approximate', '15%', '一方为约数（本方案：≈12%；济南市：15%）'],
  ])('%s: %s than the parent plan’s own target', (indicatorId, code, value, note) => {
    expect(cells('laiwu-qu', indicatorId).parent).toEqual({
      code,
      value,
      source: `jinan-shi ${JINAN_TITLE}`,
      note,
    });
  });

  it('says it in one line on the plan page', () => {
    const counts = countVerdicts(verdictsFor(plan('laiwu-qu'), context), 'parent');
    expect(verdictSummary(counts, '济南市')).toBe(
      '1 项目标严于济南市，1 项弱于济南市；另有 1 项口径不同，未作比较',
    );
  });

  it('writes the parent columns of indicators.csv', () => {
    const rowOf = (csv: string) =>
      csv.split('\r\n').find((r) => r.startsWith('laiwu-qu,') && r.split(',')[4] === 'energy-intensity');
    const csv = indicatorsCsv(result.plans, { base: '/' }, () => undefined, context);
    expect(rowOf(csv)).toMatch(
      /,stricter,13\.5%,国发〔2021〕33号 二、主要目标,严于全国,stricter,15%,jinan-shi 济南市“十四五”节能减排工作实施方案,严于济南市$/,
    );
    // The Chinese-headed variant writes the verdict in words.
    const zh = indicatorsCsv(result.plans, { base: '/' }, () => undefined, context, 'zh');
    expect(rowOf(zh)).toMatch(
      /,严于,13\.5%,国发〔2021〕33号 二、主要目标,严于全国,严于,15%,jinan-shi 济南市“十四五”节能减排工作实施方案,严于济南市$/,
    );
  });
});

describe('a draft parent', () => {
  const { cells } = corpus({ '900_jinan.txt': parentText(JINAN_TITLE, JINAN_GOALS, '（征求意见稿）') });

  it('gives the verdict and says the reference is a 征求意见稿, in the source and in the note', () => {
    expect(cells('laiwu-qu', 'energy-intensity').parent).toEqual({
      code: 'stricter',
      value: '15%',
      source: `jinan-shi ${JINAN_TITLE}（征求意见稿）`,
      note: '严于济南市；济南市方案为征求意见稿',
    });
  });
});

describe('a parent set in the sidecar', () => {
  const { plan } = corpus({
    '900_jinan.txt': parentText(JINAN_TITLE, JINAN_GOALS),
    '901_shandong.txt': parentText(
      '山东省“十四五”节能减排实施方案',
      '到2025年，全省单位地区生产总值能源消耗比2020年下降14.5%。',
    ),
    '902_zibo.txt': parentText(
      '淄博市“十四五”节能减排工作方案',
      '到2025年，全市单位地区生产总值能源消耗比2020年下降14.5%。',
    ),
    '902_zibo.yaml': 'parent: jinan-shi\n',
  });

  it('keeps the sidecar’s parent over the division list’s, and says so', () => {
    expect(plan('zibo-shi')).toMatchObject({ parent: 'jinan-shi', parentSource: 'sidecar' });
    expect(plan('jinan-shi')).toMatchObject({ parent: 'shandong-sheng', parentSource: 'division' });
  });
});

describe('a parent named by a citation', () => {
  const park = [
    '绿谷生态园“十四五”节能减排工作实施方案',
    `为贯彻落实《${JINAN_TITLE}》，结合实际，制定本方案。`,
    '一、主要目标',
    '到2025年，单位地区生产总值能源消耗比2020年下降16%。',
    '二、重点工程',
    '（一）工业节能工程。推进重点行业节能改造。（发展改革部门负责）',
    '',
  ].join('\n');

  it('links a plan the division list cannot place to the one corpus plan its citation names', () => {
    const { plan, context } = corpus({
      '900_jinan.txt': parentText(JINAN_TITLE, JINAN_GOALS),
      '903_park.txt': park,
    });
    const child = [...context.lineage.childrenOf(plan('jinan-shi'))].find((p) => p.source === '903_park.txt');
    expect(child?.regionPath).toEqual([]);
    expect(child).toMatchObject({ parent: 'jinan-shi', parentSource: 'citation' });
  });

  it('follows no citation that names two corpus plans', () => {
    const { result } = corpus({
      '900_jinan.txt': parentText(JINAN_TITLE, JINAN_GOALS),
      // A second text of the same title (a copy, with other values): which one is meant cannot be told.
      '904_copy.txt': parentText(JINAN_TITLE, JINAN_GOALS.replace('15%', '14%')),
      '903_park.txt': park,
    });
    expect(result.plans.filter((p) => p.title === JINAN_TITLE)).toHaveLength(2);
    const park903 = result.plans.find((p) => p.source === '903_park.txt');
    expect(park903).toMatchObject({ parent: null, parentSource: null });
  });

  it('follows no citation of a plan that does not exist in the corpus', () => {
    const { result } = corpus({ '903_park.txt': park });
    expect(result.plans.find((p) => p.source === '903_park.txt')).toMatchObject({
      parent: null,
      parentSource: null,
    });
    // 莱芜 cites 济南's plan too, which is not here.
    expect(result.plans.find((p) => p.id === 'laiwu-qu')).toMatchObject({ parent: null, parentSource: null });
  });
});

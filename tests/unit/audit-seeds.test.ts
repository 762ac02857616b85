/**
 * The audit points of issue 8 on the five seeds, one `describe` each, beside targets-seeds.test.ts (targets in
 * words, comparators, measures kept apart, parent values) and the annex-table browser test: what the site
 * states about a seed is what its text says — no draft shown as adopted, regions canonical with unique slugs,
 * roles in the plan's own words, collective phrases no department, lead and table values where the text
 * prints them, and every readable text a plan.
 */
import { describe, expect, it } from 'vitest';
import { loadDepartmentCatalogue } from '../../src/lib/departments/catalogue';
import type { Plan } from '../../src/lib/model/plan';
import { foldForRecognition } from '../../src/lib/read/normalize';
import { compileCollectives } from '../../src/lib/responsibility/collectives';
import { ingestedSeeds, planOf, seedFiles, seedText } from '../helpers/seeds';

const QIANJIANG = '000_5b537b9a7be6a6a5.txt';
const DAZHOU = '001_fe432f922416074d.txt';
const GUIZHOU = '002_9e3084a1a31ff5d6.txt';
const LAIWU = '003_a39c52263945813a.txt';
const LANGFANG = '004_5c114cb50a3ad106.txt';

const mentions = (plan: Plan) =>
  plan.clauses.flatMap((clause) =>
    (clause.responsibility?.departments ?? []).map((mention) => ({ clause, mention })),
  );

describe('every readable seed is a plan page', () => {
  it('no seed refused, every seed a plan', () => {
    const result = ingestedSeeds();
    expect(result.errors).toEqual([]);
    expect(result.plans.map((p) => p.source).sort()).toEqual(seedFiles);
  });
});

describe('a draft is never shown as adopted', () => {
  it.each([
    [QIANJIANG, 'final'],
    [DAZHOU, 'draft'], // （征求意见稿） under its title
    [GUIZHOU, 'final'],
    [LAIWU, 'final'],
    [LANGFANG, 'final'],
  ])('%s is %s', (file, status) => {
    expect(planOf(file).status).toBe(status);
  });
});

describe('regions: canonical names, levels and chains from the official list, unique readable slugs', () => {
  it.each([
    [QIANJIANG, 'qianjiang-qu', '黔江区', 'county', '重庆市 › 黔江区'],
    [DAZHOU, 'dazhou-shi', '达州市', 'city', '四川省 › 达州市'],
    [GUIZHOU, 'guizhou-sheng', '贵州省', 'province', '贵州省'],
    [LAIWU, 'laiwu-qu', '莱芜区', 'county', '山东省 › 济南市 › 莱芜区'],
    [LANGFANG, 'langfang-shi', '廊坊市', 'city', '河北省 › 廊坊市'],
  ])('%s → %s', (file, id, region, level, path) => {
    const plan = planOf(file);
    expect([plan.id, plan.region, plan.level]).toEqual([id, region, level]);
    expect(plan.regionPath.map((d) => d.name).join(' › ')).toBe(path);
    expect(plan.unrecognised).not.toContain('region');
  });
});

describe('roles in the plan’s own words', () => {
  it.each(seedFiles)('%s: every role word is printed in its note, after the names it closes', (file) => {
    const plan = planOf(file);
    const all = mentions(plan);
    expect(all.length).toBeGreaterThan(0);
    for (const { clause, mention } of all) {
      const note = clause.responsibility!.text;
      expect(mention.roleWording, `${clause.id} ${mention.name}`).not.toBeNull();
      const nameAt = note.indexOf(mention.name);
      expect(nameAt, `${clause.id} ${mention.name} in ${note}`).toBeGreaterThanOrEqual(0);
      expect(
        note.indexOf(mention.roleWording!, nameAt + mention.name.length),
        `${clause.id} ${note}`,
      ).toBeGreaterThan(nameAt);
    }
  });

  it.each(seedFiles)('%s: a department listed with 按职责分工负责 is never given the word 配合', (file) => {
    for (const { clause, mention } of mentions(planOf(file))) {
      const note = foldForRecognition(clause.responsibility!.text);
      if (!note.includes('配合'))
        expect(mention.roleWording, `${clause.id} ${mention.name}`).not.toBe('配合');
    }
  });

  it.each([QIANJIANG, DAZHOU, LANGFANG])('%s: a sole （…负责） keeps 负责, not 牵头', (file) => {
    const sole = mentions(planOf(file)).filter(({ clause }) =>
      /^[（(][^、，,（()]+负责[）)]$/.test(clause.responsibility!.text),
    );
    expect(sole.length).toBeGreaterThan(0);
    for (const { mention } of sole) expect([mention.role, mention.roleWording]).toEqual(['lead', '负责']);
  });
});

describe('collective phrases are no department', () => {
  const collectives = compileCollectives(loadDepartmentCatalogue().collectives);
  it.each(seedFiles)('%s', (file) => {
    const plan = planOf(file);
    for (const department of plan.departments)
      expect(collectives.isCollective(foldForRecognition(department.name)), department.name).toBe(false);
    for (const { mention } of mentions(plan))
      expect(collectives.isCollective(foldForRecognition(mention.name)), mention.name).toBe(false);
  });

  it('黔江’s 区级有关部门 and 贵州’s …领导小组各成员单位 are printed in notes but listed nowhere as departments', () => {
    const named = (file: string) => planOf(file).departments.map((d) => d.name);
    expect(seedText(QIANJIANG)).toContain('区级有关部门');
    expect(named(QIANJIANG).filter((name) => name.includes('有关部门'))).toEqual([]);
    expect(named(GUIZHOU).filter((name) => name.includes('成员单位'))).toEqual([]);
  });
});

describe('a news lead is the lead, not the plan’s own text', () => {
  it('廊坊’s two lead paragraphs are kept as the lead; no value is read from them as the plan’s', () => {
    const plan = planOf(LANGFANG);
    expect(plan.front.filter((b) => b.kind === 'lead').map((b) => b.line)).toEqual([1, 3]);
    // The lead restates the plan's measures in words; every target comes from the plan's own text.
    expect(plan.targets.flatMap((t) => t.sources).filter((s) => s.origin === 'lead')).toEqual([]);
  });
});

describe('annex tables: values under the headers printed over them', () => {
  it('黔江 附件1: each value column’s header is its place and year over 目标值 or 变化幅度', () => {
    const table = planOf(QIANJIANG).annexes[0]!.blocks.find((b) => b.type === 'table')!;
    if (table.type !== 'table') throw new Error('no table');
    expect(table.header.columns.map((texts) => texts.join(' '))).toEqual([
      '指标',
      '单位',
      '重庆市2020年实际值',
      '重庆市2025年 目标值',
      '重庆市2025年 变化幅度/变化率',
      '黔江区2020年实际值',
      '黔江区2025年 目标值',
      '黔江区2025年 变化幅度/变化率',
      '责任单位',
    ]);
  });

  it('黔江’s own targets from the table point at cells under 黔江区2025年; 重庆市’s under 重庆市2025年', () => {
    const plan = planOf(QIANJIANG);
    const table = plan.annexes[0]!.blocks.find((b) => b.type === 'table')!;
    if (table.type !== 'table') throw new Error('no table');
    for (const target of plan.targets)
      for (const source of target.sources) {
        if (!source.cell || source.clauseId !== table.id) continue;
        const header = table.header.columns[source.cell.column]!.join(' ');
        const place = target.jurisdiction === '黔江区' ? '黔江区2025年' : '重庆市2025年';
        expect(header.startsWith(place), `${target.id}: ${header}`).toBe(true);
        const cell = table.rows[source.cell.row]![source.cell.column]!;
        expect(Number(cell.slice(source.cell.start, source.cell.end).replace(/[%％]/, ''))).toBe(
          target.originalValue,
        );
      }
  });
});

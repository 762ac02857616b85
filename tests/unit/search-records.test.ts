import { describe, expect, it } from 'vitest';
import {
  buildFold,
  searchBundles,
  searchClauses,
  searchRecords,
} from '../../src/integrations/pagefind';
import { clauseStarts, clauseValues, valuesOf, wordsOf as wordCounts } from '../../src/lib/search/browser/layout';
import type { Plan } from '../../src/lib/model/plan';
import { foldQuery } from '../../src/lib/search/browser/fold';
import { parseQuery } from '../../src/lib/search/browser/query';
import { hasRun } from '../../src/lib/search/browser/rank';
import {
  FILTER_KEYS,
  filterValues,
  LAYOUT_MAX,
  plansByProvince,
  type SearchClause,
} from '../../src/lib/search/build/records';
import { loadSearchNames } from '../../src/lib/search/build/names';
import { compileSynonyms } from '../../src/lib/search/browser/synonyms';
import { loadSearchGroups } from '../../src/lib/search/build/groups';
import { loadQueryWords } from '../../src/lib/search/build/synonyms-file';
import { withoutBracketGroups } from '../../src/lib/responsibility/brackets';
import { ingestedSeeds } from '../helpers/seeds';

const plans: Plan[] = ingestedSeeds().plans;
const records = searchClauses(plans, '/atlas/');
const groups = compileSynonyms(loadSearchGroups().groups, foldQuery);
const queryWords = loadQueryWords();

const split = new WeakMap<SearchClause, string[]>();
function wordsOf(record: SearchClause): string[] {
  let words = split.get(record);
  if (!words) split.set(record, (words = record.content.split(' ')));
  return words;
}

/** Pagefind's lookups, simulated on the records' words: exact = consecutive words, loose = prefixes, all present. */
function find(term: string, pool: readonly SearchClause[] = records): SearchClause[] {
  const exact = /^".*"$/.test(term);
  const words = term.replace(/"/g, '').split(' ');
  return pool.filter((record) => {
    const content = wordsOf(record);
    if (!exact) return words.every((w) => content.some((c) => c.startsWith(w)));
    return content.some((_, i) => words.every((w, j) => content[i + j] === w));
  });
}

/** The records a query finds literally, as the page computes them (without Pagefind's ranking). */
function literal(query: string): string[] {
  const parsed = parseQuery(query, foldQuery, groups)!;
  let pool = find(parsed.loose);
  for (const term of parsed.terms) for (const exact of term.exact) pool = find(exact, pool);
  return pool.map((r) => r.url);
}

/** The records whose text contains the query, spaces ignored (the reference the index must reproduce). */
function containing(query: string): string[] {
  const needle = foldQuery(query).replace(/\s+/g, '');
  return records.filter((r) => buildFold(r.meta.text).replace(/\s+/g, '').includes(needle)).map((r) => r.url);
}

describe('search records', () => {
  it('has one record per clause with text, and one per annex text and annex table, each at its permalink', () => {
    const clauses = plans.flatMap((p) => p.clauses.filter((c) => c.paragraphs.join('').trim()));
    const tables = plans.flatMap((p) => p.annexes.flatMap((a) => a.blocks.filter((b) => b.type === 'table')));
    expect(records.length).toBeGreaterThanOrEqual(clauses.length + tables.length);
    expect(new Set(records.map((r) => r.url)).size).toBe(records.length);
    for (const record of records) expect(record.url).toMatch(/^\/atlas\/plans\/[a-z0-9-]+\/#[a-z0-9-]+$/);
    const [plan] = plans;
    const clause = plan!.clauses.find((c) => c.id === '3-1-1')!;
    const record = records.find((r) => r.url === `/atlas/plans/${plan!.id}/#3-1-1`)!;
    expect(record.meta).toMatchObject({
      citation: clause.citation,
      heading: clause.heading,
      plan: plan!.title,
      text: clause.paragraphs.join('\n'),
    });
  });

  it("groups the plans by province for the plan filter, in the province filter's order", () => {
    const grouped = plansByProvince(plans);
    expect(grouped.map(([province]) => province)).toEqual(filterValues(plans, loadSearchNames()).province);
    expect(grouped.flatMap(([, labels]) => labels).sort()).toEqual(
      filterValues(plans, loadSearchNames()).plan.sort(),
    );
    // Hand-made: a national plan first, a plan with no region last, a province's plans in plan order.
    const [seed] = plans as [Plan, ...Plan[]];
    const variant = (id: string, fields: Partial<Plan>): Plan => ({ ...seed, id, ...fields });
    const made = [
      variant('b', {
        region: '乙县',
        province: '四川省',
        regionPath: [{ code: '51', name: '四川省', level: 'province' }],
      }),
      variant('x', { region: null, province: null, level: null, regionPath: [] }),
      variant('a', {
        region: '甲市',
        province: '河北省',
        regionPath: [{ code: '13', name: '河北省', level: 'province' }],
      }),
      variant('n', { region: '全国', province: null, level: 'national', regionPath: [] }),
      variant('c', {
        region: '丙市',
        province: '四川省',
        regionPath: [{ code: '51', name: '四川省', level: 'province' }],
      }),
    ];
    expect(plansByProvince(made).map(([province, labels]) => [province, labels.length])).toEqual([
      ['全国', 1],
      ['河北省', 1],
      ['四川省', 2],
      ['地区未识别', 1],
    ]);
  });

  it('tags every record with every filter, from the model and the catalogues', () => {
    const names = loadSearchNames();
    const values = filterValues(plans, names);
    for (const record of records) {
      for (const key of FILTER_KEYS)
        for (const value of record.filters[key]) expect(values[key], key).toContain(value);
      expect(record.filters.plan).toHaveLength(1);
      expect(record.filters.level).toHaveLength(1);
    }
    expect(values.level).toEqual(['省级', '市级', '区县']);
    // Provinces by division code: 河北 13, 山东 37, 重庆 50, 四川 51, 贵州 52.
    expect(values.province).toEqual(['河北省', '山东省', '重庆市', '四川省', '贵州省']);
    expect(records.find((r) => r.url.endsWith('/qianjiang-qu/#4-2-1'))!.filters.province).toEqual(['重庆市']);
    expect(values.part).toEqual(expect.arrayContaining(['重点工程', '政策机制', '保障措施', '附件']));
    // 黔江 2-p1 states the 14.5% energy intensity target; its table states 659.1 t of NOx.
    const goals = records.find((r) => r.url.endsWith('/qianjiang-qu/#2-p1'))!;
    expect(goals.filters.indicator.length).toBeGreaterThan(1);
    const table = records.find((r) => r.url.endsWith('/qianjiang-qu/#annex-2-table-1'))!;
    expect(table.filters.part).toEqual(['附件']);
    expect(table.filters.indicator.length).toBeGreaterThan(0);
    const led = records.find((r) => r.url.endsWith('/qianjiang-qu/#4-2-1'))!;
    expect(led.filters.department).toEqual(['生态环境']);
  });

  it.each([
    '两高',
    '生态环境局',
    '公转铁',
    '659.1',
    '14.5%',
    'PUE',
    'LNG',
    '超低排放改造',
    '有机物',
    '到2025年',
    '能效标杆水平',
    '区发展改革委',
    '氮氧化物',
  ])('%s: the literal lookups find exactly the records whose text contains it', (query) => {
    const expected = containing(query);
    expect(expected.length, 'the seeds contain the query').toBeGreaterThan(0);
    expect(
      literal(query)
        .filter((url) => expected.includes(url))
        .sort(),
    ).toEqual([...expected].sort());
    // Department names and regions are indexed too, so a few more records may match; never fewer.
  });

  it.each([
    '生态环境局',
    '超低排放改造',
    '公转铁',
    '能效标杆水平',
    '节能减排',
    '到2025年',
    '14.5%',
    '重点行业',
  ])('%s: the literal matches read from loose positions are exactly the records containing it', (query) => {
    const parsed = parseQuery(query, foldQuery, [])!;
    expect(parsed.chain).not.toBeNull();
    const words = parsed.loose.split(' ');
    const found = find(parsed.loose).filter((record) => {
      const content = record.content.split(' ');
      const positions = content.flatMap((c, i) => (words.some((w) => c.startsWith(w)) ? [i] : []));
      return hasRun(positions, parsed.chain!);
    });
    expect(found.map((r) => r.url).sort()).toEqual(containing(query).sort());
  });

  it.each(['能效标杆水平实施', '高排放项目', '推动泰钢', '0.0691万吨'])(
    '%s: no record is found that does not contain it (bigrams never chain across units)',
    (query) => {
      expect(literal(query).sort()).toEqual(containing(query).sort());
    },
  );

  it('finds every department by each of its names, in the clauses it is responsible for', () => {
    // Names that are neither printed in the clause nor read as a catalogue name (a branch office printed
    // once with a typo, 市生态环境局菜芜分局) are left to near matching on the page; they must stay rare.
    const unreached = new Set<string>();
    for (const plan of plans) {
      for (const department of plan.departments) {
        const clauses = plan.clauses.filter((c) =>
          c.responsibility?.departments.some((m) => m.departmentId === department.id),
        );
        for (const name of [department.name, ...department.aliases]) {
          // Through its department group when the clause prints another of the department's names. A
          // bracketed qualifier (区经济信息委（区大数据发展局）) is a second wording the clause must print. A
          // jurisdiction prefix (市市场监管局) is read with the prefixes of content/, as the page reads it.
          const parsed = parseQuery(withoutBracketGroups(foldQuery(name)), foldQuery, groups, queryWords)!;
          const found = new Set(find(parsed.loose).map((r) => r.url));
          const printed = new Set(literal(`"${name}"`));
          for (const clause of clauses) {
            const url = `/atlas/plans/${plan.id}/#${clause.id}`;
            if (found.has(url) || printed.has(url)) continue;
            expect(
              parsed.terms.some((t) => t.group),
              `${plan.id} ${name} ${clause.id}`,
            ).toBe(false);
            unreached.add(name);
          }
        }
      }
    }
    expect([...unreached]).toEqual(['市生态环境局菜芜分局']);
  }, 30_000);

  it('finds a clause through a synonym it does not print', () => {
    const parsed = parseQuery('COD', foldQuery, groups)!;
    const found = find(parsed.loose).map((r) => r.url);
    expect(found).toEqual(expect.arrayContaining(containing('化学需氧量')));
    expect(containing('COD')).toEqual([]);
  });
});

describe('bundles', () => {
  it('keeps the seeds in one bundle, at pagefind/', () => {
    const bundles = searchBundles(plans, '/atlas/');
    expect(bundles.map((b) => b.dir)).toEqual(['pagefind']);
    // Every clause once, inside the records that group them by chapter (clause-view.ts reads them back).
    const clauses = bundles[0]!.records.flatMap((r) => r.meta.clauses.map((c) => c.url));
    expect(clauses).toEqual(records.map((r) => r.url));
  });
});

describe('records of chapters', () => {
  const grouped = searchRecords(plans, '/atlas/');

  it("groups a chapter's clauses into one record whose layout says where each clause's words lie", () => {
    expect(grouped.length).toBeLessThan(records.length / 3);
    const byUrl = new Map(records.map((r) => [r.url, r]));
    const table = filterValues(plans, loadSearchNames());
    for (const record of grouped) {
      const counts = wordCounts(`x~${record.layout}`)!;
      const layout = valuesOf(record.values)!;
      expect(counts).toHaveLength(record.meta.clauses.length);
      expect(layout.clauses).toHaveLength(record.meta.clauses.length);
      // The bound of the words and values spelt together, as when both were the record's id (`<head>~<w>p…`).
      expect(record.values.length + record.layout.length - (counts.length - 1)).toBeLessThanOrEqual(
        LAYOUT_MAX,
      );
      const words = record.content.split(' ');
      const starts = clauseStarts(counts);
      expect(starts[starts.length - 1]).toBe(words.length);
      record.meta.clauses.forEach((clause, k) => {
        const own = byUrl.get(clause.url)!;
        // The clause's own words, at its place in the record.
        expect(words.slice(starts[k], starts[k + 1]).join(' ')).toBe(own.content);
        // Its own filter values, through the table.
        const values = clauseValues(layout, k);
        for (const key of FILTER_KEYS)
          expect(values[key].map((i) => table[key][i]).sort()).toEqual([...own.filters[key]].sort());
      });
      // One plan and one chapter per record.
      expect(new Set(record.meta.clauses.map((c) => c.url.split('#')[0])).size).toBe(1);
    }
  });

  it("never ends a clause's words with a bigram, so a phrase cannot run from one clause into the next", () => {
    for (const record of grouped) {
      const words = record.content.split(' ');
      for (const end of clauseStarts(wordCounts(`x~${record.layout}`)!).slice(1)) {
        const last = words[end - 1]!;
        expect(/^[a-p]{8}$/.test(last), `${record.url}: ${last}`).toBe(false);
      }
    }
  });
});

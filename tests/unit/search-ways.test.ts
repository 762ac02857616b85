/**
 * The ways people type and what results show (issue 10): question forms left out, department names from the
 * catalogue, near matches, excerpts that show every term, annex rows with their labels, related pages.
 * Table-driven, on small hand-written texts.
 */
import { describe, expect, it } from 'vitest';
import { buildFragments, tableRowsWithMatches } from '../../src/lib/search/browser/excerpt';
import { foldQuery } from '../../src/lib/search/browser/fold';
import { nearSpans, nearVariants } from '../../src/lib/search/browser/near';
import { parseQuery, withoutIgnored } from '../../src/lib/search/browser/query';
import { relatedPages, type RelatedPage } from '../../src/lib/search/browser/related';
import { compileSynonyms } from '../../src/lib/search/browser/synonyms';
import { groupToken, runsOf } from '../../src/lib/search/browser/tokens';
import { departmentGroups } from '../../src/lib/search/build/departments';
import { loadSearchGroups } from '../../src/lib/search/build/groups';
import { loadQueryWords } from '../../src/lib/search/build/synonyms-file';
import { loadDepartmentCatalogue } from '../../src/lib/departments/catalogue';

const words = loadQueryWords();
const groups = compileSynonyms(loadSearchGroups().groups, foldQuery);
const marked = (parts: { text: string; mark: boolean }[]) => parts.filter((p) => p.mark).map((p) => p.text);

describe('question forms and stop words', () => {
  it.each([
    ['公转铁有哪些措施', ['公转铁', '措施'], ['有哪些']],
    ['如何推进公转铁', ['推进公转铁'], ['如何']],
    ['碳达峰目标是多少', ['碳达峰目标'], ['是多少']],
    ['怎么 发展光伏？', ['发展光伏'], ['怎么']],
    ['“如何推进”', ['如何推进'], []], // quoted: searched as written
    ['如何', ['如何'], []], // nothing else left: kept
    ['公转铁', ['公转铁'], []],
  ])('%s → terms %j, left out %j', (query, terms, ignored) => {
    const parsed = parseQuery(query, foldQuery, groups, words)!;
    expect(parsed.terms.map((t) => t.text)).toEqual(terms);
    expect(parsed.ignored).toEqual(ignored);
  });

  it('keeps offsets: blanked words become spaces of the same length', () => {
    const { text, ignored } = withoutIgnored('公转铁有哪些', ['有哪些']);
    expect(text).toBe('公转铁   ');
    expect(ignored).toEqual([{ text: '有哪些', start: 3 }]);
  });
});

describe('department names from the catalogue', () => {
  const catalogue = loadDepartmentCatalogue();

  it('makes one group per catalogue rule, its name first, every alias once', () => {
    const made = departmentGroups(catalogue);
    expect(made).toHaveLength(catalogue.departments.length);
    catalogue.departments.forEach((rule, i) => {
      expect(made[i]!.forms[0]).toBe(rule.name);
      expect(new Set(made[i]!.forms)).toEqual(new Set([rule.name, ...rule.aliases]));
    });
  });

  it.each([
    ['环保局', '生态环境局'],
    ['发改局', '发展改革委'],
    ['农委', '农业农村局'],
    ['工信局', '经济和信息化局'],
    ['市环保局', '生态环境局'], // a jurisdiction prefix typed before an alias
    ['区交通局', '交通运输局'],
    ['国家发改委', '发展改革委'],
    ['省生态环境厅', '生态环境局'],
  ])('%s is a name of %s', (query, canonical) => {
    const parsed = parseQuery(query, foldQuery, groups, words)!;
    expect(parsed.terms).toHaveLength(1);
    const [term] = parsed.terms;
    expect(term!.group?.kind).toBe('department');
    expect(term!.group?.forms[0]).toBe(canonical);
    expect(term!.loose).toBe(groupToken(term!.group!.index));
    // The wording as typed is what a literal match must print.
    expect(term!.text).toBe(query);
  });

  it.each(['关税', '核能', '交通', '市场'])('%s is no department', (query) => {
    expect(parseQuery(query, foldQuery, groups, words)!.terms[0]!.group).toBeNull();
  });

  // The prefixes are data (content/search-synonyms.yaml `departmentPrefixes`), beyond the five of the seeds'
  // levels: autonomous regions and prefectures, party committees.
  it.each([
    ['区生态环境局', '生态环境局'],
    ['自治区发改委', '发展改革委'],
    ['州生态环境局', '生态环境局'],
    ['盟发改委', '发展改革委'],
  ])('with the prefixes of content/, %s → %s', (query, canonical) => {
    const [term] = parseQuery(query, foldQuery, groups, words)!.terms;
    expect(term!.group?.forms[0]).toBe(canonical);
  });

  it.each([
    ['市环保局', ['市'], '生态环境局'],
    ['市环保局', [], null], // no prefixes: read as typed, and 市环保局 is no catalogue name
    ['镇环保局', ['镇'], '生态环境局'], // any prefix the data lists
    ['镇环保局', ['市', '区'], null],
    ['市场监管局', ['市'], undefined], // the whole name first: never 市 + 场监管局
  ])('%s with prefixes %j → %s', (query, departmentPrefixes, canonical) => {
    const [term] = parseQuery(query, foldQuery, groups, { departmentPrefixes })!.terms;
    if (canonical === undefined) expect(term!.group?.forms).toContain(query);
    else if (canonical === null) expect(term!.group).toBeNull();
    else expect(term!.group?.forms[0]).toBe(canonical);
  });

  it('reads the prefixes from content/search-synonyms.yaml', () => {
    expect(words.departmentPrefixes).toEqual(expect.arrayContaining(['国家', '省', '市', '区', '县']));
  });
});

describe('near matches', () => {
  const find = (query: string, text: string) => {
    const [run] = runsOf(foldQuery(query));
    const textRuns = runsOf(foldQuery(text));
    return [
      ...new Set(
        nearVariants(run!).flatMap((v) => nearSpans(textRuns, v).map((f) => text.slice(...f.whole))),
      ),
    ];
  };

  it.each([
    ['垃圾发电', '推进生活垃圾焚烧发电项目建设', ['垃圾焚烧发电']],
    ['节能监查', '加强节能监察执法', ['节能监察']], // the last character slipped
    ['节能监察', '加强节能监察执法', ['节能监察']], // a literal match is near too; the page looks only when none is literal
    ['公转铁路', '大力推进公转铁、公转水', []], // an end slip keeps three units: 公转铁 + any one
    ['公转贴', '大力推进公转铁、公转水', []], // too short for an end slip: 公转 + any one would be noise
    ['工业节能改造', '实施工业节能降碳改造', ['工业节能降碳改造']],
    ['充电站', '建设充换电站', ['充换电站']],
    ['光伏板', '发展光伏发电', []],
    ['垃圾发电', '垃圾。发电', []], // never across punctuation
  ])('%s in “%s” → %j', (query, text, expected) => {
    const found = find(query, text);
    if (expected.length === 0) expect(found).toEqual([]);
    else expect(found).toEqual(expect.arrayContaining(expected));
  });

  it('has no variants for a query shorter than three units', () => {
    expect(nearVariants(runsOf('节能')[0]!)).toEqual([]);
  });
});

describe('excerpts', () => {
  const highlights = (query: string) =>
    parseQuery(query, foldQuery, groups, words)!.terms.map((t) => t.highlight);

  it('shows every term, in several fragments when they are apart', () => {
    const text = `推进公转铁${'其他内容。'.repeat(40)}发展新能源汽车`;
    const fragments = buildFragments(text, highlights('公转铁 新能源'), foldQuery, 60);
    expect(fragments.length).toBe(2);
    expect(fragments.flatMap((f) => marked(f.parts))).toEqual(['公转铁', '新能源']);
  });

  it('keeps one excerpt when the terms are close', () => {
    const fragments = buildFragments('推进公转铁，发展新能源汽车。', highlights('公转铁 新能源'), foldQuery);
    expect(fragments).toHaveLength(1);
    expect(marked(fragments[0]!.parts)).toEqual(['公转铁', '新能源']);
  });

  it('labels an annex table match with its column headers', () => {
    const text = ['序号　主要污染物　减排目标（吨）', '1　氮氧化物（吨）　659.1', '2　氨氮（吨）　18'].join(
      '\n',
    );
    const rows = tableRowsWithMatches(text, 1, highlights('659.1'), foldQuery);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.map((c) => c.label)).toEqual(['序号', '主要污染物', '减排目标（吨）']);
    expect(rows[0]!.flatMap((c) => marked(c.parts))).toEqual(['659.1']);
  });

  it('labels a value under a merged header with the full header over its column, not the sub-header alone', () => {
    const text = ['指标　重庆市2025年　黔江区2025年', '　目标值　目标值', '城市公交出行分担率　35　30'].join(
      '\n',
    );
    const columns = ['指标', '重庆市2025年 目标值', '黔江区2025年 目标值'].join('　');
    const rows = tableRowsWithMatches(text, 2, highlights('30'), foldQuery, 2, columns);
    expect(rows[0]!.map((c) => c.label)).toEqual(['指标', '重庆市2025年 目标值', '黔江区2025年 目标值']);
    expect(rows[0]!.find((c) => marked(c.parts).length > 0)?.label).toBe('黔江区2025年 目标值');
  });
});

describe('related pages', () => {
  const pages: RelatedPage[] = [
    ['对比：交通物流节能减排工程', '/compare/transport/', ['交通物流节能减排工程', '公转铁', '新能源汽车']],
    ['指标：单位地区生产总值能耗降低率', '/indicators/energy-intensity/', ['单位地区生产总值能耗降低率']],
  ];
  it.each([
    ['公转铁', ['/compare/transport/']],
    ['能耗降低', ['/indicators/energy-intensity/']],
    ['关税', []],
    ['铁', []], // one character names nothing
  ])('%s → %j', (query, urls) => {
    expect(relatedPages([query], pages, foldQuery).map((p) => p[1])).toEqual(urls);
  });
});

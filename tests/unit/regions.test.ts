import { describe, expect, it } from 'vitest';
import { loadPlanKnowledge } from '../../src/lib/curated/plan-knowledge';
import { ingestSeeds } from '../../src/lib/ingest';
import { enrichments, loadKnowledge } from '../../src/lib/knowledge';
import { readFrontMatter } from '../../src/lib/frontmatter/index';
import { loadDivisions } from '../../src/lib/regions/divisions';
import { formerDivisionsSchema } from '../../src/lib/regions/former';
import { parseCuratedYaml } from '../../src/lib/curated/load';
import { splitName } from '../../src/lib/regions/names';
import { slugOfDivision, slugOfFile, slugOfName } from '../../src/lib/regions/slug';
import { parseStructure } from '../../src/lib/structure/index';

const divisions = loadDivisions();
const knowledge = loadPlanKnowledge();
const one = (name: string) => {
  const named = divisions.named(name);
  expect(named, name).toHaveLength(1);
  return named[0]!;
};

/** Front matter of a small hand-written text, as the parser reads it. */
function front(text: string, file = 'test.txt') {
  const structure = parseStructure(text, file, knowledge.parts);
  return readFrontMatter(structure.front, structure.clauses, file, knowledge.jurisdictions, divisions)
    .frontMatter;
}

describe('division list', () => {
  it.each([
    ['莱芜区', 'county', ['山东省', '济南市', '莱芜区']],
    ['黔江区', 'county', ['重庆市', '黔江区']],
    ['都江堰市', 'county', ['四川省', '成都市', '都江堰市']], // a 县级市 is a county
    ['仙桃市', 'county', ['湖北省', '仙桃市']], // directly administered by the province
    ['东莞市', 'city', ['广东省', '东莞市']], // a prefecture without counties is listed once
    ['重庆市', 'province', ['重庆市']],
    ['香港特别行政区', 'province', ['香港特别行政区']],
  ] as const)('%s is a %s under %j', (name, level, chain) => {
    const division = one(name);
    expect(division.level).toBe(level);
    expect(divisions.chain(division).map((d) => d.name)).toEqual(chain);
  });

  it('has no placeholder units (市辖区, 省直辖县级行政区划)', () => {
    expect(divisions.all.filter((d) => /^(市辖区|县|.*直辖县级行政区划)$/.test(d.name))).toEqual([]);
  });

  it('knows every province whose 文号 abbreviation is curated', () => {
    for (const name of Object.keys(knowledge.jurisdictions.abbreviations)) {
      expect(
        divisions.named(name).map((d) => d.level),
        name,
      ).toEqual(['province']);
    }
  });
});

describe('province-level units outside the national plan’s system', () => {
  const outside = knowledge.jurisdictions.outsideNationalPlan;

  it('are 香港, 澳门 and 台湾, each a province-level unit of the list', () => {
    expect([...outside.regions].sort()).toEqual(['台湾省', '澳门特别行政区', '香港特别行政区'].sort());
    for (const name of outside.regions)
      expect(
        divisions.named(name).map((d) => d.level),
        name,
      ).toEqual(['province']);
  });

  it('say why they have no plan, naming the national plan’s addressees', () => {
    expect(outside.note).toContain('国发〔2021〕33号');
    expect(outside.note).toContain('各省、自治区、直辖市人民政府');
  });
});

describe('names and slugs', () => {
  it.each([
    ['贵州省', '贵州', '省'],
    ['内蒙古自治区', '内蒙古', '自治区'],
    ['湘西土家族苗族自治州', '湘西', '土家族苗族自治州'],
    ['城区', '城区', ''],
    ['大兴安岭地区', '大兴安岭', '地区'],
  ])('%s → %s + %s', (name, proper, suffix) => {
    expect(splitName(name)).toEqual({ proper, suffix });
  });

  it.each([
    ['陕西省', 'shaanxi-sheng'],
    ['山西省', 'shanxi-sheng'],
    ['黔江区', 'qianjiang-qu'],
    ['莱芜区', 'laiwu-qu'],
    ['重庆市', 'chongqing-shi'],
  ])('%s → %s', (name, slug) => {
    expect(slugOfDivision(one(name), divisions)).toBe(slug);
  });

  it('tells same-named counties apart by their prefecture', () => {
    const slugs = divisions.named('鼓楼区').map((d) => slugOfDivision(d, divisions));
    expect(slugs).toEqual(expect.arrayContaining(['nanjing-gulou-qu', 'fuzhou-gulou-qu']));
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it('gives every division a distinct slug', () => {
    const slugs = divisions.all.map((d) => slugOfDivision(d, divisions));
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it('names a plan with no region after its file', () => {
    expect(slugOfFile('news copy_7.txt')).toBe('plan-news-copy-7');
    expect(slugOfFile('节能方案.txt')).toBe('plan-jienengfangan');
    expect(slugOfName('雄安新区')).toBe('xiongan-xinqu');
  });
});

const BODY = '一、总体要求\n（一）主要目标。到2025年，能耗下降13%。\n';

describe('region recognition', () => {
  it.each([
    ['the title', `黔江区“十四五”节能减排综合工作实施方案\n${BODY}`, '黔江区', 'county', 'title'],
    [
      'a traditional title, canonical name',
      `重慶市“十四五”節能減排綜合工作方案\n${BODY}`,
      '重庆市',
      'province',
      'title',
    ],
    [
      'the issuer above a notice, no region in the title',
      `山东省济南市莱芜区人民政府\n关于印发“十四五”节能减排工作实施方案的通知\n各街道办事处：\n现印发给你们。\n“十四五”节能减排工作实施方案\n${BODY}`,
      '莱芜区',
      'county',
      'issuer',
    ],
    [
      'a news lead quoting the notice',
      `日前，河北省廊坊市人民政府关于印发廊坊市“十四五”节能减排综合实施方案的通知指出，要全面推进。\n${BODY}`,
      '廊坊市',
      'city',
      'lead',
    ],
    [
      '全省 with the one province the body names (in a quotation)',
      `一、总体要求\n根据《贵州省“十四五”生态环境保护规划》，全省能耗持续下降，全省上下共同努力。\n`,
      '贵州省',
      'province',
      'body',
    ],
    [
      'the 文号 abbreviation of the notice',
      `关于印发“十四五”节能减排综合工作方案的通知\n黔府办发〔2022〕12号\n各市（州）人民政府：\n“十四五”节能减排综合工作方案\n${BODY}`,
      '贵州省',
      'province',
      'document-number',
    ],
    [
      'the file name',
      `“十四五”节能减排综合工作方案\n${BODY}`,
      '达州市',
      'city',
      'file-name',
      '达州市方案.txt',
    ],
    [
      'a same-named county told apart by the issuer',
      `福建省福州市鼓楼区人民政府\n关于印发鼓楼区“十四五”节能减排实施方案的通知\n鼓楼区“十四五”节能减排实施方案\n${BODY}`,
      '鼓楼区',
      'county',
      'title',
    ],
  ])('from %s', (_what, text, region, level, source, file = 'test.txt') => {
    const meta = front(text, file);
    expect([meta.region, meta.level, meta.regionSource]).toEqual([region, level, source]);
  });

  it('does not take the plan a preamble follows for the plan itself', () => {
    const text = [
      '为推进全区节能减排，根据重庆市人民政府关于印发重庆市“十四五”节能减排综合工作实施方案的通知要求，结合黔江区实际，制定本方案。',
      '一、总体要求',
      '全区上下坚持节约优先。到2025年，黔江区单位地区生产总值能耗下降14%。',
    ].join('\n');
    const meta = front(text);
    expect([meta.region, meta.regionSource]).toEqual(['黔江区', 'body']);
  });

  it('keeps a printed place the list does not have, its level unknown', () => {
    const meta = front(`雄安新区“十四五”节能减排综合工作方案\n${BODY}`);
    expect([meta.region, meta.level, meta.regionPath]).toEqual(['雄安新区', null, []]);
    expect(meta.unrecognised).toContain('level');
  });

  it('says the region is unknown when nothing names it', () => {
    const meta = front(`“十四五”节能减排综合工作方案\n${BODY}`);
    expect([meta.region, meta.level]).toEqual([null, null]);
    expect(meta.unrecognised).toEqual(expect.arrayContaining(['region', 'level']));
  });

  it('reads the parent chain of a district', () => {
    const meta = front(`莱芜区“十四五”节能减排工作实施方案\n${BODY}`);
    expect(meta.regionPath.map((d) => `${d.code} ${d.name} ${d.level}`)).toEqual([
      '37 山东省 province',
      '3701 济南市 city',
      '370116 莱芜区 county',
    ]);
    expect(meta.province).toBe('山东省');
  });
});

describe('corpus links', () => {
  const full = loadKnowledge();
  const text = (title: string) => new TextEncoder().encode(`${title}\n${BODY}`);
  const ingest = (...titles: [string, string][]) =>
    ingestSeeds(
      titles.map(([file, title]) => ({ file, bytes: text(title), sidecar: null })),
      full.plan,
      { enrichments: enrichments(full) },
    );

  it('links a plan to the corpus plan of the nearest division above it', () => {
    const { plans } = ingest(
      ['a.txt', '莱芜区“十四五”节能减排工作实施方案'],
      ['b.txt', '山东省“十四五”节能减排综合工作方案'],
      ['c.txt', '济南市“十四五”节能减排工作实施方案'],
      ['d.txt', '贵州省“十四五”节能减排综合工作方案'],
    );
    expect(plans.map((p) => [p.id, p.parent])).toEqual([
      ['laiwu-qu', 'jinan-shi'],
      ['shandong-sheng', null],
      ['jinan-shi', 'shandong-sheng'],
      ['guizhou-sheng', null],
    ]);
  });

  it('links to the final text of the parent where the corpus has a draft too', () => {
    const { plans } = ingest(
      ['a.txt', '济南市“十四五”节能减排工作实施方案（征求意见稿）'],
      ['b.txt', '济南市“十四五”节能减排工作实施方案'],
      ['c.txt', '莱芜区“十四五”节能减排工作实施方案'],
    );
    expect(plans.map((p) => [p.id, p.status, p.parent, p.versions])).toEqual([
      ['jinan-shi-draft', 'draft', null, ['jinan-shi']],
      ['jinan-shi', 'final', null, ['jinan-shi-draft']],
      ['laiwu-qu', 'final', 'jinan-shi', []],
    ]);
  });

  it('keeps 陕西省 and 山西省 apart', () => {
    const { plans, errors } = ingest(
      ['a.txt', '陕西省“十四五”节能减排综合工作方案'],
      ['b.txt', '山西省“十四五”节能减排综合工作方案'],
    );
    expect(errors).toEqual([]);
    expect(plans.map((p) => p.id)).toEqual(['shaanxi-sheng', 'shanxi-sheng']);
  });
});

describe('sidecar region', () => {
  const full = loadKnowledge();
  it('is looked up in the division list, the sidecar province choosing among same-named counties', () => {
    const { plans, errors } = ingestSeeds(
      [
        {
          file: 'a.txt',
          bytes: new TextEncoder().encode(`“十四五”节能减排综合工作方案\n${BODY}`),
          sidecar: { file: 'a.yaml', bytes: new TextEncoder().encode('region: 鼓楼区\nprovince: 福建省\n') },
        },
      ],
      full.plan,
      { enrichments: enrichments(full) },
    );
    expect(errors).toEqual([]);
    const plan = plans[0]!;
    expect([plan.id, plan.region, plan.level, plan.regionSource]).toEqual([
      'fuzhou-gulou-qu',
      '鼓楼区',
      'county',
      'sidecar',
    ]);
    expect(plan.regionPath.map((d) => d.name)).toEqual(['福建省', '福州市', '鼓楼区']);
    expect(plan.unrecognised).not.toContain('region');
  });
});

describe('former divisions (content/former-divisions.yaml)', () => {
  const withHistory = knowledge.divisions;
  const frontWithHistory = (text: string) => {
    const structure = parseStructure(text, 'test.txt', knowledge.parts);
    return readFrontMatter(
      structure.front,
      structure.clauses,
      'test.txt',
      knowledge.jurisdictions,
      withHistory,
    ).frontMatter;
  };

  it('gives an abolished city its level, its chain and what became of it', () => {
    const meta = frontWithHistory(`莱芜市“十四五”节能减排工作方案\n${BODY}`);
    expect([meta.region, meta.level, meta.province]).toEqual(['莱芜市', 'city', '山东省']);
    expect(meta.regionPath).toEqual([
      { code: '37', name: '山东省', level: 'province' },
      { code: '3712', name: '莱芜市', level: 'city', former: { abolished: 2019, successors: ['济南市'] } },
    ]);
    expect(meta.unrecognised).not.toContain('level');
  });

  it('reads an abolished district under its former city', () => {
    const meta = frontWithHistory(`莱芜市莱城区“十四五”节能减排工作方案
${BODY}`);
    expect([meta.region, meta.level]).toEqual(['莱城区', 'county']);
    expect(meta.regionPath.map((d) => d.name)).toEqual(['山东省', '莱芜市', '莱城区']);
    expect(meta.regionPath.at(-1)?.former).toEqual({ abolished: 2019, successors: ['莱芜区'] });
  });

  it('never changes the slug of a current division, and gives former ones their own', () => {
    for (const division of divisions.all)
      expect(slugOfDivision(division, withHistory), division.name).toBe(slugOfDivision(division, divisions));
    const slugs = withHistory.all.map((d) => slugOfDivision(d, withHistory));
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugOfDivision(withHistory.named('莱芜市')[0]!, withHistory)).toBe('laiwu-shi');
  });

  it('keeps a current name for the current division', () => {
    expect(withHistory.named('莱芜区').map((d) => d.code)).toEqual(['370116']);
    expect(withHistory.all.filter((d) => d.former).every((d) => divisions.named(d.name).length === 0)).toBe(
      true,
    );
  });

  it.each([
    [
      'a code the current list uses',
      "{ code: '3701', name: 旧市, level: city, parent: '37', abolished: 2019, successors: ['3701'] }",
      /divisions\.0\.code: code 3701 is 济南市 in the current list/,
    ],
    [
      'a name the current list uses',
      "{ code: '3799', name: 济南市, level: city, parent: '37', abolished: 2019, successors: ['3701'] }",
      /divisions\.0\.name: 济南市 is in the current list/,
    ],
    [
      'an unknown successor',
      "{ code: '3799', name: 旧市, level: city, parent: '37', abolished: 2019, successors: ['3798'] }",
      /divisions\.0\.successors: successor 3798 is not in the current list/,
    ],
    [
      'an unknown parent',
      "{ code: '379901', name: 旧区, level: county, parent: '3799', abolished: 2019, successors: ['3701'] }",
      /divisions\.0\.parent: unknown parent code 3799/,
    ],
  ])('refuses %s with file:line', (_label, entry, message) => {
    const yamlText = `# former\ndivisions:\n  - ${entry}\n`;
    expect(() => parseCuratedYaml(yamlText, 'x.yaml', formerDivisionsSchema(divisions))).toThrow(
      new RegExp(`^x\\.yaml:3: ${message.source}`),
    );
  });
});

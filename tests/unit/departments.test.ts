import { describe, expect, it } from 'vitest';
import { assignResponsibilities } from '../../src/lib/departments';
import { loadDepartmentCatalogue } from '../../src/lib/departments/catalogue';
import { DepartmentResolver, jurisdictionOf } from '../../src/lib/departments/resolve';
import { departmentIds, pinyinSlug } from '../../src/lib/departments/slug';
import { Clause, Department, Responsibility } from '../../src/lib/model/plan';
import type { Level } from '../../src/lib/model/plan';

const catalogue = loadDepartmentCatalogue();

/** A minimal clause whose only paragraph is `text`, at source line `line`. */
function clause(line: number, text: string): Clause {
  return Clause.parse({
    id: `p${line}`,
    kind: 'paragraph',
    parentId: null,
    depth: 1,
    number: null,
    citation: '',
    heading: null,
    paragraphs: ['前文。', text],
    responsibility: null,
    part: 'other',
    position: line,
    line: line - 1,
    endLine: line,
  });
}

function run(region: string, level: Level, notes: string[]) {
  const clauses = notes.map((text, index) => clause(10 + index, text));
  return assignResponsibilities({ clauses, region, level, file: 'seed.txt', catalogue });
}

describe('department categories', () => {
  it.each<[string, Level, string, string]>([
    ['黔江区', 'county', '区发展改革委', 'development-reform'],
    ['黔江区', 'county', '区经济信息委（区大数据发展局）', 'industry-information'],
    ['黔江区', 'county', '区住房城乡建委', 'housing-construction'],
    ['黔江区', 'county', '区交通局（黔江邮政业安全发展中心）', 'transport'],
    ['黔江区', 'county', '区机关事务中心', 'government-offices'],
    ['黔江区', 'county', '区教委', 'education'],
    ['黔江区', 'county', '区人力社保局', 'human-resources-social-security'],
    ['黔江区', 'county', '区规划自然资源局', 'natural-resources-planning'],
    ['黔江区', 'county', '黔江区税务局', 'taxation'],
    ['黔江区', 'county', '人行黔江中心支行', 'financial-sector'],
    ['黔江区', 'county', '黔江银保监分局', 'financial-sector'],
    ['黔江区', 'county', '区金融办', 'financial-sector'],
    ['黔江区', 'county', '正阳工业园区管委会', 'development-zones'],
    ['黔江区', 'county', '武陵山机场公司', 'state-owned-enterprises'],
    ['黔江区', 'county', '区委宣传部', 'party-committee'],
    ['黔江区', 'county', '区委组织部', 'party-committee'],
    ['黔江区', 'county', '区妇联', 'mass-organizations'],
    ['黔江区', 'county', '区应急局', 'emergency-management'],
    ['黔江区', 'county', '区供销合作社', 'supply-marketing-cooperatives'],
    ['黔江区', 'county', '区国资委', 'state-assets'],
    // Bodies county plans list beside the main ones (each was 其他 before it had a category).
    ['安化县', 'county', '县医保局', 'medical-security'],
    ['安化县', 'county', '县审计局', 'audit'],
    ['安化县', 'county', '县退役军人事务局', 'veterans-affairs'],
    ['安化县', 'county', '县人防办', 'civil-air-defence'],
    ['安化县', 'county', '县残联', 'mass-organizations'],
    ['安化县', 'county', '县政府办公室', 'government-general-offices'],
    ['安化县', 'county', '县人民政府办公室', 'government-general-offices'],
    ['安化县', 'county', '县融媒体中心', 'news-media'],
    ['安化县', 'county', '县粮食和物资储备局', 'grain-reserves'],
    ['达州市', 'city', '市经信局', 'industry-information'],
    ['达州市', 'city', '市市场监督管理局', 'market-regulation'],
    ['达州市', 'city', '市口岸物流办', 'commerce'],
    ['达州市', 'city', '市城管执法局', 'urban-management'],
    ['达州市', 'city', '市水务局', 'water'],
    ['达州市', 'city', '市水务集团', 'state-owned-enterprises'],
    ['达州市', 'city', '市委目标绩效办', 'party-committee'],
    ['达州市', 'city', '人行达州市中心支行', 'financial-sector'],
    ['达州市', 'city', '达州银保监分局', 'financial-sector'],
    ['达州市', 'city', '市邮政管理局', 'postal'],
    ['达州市', 'city', '市乡村振兴局', 'rural-revitalization'],
    ['贵州省', 'province', '省工业和信息化厅', 'industry-information'],
    ['贵州省', 'province', '省能源局', 'energy'],
    ['贵州省', 'province', '省大数据局', 'big-data-communications'],
    ['贵州省', 'province', '省通信管理局', 'big-data-communications'],
    ['贵州省', 'province', '人民银行贵阳中心支行', 'financial-sector'],
    ['贵州省', 'province', '贵州银保监局', 'financial-sector'],
    ['贵州省', 'province', '贵州证监局', 'financial-sector'],
    ['贵州省', 'province', '省地方金融监管局', 'financial-sector'],
    ['贵州省', 'province', '成都铁路局贵阳办事处', 'central-agencies'],
    ['贵州省', 'province', '民航贵州监管局', 'central-agencies'],
    ['贵州省', 'province', '省机关事务局', 'government-offices'],
    ['莱芜区', 'county', '市生态环境局莱芜分局', 'ecology-environment'],
    ['莱芜区', 'county', '市公安局莱芜区分局', 'public-security'],
    ['莱芜区', 'county', '中国人民银行莱芜分行', 'financial-sector'],
    ['莱芜区', 'county', '区金融运行监测中心', 'financial-sector'],
    ['莱芜区', 'county', '区委编办', 'party-committee'],
    ['莱芜区', 'county', '区行政审批服务局', 'administrative-approval'],
    ['莱芜区', 'county', '区国有资产管理服务中心', 'state-assets'],
    ['莱芜区', 'county', '区城市规划协调服务中心', 'natural-resources-planning'],
    ['莱芜区', 'county', '区商务综合服务中心', 'commerce'],
    ['廊坊市', 'city', '市发改委', 'development-reform'],
    ['廊坊市', 'city', '市住建局', 'housing-construction'],
    ['廊坊市', 'city', '市人社局', 'human-resources-social-security'],
    ['廊坊市', 'city', '市公共机构节能办公室', 'government-offices'],
    ['廊坊市', 'city', '廊坊银保监分局', 'financial-sector'],
    ['廊坊市', 'city', '市应对气候变化及节能减排工作领导小组各成员单位', 'coordination-bodies'],
    ['廊坊市', 'city', '市民政局', 'civil-affairs'],
    ['廊坊市', 'city', '市卫生健康委', 'health'],
    ['廊坊市', 'city', '临空经济区（廊坊）管委会', 'development-zones'],
    // How county plans print their bodies (merged portfolios, branches, brigades), each read as 其他 before.
    ['安化县', 'county', '县生态环境分局', 'ecology-environment'],
    ['安化县', 'county', '县科工局', 'industry-information'],
    ['安化县', 'county', '县经济商务局', 'industry-information'],
    ['安化县', 'county', '县农业农村和水利局', 'agriculture-rural'],
    ['安化县', 'county', '县畜牧兽医局', 'agriculture-rural'],
    ['安化县', 'county', '县卫健局', 'health'],
    ['安化县', 'county', '县文化广电旅游局', 'culture-tourism'],
    ['安化县', 'county', '团县委', 'mass-organizations'],
    ['安化县', 'county', '县公安局交警大队', 'public-security'],
    ['安化县', 'county', '县消防救援大队', 'emergency-management'],
    ['安化县', 'county', '县数据局', 'big-data-communications'],
    ['安化县', 'county', '县政务服务中心', 'administrative-approval'],
    ['安化县', 'county', '县节能监察中心', 'energy'],
    ['廊坊市', 'city', '市规划局', 'natural-resources-planning'],
  ])('%s (%s): %s → %s', (region, level, name, category) => {
    const resolver = new DepartmentResolver(catalogue, jurisdictionOf(region, level));
    expect(resolver.resolve(name).category).toBe(category);
  });

  it('gives an unknown department the category other and never throws', () => {
    const resolver = new DepartmentResolver(catalogue, jurisdictionOf('黔江区', 'county'));
    expect(resolver.resolve('区节能降碳攻坚专班').category).toBe('other');
  });
});

describe('jurisdictionOf', () => {
  it.each<[string, Level, string | null, string]>([
    ['黔江区', 'county', '黔江', '区'],
    ['达州市', 'city', '达州', '市'],
    ['贵州省', 'province', '贵州', '省'],
    ['沙县', 'county', null, '县'],
    ['全国', 'national', null, '国'],
  ])('%s', (region, level, core, levelChar) => {
    const jurisdiction = jurisdictionOf(region, level);
    expect(jurisdiction.core).toBe(core);
    expect(jurisdiction.levelChar).toBe(levelChar);
  });
});

describe('assignResponsibilities: merging', () => {
  it('merges an abbreviation with the full name and names the entity by its most frequent form', () => {
    const result = run('达州市', 'city', [
      '（市发展改革委、市市场监管局等按职责分工负责）',
      '（市交通运输局牵头，市市场监督管理局等按职责分工负责）',
      '（市发展改革委、市经信局牵头，人行达州市中心支行、市市场监管局等按职责分工负责）',
    ]);
    const market = result.departments.filter((d) => d.category === 'market-regulation');
    expect(market).toEqual([
      {
        id: 'shi-chang-jian-guan-ju',
        name: '市市场监管局',
        aliases: ['市市场监督管理局'],
        category: 'market-regulation',
      },
    ]);
    const ids = result.clauses.flatMap((c) =>
      (c.responsibility?.departments ?? [])
        .filter((m) => m.name.startsWith('市市场'))
        .map((m) => m.departmentId),
    );
    expect(ids).toEqual(['shi-chang-jian-guan-ju', 'shi-chang-jian-guan-ju', 'shi-chang-jian-guan-ju']);
  });

  it('merges a name with a bracketed second title into the plain name', () => {
    const result = run('黔江区', 'county', [
      '〔区发展改革委、区经济信息委（区大数据发展局）、区市场监管局等按职责分工负责〕',
      '（区经济信息委、区生态环境局等按职责分工负责）',
      '（区经济信息委、区发展改革委等按职责分工负责）',
    ]);
    const industry = result.departments.find((d) => d.category === 'industry-information');
    expect(industry).toEqual({
      id: 'jing-ji-xin-xi-wei',
      name: '区经济信息委',
      aliases: ['区经济信息委（区大数据发展局）'],
      category: 'industry-information',
    });
  });

  it('merges the region-prefixed form with the level-prefixed form', () => {
    const result = run('黔江区', 'county', [
      '（区发展改革委、黔江区税务局牵头，区财政局等按职责分工负责）',
      '（区税务局、区财政局等按职责分工负责）',
      '（区税务局负责）',
    ]);
    expect(result.departments.filter((d) => d.category === 'taxation')).toEqual([
      { id: 'shui-wu-ju', name: '区税务局', aliases: ['黔江区税务局'], category: 'taxation' },
    ]);
  });

  it.each<[string, string, Level, string[], string, string[]]>([
    [
      'the 莱芜 plan’s 菜芜 slip, printed first',
      '莱芜区',
      'county',
      ['（区交通运输局牵头，市生态环境局菜芜分局等按职责分工负责）', '（市生态环境局莱芜分局负责）'],
      '市生态环境局莱芜分局',
      ['市生态环境局菜芜分局'],
    ],
    [
      'a slip in another region’s name (generic, not a hard-coded pair)',
      '黔江区',
      'county',
      ['（市生态环境局黔红分局负责）', '（市生态环境局黔江分局、区水利局等按职责分工负责）'],
      '市生态环境局黔江分局',
      ['市生态环境局黔红分局'],
    ],
  ])('corrects %s', (_label, region, level, notes, name, aliases) => {
    const result = run(region, level, notes);
    const ecology = result.departments.filter((d) => d.category === 'ecology-environment');
    expect(ecology.map((d) => [d.name, d.aliases])).toEqual([[name, aliases]]);
    const mentionIds = new Set(
      result.clauses.flatMap((c) => (c.responsibility?.departments ?? []).map((m) => m.departmentId)),
    );
    expect(mentionIds.has(ecology[0]?.id ?? '')).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it('keeps a slip nobody else printed, and never rewrites another place that looks like the region', () => {
    const laiwu = run('莱芜区', 'county', ['（市生态环境局菜芜分局负责）']);
    expect(laiwu.departments.map((d) => d.name)).toEqual(['市生态环境局菜芜分局']);
    const guizhou = run('贵州省', 'province', [
      '(省发展改革委牵头，人民银行贵阳中心支行、贵州银保监局等按职责分工负责)',
    ]);
    expect(guizhou.departments.map((d) => d.name)).toEqual([
      '省发展改革委',
      '人民银行贵阳中心支行',
      '贵州银保监局',
    ]);
  });

  it('keeps the parent city’s branch and the district’s own body apart', () => {
    const result = run('莱芜区', 'county', [
      '（区生态环境局、市生态环境局莱芜分局、市生态环境局等按职责分工负责）',
    ]);
    expect(result.departments.map((d) => [d.name, d.id])).toEqual([
      ['区生态环境局', 'qu-sheng-tai-huan-jing-ju'],
      ['市生态环境局莱芜分局', 'sheng-tai-huan-jing-ju-lai-wu-fen-ju'],
      ['市生态环境局', 'shi-sheng-tai-huan-jing-ju'],
    ]);
  });
});

describe('assignResponsibilities: clauses', () => {
  it('fills responsibility with roles and department ids, and leaves clauses without a note alone', () => {
    const plain = clause(5, '一、总体要求');
    const noted = clause(6, '推进农业节能。（区农业农村委牵头，区发展改革委等按职责分工负责）');
    const result = assignResponsibilities({
      clauses: [plain, noted],
      region: '黔江区',
      level: 'county',
      file: 'seed.txt',
      catalogue,
    });
    expect(result.clauses[0]).toBe(plain);
    expect(result.clauses[1]?.responsibility).toEqual({
      text: '（区农业农村委牵头，区发展改革委等按职责分工负责）',
      // Ranges in the last paragraph (the helper puts one before it), after the sentence before the note.
      range: { paragraph: 1, start: 7, end: 32 },
      departments: [
        {
          name: '区农业农村委',
          departmentId: 'nong-ye-nong-cun-wei',
          role: 'lead',
          roleWording: '牵头',
          range: { paragraph: 1, start: 8, end: 14 },
        },
        {
          name: '区发展改革委',
          departmentId: 'fa-zhan-gai-ge-wei',
          // The machine role is supporting (listed after a lead); the page shows the plan's own words.
          role: 'supporting',
          roleWording: '按职责分工负责',
          range: { paragraph: 1, start: 17, end: 23 },
        },
      ],
      implementers: [],
      implementersInherited: false,
    });
  });

  it('carries standing implementers to every later clause and not to earlier ones', () => {
    const result = run('贵州省', 'province', [
      '(省生态环境厅负责)',
      '(省工业和信息化厅、省发展改革委等按职责分工负责，各市〔州〕人民政府负责落实。以下均需各市〔州〕人民政府落实，不再列出)',
      '(省发展改革委、省工业和信息化厅、省生态环境厅等按职责分工负责)',
      '(省机关事务局负责)',
      '(省发展改革委牵头，省统计局等按职责分工负责，贵安新区管委会负责落实)',
    ]);
    expect(
      result.clauses.map((c) => [c.responsibility?.implementers, c.responsibility?.implementersInherited]),
    ).toEqual([
      [[], false],
      [['各市〔州〕人民政府'], false],
      [['各市〔州〕人民政府'], true],
      [['各市〔州〕人民政府'], true],
      [['贵安新区管委会', '各市〔州〕人民政府'], true],
    ]);
  });

  it('does not mark a clause as inheriting what it prints itself', () => {
    const result = run('莱芜区', 'county', [
      '(区发展改革局牵头,区城管局等按职责分工负责, 各街道（镇）办事处（人民政府）负责落实，以下均需各街道（镇）办事处（人民政府）落实，不再逐一列出)',
      '(区科技局牵头负责，各街道（镇）办事处（人民政府）负责落实)',
    ]);
    expect(result.clauses[1]?.responsibility?.implementers).toEqual(['各街道（镇）办事处（人民政府）']);
    expect(result.clauses[1]?.responsibility?.implementersInherited).toBe(false);
  });

  it('a later standing note replaces the earlier one', () => {
    const result = run('达州市', 'city', [
      '（市经信局负责，甲县人民政府负责落实。以下均需甲县人民政府落实，不再列出）',
      '（市经信局负责，乙县人民政府负责落实。以下均需乙县人民政府落实，不再列出）',
      '（市经信局负责）',
    ]);
    expect(result.clauses[2]?.responsibility?.implementers).toEqual(['乙县人民政府']);
  });

  it('warns about an unknown department at its first mention and still builds it', () => {
    const result = run('黔江区', 'county', [
      '（区发展改革委负责）',
      '（区节能降碳攻坚专班牵头，区发展改革委等按职责分工负责）',
      '（区节能降碳攻坚专班负责）',
    ]);
    expect(result.departments.find((d) => d.name === '区节能降碳攻坚专班')?.category).toBe('other');
    expect(result.warnings).toEqual([
      {
        file: 'seed.txt',
        line: 11,
        message: expect.stringContaining('unknown department “区节能降碳攻坚专班”'),
      },
    ]);
  });

  it('warns about an unreadable note at the clause’s last line', () => {
    const result = run('黔江区', 'county', ['（区发展改革委、、区财政局等按职责分工负责）']);
    expect(result.warnings).toEqual([
      { file: 'seed.txt', line: 10, message: expect.stringContaining('empty name in the list') },
    ]);
  });

  it('produces values that satisfy the plan model', () => {
    const result = run('廊坊市', 'city', [
      '〔市工信局、市发改委、市生态环境局、市市场监管局按职责分工负责，各县（市、区）政府和廊坊开发区管委会、临空经济区（廊坊）管委会负责落实。以下均需各县（市、区）政府和廊坊开发区管委会、临空经济区（廊坊）管委会落实，不再列出〕',
      '（市应对气候变化及节能减排工作领导小组各成员单位按职责分工负责）',
    ]);
    for (const department of result.departments) expect(() => Department.parse(department)).not.toThrow();
    for (const c of result.clauses) expect(() => Responsibility.parse(c.responsibility)).not.toThrow();
  });
});

describe('department ids', () => {
  it.each([
    ['发展改革委', 'fa-zhan-gai-ge-wei'],
    ['市生态环境局莱芜分局', 'shi-sheng-tai-huan-jing-ju-lai-wu-fen-ju'],
    ['临空经济区（廊坊）管委会', 'lin-kong-jing-ji-qu-lang-fang-guan-wei-hui'],
    ['区行政审批服务局', 'qu-xing-zheng-shen-pi-fu-wu-ju'],
    ['12369热线', '12369-re-xian'],
  ])('pinyinSlug(%s) → %s', (text, slug) => {
    expect(pinyinSlug(text)).toBe(slug);
  });

  it('applies the catalogue’s readings (人行 is the central bank, 分行 a bank branch)', () => {
    expect(pinyinSlug('人行黔江中心支行', catalogue.readings)).toBe('ren-hang-qian-jiang-zhong-xin-zhi-hang');
    expect(pinyinSlug('中国人民银行莱芜分行', catalogue.readings)).toBe(
      'zhong-guo-ren-min-yin-hang-lai-wu-fen-hang',
    );
  });

  it.each([
    [
      'prefixes dropped when unique',
      [
        { name: '区发展改革委', prefixLength: 1, category: 'development-reform' },
        { name: '黔江区税务局', prefixLength: 3, category: 'taxation' },
      ],
      ['fa-zhan-gai-ge-wei', 'shui-wu-ju'],
    ],
    [
      'prefixes kept where dropping them collides',
      [
        { name: '区生态环境局', prefixLength: 1, category: 'ecology-environment' },
        { name: '市生态环境局', prefixLength: 1, category: 'ecology-environment' },
        { name: '区财政局', prefixLength: 1, category: 'public-finance' },
      ],
      ['qu-sheng-tai-huan-jing-ju', 'shi-sheng-tai-huan-jing-ju', 'cai-zheng-ju'],
    ],
    [
      'category suffix where homophones collide even with the prefix (水务局 / 税务局)',
      [
        { name: '市水务局', prefixLength: 1, category: 'water' },
        { name: '市税务局', prefixLength: 1, category: 'taxation' },
      ],
      ['shui-wu-ju-water', 'shui-wu-ju-taxation'],
    ],
    [
      'a number as the last resort',
      [
        { name: '甲公司', prefixLength: 0, category: 'state-owned-enterprises' },
        { name: '甲公司', prefixLength: 0, category: 'state-owned-enterprises' },
      ],
      ['jia-gong-si-state-owned-enterprises', 'jia-gong-si-state-owned-enterprises-2'],
    ],
  ])('%s', (_label, sources, expected) => {
    expect(departmentIds(sources)).toEqual(expected);
  });
});

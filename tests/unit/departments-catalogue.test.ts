import { describe, expect, it } from 'vitest';
import {
  CatalogueError,
  loadDepartmentCatalogue,
  parseDepartmentCatalogue,
} from '../../src/lib/departments/catalogue';

describe('content/departments.yaml', () => {
  const catalogue = loadDepartmentCatalogue();

  // Category ids are public URLs (/departments/category/<id>/): this list may grow, never change.
  it.each([
    ['development-reform', '发展改革'],
    ['ecology-environment', '生态环境'],
    ['industry-information', '工业和信息化'],
    ['housing-construction', '住房城乡建设'],
    ['transport', '交通运输'],
    ['agriculture-rural', '农业农村'],
    ['government-offices', '机关事务'],
    ['market-regulation', '市场监管'],
    ['statistics', '统计'],
    ['public-finance', '财政'],
    ['financial-sector', '金融'],
    ['science-technology', '科技'],
    ['education', '教育'],
    ['public-security', '公安'],
    ['justice', '司法'],
    ['human-resources-social-security', '人力资源社会保障'],
    ['commerce', '商务'],
    ['water', '水利水务'],
    ['natural-resources-planning', '自然资源和规划'],
    ['urban-management', '城市管理'],
    ['health', '卫生健康'],
    ['energy', '能源'],
    ['taxation', '税务'],
    ['big-data-communications', '大数据和通信'],
    ['postal', '邮政'],
    ['rural-revitalization', '乡村振兴'],
    ['party-committee', '党委部门'],
    ['mass-organizations', '群团组织'],
    ['civil-affairs', '民政'],
    ['state-assets', '国有资产监管'],
    ['administrative-approval', '行政审批'],
    ['development-zones', '园区和开发区管委会'],
    ['coordination-bodies', '领导小组和议事协调机构'],
    ['central-agencies', '中央驻地机构'],
    ['other', '其他'],
  ])('has the category %s (%s)', (id, name) => {
    expect(catalogue.categories.find((c) => c.id === id)?.name).toBe(name);
  });

  it('gives every rule at least one alias or pattern, and defaults mergeBy to rule', () => {
    for (const rule of catalogue.departments) {
      expect(rule.aliases.length + rule.patterns.length, rule.id).toBeGreaterThan(0);
    }
    expect(catalogue.departments.find((r) => r.id === 'market-regulation-bureau')?.mergeBy).toBe('rule');
  });
});

const VALID = `categories:
  - { id: ecology-environment, name: 生态环境 }
  - { id: other, name: 其他 }
departments:
  - id: ecology-environment-bureau
    name: 生态环境局
    category: ecology-environment
    aliases: [生态环境局]
collectives:
  scopes: [各]
  levels: [区级]
  qualifiers: [有关]
  nouns: [部门]
  coordinatingBodies: [领导小组]
  members: [成员单位]
  examples: [各有关部门]
  counterexamples: [区财政局]
`;

describe('parseDepartmentCatalogue', () => {
  it('accepts a minimal catalogue and fills defaults', () => {
    const catalogue = parseDepartmentCatalogue(VALID);
    expect(catalogue.departments[0]).toEqual({
      id: 'ecology-environment-bureau',
      name: '生态环境局',
      category: 'ecology-environment',
      aliases: ['生态环境局'],
      patterns: [],
      mergeBy: 'rule',
    });
    expect(catalogue.readings).toEqual({});
  });

  it.each([
    [
      'invalid YAML',
      VALID.replace('aliases: [生态环境局]', 'aliases: [生态环境局'),
      /^x\.yaml:\d+: invalid YAML/,
    ],
    [
      'an unknown category',
      VALID.replace('category: ecology-environment', 'category: ecology'),
      /^x\.yaml:7: departments\.0\.category: unknown category “ecology”$/,
    ],
    [
      'a missing fallback category',
      VALID.replace('  - { id: other, name: 其他 }\n', ''),
      /^x\.yaml:\d+: categories: the fallback category “other” is missing$/,
    ],
    [
      'an alias claimed by two rules',
      VALID.replace(
        'collectives:',
        '  - id: environment-again\n    name: 环保局\n    category: ecology-environment\n    aliases: [环保局, 生态环境局]\ncollectives:',
      ),
      /^x\.yaml:12: departments\.1\.aliases\.1: alias “生态环境局” already belongs to rule “ecology-environment-bureau”$/,
    ],
    [
      'a broken pattern',
      VALID.replace('aliases: [生态环境局]', "patterns: ['生态(环境']"),
      /^x\.yaml:8: departments\.0\.patterns\.0: invalid regular expression/,
    ],
    [
      'a non-kebab category id',
      VALID.replace('id: other', 'id: Other'),
      /^x\.yaml:3: categories\.1\.id: must be lowercase kebab-case ASCII$/,
    ],
    [
      'an unknown key',
      VALID.replace('    aliases:', '    alias: [x]\n    aliases:'),
      /^x\.yaml:\d+: departments\.0: /,
    ],
    [
      'a rule with nothing to match',
      VALID.replace('    aliases: [生态环境局]\n', ''),
      /^x\.yaml:5: departments\.0: rule “ecology-environment-bureau” has no aliases and no patterns$/,
    ],
    [
      'a collective example the words do not read as one',
      VALID.replace('examples: [各有关部门]', 'examples: [各有关部门, 各相关单位]'),
      /^x\.yaml:\d+: collectives\.examples\.1: “各相关单位” is not read as a collective phrase by these words$/,
    ],
    [
      'a counterexample the words read as a collective',
      VALID.replace('counterexamples: [区财政局]', 'counterexamples: [区财政局, 区级有关部门]'),
      /^x\.yaml:\d+: collectives\.counterexamples\.1: “区级有关部门” is read as a collective phrase/,
    ],
    ['an empty word list', VALID.replace('nouns: [部门]', 'nouns: []'), /^x\.yaml:\d+: collectives\.nouns: /],
  ])('rejects %s with file:line', (_label, yamlText, message) => {
    expect(() => parseDepartmentCatalogue(yamlText, 'x.yaml')).toThrow(CatalogueError);
    expect(() => parseDepartmentCatalogue(yamlText, 'x.yaml')).toThrow(message);
  });

  it('reports a missing file as file:0', () => {
    expect(() => loadDepartmentCatalogue('/nonexistent/departments.yaml')).toThrow(
      /^\/nonexistent\/departments\.yaml:0: cannot read: ENOENT/,
    );
  });
});

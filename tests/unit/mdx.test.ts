import { mdxToHast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { escapeMdxText } from '../../src/lib/mdx/escape';
import { printedNumber } from '../../src/lib/indicators/draft';
import { assertReferences, danglingReferences, headingLength, planToMdx } from '../../src/lib/mdx/index';
import type { Clause, Plan } from '../../src/lib/model/plan';
import { HOSTILE_STRINGS, hostile, qianjiang } from '../fixtures/plans';

// The same parser and features as the site (astro.config.mjs: mdx({ gfm: false, smartypants: false })).
const FEATURES = { gfm: false, smartPunctuation: false } as const;

type Node = { type: string; tagName?: string; name?: string; value?: string; children?: Node[] };

function parse(mdx: string): Node {
  return mdxToHast(mdx, { features: FEATURES }) as unknown as Node;
}

/** Every node kind in the tree that is neither text nor an allowed element or component. */
function forbidden(node: Node, elements: ReadonlySet<string>): string[] {
  const own: string[] = [];
  if (node.type === 'element' && !elements.has(node.tagName ?? '')) own.push(`<${node.tagName}>`);
  if (
    (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
    !elements.has(node.name ?? '')
  ) {
    own.push(`<${node.name}>`);
  }
  // The one expression allowed is the generator's `{/* … */}` notice, a comment that renders nothing.
  const comment = node.type === 'mdxFlowExpression' && /^\/\*[^*]*\*\/$/.test(node.value ?? '');
  if (
    !comment &&
    !['root', 'element', 'text', 'mdxJsxFlowElement', 'mdxJsxTextElement'].includes(node.type)
  ) {
    own.push(node.type);
  }
  return [...own, ...(node.children ?? []).flatMap((child) => forbidden(child, elements))];
}

function text(node: Node): string {
  if (node.type === 'text') return node.value ?? '';
  if (node.type === 'element' && node.tagName === 'br') return '\n';
  return (node.children ?? []).map(text).join('');
}

const withoutSpace = (s: string) => s.replace(/\s+/g, '');

/** A deterministic generator of awkward strings: ASCII syntax, CJK, digits, spaces, line breaks. */
function* awkwardStrings(count: number): Generator<string> {
  const alphabet = [
    ...'\\`*_{}[]<>#+-.!&|~"\'=^$)(:;/@%?,\t ',
    ...'0123456789abcimportexport',
    '\n',
    '\r\n',
    '节能减排（一）〔〕。，“”',
    'import ',
    'export ',
    '1. ',
    '<script>',
    '&#123;',
    '&amp;',
    '{/*',
    '*/}',
    '</Clause>',
  ];
  let seed = 42;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed;
  };
  for (let i = 0; i < count; i++) {
    let s = '';
    const length = 1 + (next() % 40);
    for (let j = 0; j < length; j++) s += alphabet[next() % alphabet.length];
    yield s;
  }
}

describe('escapeMdxText', () => {
  it.each([...HOSTILE_STRINGS, ...awkwardStrings(400)].map((s) => [s]))(
    'renders %j as literal text',
    (input) => {
      const tree = parse(`<Box>\n\n${escapeMdxText(input)}\n\n</Box>\n`);
      expect(forbidden(tree, new Set(['Box', 'p', 'br']))).toEqual([]);
      expect(withoutSpace(text(tree))).toBe(withoutSpace(input));
    },
  );

  it.each([
    ['规上工业单位增加值能耗强度比2020年下降13.5%', '规上工业单位增加值能耗强度比2020年下降13.5%'],
    ['1.“十四五”黔江区主要行业节能指标', '1&#46;“十四五”黔江区主要行业节能指标'],
    ["import x from 'y'", 'import x from &#39;y&#39;'.replace(/^i/, '&#105;')],
    ['important', 'important'],
    ['<b>{x}</b>', '&#60;b&#62;&#123;x&#125;&#60;/b&#62;'],
    ['氮氧化物\n（吨）', '氮氧化物<br />（吨）'],
  ])('escapes %j as %j', (input, expected) => {
    expect(escapeMdxText(input)).toBe(expected);
  });
});

describe('planToMdx', () => {
  const COMPONENTS = new Set([
    'Front',
    'Clause',
    'Heading',
    'Annex',
    'Table',
    'D',
    'T',
    'p',
    'span',
    'strong',
    'br',
  ]);

  it.each([
    ['qianjiang', qianjiang],
    ['hostile', hostile],
  ])('produces only the known components for the %s plan', (_, plan) => {
    expect(forbidden(parse(planToMdx(plan)), COMPONENTS)).toEqual([]);
  });

  it('keeps every character of the hostile plan, in order', () => {
    const expected = [
      ...hostile.front.map((b) => b.text),
      ...hostile.clauses.flatMap((c) => [c.number ?? '', ...c.paragraphs]),
      ...hostile.annexes.flatMap((a) => [
        a.label,
        a.title ?? '',
        ...a.blocks.map((b) => (b.type === 'paragraph' ? b.text : '')),
      ]),
    ].join('');
    expect(withoutSpace(text(parse(planToMdx(hostile))))).toBe(withoutSpace(expected));
  });

  it('matches the reviewed MDX of the 黔江 excerpt', async () => {
    await expect(planToMdx(qianjiang)).toMatchFileSnapshot('../golden/mdx/qianjiang-excerpt.mdx');
  });

  it('fails on a department mention without its department, naming the clause', () => {
    const broken: Plan = {
      ...qianjiang,
      departments: qianjiang.departments.filter((d) => d.id !== 'qu-guozi-wei'),
    };
    expect(() => planToMdx(broken)).toThrow(/clause 3-4-3 \(三（四）3\).*区国资委.*qu-guozi-wei/);
  });

  it('fails on a table department mention without its department, naming the table', () => {
    const broken: Plan = {
      ...qianjiang,
      departments: qianjiang.departments.filter((d) => d.id !== 'qu-zhufang-chengxiang-jianwei'),
      clauses: qianjiang.clauses.filter((c) => c.id !== '3-4-3'),
    };
    expect(() => planToMdx(broken)).toThrow(/table annex-1-table-1: department "区住房城乡建委"/);
  });

  it('fails on a target citing a clause the plan lacks', () => {
    const [first, ...rest] = qianjiang.targets;
    const source = {
      clauseId: '7-7',
      origin: 'plan' as const,
      text: '下降14.5%',
      line: 21,
      range: null,
      cell: null,
    };
    const broken: Plan = { ...qianjiang, targets: [{ ...first!, sources: [source] }, ...rest] };
    expect(() => planToMdx(broken)).toThrow(/target "energy-intensity" cites clause or table "7-7"/);
  });
});

describe('danglingReferences against the catalogues', () => {
  const indicatorIds = new Set(
    qianjiang.targets.map((t) => t.indicatorId).filter((id) => id !== 'unclassified'),
  );
  const categoryIds = new Set(qianjiang.departments.map((d) => d.category));

  it('accepts the fixture', () => {
    expect(danglingReferences(qianjiang, { indicatorIds, categoryIds })).toEqual([]);
  });

  it('names the clause of a target whose indicator is not in the catalogue', () => {
    const without = new Set([...indicatorIds].filter((id) => id !== 'industrial-energy-intensity'));
    expect(danglingReferences(qianjiang, { indicatorIds: without, categoryIds })).toEqual([
      expect.stringMatching(/plan qianjiang-qu, clause 3-1-1 \(三（一）1\): .*"industrial-energy-intensity"/),
    ]);
  });

  it('names a clause of a department whose category is not in the catalogue', () => {
    const without = new Set([...categoryIds].filter((id) => id !== 'state-assets'));
    expect(danglingReferences(qianjiang, { indicatorIds, categoryIds: without })).toEqual([
      expect.stringMatching(/clause 3-4-3 \(三（四）3\): department "区国资委" has category "state-assets"/),
    ]);
  });

  it('fails the build through assertReferences, listing every problem', () => {
    expect(() => assertReferences([qianjiang], { indicatorIds: new Set(), categoryIds })).toThrow(
      /Dangling cross-references \(\d+\)/,
    );
  });
});

describe('headingLength and printedNumber', () => {
  const base = qianjiang.clauses.find((c) => c.id === '3-1') as Clause;
  it.each([
    ['a heading alone', { heading: '重点行业绿色升级工程', paragraphs: ['重点行业绿色升级工程。'] }, 11],
    [
      'a run-in heading',
      { heading: '环境基础设施水平提升工程', paragraphs: ['环境基础设施水平提升工程。加快构建'] },
      13,
    ],
    ['a chapter title without heading', { kind: 'chapter', heading: null, paragraphs: ['总体要求'] }, 4],
    ['a sentence without heading', { kind: 'chapter', heading: null, paragraphs: ['加快构建。体系'] }, 0],
    ['text not starting with the heading', { heading: '别的', paragraphs: ['重点行业。'] }, 0],
  ] as const)('%s', (_, patch, expected) => {
    expect(headingLength({ ...base, ...patch, paragraphs: [...patch.paragraphs] })).toBe(expected);
  });

  it.each([
    [14.5, '14.5'],
    [0.0691, '0.0691'],
    [1196, '1196'],
    [659.1, '659.1'],
  ])('prints %d as %s', (value, expected) => {
    expect(printedNumber(value)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import {
  escapeXml,
  renderSmallMultiplesSvg,
  renderTargetComparisonSvg,
  smallMultiples,
  targetComparison,
} from '../../src/lib/charts';
import { escapeText, num, safeHref } from '../../src/lib/charts/svg';
import { edgeCases, energyIntensity, nonFossilShare, pollutantReductions } from '../golden/charts/fixtures';

const ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/;
const TOKEN =
  /<!--[\s\S]*?-->|<\/([A-Za-z_][\w:.-]*)\s*>|<([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_:][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|[^<]+/g;
const ATTRIBUTE = /([A-Za-z_:][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * A strict well-formedness check for the XML the renderer writes (no DOCTYPE, CDATA or processing
 * instructions): one root, tags nested and closed, attributes quoted and unique, every `&` an entity, no
 * stray `<`. Returns the problems found; none means an XML parser will accept the document.
 */
function wellFormednessErrors(xml: string): string[] {
  const errors: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  for (const match of xml.matchAll(TOKEN)) {
    const [token, closing, opening, attributes, selfClosing] = match;
    if (token === '<') errors.push(`stray < at ${match.index}`);
    else if (token.startsWith('<!--')) continue;
    else if (closing) {
      const open = stack.pop();
      if (open !== closing) errors.push(`</${closing}> closes <${open}>`);
    } else if (opening) {
      if (stack.length === 0) roots++;
      const names = new Set<string>();
      for (const [, name, dq, sq] of (attributes ?? '').matchAll(ATTRIBUTE)) {
        if (names.has(name!)) errors.push(`duplicate attribute ${name} on <${opening}>`);
        names.add(name!);
        if (ENTITY.test(dq ?? sq ?? '')) errors.push(`bare & in ${name} on <${opening}>`);
      }
      if (!selfClosing) stack.push(opening);
    } else {
      if (stack.length === 0 && token.trim() !== '')
        errors.push(`text outside the root: ${token.slice(0, 20)}`);
      if (ENTITY.test(token)) errors.push(`bare & in text: ${token.slice(0, 40)}`);
    }
  }
  if (stack.length > 0) errors.push(`unclosed <${stack.join('> <')}>`);
  if (roots !== 1) errors.push(`${roots} root elements`);
  return errors;
}

/** The text of the first element `name` with the given id, entities decoded. */
function elementText(svg: string, name: string, id: string): string | undefined {
  const match = new RegExp(`<${name} id="${id}">([^<]*)</${name}>`).exec(svg);
  return match?.[1]
    ?.replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

const charts = [
  {
    name: 'energy-intensity',
    input: energyIntensity.rows.length,
    render: () => renderTargetComparisonSvg(targetComparison(energyIntensity)),
    geometry: () => targetComparison(energyIntensity),
  },
  {
    name: 'non-fossil-share',
    input: nonFossilShare.rows.length,
    render: () => renderTargetComparisonSvg(targetComparison(nonFossilShare)),
    geometry: () => targetComparison(nonFossilShare),
  },
  {
    name: 'edge-cases',
    input: edgeCases.rows.length,
    render: () => renderTargetComparisonSvg(targetComparison(edgeCases)),
    geometry: () => targetComparison(edgeCases),
  },
  {
    name: 'pollutant-reductions',
    input: pollutantReductions.panels.reduce((n, p) => n + p.rows.length, 0),
    render: () => renderSmallMultiplesSvg(smallMultiples(pollutantReductions)),
    geometry: () => smallMultiples(pollutantReductions),
  },
  // The phone layouts: labels over full-width bars, 320 units across.
  {
    name: 'energy-intensity-narrow',
    input: energyIntensity.rows.length,
    render: () => renderTargetComparisonSvg(targetComparison(energyIntensity, 'narrow')),
    geometry: () => targetComparison(energyIntensity, 'narrow'),
  },
  {
    name: 'edge-cases-narrow',
    input: edgeCases.rows.length,
    render: () => renderTargetComparisonSvg(targetComparison(edgeCases, 'narrow')),
    geometry: () => targetComparison(edgeCases, 'narrow'),
  },
  {
    name: 'pollutant-reductions-narrow',
    input: pollutantReductions.panels.reduce((n, p) => n + p.rows.length, 0),
    render: () => renderSmallMultiplesSvg(smallMultiples(pollutantReductions, 'narrow')),
    geometry: () => smallMultiples(pollutantReductions, 'narrow'),
  },
];

describe('the well-formedness check itself', () => {
  it.each([
    ['<svg><g></svg>', /closes/],
    ['<svg a="1" a="2"/>', /duplicate attribute/],
    ['<svg>a & b</svg>', /bare &/],
    ['<svg>a < b</svg>', /stray </],
    ['<svg/><svg/>', /2 root elements/],
    ['<svg><g>', /unclosed/],
    ['<svg a=1/>', /stray </],
  ])('rejects %s', (xml, problem) => {
    expect(wellFormednessErrors(xml).join('\n')).toMatch(problem);
  });

  it('accepts entities, comments and nesting', () => {
    expect(
      wellFormednessErrors('<svg a="&amp;&#123;"><!-- x < y --><g><text>&lt;&gt;</text></g><g/></svg>'),
    ).toEqual([]);
  });
});

describe.each(charts)('$name SVG', ({ name, input, render, geometry }) => {
  const svg = render();

  it('is well-formed XML', () => {
    expect(wellFormednessErrors(svg)).toEqual([]);
  });

  it('is an accessible image: role="img", named by <title>, described by <desc>', () => {
    const g = geometry();
    expect(svg).toMatch(new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg" id="${g.id}"`));
    expect(svg).toContain(` role="img"`);
    expect(svg).toContain(` aria-labelledby="${g.id}-title"`);
    expect(svg).toContain(` aria-describedby="${g.id}-desc"`);
    expect(elementText(svg, 'title', `${g.id}-title`)).toBe(g.title);
    expect(elementText(svg, 'desc', `${g.id}-desc`)).toBe(g.description);
  });

  it('is responsive: a viewBox and no pixel width or height', () => {
    const root = svg.slice(0, svg.indexOf('>'));
    const g = geometry();
    expect(root).toContain(`viewBox="0 0 ${g.width} ${g.height}"`);
    expect(root).not.toMatch(/\s(width|height)="/);
  });

  it('draws one mark per row, each a link to its source clause', () => {
    const marks = svg.match(/<a [^>]*class="mark /g) ?? [];
    expect(marks).toHaveLength(input);
    for (const mark of marks) {
      if (!name.startsWith('edge-cases')) expect(mark).toMatch(/href="\/plans\/[a-z-]+\/#[a-z0-9-]+"/);
    }
  });

  it('uses theme-aware colours only: currentColor or custom properties with fallbacks', () => {
    const colours = svg.match(/(?:fill|stroke)="[^"]*"/g) ?? [];
    expect(colours).toEqual([]);
    for (const property of svg.match(/(?:fill|stroke):[^;}]+/g) ?? []) {
      expect(property).toMatch(
        // or the chart's own hatch pattern (a draft's bars), whose lines use the mark colour
        /:(?:currentColor|var\(--chart-[a-z]+,(?:currentColor|#[0-9a-f]{6}|transparent|none)\)|url\(#[a-z0-9-]+-hatch\))$/,
      );
    }
  });

  it('writes rounded numbers only, with no NaN and no random ids', () => {
    expect(svg).not.toMatch(/NaN|Infinity|undefined|null/);
    const coordinates = [...svg.matchAll(/\s(?:x|y|x1|x2|y1|y2|width|height|viewBox)="([^"]*)"/g)].flatMap(
      (m) => m[1]!.split(' '),
    );
    expect(coordinates.length).toBeGreaterThan(10);
    for (const value of coordinates) expect(value).toMatch(/^-?\d+(?:\.\d)?$/);
    const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    const g = geometry();
    // A chart with a draft's value (达州 is a 征求意见稿) also defines its hatch pattern.
    const hatched = /<a [^>]*class="mark [^"]*mark-status/.test(svg);
    expect(ids).toEqual([g.id, `${g.id}-title`, `${g.id}-desc`, ...(hatched ? [`${g.id}-hatch`] : [])]);
  });

  it('is deterministic', () => {
    expect(render()).toBe(svg);
  });

  it('uses a system CJK font stack', () => {
    expect(svg).toMatch(
      /font-family:system-ui,[^}]*"PingFang SC"[^}]*"Microsoft YaHei"[^}]*"Noto Sans CJK SC"[^}]*sans-serif/,
    );
  });

  it('matches its reviewed snapshot', async () => {
    await expect(svg).toMatchFileSnapshot(`../golden/charts/${name}.svg`);
  });
});

describe('escaping of hostile text', () => {
  const svg = renderTargetComparisonSvg(targetComparison(edgeCases));

  it.each([
    ['a plan name with markup', 'A&amp;B "市" &lt;script&gt;'],
    ['an indicator name with an entity-like text', '示例指标 &lt;b&gt;&amp;amp;&lt;/b&gt;'],
    ['a note with quotes and brackets', '未设定量目标（达到"国家"要求 &amp; &lt;更多&gt;）'],
    ['a reference label', '示例参考 &lt;国发&gt;：15%'],
    [
      'an attribute value',
      'aria-label="A&amp;B &quot;市&quot; &lt;script&gt;：≈4.25% 激励（4.25%左右，激励目标，比2020年，目标年未注明）"',
    ],
    ['a query string in a link', 'href="/plans/bing/#3-1?a=1&amp;b=2"'],
  ])('escapes %s', (_what, escaped) => {
    expect(svg).toContain(escaped);
  });

  it('never writes markup from the data', () => {
    expect(svg).not.toMatch(/<script|<b>|<更多>|<国发>/);
  });

  it('drops a javascript: link but still draws the mark', () => {
    expect(svg).not.toContain('javascript:');
    expect(svg).toMatch(/<a class="mark mark-incentive" data-plan="wu"/);
  });
});

describe('svg helpers', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<g>', '&lt;g&gt;'],
    [`"q" 'a'`, '&quot;q&quot; &apos;a&apos;'],
    ['控制\u0000字符\u001F', '控制字符'],
    ['lone \uD800 surrogate', 'lone  surrogate'],
    ['pair 😀 kept', 'pair 😀 kept'],
    ['国发〔2021〕33号', '国发〔2021〕33号'],
  ])('escapeXml(%j) = %j', (input, output) => {
    expect(escapeXml(input)).toBe(output);
  });

  it.each([
    ['a & "b" <c>', 'a &amp; "b" &lt;c&gt;'],
    ["it's", "it's"],
  ])('escapeText(%j) = %j', (input, output) => {
    expect(escapeText(input)).toBe(output);
  });

  it.each([
    [0, '0'],
    [-0.04, '0'],
    [1.25, '1.3'],
    [2, '2'],
    [2.1, '2.1'],
    [-3.333, '-3.3'],
    [12100, '12100'],
  ])('num(%d) = %s', (value, printed) => {
    expect(num(value)).toBe(printed);
  });

  it('refuses to print a non-finite number', () => {
    expect(() => num(Number.NaN)).toThrow(/finite/);
  });

  it.each([
    ['/plans/a/#2-p1', '/plans/a/#2-p1'],
    ['https://example.org/x', 'https://example.org/x'],
    ['#frag', '#frag'],
    ['plans/a/', 'plans/a/'],
    ['javascript:alert(1)', null],
    [' JavaScript:alert(1)', null],
    ['data:text/html,x', null],
    ['', null],
  ])('safeHref(%j) = %j', (href, safe) => {
    expect(safeHref(href)).toBe(safe);
  });
});

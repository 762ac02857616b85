/**
 * Issue 11, seed by seed: each bad input is a small fixture written for the test, ingested beside good plans.
 * Every case asserts the message (`file:line: reason`), that the good plans are all there, and that they are
 * exactly what they are without the bad input.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestDirectory, ingestSeeds, type SeedFile } from '../../src/lib/ingest';
import { enrichments, loadKnowledge } from '../../src/lib/knowledge';
import { MAX_SLUG_LENGTH } from '../../src/lib/slugs';

const knowledge = loadKnowledge();
const options = { enrichments: enrichments(knowledge), vocabularies: knowledge.vocabularies };
const utf8 = (text: string) => new TextEncoder().encode(text);

/** A small plan of `region`, written for these tests. */
const planText = (region: string, { subtitle = '', body = '下降14.5%' } = {}) =>
  [
    `${region}“十四五”节能减排综合工作方案`,
    ...(subtitle ? [subtitle] : []),
    '一、总体要求',
    `到2025年，全${region.slice(-1)}单位地区生产总值能源消耗比2020年${body}。`,
    '二、重点工程',
    `（一）工业节能工程。推进重点行业节能改造。（${region.slice(-1)}发展改革委负责）`,
    '',
  ].join('\n');

const seed = (file: string, text: string | Uint8Array, sidecar?: string | Uint8Array): SeedFile => ({
  file,
  bytes: typeof text === 'string' ? utf8(text) : text,
  sidecar:
    sidecar === undefined
      ? null
      : {
          file: file.replace(/\.txt$/i, '.yaml'),
          bytes: typeof sidecar === 'string' ? utf8(sidecar) : sidecar,
        },
});

const GOOD = [seed('100_good.txt', planText('攀枝花市')), seed('101_good.txt', planText('德清县'))];
const alone = ingestSeeds(GOOD, knowledge.plan, options);

/** Ingests the good seeds with `bad`; asserts the good plans are there and unchanged. */
function withGood(...bad: SeedFile[]) {
  const result = ingestSeeds([...GOOD, ...bad], knowledge.plan, options);
  for (const plan of alone.plans) expect(result.plans.find((p) => p.source === plan.source)).toEqual(plan);
  return result;
}
const messages = (list: readonly { file: string; line: number; message: string }[], file: string) =>
  list.filter((w) => w.file === file).map((w) => `${w.file}:${w.line}: ${w.message}`);

describe('the good fixture', () => {
  it('builds two plans without a word', () => {
    expect(alone.errors).toEqual([]);
    expect(alone.warnings).toEqual([]);
    expect(alone.plans.map((p) => p.id)).toEqual(['panzhihua-shi', 'huzhou-deqing-xian']);
  });
});

describe('file system: each unreadable entry is refused by name, the rest builds', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan-atlas-isolation-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const s of GOOD) writeFileSync(join(dir, s.file), s.bytes as Uint8Array);
  mkdirSync(join(dir, '200_directory.txt'));
  symlinkSync(join(dir, 'nowhere.txt'), join(dir, '201_broken-link.txt'));
  // Sparse: 3 GB on paper, nothing on disk. Reading it whole would fail (ERR_FS_FILE_TOO_LARGE).
  writeFileSync(join(dir, '202_huge.txt'), '');
  truncateSync(join(dir, '202_huge.txt'), 3 * 1024 ** 3);
  writeFileSync(join(dir, '203_UPPER.TXT'), planText('黄浦区'));
  writeFileSync(join(dir, '204_orphan.yaml'), 'slug: orphan\n');
  const result = ingestDirectory(dir, knowledge.plan, options);

  it.each([
    ['a directory named .txt', '200_directory.txt:0: cannot read: a directory, not a text file'],
    ['a broken link', '201_broken-link.txt:0: cannot read: the file is gone or a broken link'],
    ['a file too large to read', '202_huge.txt:0: file too large: 3072.0 MB (limit 4.0 MB)'],
  ])('%s', (_, message) => {
    expect(result.errors.map((e) => e.message)).toContain(message);
  });

  it('reads seeds named .TXT and reports a sidecar without a seed', () => {
    expect(result.plans.map((p) => p.source)).toEqual(['100_good.txt', '101_good.txt', '203_UPPER.TXT']);
    expect(messages(result.warnings, '204_orphan.yaml')).toEqual([
      '204_orphan.yaml:0: sidecar without a seed (no 204_orphan.txt): ignored',
    ]);
    for (const plan of alone.plans) expect(result.plans.find((p) => p.source === plan.source)).toEqual(plan);
  });
});

describe('stable URLs', () => {
  it('refuses the newcomer that claims a published slug, even when its file sorts first', () => {
    const published = new Map([['panzhihua-shi', '100_good.txt']]);
    const result = ingestSeeds(
      [seed('000_newcomer.txt', planText('舟山市'), 'slug: panzhihua-shi\n'), ...GOOD],
      { ...knowledge.plan, published },
      options,
    );
    expect(result.errors.map((e) => e.message)).toEqual([
      '000_newcomer.txt:1: slug "panzhihua-shi" belongs to another plan: it was published for 100_good.txt (content/published-plans.yaml); give this plan its own with `slug:` in 000_newcomer.yaml',
    ]);
    expect(result.plans.find((p) => p.id === 'panzhihua-shi')?.source).toBe('100_good.txt');
  });

  it('between two sidecars claiming an unpublished slug, the file name sorting first keeps it', () => {
    const result = withGood(
      seed('103_b.txt', planText('嘉峪关市'), 'slug: east-sea\n'),
      seed('102_a.txt', planText('舟山市'), 'slug: east-sea\n'),
    );
    expect(result.errors.map((e) => e.message)).toEqual([
      '103_b.txt:1: slug "east-sea" belongs to another plan: 102_a.txt sorts first and keeps it; give this plan its own with `slug:` in 103_b.yaml',
    ]);
    expect(result.plans.find((p) => p.id === 'east-sea')?.source).toBe('102_a.txt');
  });

  it('a published plan keeps its slug when another text of its government arrives first', () => {
    const published = new Map([['panzhihua-shi', '100_good.txt']]);
    const result = ingestSeeds(
      [seed('000_copy.txt', planText('攀枝花市')), ...GOOD],
      { ...knowledge.plan, published },
      options,
    );
    expect(result.errors).toEqual([]);
    expect(result.plans.map((p) => [p.source, p.id])).toEqual([
      ['000_copy.txt', 'panzhihua-shi-2'],
      ['100_good.txt', 'panzhihua-shi'],
      ['101_good.txt', 'huzhou-deqing-xian'],
    ]);
  });

  it.each([
    [
      'reserved',
      'slug: category\n',
      'sidecar key "slug" ignored: slug "category" is reserved: it would collide with /departments/category/ (department category pages)',
    ],
    [
      'too long',
      `slug: ${'a'.repeat(300)}\n`,
      `sidecar key "slug" ignored: slug is 300 characters long (at most ${MAX_SLUG_LENGTH})`,
    ],
    [
      'not a slug',
      'slug: 庚辛\n',
      'sidecar key "slug" ignored: slug "庚辛" is not lowercase letters and digits joined by single hyphens',
    ],
  ])('ignores a %s sidecar slug with a warning; the plan builds under its own', (_, sidecar, message) => {
    const result = withGood(seed('102_new.txt', planText('舟山市'), sidecar));
    expect(result.errors).toEqual([]);
    expect(messages(result.warnings, '102_new.yaml')).toEqual([`102_new.yaml:1: ${message}`]);
    expect(result.plans.find((p) => p.source === '102_new.txt')?.id).toBe('zhoushan-shi');
  });
});

describe('sidecars', () => {
  it('decodes a GBK sidecar like a seed', () => {
    const sidecar = iconv.encode('title: 舟山市节能减排方案（修订）\nregion: 舟山市\n', 'gbk');
    const result = withGood(seed('102_new.txt', planText('舟山市'), sidecar));
    const plan = result.plans.find((p) => p.source === '102_new.txt');
    expect([plan?.title, plan?.region]).toEqual(['舟山市节能减排方案（修订）', '舟山市']);
    expect(result.warnings).toEqual([]);
  });

  it('checks each key on its own: a bad one is reported and ignored, the rest applies', () => {
    const sidecar =
      'issued: 2021-02-30\nstatus: adopted\nprovince: 某省\nsulg: x\nlevel: city\nissuer: 2021-13-45\n';
    const result = withGood(seed('102_new.txt', planText('舟山市'), sidecar));
    expect(messages(result.warnings, '102_new.yaml')).toEqual([
      '102_new.yaml:1: sidecar key "issued" ignored: not a real calendar date in the form yyyy-mm-dd',
      '102_new.yaml:2: sidecar key "status" ignored: Invalid option: expected one of "draft"|"final"',
      '102_new.yaml:4: sidecar key "sulg" is unknown and ignored (known: slug, title, region, province, level, issuer, issued, status, parent, number, source_url, retrieved)',
    ]);
    const plan = result.plans.find((p) => p.source === '102_new.txt');
    expect([plan?.issued, plan?.status, plan?.province, plan?.level, plan?.issuer]).toEqual([
      null,
      'final',
      '某省',
      'city',
      '2021-13-45',
    ]);
  });

  it.each([
    ['malformed YAML', 'title: [unclosed\n', /^102_new\.yaml:\d+: sidecar ignored: invalid YAML: /],
    ['a list, not keys', '- a\n- b\n', /^102_new\.yaml:1: sidecar ignored: expected `key: value` lines$/],
    [
      'binary',
      Uint8Array.from([0x74, 0, 0, 0x01]),
      /^102_new\.yaml:1: sidecar ignored: binary file \(NUL byte\)$/,
    ],
  ])('ignores a sidecar that is %s; the plan still builds', (_, sidecar, message) => {
    const result = withGood(seed('102_new.txt', planText('舟山市'), sidecar));
    expect(result.errors).toEqual([]);
    expect(messages(result.warnings, '102_new.yaml')).toEqual([expect.stringMatching(message)]);
    expect(result.plans.find((p) => p.source === '102_new.txt')?.id).toBe('zhoushan-shi');
  });

  it.each([
    [
      'itself',
      [['102_a.txt', '舟山市', 'parent: zhoushan-shi\n']],
      ['parent "zhoushan-shi" is the plan itself: ignored'],
    ],
    [
      'a cycle',
      [
        ['102_a.txt', '舟山市', 'parent: jiayuguan-shi\n'],
        ['103_b.txt', '嘉峪关市', 'parent: zhoushan-shi\n'],
      ],
      [
        'parent "jiayuguan-shi" leads back to this plan (a cycle): ignored',
        'parent "zhoushan-shi" leads back to this plan (a cycle): ignored',
      ],
    ],
  ] as const)('refuses a parent that is %s', (_, seeds, expected) => {
    const result = withGood(...seeds.map(([file, region, sidecar]) => seed(file, planText(region), sidecar)));
    expect(result.warnings.map((w) => w.message)).toEqual(expected);
    expect(result.plans.filter((p) => p.source.startsWith('10') && p.parent !== null)).toEqual([]);
  });
});

describe('seeds read right', () => {
  it('marks a traditional-character draft (徵求意見稿) as a draft', () => {
    const result = withGood(seed('102_new.txt', planText('舟山市', { subtitle: '（徵求意見稿）' })));
    expect(result.plans.find((p) => p.source === '102_new.txt')?.status).toBe('draft');
  });

  it.each(['utf-16le', 'utf-16be'] as const)('reads %s without a byte-order mark', (encoding) => {
    const bytes = iconv.encode(planText('舟山市'), encoding, { addBOM: false });
    const result = withGood(seed('102_new.txt', bytes));
    expect(result.errors).toEqual([]);
    expect(result.plans.find((p) => p.source === '102_new.txt')?.id).toBe('zhoushan-shi');
  });

  it('keeps a 1 MB line of markup characters as text and builds', () => {
    const line = '节能减排{x}<y>&'.repeat(60_000);
    const result = withGood(seed('102_long.txt', `${planText('舟山市')}${line}\n`));
    expect(result.errors).toEqual([]);
    const plan = result.plans.find((p) => p.source === '102_long.txt');
    expect(plan?.clauses.flatMap((c) => c.paragraphs).join('')).toContain(line);
  });
});

describe('numbers a reader can trust', () => {
  const valueOf = (text: string) => {
    const result = withGood(seed('102_new.txt', text));
    const plan = result.plans.find((p) => p.source === '102_new.txt');
    return {
      values: plan?.targets.map((t) => t.value) ?? [],
      warnings: messages(result.warnings, '102_new.txt'),
    };
  };

  it('reads 14.5% when nothing is hidden (control)', () => {
    expect(valueOf(planText('舟山市')).values).toEqual([14.5]);
  });

  it.each([
    ['a soft hyphen inside the number', '下降1\u00AD4.5%', 'U+00AD'],
    ['a zero-width space inside the number', '下降1\u200B4.5%', 'U+200B'],
    ['a zero-width space before the unit', '下降14.5\u200B%', 'U+200B'],
    ['a bidi mark before the number', '下降\u200E14.5%', 'U+200E'],
    ['a control character inside the number', '下降14\u0007.5%', 'U+0007'],
  ])('%s: no value is read, and the line and column are reported', (_, body, codePoint) => {
    const text = planText('舟山市', { body });
    const line = text.split('\n')[2] as string;
    const column = line.indexOf(String.fromCodePoint(parseInt(codePoint.slice(2), 16))) + 1;
    expect(column).toBeGreaterThan(20);
    const { values, warnings } = valueOf(text);
    expect(values).toEqual([]);
    expect(warnings).toEqual([
      `102_new.txt:3: invisible character ${codePoint} at column ${column}, touching a number: the number is not read as a value`,
    ]);
  });

  it('reports an invisible character away from numbers and still reads the value', () => {
    const text = planText('舟山市', { body: '下降14.5%，力\u200D争' });
    const column = (text.split('\n')[2] as string).indexOf('\u200D') + 1;
    const { values, warnings } = valueOf(text);
    expect(values).toEqual([14.5]);
    expect(warnings).toEqual([`102_new.txt:3: invisible character U+200D at column ${column}`]);
  });
});

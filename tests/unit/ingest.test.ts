import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledge, enrichments } from '../../src/lib/knowledge';
import {
  ingestDirectory,
  ingestSeeds,
  readSeedDirectory,
  streamSeedDirectory,
  type SeedFile,
} from '../../src/lib/ingest';

const knowledge = loadKnowledge();
const goodBytes = readFileSync('seeds/000_5b537b9a7be6a6a5.txt');
const good: SeedFile = { file: '000_good.txt', bytes: goodBytes, sidecar: null };
const utf8 = (text: string) => new TextEncoder().encode(text);
const ingest = (...seeds: SeedFile[]) =>
  ingestSeeds(seeds, knowledge.plan, {
    enrichments: enrichments(knowledge),
    vocabularies: knowledge.vocabularies,
  });
const seed = (file: string, bytes: Uint8Array, sidecar: SeedFile['sidecar'] = null): SeedFile => ({
  file,
  bytes,
  sidecar,
});

// One bad seed per case, always beside a good one: the bad one is reported as file:line: reason and the
// good one still becomes a plan.
describe('bad input', () => {
  it.each([
    ['empty file', seed('empty.txt', new Uint8Array()), 'empty.txt:0: empty file'],
    ['whitespace only', seed('blank.txt', utf8(' \n\n\t\n')), 'blank.txt:0: empty file (only whitespace)'],
    [
      'binary file',
      seed('image.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])),
      'image.txt:3: binary file (NUL byte)',
    ],
    [
      'wrong encoding',
      seed('latin1.txt', Uint8Array.from([...utf8('一、总体要求\n'), 0xe9, 0x74, 0xe9, 0x0a])),
      'latin1.txt:2: not UTF-8, GB18030 or Big5 text',
    ],
    [
      '10 MB file',
      seed('huge.txt', new Uint8Array(10 * 1024 * 1024).fill(0x41)),
      'huge.txt:0: file too large: 10.0 MB (limit 4.0 MB)',
    ],
  ])('%s', (_name, bad, message) => {
    const result = ingest(good, bad);
    expect(result.errors.map((e) => e.message)).toEqual([message]);
    expect(result.plans.map((p) => p.source)).toEqual(['000_good.txt']);
  });

  it('keeps text with no headings as a plan of plain paragraphs, saying so', () => {
    const result = ingest(
      good,
      seed('prose.txt', utf8('关于节能减排的一些想法\n\n节能减排很重要，我们要努力。\n')),
    );
    expect(result.errors).toEqual([]);
    const prose = result.plans.find((p) => p.source === 'prose.txt');
    expect(prose?.unrecognised).toEqual(expect.arrayContaining(['title', 'region', 'structure']));
    expect(prose?.region).toBeNull();
    expect(prose?.clauses.flatMap((c) => c.paragraphs).join('')).toContain('节能减排很重要，我们要努力。');
    expect(result.warnings.map((w) => `${w.file}:${w.line}: ${w.message}`)).toContain(
      'prose.txt:1: no chapter (一、) or section (（一）) headings found: the text is kept as plain paragraphs',
    );
  });

  it('keeps two texts of one government with distinct slugs, linked to each other', () => {
    const result = ingest(good, seed('001_copy.txt', goodBytes));
    expect(result.errors).toEqual([]);
    expect(result.plans.map((p) => [p.id, p.versions])).toEqual([
      ['qianjiang-qu', ['qianjiang-qu-2']],
      ['qianjiang-qu-2', ['qianjiang-qu']],
    ]);
  });

  it('gives a sidecar slug precedence over a generated one', () => {
    const result = ingest(
      good,
      seed('001_copy.txt', goodBytes, { file: '001_copy.yaml', bytes: utf8('slug: qianjiang-qu\n') }),
    );
    expect(result.errors).toEqual([]);
    expect(result.plans.map((p) => [p.source, p.id])).toEqual([
      ['000_good.txt', 'qianjiang-qu-2'],
      ['001_copy.txt', 'qianjiang-qu'],
    ]);
  });

  it('refuses a second seed whose sidecar sets a slug another sidecar set, naming the sidecar', () => {
    const sidecar = (file: string) => ({ file, bytes: utf8('slug: qianjiang\n') });
    const result = ingest(
      seed('000_good.txt', goodBytes, sidecar('000_good.yaml')),
      seed('001_copy.txt', goodBytes, sidecar('001_copy.yaml')),
    );
    expect(result.errors.map((e) => e.message)).toEqual([
      '001_copy.txt:1: slug "qianjiang" belongs to another plan: 000_good.txt sorts first and keeps it; give this plan its own with `slug:` in 001_copy.yaml',
    ]);
    expect(result.plans).toHaveLength(1);
  });

  it('accepts the same plan under another slug given by a sidecar', () => {
    const result = ingest(
      good,
      seed('001_copy.txt', goodBytes, { file: '001_copy.yaml', bytes: utf8('slug: qianjiang-copy\n') }),
    );
    expect(result.errors).toEqual([]);
    expect(result.plans.map((p) => p.id)).toEqual(['qianjiang-qu', 'qianjiang-copy']);
  });

  it('keeps text full of markup characters, reporting each line', () => {
    const hostile = [
      '敌意测试市“十四五”节能减排综合工作方案',
      '一、总体要求',
      '<script>alert(1)</script>要求{alert(1)}。',
      'import x from "y"。',
      'export const a = 1。',
      '（一）使用`反引号`与 <b>标签</b> 和 {花括号}。',
    ].join('\n');
    const result = ingest(good, seed('hostile.txt', utf8(hostile)));
    expect(result.errors).toEqual([]);
    const plan = result.plans.find((p) => p.source === 'hostile.txt')!;
    expect(plan.clauses.flatMap((c) => c.paragraphs).join('')).toContain(
      '<script>alert(1)</script>要求{alert(1)}。',
    );
    expect(
      result.warnings
        .filter((w) => w.file === 'hostile.txt' && w.message.includes('markup'))
        .map((w) => w.line),
    ).toEqual([3, 4, 5, 6]);
  });

  it('reads a GB18030 seed exactly like its UTF-8 original', async () => {
    const iconv = await import('iconv-lite');
    const gb = iconv.default.encode(goodBytes.toString('utf8'), 'gb18030');
    const result = ingest(seed('000_gb.txt', gb));
    const utf = ingest(good);
    expect(result.errors).toEqual([]);
    expect(result.plans[0]!.clauses).toEqual(utf.plans[0]!.clauses);
  });

  it('reads a traditional-character Big5 edition like the simplified original', async () => {
    const [{ default: iconv }, OpenCC] = await Promise.all([import('iconv-lite'), import('opencc-js/cn2t')]);
    // Taiwan's standard forms: Big5 has 稅 but not the Hong Kong form 税.
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const traditional = toTraditional(goodBytes.toString('utf8'));
    expect(traditional).toContain('節能減排');
    const big5 = iconv.encode(traditional, 'big5');
    expect(iconv.decode(big5, 'big5')).toBe(traditional);
    const result = ingest(seed('000_big5.txt', big5));
    expect(result.errors).toEqual([]);
    const shape = (plan: (typeof result.plans)[number]) => ({
      id: plan.id,
      level: plan.level,
      issued: plan.issued,
      clauses: plan.clauses.map((c) => `${c.id} ${c.kind} ${c.part}`),
      departments: plan.departments.map((d) => d.category),
      targets: plan.targets.map((t) => `${t.indicatorId} ${t.value} ${t.unit}`),
    });
    expect(shape(result.plans[0]!)).toEqual(shape(ingest(good).plans[0]!));
  });
});

describe('reading the seed directory one seed at a time', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan-atlas-seeds-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, '000_a.txt'), goodBytes);
  writeFileSync(join(dir, '000_a.yaml'), 'slug: plan-a\n');
  writeFileSync(join(dir, '001_b.txt'), goodBytes);
  writeFileSync(join(dir, '002_c.TXT'), 'short');
  writeFileSync(join(dir, '003_lonely.yml'), 'slug: lonely\n');

  it('yields what readSeedDirectory reads, in the same order, with the same warnings', () => {
    const streamed = streamSeedDirectory(dir);
    expect({ seeds: [...streamed.seeds], warnings: streamed.warnings }).toEqual(readSeedDirectory(dir));
    expect([...streamed.seeds].map((s) => [s.file, s.sidecar?.file ?? null])).toEqual([
      ['000_a.txt', '000_a.yaml'],
      ['001_b.txt', null],
      ['002_c.TXT', null],
    ]);
    expect(streamed.warnings.map((w) => w.file)).toEqual(['003_lonely.yml']);
  });

  it('reads a seed only when the iteration reaches it', () => {
    const copy = mkdtempSync(join(tmpdir(), 'plan-atlas-seeds-'));
    try {
      for (const file of ['000_a.txt', '001_b.txt']) writeFileSync(join(copy, file), goodBytes);
      const iterator = streamSeedDirectory(copy).seeds[Symbol.iterator]();
      expect(iterator.next().value?.bytes).toEqual(goodBytes);
      // Changed after the listing but before it is reached: what is read is the file as it is then.
      writeFileSync(join(copy, '001_b.txt'), 'changed');
      expect(new TextDecoder().decode(iterator.next().value?.bytes as Uint8Array)).toBe('changed');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('ingests the streamed seeds as it ingests them read whole', () => {
    const options = { enrichments: enrichments(knowledge), vocabularies: knowledge.vocabularies };
    const streamed = ingestDirectory(dir, knowledge.plan, options);
    const whole = ingestSeeds(readSeedDirectory(dir).seeds, knowledge.plan, options);
    expect(streamed.plans).toEqual(whole.plans);
    expect(streamed.errors).toEqual(whole.errors);
    expect(streamed.plans.map((p) => p.id)).toContain('plan-a');
  });
});

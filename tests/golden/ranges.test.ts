/**
 * The guard over recorded ranges: every range the recognisers record slices out exactly the name it claims,
 * or a value that reads as the number it claims — on every seed, the hostile browser-test seed and generated
 * variants of the seeds (different brackets, full-width digits, spaced units, CRLF line ends, and every
 * variant of the adversarial corpus in tests/adversarial/variants.ts). Rendering links by these ranges
 * without looking again, so a wrong range would be a wrong link.
 */
import { describe, expect, it } from 'vitest';
import { ingestSeeds, readSeedDirectory, type SeedFile } from '../../src/lib/ingest';
import { enrichments, loadKnowledge } from '../../src/lib/knowledge';
import type { CellRange, Plan, TextRange } from '../../src/lib/model/plan';
import { foldForRecognition } from '../../src/lib/read/normalize';
import { VARIANTS as ADVERSARIAL } from '../adversarial/variants';
import { planOf, SEED_DIR, seedFiles, seedText } from '../helpers/seeds';

const knowledge = loadKnowledge();
const { seeds } = readSeedDirectory(SEED_DIR);
const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Rewrites of a seed's text that the recognisers should read the same way (or at least not misplace). */
const VARIANTS: Record<string, (text: string) => string> = {
  'as published': (text) => text,
  'round brackets for 〔〕': (text) => text.replace(/〔/g, '（').replace(/〕/g, '）'),
  'full-width digits': (text) => text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
  'a space between number and unit': (text) => text.replace(/([0-9])(%|％|吨|万吨|个|家)/g, '$1 $2'),
  'CRLF line ends': (text) => text.replace(/\r?\n/g, '\r\n'),
};

function variantOf(seed: SeedFile, rewrite: (text: string) => string): SeedFile {
  if (seed.bytes instanceof Error) throw seed.bytes;
  return { ...seed, bytes: encoder.encode(rewrite(decoder.decode(seed.bytes))) };
}

interface Claim {
  where: string;
  slice: string;
  /** The exact name, or the number the slice must read as. */
  claim: { name: string } | { number: number };
}

function sliceOf(text: string | undefined, range: { start: number; end: number }): string | null {
  if (text === undefined || range.start >= range.end || range.end > text.length) return null;
  return text.slice(range.start, range.end);
}

/** Every recorded range of a plan with what it claims to hold; a range that does not fit gives slice ''. */
function claims(plan: Plan): Claim[] {
  const out: Claim[] = [];
  const paragraphsOf = new Map<string, readonly string[]>();
  const tables = new Map<string, string[][]>();
  for (const clause of plan.clauses) paragraphsOf.set(clause.id, clause.paragraphs);
  paragraphsOf.set(
    'lead',
    plan.front.filter((b) => b.kind === 'lead').map((b) => b.text),
  );
  for (const annex of plan.annexes) {
    paragraphsOf.set(
      annex.id,
      annex.blocks.map((b) => (b.type === 'paragraph' ? b.text : '')),
    );
    for (const block of annex.blocks) if (block.type === 'table') tables.set(block.id, block.rows);
  }
  const inText = (id: string, range: TextRange) => sliceOf(paragraphsOf.get(id)?.[range.paragraph], range) ?? '';
  const inCell = (id: string, cell: CellRange) => sliceOf(tables.get(id)?.[cell.row]?.[cell.column], cell) ?? '';

  for (const clause of plan.clauses) {
    const r = clause.responsibility;
    if (!r) continue;
    const where = `${plan.source} ${clause.id}`;
    out.push({ where: `${where} note`, slice: inText(clause.id, r.range), claim: { name: r.text } });
    for (const d of r.departments)
      out.push({ where, slice: inText(clause.id, d.range), claim: { name: d.name } });
  }
  for (const annex of plan.annexes)
    for (const block of annex.blocks)
      if (block.type === 'table')
        for (const d of block.departments)
          out.push({ where: `${plan.source} ${block.id}`, slice: inCell(block.id, d.cell), claim: { name: d.name } });
  for (const target of plan.targets) {
    for (const source of target.sources) {
      const where = `${plan.source} ${target.id} @${source.clauseId}`;
      expect(source.range === null, `${where}: exactly one of range and cell`).toBe(source.cell !== null);
      const slice = source.range
        ? inText(source.clauseId, source.range)
        : source.cell
          ? inCell(source.clauseId, source.cell)
          : '';
      // A value stated in words (全面, 零增长, II 类) claims its words; a printed value its number.
      out.push({
        where,
        slice,
        claim: target.wording === null ? { number: target.originalValue } : { name: target.wording },
      });
    }
  }
  return out;
}

/** The number a value slice starts with (folded, so １３．５ reads as 13.5). */
const leadingNumber = (slice: string): number | null => {
  const m = /^\d+(?:\.\d+)?/.exec(foldForRecognition(slice));
  return m ? Number(m[0]) : null;
};

/** Does a claim's slice hold what it claims: exactly the name, or a value reading as the number? */
const fits = (c: Claim): boolean =>
  'name' in c.claim ? c.slice === c.claim.name : leadingNumber(c.slice) === c.claim.number;

/** Every recorded range of the plans that does not fit what it claims, as `where: “slice”`. */
const misfits = (plans: Plan[]): string[] =>
  plans
    .flatMap(claims)
    .filter((c) => !fits(c))
    .map((c) => `${c.where}: “${c.slice}”`);

describe.each(Object.entries(VARIANTS))('recorded ranges, seeds %s', (_name, rewrite) => {
  const { plans } = ingestSeeds(
    seeds.map((seed) => variantOf(seed, rewrite)),
    knowledge.plan,
    { enrichments: enrichments(knowledge) },
  );

  it('parses every seed and records ranges of each kind', () => {
    expect(plans).toHaveLength(seeds.length);
    const all = plans.flatMap(claims);
    expect(all.filter((c) => 'name' in c.claim).length).toBeGreaterThan(100);
    expect(all.filter((c) => 'number' in c.claim).length).toBeGreaterThan(20);
  });

  it('slices out exactly the name each department mention and note claims', () => {
    const wrong = plans
      .flatMap(claims)
      .filter((c) => 'name' in c.claim && c.slice !== c.claim.name)
      .map((c) => `${c.where}: “${c.slice}”`);
    expect(wrong).toEqual([]);
  });

  it('slices out a value reading as the number each target source claims', () => {
    const wrong = plans
      .flatMap(claims)
      .filter((c) => 'number' in c.claim && leadingNumber(c.slice) !== c.claim.number)
      .map((c) => `${c.where}: “${c.slice}”`);
    expect(wrong).toEqual([]);
  });
});

describe('recorded ranges, the hostile browser-test seed', () => {
  const dir = 'tests/e2e/seeds';
  const { plans } = ingestSeeds(readSeedDirectory(dir).seeds, knowledge.plan, {
    enrichments: enrichments(knowledge),
  });

  it('fit what they claim', () => {
    expect(plans.length).toBeGreaterThan(0);
    expect(misfits(plans)).toEqual([]);
  });
});

describe.each(seedFiles)('recorded ranges, the adversarial variants of %s', (file) => {
  const seed = { file, text: seedText(file), baseline: planOf(file) };

  it.each(ADVERSARIAL.map((v) => [v.id, v] as const))('%s: every range fits what it claims', (_id, variant) => {
    const made = variant.make(seed);
    const { plans } = ingestSeeds([{ file: made.file, bytes: made.bytes, sidecar: null }], knowledge.plan, {
      enrichments: enrichments(knowledge),
    });
    expect(plans).toHaveLength(1);
    expect(misfits(plans)).toEqual([]);
  });
});

/**
 * Every responsibility note of every seed: found, parsed without problems, and every department it names
 * categorised (none left as `other`). Seed lines are read directly; a line is a clause's last paragraph here.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignResponsibilities } from '../../src/lib/departments';
import { loadDepartmentCatalogue } from '../../src/lib/departments/catalogue';
import { Clause, Department, Responsibility } from '../../src/lib/model/plan';
import type { Level } from '../../src/lib/model/plan';
import { foldForRecognition, stripExportLeftovers } from '../../src/lib/read/normalize';
import { findResponsibilityNote } from '../../src/lib/responsibility/find';
import { parseResponsibility } from '../../src/lib/responsibility/parse';
import { compileCollectives } from '../../src/lib/responsibility/collectives';

/** Notes are read with the curated collective phrases of content/departments.yaml. */
const collectives = compileCollectives(loadDepartmentCatalogue().collectives);
const parseNote = (note: string) => parseResponsibility(note, collectives);

const catalogue = loadDepartmentCatalogue();
const categoryIds = new Set(catalogue.categories.map((c) => c.id));

interface SeedCase {
  file: string;
  region: string;
  level: Level;
  notes: number;
  inherited: number;
  departments: number;
}

const SEEDS: SeedCase[] = [
  {
    file: '000_5b537b9a7be6a6a5.txt',
    region: '黔江区',
    level: 'county',
    notes: 45,
    inherited: 0,
    departments: 32,
  },
  {
    file: '001_fe432f922416074d.txt',
    region: '达州市',
    level: 'city',
    notes: 21,
    inherited: 20,
    departments: 29,
  },
  {
    file: '002_9e3084a1a31ff5d6.txt',
    region: '贵州省',
    level: 'province',
    notes: 21,
    inherited: 20,
    departments: 32,
  },
  {
    file: '003_a39c52263945813a.txt',
    region: '莱芜区',
    level: 'county',
    notes: 24,
    inherited: 23,
    departments: 27,
  },
  {
    file: '004_5c114cb50a3ad106.txt',
    region: '廊坊市',
    level: 'city',
    notes: 20,
    inherited: 19,
    // 领导小组各成员单位 is a collective phrase, not a department (issue 8).
    departments: 29,
  },
];

/** Lines as display text (export leftovers removed), 1-based line numbers kept. */
function seedLines(file: string): { line: number; text: string }[] {
  const raw = readFileSync(resolve(process.cwd(), 'seeds', file), 'utf8').replace(/^\uFEFF/, '');
  return raw.split(/\r?\n/).map((text, index) => ({ line: index + 1, text: stripExportLeftovers(text) }));
}

function seedClauses(file: string): Clause[] {
  return seedLines(file)
    .filter(({ text }) => text.trim() !== '')
    .map(({ line, text }, position) =>
      Clause.parse({
        id: `p${line}`,
        kind: 'paragraph',
        parentId: null,
        depth: 1,
        number: null,
        citation: '',
        heading: null,
        paragraphs: [text],
        responsibility: null,
        part: 'other',
        position,
        line,
        endLine: line,
      }),
    );
}

/** An independent, cruder test for "this line ends in a responsibility note", to catch missed notes. */
const LOOKS_LIKE_NOTE_END = /(?:负责|牵头|配合|列出)[^()[\]]{0,20}[)\]]\s*$/;

describe.each(SEEDS)('$file ($region)', (seed) => {
  const lines = seedLines(seed.file);
  const found = lines
    .map(({ line, text }) => ({ line, text, note: findResponsibilityNote(text) }))
    .filter((entry) => entry.note !== null);

  it(`finds all ${seed.notes} responsibility notes and no other parenthetical`, () => {
    expect(found).toHaveLength(seed.notes);
    const expectedLines = lines
      .filter(({ text }) => LOOKS_LIKE_NOTE_END.test(foldForRecognition(text)))
      .map((l) => l.line);
    expect(found.map((entry) => entry.line)).toEqual(expectedLines);
  });

  it('parses every note without problems; each names at least one department, none empty', () => {
    for (const { line, note } of found) {
      const parsed = parseNote(note?.text ?? '');
      expect(parsed.problems, `line ${line}`).toEqual([]);
      // A note may name only a collective phrase (领导小组各成员单位), which is no department.
      if (!/成员单位|有关部门/.test(note?.text ?? ''))
        expect(parsed.mentions.length, `line ${line}`).toBeGreaterThan(0);
      for (const mention of parsed.mentions) {
        expect(mention.name.trim(), `line ${line}`).not.toBe('');
        expect(mention.name).toBe(mention.name.trim());
        expect(note?.text, `line ${line}`).toContain(mention.name);
        // A role marker or list tail left inside a name means the note was misread.
        expect(foldForRecognition(mention.name), `line ${line}`).not.toMatch(
          /牵头|按职责|分工|负责|落实|列出|、|^等|等$/,
        );
      }
    }
  });

  const result = assignResponsibilities({
    clauses: seedClauses(seed.file),
    region: seed.region,
    level: seed.level,
    file: seed.file,
    catalogue,
  });

  it('categorises every department (none is other) without warnings', () => {
    expect(result.warnings).toEqual([]);
    expect(result.departments).toHaveLength(seed.departments);
    for (const department of result.departments) {
      expect(department.category, department.name).not.toBe('other');
      expect(categoryIds.has(department.category), department.name).toBe(true);
      expect(() => Department.parse(department)).not.toThrow();
    }
  });

  it('links every mention to a department entity with a unique id', () => {
    const ids = result.departments.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    const byId = new Map(result.departments.map((d) => [d.id, d]));
    const noted = result.clauses.filter((c) => c.responsibility !== null);
    expect(noted).toHaveLength(seed.notes);
    for (const c of noted) {
      expect(() => Responsibility.parse(c.responsibility)).not.toThrow();
      for (const mention of c.responsibility?.departments ?? []) {
        const department = byId.get(mention.departmentId);
        expect(department, mention.name).toBeDefined();
        expect([department?.name, ...(department?.aliases ?? [])]).toContain(mention.name);
      }
    }
  });

  it(`carries standing implementers to ${seed.inherited} later clauses`, () => {
    expect(result.clauses.filter((c) => c.responsibility?.implementersInherited)).toHaveLength(
      seed.inherited,
    );
  });
});

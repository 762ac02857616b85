/**
 * `conformsUnchanged(schema, value)` stands in for zod's parse of the plan only when the parse would succeed
 * and give back the very same data, keys in the same order. Checked on the seeds' plans and on thousands of
 * damaged copies of them: whenever it answers true, zod's parse succeeds and its output serialises to exactly
 * the value's bytes; and each kind of damage zod refuses or rewrites is answered false.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { conformsUnchanged } from '../../src/lib/model/conforms';
import { Plan } from '../../src/lib/model/plan';
import { ingestedSeeds } from '../helpers/seeds';

type Node = Record<string, unknown> | unknown[];

const plans = ingestedSeeds().plans;

/** Every object and array in `value`, depth first. */
function containers(value: unknown, found: Node[] = []): Node[] {
  if (typeof value !== 'object' || value === null) return found;
  found.push(value as Node);
  for (const child of Object.values(value)) containers(child, found);
  return found;
}

/** Damage done in place to one object; returns the undo. */
type Damage = (node: Record<string, unknown>) => (() => void) | null;

/** Sets `node[key]` to `value` (or deletes it), keeping the original key order on undo. */
function replaceKey(node: Record<string, unknown>, key: string, value: unknown, remove = false): () => void {
  const entries = Object.entries(node);
  if (remove) delete node[key];
  else node[key] = value;
  return () => {
    for (const k of Object.keys(node)) delete node[k];
    for (const [k, v] of entries) node[k] = v;
  };
}

const firstKey = (node: Record<string, unknown>) => Object.keys(node)[0];
const keyHolding = (node: Record<string, unknown>, test: (v: unknown) => boolean) =>
  Object.keys(node).find((k) => test(node[k]));

const damages: Record<string, Damage> = {
  'an extra key': (node) => replaceKey(node, 'extra', 1),
  'a key removed': (node) => {
    const key = firstKey(node);
    return key === undefined ? null : replaceKey(node, key, undefined, true);
  },
  'a key set to undefined': (node) => {
    const key = firstKey(node);
    return key === undefined ? null : replaceKey(node, key, undefined);
  },
  'the first key moved last': (node) => {
    const keys = Object.keys(node);
    if (keys.length < 2) return null;
    const entries = Object.entries(node);
    const first = entries[0] as [string, unknown];
    for (const k of keys) delete node[k];
    for (const [k, v] of [...entries.slice(1), first]) node[k] = v;
    return () => {
      for (const k of Object.keys(node)) delete node[k];
      for (const [k, v] of entries) node[k] = v;
    };
  },
  'a string emptied': (node) => {
    const key = keyHolding(node, (v) => typeof v === 'string' && v.length > 0);
    return key === undefined ? null : replaceKey(node, key, '');
  },
  'a string made upper case with a space': (node) => {
    const key = keyHolding(node, (v) => typeof v === 'string');
    return key === undefined ? null : replaceKey(node, key, `${node[key] as string} X`);
  },
  'a number made fractional': (node) => {
    const key = keyHolding(node, (v) => typeof v === 'number');
    return key === undefined ? null : replaceKey(node, key, (node[key] as number) + 0.5);
  },
  'a number made negative': (node) => {
    const key = keyHolding(node, (v) => typeof v === 'number');
    return key === undefined ? null : replaceKey(node, key, -1 - Math.abs(node[key] as number));
  },
  'a number made NaN': (node) => {
    const key = keyHolding(node, (v) => typeof v === 'number');
    return key === undefined ? null : replaceKey(node, key, Number.NaN);
  },
  'a number made a string': (node) => {
    const key = keyHolding(node, (v) => typeof v === 'number');
    return key === undefined ? null : replaceKey(node, key, String(node[key]));
  },
  'a value made null': (node) => {
    const key = keyHolding(node, (v) => v !== null);
    return key === undefined ? null : replaceKey(node, key, null);
  },
  'an array emptied': (node) => {
    const key = keyHolding(node, (v) => Array.isArray(v) && v.length > 0);
    return key === undefined ? null : replaceKey(node, key, []);
  },
  'an array made an object': (node) => {
    const key = keyHolding(node, Array.isArray);
    return key === undefined ? null : replaceKey(node, key, { ...(node[key] as unknown[]) });
  },
  'an object given a class': (node) => {
    const key = keyHolding(node, (v) => typeof v === 'object' && v !== null && !Array.isArray(v));
    if (key === undefined) return null;
    const copy = Object.assign(Object.create({ inherited: true }) as object, node[key]);
    return replaceKey(node, key, copy);
  },
  'a tag changed': (node) => (typeof node['type'] === 'string' ? replaceKey(node, 'type', 'figure') : null),
};

describe('conformsUnchanged', () => {
  it('holds for every seed plan, whose zod parse gives back the same bytes', () => {
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans) {
      expect(conformsUnchanged(Plan, plan)).toBe(true);
      expect(JSON.stringify(Plan.parse(plan))).toBe(JSON.stringify(plan));
    }
  });

  it('answers true for a damaged plan only when zod accepts it and gives back the same bytes', () => {
    const detected: Record<string, number> = {};
    let tried = 0;
    let accepted = 0;
    for (const original of plans) {
      const plan = structuredClone(original);
      const objects = containers(plan).filter((node) => !Array.isArray(node)) as Record<string, unknown>[];
      // A spread of the plan's objects: the plan itself, front matter, clauses, notes, tables, targets…
      const step = Math.max(1, Math.floor(objects.length / 80));
      for (let i = 0; i < objects.length; i += step) {
        const node = objects[i] as Record<string, unknown>;
        for (const [name, damage] of Object.entries(damages)) {
          const undo = damage(node);
          if (undo === null) continue;
          tried++;
          if (conformsUnchanged(Plan, plan)) {
            accepted++;
            const parsed = Plan.safeParse(plan);
            const same = parsed.success && JSON.stringify(parsed.data) === JSON.stringify(plan);
            expect(same, `${name} at ${original.source}`).toBe(true);
          } else detected[name] = (detected[name] ?? 0) + 1;
          undo();
        }
      }
      expect(conformsUnchanged(Plan, plan)).toBe(true);
    }
    expect(tried).toBeGreaterThan(2000);
    // Damage zod takes as it is (a free text changed) is answered true: the walk is not simply refusing.
    expect(accepted).toBeGreaterThan(50);
    // Every kind of damage was answered false somewhere (and zod's full parse then run).
    expect(Object.keys(detected).sort()).toEqual(Object.keys(damages).sort());
  });

  it('answers false for what zod rewrites though it accepts it', () => {
    const plan = structuredClone(plans[0]) as Plan;
    // An unknown key: zod drops it.
    expect(conformsUnchanged(Plan, { ...plan, extra: 1 })).toBe(false);
    expect(Plan.safeParse({ ...plan, extra: 1 }).success).toBe(true);
    // Keys out of the schema's order: zod puts them back in order.
    const { id, ...rest } = plan;
    expect(conformsUnchanged(Plan, { ...rest, id })).toBe(false);
    expect(Plan.safeParse({ ...rest, id }).success).toBe(true);
  });

  it('checks leaves with zod: formats, enums, the URL', () => {
    const plan = structuredClone(plans[0]) as Plan;
    expect(conformsUnchanged(Plan, { ...plan, sourceUrl: 'ftp://example.org/plan' })).toBe(false);
    expect(conformsUnchanged(Plan, { ...plan, sourceUrl: 'https://example.org/plan' })).toBe(true);
    expect(conformsUnchanged(Plan, { ...plan, status: 'adopted' })).toBe(false);
    expect(conformsUnchanged(Plan, { ...plan, issued: '2022-1-5' })).toBe(false);
    expect(conformsUnchanged(Plan, { ...plan, id: 'Qianjiang' })).toBe(false);
  });

  it('decides each leaf check written out in its code as zod does, at the edges of each', () => {
    const schemas: Record<string, z.ZodType> = {
      'string min 1': z.string().min(1),
      'string min 2': z.string().min(2),
      'int nonnegative': z.number().int().nonnegative(),
      'int positive': z.number().int().positive(),
      'int 0..6': z.number().int().min(0).max(6),
      'number below 1 exclusive': z.number().lt(1),
      number: z.number(),
      'regex ids': z.string().regex(/^[a-z0-9-]+$/),
      'regex global': z.string().regex(/a/g),
      'array min 1': z.array(z.string().min(1)).min(1),
      enum: z.enum(['a', 'b']),
      literal: z.literal('table'),
      'nullable string min 1': z.string().min(1).nullable(),
      'nullable int': z.number().int().nullable(),
      url: z.httpUrl(),
      trimmed: z.string().trim(),
    };
    const values: unknown[] = [
      ...[
        '',
        'a',
        'ab',
        'abc',
        '😀',
        '😀😀',
        '\ud800',
        '\ud800\udc00',
        'A',
        'a-1',
        'table',
        'b',
        ' a ',
        'aaa',
      ],
      ...['https://example.org/', 'ftp://example.org/', '1'],
      ...[
        0,
        -0,
        0.5,
        -1,
        1,
        6,
        7,
        Number.MAX_SAFE_INTEGER,
        Number.MAX_SAFE_INTEGER + 2,
        -Number.MAX_SAFE_INTEGER - 2,
      ],
      ...[Number.NaN, Infinity, -Infinity, null, undefined, true, [], ['a'], [''], ['a', 'b'], {}, [1]],
    ];
    let accepted = 0;
    for (const [name, schema] of Object.entries(schemas)) {
      const holder = z.object({ value: schema });
      for (const value of values) {
        const parsed = schema.safeParse(value);
        const same = parsed.success && JSON.stringify(parsed.data) === JSON.stringify(value);
        const label = `${name}: ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`;
        if (same) accepted++;
        // Alone (the leaf's own compiled check), held by an object and in an array (written out in their code).
        expect(conformsUnchanged(schema, value), label).toBe(same && value !== undefined);
        expect(conformsUnchanged(holder, { value }), `${label} in an object`).toBe(
          same && value !== undefined,
        );
        expect(conformsUnchanged(z.array(schema), [value]), `${label} in an array`).toBe(
          same && value !== undefined,
        );
      }
    }
    expect(accepted).toBeGreaterThan(40);
  });
});

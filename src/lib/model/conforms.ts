/**
 * Whether a value already is what the zod parse of it would give back — without the parse's copy.
 *
 * `Plan.safeParse` checks a plan and returns a deep copy of it, every object rebuilt with its schema's keys in
 * the schema's order; for a plan of the parser's own making the copy equals the input, yet making it was a
 * third of the parse's allocations and a sixth of its time (issue 13). `conformsUnchanged(schema, value)` walks
 * the value along the schema and answers true only when the parse would succeed and give back a value with the
 * same keys in the same order and the same primitives: then the value itself can stand for the parse's output.
 * Every leaf (string, number, enum, literal…) is checked by zod's own code for it (its type, its checks:
 * `min`, `regex`, `int`, `httpUrl`…); only the containers are walked here (objects, arrays, nullable, optional,
 * discriminated unions). Anything else, or any doubt (an unknown key, keys out of the schema's order, an
 * absent or undefined key, a prototype other than Object's), answers false, and the caller runs zod's full
 * parse, which then reports the problem exactly as before.
 */
import type { z } from 'zod';

type Check = (value: unknown) => boolean;

/** The few parts of zod's internals (`schema._zod`) the walk reads; zod 4 documents `def` for library authors. */
interface Internals {
  def: {
    type: string;
    shape?: Record<string, z.ZodType>;
    catchall?: z.ZodType;
    element?: z.ZodType;
    innerType?: z.ZodType;
    options?: z.ZodType[];
    discriminator?: string;
    unionFallback?: boolean;
    checks?: ZodCheck[];
    coerce?: boolean;
  };
  optin?: string;
  optout?: string;
  propValues?: Record<string, Set<unknown>>;
  /** The values an enum or literal accepts. */
  values?: Set<unknown>;
  /** The names of the classes the schema is made of (`$ZodCheck` when it is a check of its own). */
  traits: Set<string>;
}

interface ZodCheck {
  _zod: { def: { when?: (payload: Payload) => boolean }; check: (payload: Payload) => unknown };
}

interface Payload {
  value: unknown;
  issues: unknown[];
}

const internals = (schema: z.ZodType): Internals => (schema as unknown as { _zod: Internals })._zod;

const compiled = new WeakMap<z.ZodType, Check>();

export function conformsUnchanged(schema: z.ZodType, value: unknown): boolean {
  return checkerOf(schema)(value);
}

function checkerOf(schema: z.ZodType): Check {
  let check = compiled.get(schema);
  if (check === undefined) {
    // Set before compiling the parts, so a recursive schema finds itself (through this indirection).
    let inner: Check = () => false;
    compiled.set(schema, (value) => inner(value));
    inner = compile(schema);
    compiled.set(schema, inner);
    check = inner;
  }
  return check;
}

function compile(schema: z.ZodType): Check {
  const zod = internals(schema);
  const { def } = zod;
  const checks = def.checks ?? [];
  // A container that is also a check of its own is none this walk knows: zod's full parse decides.
  if (zod.traits.has('$ZodCheck') && !LEAVES.has(def.type)) return never;
  switch (def.type) {
    case 'object':
      return checks.length === 0 && def.catchall === undefined ? objectChecker(def.shape ?? {}) : never;
    case 'array': {
      const element = checkerOf(def.element as z.ZodType);
      return (value) => {
        if (!Array.isArray(value)) return false;
        for (let i = 0; i < value.length; i++) if (!element(value[i])) return false;
        return passes(checks, value);
      };
    }
    case 'nullable': {
      const inner = checkerOf(def.innerType as z.ZodType);
      return checks.length === 0 ? (value) => value === null || inner(value) : never;
    }
    case 'union':
      return def.discriminator !== undefined && !def.unionFallback && checks.length === 0
        ? discriminatedChecker(def.discriminator, def.options ?? [])
        : never;
    case 'string':
    case 'number':
    case 'boolean':
    case 'enum':
    case 'literal':
      return leafChecker(schema, zod);
    default:
      // optional (handled by the object holding it), transforms, pipes, defaults…: zod's full parse decides.
      return never;
  }
}

const never: Check = () => false;

const LEAVES = new Set(['string', 'number', 'boolean', 'enum', 'literal']);

/**
 * What zod's parse of each leaf type accepts (before its checks), as its code reads: a string, a finite
 * number, a boolean, one of the enum's or literal's values (`_zod.values`, the set zod's parse looks in).
 */
function typeTest(zod: Internals): Check | null {
  switch (zod.def.type) {
    case 'string':
      return (value) => typeof value === 'string';
    case 'number':
      return (value) => typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'enum':
    case 'literal': {
      const values = zod.values;
      return values ? (value) => values.has(value) : null;
    }
    default:
      return null;
  }
}

/**
 * A leaf: its type, then zod's own checks of it (`min`, `regex`, `int`, a format such as `httpUrl`, which is a
 * check of the type itself), in the order and under the conditions zod's `run` gives them. A check that would
 * change the value (an overwrite such as `trim`) answers false: the parse's output would differ.
 */
function leafChecker(schema: z.ZodType, zod: Internals): Check {
  const type = typeTest(zod);
  if (type === null || zod.def.coerce) return never;
  const checks: ZodCheck[] = [
    ...(zod.traits.has('$ZodCheck') ? [schema as unknown as ZodCheck] : []),
    ...(zod.def.checks ?? []),
  ];
  if (checks.length === 0) return type;
  return (value) => type(value) && passes(checks, value);
}

const PAYLOAD: Payload = { value: undefined, issues: [] };

/**
 * Whether `value` passes zod's checks (a leaf's, an array's `min`) as zod's `runChecks` runs them: each where
 * its `when` holds; true only when none reports an issue and none changed the value.
 */
function passes(checks: readonly ZodCheck[], value: unknown): boolean {
  if (checks.length === 0) return true;
  // One payload for every check: they run one at a time and none keeps it (a number's int and nonnegative on
  // every line and range of a plan would otherwise each allocate two objects). Emptied after use, so it holds
  // on to nothing of a plan.
  const payload = PAYLOAD;
  payload.value = value;
  let ok = true;
  for (const check of checks) {
    const when = check._zod.def.when;
    if (when && !when(payload)) continue;
    const result = check._zod.check(payload);
    if (result instanceof Promise || payload.issues.length > 0 || payload.value !== value) {
      ok = false;
      break;
    }
  }
  payload.value = undefined;
  // Setting an array's length is a call into the engine's runtime even when it changes nothing: only an
  // issue, which ends the walk, leaves anything to empty.
  if (!ok) payload.issues.length = 0;
  return ok;
}

interface Field {
  key: string;
  /** May be absent (`.optional()`); its value, when present, is checked by `check`. */
  optional: boolean;
  check: Check;
}

/**
 * A plain object whose own keys are the shape's, in the shape's order (an optional key may be absent), each
 * value conforming: exactly what zod's object parse would rebuild. A key holding `undefined` answers false.
 */
function objectChecker(shape: Record<string, z.ZodType>): Check {
  const fields: Field[] = [];
  for (const [key, schema] of Object.entries(shape)) {
    const zod = internals(schema);
    const optional = zod.def.type === 'optional';
    if (zod.optin === 'optional' && !optional) return never;
    fields.push({
      key,
      optional,
      check: !optional
        ? checkerOf(schema)
        : (zod.def.checks ?? []).length === 0
          ? checkerOf(zod.def.innerType as z.ZodType)
          : never,
    });
  }
  const general: Check = (value) => {
    if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype)
      return false;
    const record = value as Record<string, unknown>;
    let next = 0;
    for (const key in record) {
      // Skip the optional fields the value leaves out, up to this key; a required one left out fails.
      let field = fields[next];
      while (field !== undefined && field.key !== key) {
        if (!field.optional) return false;
        field = fields[++next];
      }
      if (field === undefined) return false;
      const item = record[key];
      if (item === undefined || !field.check(item)) return false;
      next++;
    }
    for (; next < fields.length; next++) if (!(fields[next] as Field).optional) return false;
    return true;
  };
  return withEveryKey(fields, general);
}

/**
 * The common case compiled, as zod compiles its own object parse: a value holding every field, in order, is
 * checked field by field with each property read by name (which the engine caches per object layout, where
 * reading by a variable key is a slow generic lookup); any other value goes to `general`. The keys are the
 * schema's own, written as JSON strings.
 */
function withEveryKey(fields: readonly Field[], general: Check): Check {
  const keys = fields.map((field) => field.key);
  const checks = fields.map((field) => field.check);
  const reads = keys
    .map((key, i) => `(item = value[${JSON.stringify(key)}]) !== undefined && checks[${i}](item)`)
    .join(' && ');
  const body = `return function (value) {
    if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype)
      return false;
    let i = 0;
    for (const key in value) {
      if (key !== keys[i]) return general(value);
      i++;
    }
    if (i !== ${keys.length}) return general(value);
    let item;
    return ${reads || 'true'};
  };`;
  return new Function('keys', 'checks', 'general', body)(keys, checks, general) as Check;
}

/** A discriminated union: the option its discriminator value names (as zod picks it), else false. */
function discriminatedChecker(discriminator: string, options: readonly z.ZodType[]): Check {
  const byValue = new Map<unknown, Check>();
  for (const option of options) {
    const values = internals(option).propValues?.[discriminator];
    if (values === undefined) return never;
    for (const value of values) {
      // Two options claiming one value: zod's choice is its own business.
      if (byValue.has(value)) return never;
      byValue.set(value, checkerOf(option));
    }
  }
  return (value) => {
    if (typeof value !== 'object' || value === null) return false;
    const tag = (value as Record<string, unknown>)[discriminator];
    if (tag === undefined) return false;
    const option = byValue.get(tag);
    return option !== undefined && option(value);
  };
}

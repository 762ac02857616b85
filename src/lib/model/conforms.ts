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
import { z } from 'zod';

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
  _zod: {
    def: {
      when?: (payload: Payload) => boolean;
      /** The kind of check: `number_format`, `greater_than`, `min_length`, `string_format`… */
      check?: string;
      format?: string;
      value?: unknown;
      inclusive?: boolean;
      minimum?: number;
      pattern?: RegExp;
    };
    check: (payload: Payload) => unknown;
  };
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
    case 'array':
      return arrayChecker(def.element as z.ZodType, checks);
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
    case 'literal': {
      const code = new Code();
      const test = leafTest(schema, code);
      return test === null ? never : code.compile((v) => `return ${test(v)};`);
    }
    default:
      // optional (handled by the object holding it), transforms, pipes, defaults…: zod's full parse decides.
      return never;
  }
}

const never: Check = () => false;

const LEAVES = new Set(['string', 'number', 'boolean', 'enum', 'literal']);

/**
 * The source of one compiled check: the values its code refers to (zod's sets of enum values, its regexes, the
 * checkers of nested schemas) are handed in as `r[0]`, `r[1]`… Checks are compiled into code, as zod compiles
 * its own object parse, because the walk visits every value of a plan: called through closures, one leaf at a
 * time, it was most of the check's cost.
 */
class Code {
  private readonly refs: unknown[] = [];

  /** The expression that reads `value` inside the compiled code. */
  ref(value: unknown): string {
    this.refs.push(value);
    return `r[${this.refs.length - 1}]`;
  }

  /** A function of one argument whose body `body(name of the argument)` writes. */
  compile(body: (value: string) => string): Check {
    return new Function('r', `return function (value) {\n${body('value')}\n};`)(this.refs) as Check;
  }
}

/** An expression of the code for a value held in the variable named `v`. */
type Expression = (v: string) => string;

/**
 * A leaf as an expression: its type, then zod's own checks of it (`min`, `regex`, `int`, a format such as
 * `httpUrl`, which is a check of the type itself), in the order zod's `run` gives them; null when zod's parse
 * of it is none this walk can stand for (a coerced type, an enum without its set of values). A check that would
 * change the value (an overwrite such as `trim`) answers false: the parse's output would differ.
 */
function leafTest(schema: z.ZodType, code: Code): Expression | null {
  const zod = internals(schema);
  const type = typeTest(zod, code);
  if (type === null || zod.def.coerce) return null;
  const checks: ZodCheck[] = [
    ...(zod.traits.has('$ZodCheck') ? [schema as unknown as ZodCheck] : []),
    ...(zod.def.checks ?? []),
  ];
  const parts = [type, ...checks.map((check) => checkTest(check, zod.def.type, code))];
  return (v) => parts.map((part) => `(${part(v)})`).join(' && ');
}

/**
 * What zod's parse of each leaf type accepts (before its checks), as its code reads: a string, a finite
 * number, a boolean, one of the enum's or literal's values (`_zod.values`, the set zod's parse looks in).
 */
function typeTest(zod: Internals, code: Code): Expression | null {
  switch (zod.def.type) {
    case 'string':
      return (v) => `typeof ${v} === 'string'`;
    case 'number':
      return (v) => `typeof ${v} === 'number' && Number.isFinite(${v})`;
    case 'boolean':
      return (v) => `typeof ${v} === 'boolean'`;
    case 'enum':
    case 'literal': {
      const values = zod.values;
      if (!values) return null;
      const set = code.ref(values);
      return (v) => `${set}.has(${v})`;
    }
    default:
      return null;
  }
}

/** zod's default `when` of a length check (a value not null, with a length), read off a check of its own. */
const LENGTH_WHEN = (
  (z.string().min(1) as unknown as { _zod: { def: { checks: ZodCheck[] } } })._zod.def.checks[0] as ZodCheck
)._zod.def.when;

/**
 * One of zod's checks of a value of `type` as an expression. The checks every plan runs thousands of times
 * (`int`, `nonnegative`/`positive`/`min`/`max` of a number, `min` of a string or array, `regex`) are written out
 * as their zod code decides them; any other check, or one with a condition (`when`) of its own, is run by zod's
 * own code (`passes`).
 */
function checkTest(check: ZodCheck, type: string, code: Code): Expression {
  const { traits } = check._zod as unknown as { traits: Set<string> };
  const def = check._zod.def;
  // $ZodCheckNumberFormat: a safe integer passes `int()` (Number.isInteger, then the safe range).
  if (traits.has('$ZodCheckNumberFormat') && def.format === 'safeint' && def.when === undefined)
    return (v) => `Number.isSafeInteger(${v})`;
  // $ZodCheckGreaterThan / $ZodCheckLessThan of a number against a number.
  if (
    (traits.has('$ZodCheckGreaterThan') || traits.has('$ZodCheckLessThan')) &&
    typeof def.value === 'number' &&
    Number.isFinite(def.value) &&
    def.when === undefined &&
    type === 'number'
  ) {
    const operator = traits.has('$ZodCheckGreaterThan')
      ? def.inclusive
        ? '>='
        : '>'
      : def.inclusive
        ? '<='
        : '<';
    return (v) => `${v} ${operator} ${def.value as number}`;
  }
  // $ZodCheckMinLength with its default condition: an array's length, or a string's length in code points —
  // which only a string of between `minimum` and twice `minimum` UTF-16 units leaves in doubt: zod counts then.
  if (
    traits.has('$ZodCheckMinLength') &&
    def.when === LENGTH_WHEN &&
    Number.isSafeInteger(def.minimum) &&
    (type === 'array' || type === 'string')
  ) {
    const minimum = def.minimum as number;
    if (type === 'array') return (v) => `${v}.length >= ${minimum}`;
    const counted = code.ref((value: unknown) => passes([check], value));
    return (v) => `${v}.length >= ${2 * minimum} || (${v}.length >= ${minimum} && ${counted}(${v}))`;
  }
  // $ZodCheckRegex: the pattern's test from its start, as zod runs it.
  if (traits.has('$ZodCheckRegex') && def.pattern instanceof RegExp && def.when === undefined) {
    const pattern = code.ref(def.pattern);
    return (v) => `(${pattern}.lastIndex = 0, ${pattern}.test(${v}))`;
  }
  const zodCheck = code.ref((value: unknown) => passes([check], value));
  return (v) => `${zodCheck}(${v})`;
}

const PAYLOAD: Payload = { value: undefined, issues: [] };

/**
 * Whether `value` passes zod's checks (a leaf's, an array's `min`) as zod's `runChecks` runs them: each where
 * its `when` holds; true only when none reports an issue and none changed the value.
 */
function passes(checks: readonly ZodCheck[], value: unknown): boolean {
  if (checks.length === 0) return true;
  // One payload for every check: they run one at a time and none keeps it. Emptied after use, so it holds on
  // to nothing of a plan.
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

/**
 * How a value held by an object or array is checked in the code compiled for its holder: a leaf (or a nullable
 * leaf) written out in place, anything else by a call to its own compiled checker.
 */
function valueTest(schema: z.ZodType, code: Code): Expression {
  const zod = internals(schema);
  if (LEAVES.has(zod.def.type)) {
    const leaf = leafTest(schema, code);
    if (leaf !== null) return leaf;
  }
  if (zod.def.type === 'nullable' && (zod.def.checks ?? []).length === 0 && !zod.traits.has('$ZodCheck')) {
    const inner = zod.def.innerType as z.ZodType;
    if (LEAVES.has(internals(inner).def.type)) {
      const leaf = leafTest(inner, code);
      if (leaf !== null) return (v) => `${v} === null || (${leaf(v)})`;
    }
  }
  const checker = code.ref(checkerOf(schema));
  return (v) => `${checker}(${v})`;
}

/** An array each of whose items conforms, then the array's own checks (`min(1)`). */
function arrayChecker(element: z.ZodType, checks: readonly ZodCheck[]): Check {
  const code = new Code();
  const item = valueTest(element, code);
  const own = checks.map((check) => checkTest(check, 'array', code));
  return code.compile(
    (v) => `if (!Array.isArray(${v})) return false;
    for (let i = 0; i < ${v}.length; i++) {
      const item = ${v}[i];
      if (!(${item('item')})) return false;
    }
    return ${own.length === 0 ? 'true' : own.map((test) => `(${test(v)})`).join(' && ')};`,
  );
}

interface Field {
  key: string;
  /** May be absent (`.optional()`); its value, when present, is checked by `check`. */
  optional: boolean;
  check: Check;
  /** The schema of its value when present. */
  schema: z.ZodType | null;
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
    const valueSchema = !optional
      ? schema
      : (zod.def.checks ?? []).length === 0
        ? (zod.def.innerType as z.ZodType)
        : null;
    fields.push({ key, optional, check: valueSchema ? checkerOf(valueSchema) : never, schema: valueSchema });
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
 * reading by a variable key is a slow generic lookup) and each leaf written out in place; any other value goes
 * to `general`. The keys are the schema's own, written as JSON strings.
 */
function withEveryKey(fields: readonly Field[], general: Check): Check {
  const code = new Code();
  const keys = code.ref(fields.map((field) => field.key));
  const fallback = code.ref(general);
  const reads = fields.map((field) => {
    const test = field.schema ? valueTest(field.schema, code) : () => 'false';
    return `(item = value[${JSON.stringify(field.key)}]) !== undefined && (${test('item')})`;
  });
  return code.compile(
    () => `if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype)
      return false;
    let i = 0;
    for (const key in value) {
      if (key !== ${keys}[i]) return ${fallback}(value);
      i++;
    }
    if (i !== ${fields.length}) return ${fallback}(value);
    let item;
    return ${reads.join(' && ') || 'true'};`,
  );
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

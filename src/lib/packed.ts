/**
 * `items.map(each)` that gives the same kind of array whichever of V8's tiers runs it.
 *
 * Why: the interpreter's `Array.prototype.map` returns a packed array, but once the function calling it is
 * optimised, TurboFan inlines `map` and allocates the result with its length first, as a holey array. Every
 * later stage compiled while it only met packed arrays then deoptimises ("wrong map") when the producer is
 * optimised, and is compiled again: in a fresh process parsing the seeds, the structure stage's lines, the
 * plan's targets and the departments' lists did so between the 30th and 180th parse, costing the optimising
 * compiler's time at each. An array grown by `push` is packed in both tiers.
 */
export function mapPacked<T, U>(items: readonly T[], each: (item: T, index: number) => U): U[] {
  const result: U[] = [];
  for (let index = 0; index < items.length; index++) result.push(each(items[index] as T, index));
  return result;
}

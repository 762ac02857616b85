/**
 * The plan filter's value in a shared search URL (`?plan=…`) is the option's label. Labels gained the plan's
 * status marks (达州市 became 达州市（征求意见稿）, records.ts `planLabels`) so that a draft's option never reads as
 * the adopted plan's; a URL written before still names the plan by its bare label, and would match nothing.
 */

/**
 * The label a URL's plan value stands for among `labels`: itself when it is one; else the one label that is
 * this value with one of `suffixes` added (records.ts `PLAN_LABEL_SUFFIXES`, handed to the page by the build);
 * else itself unchanged (it then matches nothing, as an unknown plan should). Never picks between two.
 */
export function currentPlanLabel(
  value: string,
  labels: Iterable<string>,
  suffixes: readonly string[],
): string {
  const known = new Set(labels);
  if (known.has(value)) return value;
  const marked = suffixes.map((suffix) => value + suffix).filter((label) => known.has(label));
  return marked.length === 1 ? (marked[0] as string) : value;
}

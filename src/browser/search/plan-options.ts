/**
 * The plan filter past the list limit: the page ships it with no plans (thousands of options would be most of
 * the page), and once a province is chosen this fills in that province's plans from `/search/plans.json`
 * (src/pages/search/plans.json.ts), fetched once. A plan set by the URL stays selectable whatever the province.
 */

type PlansByProvince = [string, string[]][];

let plans: Promise<PlansByProvince> | null = null;

function plansOf(url: string): Promise<PlansByProvince> {
  plans ??= fetch(url).then(async (response) => {
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return (await response.json()) as PlansByProvince;
  });
  return plans;
}

/** Every plan's label, whatever its province. */
export async function allPlanLabels(url: string): Promise<string[]> {
  return (await plansOf(url)).flatMap(([, labels]) => labels);
}

/** The plan select's options for a province: 全部, the province's plans, and the plan selected now if it is not one of them. */
export async function fillPlans(url: string, province: string, select: HTMLSelectElement): Promise<void> {
  const listed = province ? ((await plansOf(url)).find(([name]) => name === province)?.[1] ?? []) : [];
  const selected = select.value;
  const values = selected && !listed.includes(selected) ? [selected, ...listed] : listed;
  const all = select.options[0] ?? new Option('全部', '');
  select.replaceChildren(all, ...values.map((value) => new Option(value, value)));
  select.value = selected;
}

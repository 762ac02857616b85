/**
 * The /go/ page: reads `q` (and `plan`, from a plan page's box) from the URL, finds the plan it names in
 * /data/goto.json and the clause among that plan's citations (/data/goto/<plan>.json) with src/lib/goto.ts,
 * and opens the clause's permalink; says plainly when the plan or the clause is not found, and leaves the
 * query in the box to correct.
 */
import {
  resolveClause,
  resolvePlan,
  type GotoClause,
  type GotoIndexPlan,
  type GotoResult,
} from '../lib/goto';

const status = document.querySelector<HTMLElement>('[data-goto-status]');
const input = document.querySelector<HTMLInputElement>('#goto-page');
const params = new URL(window.location.href).searchParams;
const query = params.get('q') ?? '';
const onlyPlan = params.get('plan') ?? undefined;

function say(text: string, links: { href: string; text: string }[] = []) {
  if (!status) return;
  status.textContent = text;
  for (const link of links) {
    const a = document.createElement('a');
    a.href = link.href;
    a.textContent = link.text;
    status.append(' ', a);
  }
}

async function go() {
  if (input) input.value = query;
  if (query.trim() === '' || !status) return;
  say('正在查找……');
  const response = await fetch(status.dataset['index'] ?? '');
  const { plans } = (await response.json()) as { plans: GotoIndexPlan[] };
  const found = resolvePlan(plans, query, onlyPlan);
  let result: GotoResult;
  if (found.kind === 'found') {
    const plan = plans.find((p) => p.id === found.planId)!;
    // A plan named without a clause opens the plan: its citations are not needed.
    const clauses =
      found.reference === ''
        ? []
        : ((await (await fetch(plan.clauses)).json()) as { clauses: GotoClause[] }).clauses;
    result = resolveClause(plan.id, clauses, found.reference);
  } else result = found;
  const byId = (id: string) => plans.find((p) => p.id === id);
  switch (result.kind) {
    case 'clause': {
      const plan = byId(result.planId)!;
      window.location.replace(`${plan.url}#${result.clauseId}`);
      say(`正在打开 ${plan.title} 的条款……`);
      break;
    }
    case 'plan': {
      const plan = byId(result.planId)!;
      if (result.reason === 'no-clause') window.location.replace(plan.url);
      else
        say(`在《${plan.title}》中没有找到条款“${query}”。请检查编号，或打开方案查看目录：`, [
          { href: plan.url, text: plan.title },
        ]);
      break;
    }
    case 'ambiguous-plan':
      say(
        `“${query}”可能指以下几份方案，请写出完整名称：`,
        result.planIds.map((id) => ({ href: byId(id)!.url, text: byId(id)!.title })),
      );
      break;
    case 'no-plan':
      say(`没有找到“${query}”所说的方案。请以地区名称开头，如“贵州 三（四）”。`);
      break;
  }
}

go().catch(() => say('无法读取条款索引，请打开方案页面，在其目录中选择条款。'));

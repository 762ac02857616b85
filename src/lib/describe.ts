/**
 * Page descriptions (`<meta name="description">`, Open Graph, the text a link preview shows in WeChat or
 * Weibo): what the page holds, in one sentence, from the model. The region is named once: a title that already
 * names it (贵州省“十四五”…) is not prefixed with it again.
 */
import type { PlanSummary } from './model/plan';
import { chineseDate, STATUS } from './vocabulary';

/** The title, with the region before it only when the title does not name it (and the region is known). */
export function titleWithRegion(plan: Pick<PlanSummary, 'title' | 'region'>): string {
  return plan.region === null || plan.title.includes(plan.region)
    ? plan.title
    : `${plan.region}：${plan.title}`;
}

/**
 * `贵州省“十四五”节能减排综合工作方案（正式文件）全文：29个条款、32个责任部门、24项量化目标，逐条可引用、可链接。`
 */
export function planDescription(
  plan: Pick<PlanSummary, 'title' | 'region' | 'status' | 'issued' | 'clauses' | 'departments' | 'targets'>,
): string {
  const date = chineseDate(plan.issued);
  const status = plan.status === 'draft' ? STATUS.draft : date === null ? STATUS.final : `${date}印发`;
  return (
    `${titleWithRegion(plan)}（${status}）全文：${plan.clauses.length}个条款、${plan.departments.length}个责任部门、` +
    `${plan.targets.length}项量化目标，逐条可引用、可链接。`
  );
}

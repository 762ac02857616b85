/**
 * What a reader must be told before quoting a plan's clause or value: that the plan is a draft (征求意见稿),
 * or that its region could not be read from the text. One function decides, so every page, chart, table and
 * download marks the same plans the same way; a new status (a superseded version, say) is added here once.
 */
import type { Status } from './model/plan';

/**
 * Why a plan's values need a caveat. `draft`: 征求意见稿; `region-unknown`: no region in the text;
 * `news-lead`: a value only a news copy's lead states, not the plan's own text (a mark of the value, not the plan).
 */
export type StatusMarkId = 'draft' | 'region-unknown' | 'news-lead';

export interface StatusMark {
  id: StatusMarkId;
  /** The short label printed next to the plan's name or value, e.g. 征求意见稿. */
  label: string;
  /** One sentence saying what the mark means, for a tooltip or a note. */
  note: string;
}

export const STATUS_MARKS: Record<StatusMarkId, StatusMark> = {
  draft: {
    id: 'draft',
    label: '征求意见稿',
    note: '本方案为征求意见稿，内容可能与正式印发版本不同。',
  },
  'region-unknown': {
    id: 'region-unknown',
    label: '地区未识别',
    note: '未能从原文识别出本方案所属地区。',
  },
  'news-lead': {
    id: 'news-lead',
    label: '新闻导语',
    note: '该数值仅见于转载新闻的导语，未见于方案原文。',
  },
};

/** The plan fields a status depends on; `region` may be null where the text names none. */
export interface StatusInput {
  status: Status;
  region: string | null;
}

/** The marks of a plan, most important first; empty for an adopted plan whose region is known. */
export function statusMarks(plan: StatusInput): StatusMark[] {
  const marks: StatusMark[] = [];
  if (plan.status === 'draft') marks.push(STATUS_MARKS.draft);
  if (plan.region === null || plan.region.trim() === '') marks.push(STATUS_MARKS['region-unknown']);
  return marks;
}

/** The fields of a target its marks depend on: where the value was read. */
export interface TargetMarkInput {
  sources: readonly { origin: 'plan' | 'lead' }[];
}

/**
 * The marks of one of a plan's values: the plan's own, and `news-lead` when only a news lead states the value
 * (a news copy whose body is cut off, or whose lead rounds or misquotes the plan) — never drawn as the plan's.
 */
export function targetMarks(plan: StatusInput, target: TargetMarkInput): StatusMark[] {
  const marks = statusMarks(plan);
  const leadOnly = target.sources.length > 0 && target.sources.every((source) => source.origin === 'lead');
  return leadOnly ? [...marks, STATUS_MARKS['news-lead']] : marks;
}

/** The marks as a suffix for a name in running text or a chart label: （征求意见稿）, or empty. */
export function statusSuffix(marks: readonly Pick<StatusMark, 'label'>[]): string {
  return marks.length === 0 ? '' : `（${marks.map((mark) => mark.label).join('，')}）`;
}

/**
 * The suffix of the plan's marks that `name` does not already print: （征求意见稿） after 达州市, nothing after a
 * title ending …方案（征求意见稿）.
 */
export function marksNotIn(name: string, plan: StatusInput): string {
  return statusSuffix(statusMarks(plan).filter((mark) => !name.includes(mark.label)));
}

/** `name` followed by the plan's marks it does not print, as a page title or a filter option names a plan. */
export function markedName(name: string, plan: StatusInput): string {
  return `${name}${marksNotIn(name, plan)}`;
}

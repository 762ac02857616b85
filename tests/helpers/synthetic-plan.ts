/**
 * A small plan written for the lineage tests (never copied from a real document): a title, an optional
 * subtitle such as （征求意见稿）, and `goals` as its 主要目标 sentence, with one clause and its responsibility note.
 */
export const syntheticPlanText = (title: string, goals: string, subtitle = ''): string =>
  [
    title,
    ...(subtitle ? [subtitle] : []),
    '一、总体要求',
    '坚持节约优先，推进绿色低碳发展。',
    '二、主要目标',
    goals,
    '三、重点工程',
    '（一）工业节能工程。推进重点行业节能改造。（市发展改革委牵头，市工业和信息化局等按职责分工负责）',
    '',
  ].join('\n');

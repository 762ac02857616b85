/**
 * The frame a chart gets when it leaves the site as a file (SVG, and the PNG drawn from it): its title in
 * words over it, and under it where the numbers come from and whose chart it is. A chart pasted into an article
 * or a slide then still says what it shows, that each value is a plan's own (a draft marked as such), and where
 * to check it. Data → geometry only; `renderTargetComparisonSvg` / `renderSmallMultiplesSvg` draw it.
 */
import { statusSuffix } from '../status';
import { textWidth, wrapText } from './format';
import { round } from './svg';
import type { ChartStatus, ReferenceValue } from './types';

/** The site's name, as the credit line prints it. */
export const SITE_NAME = '节能减排方案图谱';

/** What a downloaded chart says around itself. */
export interface DownloadCaption {
  /** The chart's title, printed over it. */
  title: string;
  /** Where the numbers come from (`sourceLine`). */
  source: string;
  /** Whose chart it is and where it lives (`creditLine`). */
  credit: string;
}

export interface FrameLine {
  text: string;
  /** Baseline, in the framed drawing's units. */
  y: number;
  kind: 'title' | 'source' | 'credit';
}

/** Where the chart sits inside its frame, and the frame's lines. */
export interface DownloadFrame {
  width: number;
  height: number;
  /** The chart drawing is moved down by this much. */
  chartTop: number;
  margin: number;
  titleFontSize: number;
  noteFontSize: number;
  lines: FrameLine[];
}

export const DOWNLOAD_FRAME = {
  margin: 8,
  titleFontSize: 16,
  noteFontSize: 11,
  lineHeight: 1.45,
  /** Space between the title and the chart, and between the chart and the notes. */
  gap: 10,
} as const;

/** A plan as a downloaded chart's source line names it: its label and its status marks (征求意见稿). */
export interface SourcePlan {
  plan: string;
  status?: readonly ChartStatus[] | undefined;
}

/** How many plans the source line names before it says 等 and the count. */
const NAMED_PLANS = 6;

/**
 * 数据来源：黔江区、贵州省、达州市（征求意见稿）的“十四五”节能减排方案原文；参考线：全国（国发〔2021〕33号）。
 * Every plan drawn is a source; a long list names the first few and the count. The reference's document is
 * named only where a reference line is drawn.
 */
export function sourceLine(plans: readonly SourcePlan[], reference: ReferenceValue | null): string {
  const names = [...new Map(plans.map((p) => [p.plan, `${p.plan}${statusSuffix(p.status ?? [])}`])).values()];
  const listed =
    names.length <= NAMED_PLANS
      ? `${names.join('、')}的`
      : `${names.slice(0, NAMED_PLANS).join('、')}等${names.length}份`;
  const plansPart = names.length === 0 ? '' : `${listed}“十四五”节能减排方案原文（数值逐条链接至原文条款）`;
  const referencePart = reference ? `参考线：${reference.label}` : '';
  return `数据来源：${[plansPart, referencePart].filter((part) => part !== '').join('；')}。`;
}

/** 制图：节能减排方案图谱 https://…/indicators/energy-intensity/ — the page the chart is drawn on. */
export function creditLine(pageUrl: string): string {
  return `制图：${SITE_NAME} ${pageUrl}`;
}

/**
 * Lays out the frame around a chart drawing of `chartWidth` × `chartHeight`: the title over it, the source and
 * credit under it, each wrapped to the drawing's width (a URL is never wrapped: it would no longer work when
 * copied, so a long one widens the frame instead).
 */
export function downloadFrame(
  caption: DownloadCaption,
  chartWidth: number,
  chartHeight: number,
): DownloadFrame {
  const F = DOWNLOAD_FRAME;
  const width = Math.max(chartWidth, textWidth(caption.credit, F.noteFontSize) + 2 * F.margin);
  const inner = width - 2 * F.margin;
  const lines: FrameLine[] = [];
  let y = F.margin;
  for (const text of wrapText(caption.title, inner, F.titleFontSize)) {
    y += F.titleFontSize * F.lineHeight;
    lines.push({ text, y: round(y - F.titleFontSize * (F.lineHeight - 1)), kind: 'title' });
  }
  const chartTop = round(y + F.gap);
  y = chartTop + chartHeight + F.gap;
  const notes: [FrameLine['kind'], string[]][] = [
    ['source', wrapText(caption.source, inner, F.noteFontSize)],
    ['credit', [caption.credit]],
  ];
  for (const [kind, texts] of notes) {
    for (const text of texts) {
      y += F.noteFontSize * F.lineHeight;
      lines.push({ text, y: round(y - F.noteFontSize * (F.lineHeight - 1)), kind });
    }
  }
  return {
    width: round(width),
    height: round(y + F.margin),
    chartTop,
    margin: F.margin,
    titleFontSize: F.titleFontSize,
    noteFontSize: F.noteFontSize,
    lines,
  };
}

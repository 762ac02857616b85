/**
 * Geometry → SVG markup. No layout decisions are made here: every coordinate comes from the geometry, so the
 * markup is a faithful, deterministic picture of what the unit tests check.
 */
import type { DownloadFrame } from './download';
import { LEGEND_SWATCH } from './shared';
import { SMALL_MULTIPLES } from './small-multiples';
import { TARGET_COMPARISON } from './target-comparison';
import { chartStyle, el, escapeText, hatchId, num, textEl } from './svg';
import { DISTRIBUTION, type DistributionColumn, type DistributionGeometry } from './distribution';
import type {
  ChartFrame,
  BandLayout,
  BarMark,
  LegendItem,
  SmallMultiplesGeometry,
  TargetComparisonGeometry,
  UnsetRow,
} from './types';

/** Vertical centring of a text line on its row. */
const CENTRE = '0.35em';

function barClass(shape: BarMark['shape']): string {
  return `bar-${shape}`;
}

/**
 * The hatch a draft's bar is filled with: diagonal lines in the mark colour, so a 征求意见稿 value never looks
 * like an adopted, solidly filled one, in colour or in print.
 */
function hatchDefs(chartId: string): string {
  return el('defs', {}, [
    el(
      'pattern',
      {
        id: hatchId(chartId),
        class: 'hatch',
        width: 6,
        height: 6,
        patternUnits: 'userSpaceOnUse',
        patternTransform: 'rotate(45)',
      },
      [el('line', { x1: 0, y1: 0, x2: 0, y2: 6 })],
    ),
  ]);
}

function renderMark(mark: BarMark): string {
  const box = { x: mark.x, y: mark.y, width: mark.width, height: mark.height };
  const children = [
    el('title', {}, escapeText(mark.ariaLabel)),
    el('rect', { class: barClass(mark.shape), ...box }),
  ];
  // A draft's bar: the hatch drawn over the ambition's own shape (filled, hollow or dashed), so both read.
  if (mark.status.length > 0) children.push(el('rect', { class: 'bar-status', ...box }));
  if (mark.parent) {
    children.push(
      el('line', {
        class: 'parent-tick',
        x1: mark.parent.x,
        x2: mark.parent.x,
        y1: mark.y - 3,
        y2: mark.y + mark.height + 3,
      }),
    );
  }
  // The spaces between the parts stay outside the tspans: a label's visible text is what a speech-input user
  // says and what its accessible name must contain (WCAG 2.5.3), and accessibility checkers trim each element's
  // text, so a space inside a tspan would vanish from the visible text (14.5%激励) but not from the name.
  const label = [escapeText(mark.valueLabel)];
  if (mark.suffix) label.push(' ', el('tspan', { class: 'suffix' }, escapeText(mark.suffix)));
  if (mark.parent) label.push('  ', el('tspan', { class: 'muted' }, escapeText(mark.parent.text)));
  children.push(
    el('text', { class: 'value-label', x: mark.labelX, y: mark.labelY, dy: CENTRE }, label.join('')),
  );
  const status = mark.status.map((id) => ` mark-status mark-${id}`).join('');
  return el(
    'a',
    {
      href: mark.href || null,
      class: `mark mark-${mark.ambition}${status}`,
      'data-plan': mark.planId,
      'aria-label': mark.ariaLabel,
    },
    children,
  );
}

function renderUnset(row: UnsetRow): string {
  const text = textEl({ class: 'muted unset-label', x: row.textX, y: row.cy, dy: CENTRE }, row.text);
  // The link's name says whose row it is, as a mark's does (its label, a draft's mark included), then its
  // visible text: alone, 未设定量目标 named no plan to a screen reader, nor that the plan is a draft.
  return row.href
    ? el(
        'a',
        {
          href: row.href,
          class: 'unset',
          'data-plan': row.planId,
          'aria-label': `${row.label}：${row.text}`,
        },
        [text],
      )
    : text;
}

/** One band chart: grid, axis, reference line, row labels, marks and unset rows. */
export function renderBands(layout: BandLayout): string[] {
  const { axis } = layout;
  const out: string[] = [];
  out.push(
    el(
      'g',
      { class: 'grid', 'aria-hidden': 'true' },
      axis.ticks.map((tick) =>
        el('line', { class: 'grid', x1: tick.x, x2: tick.x, y1: axis.top, y2: axis.y }),
      ),
    ),
  );
  out.push(
    el('g', { class: 'axis', 'aria-hidden': 'true' }, [
      el('line', { class: 'axis-line', x1: axis.x0, x2: axis.x1, y1: axis.y, y2: axis.y }),
      ...axis.ticks.map((tick) =>
        textEl({ class: 'tick', x: tick.x, y: axis.y, dy: '1.1em', 'text-anchor': 'middle' }, tick.label),
      ),
    ]),
  );
  const labels = [...layout.marks, ...layout.unset].map((row) =>
    textEl(
      {
        class: 'row-label',
        x: row.rowLabelX,
        y: row.rowLabelY,
        dy: CENTRE,
        'text-anchor': layout.labelAnchor,
      },
      row.label,
    ),
  );
  out.push(el('g', { class: 'row-labels' }, labels));
  out.push(el('g', { class: 'marks' }, layout.marks.map(renderMark)));
  if (layout.unset.length > 0) out.push(el('g', { class: 'unset-rows' }, layout.unset.map(renderUnset)));
  const ref = layout.reference;
  if (ref) {
    out.push(
      el('g', { class: 'reference-group' }, [
        el('line', { class: 'reference', x1: ref.x, x2: ref.x, y1: ref.y1, y2: ref.y2 }),
        textEl(
          { class: 'reference-label', x: ref.textX, y: ref.textY, 'text-anchor': ref.textAnchor },
          ref.text,
        ),
      ]),
    );
  }
  return out;
}

export function renderLegend(items: readonly LegendItem[], fontSize: number): string {
  const s = LEGEND_SWATCH;
  const children = items.map((item) => {
    const box = { x: item.x, y: item.y - s / 2 + 1, width: s, height: s - 2 };
    const swatch =
      item.shape === 'reference'
        ? el('line', { class: 'reference', x1: item.x, x2: item.x + s, y1: item.y, y2: item.y })
        : item.shape === 'draft'
          ? el('rect', { class: 'bar-status', ...box })
          : el('rect', { class: barClass(item.shape), ...box });
    return el('g', {}, [swatch, textEl({ x: item.x + s + 6, y: item.y, dy: CENTRE }, item.label)]);
  });
  return el('g', { class: 'legend', 'font-size': fontSize }, children);
}

function renderCaption(lines: readonly string[], x: number, y: number, lineHeight: number): string | null {
  if (lines.length === 0) return null;
  return el(
    'g',
    { class: 'caption' },
    lines.map((line, i) => textEl({ class: 'muted', x, y: y + i * lineHeight }, line)),
  );
}

interface Frame extends ChartFrame {
  /** Whether some mark is hatched (a draft's value): the pattern is defined only then. */
  hatched: boolean;
}

/**
 * A downloaded chart's own colours: dark text on a white ground whatever the viewer's theme, since the file
 * (and the PNG drawn from it) goes into documents and slides the site's theme never reaches.
 */
function downloadStyle(id: string): string {
  const s = `#${id}`;
  return [
    // The page's background variable, so value labels get their halo where the reference line crosses them.
    `${s}{color:#1f2937;--chart-background:#fff}`,
    `${s} .download-background{fill:#fff}`,
    `${s} .download-title{font-weight:bold}`,
    `${s} .download-note{fill:#4b5563}`,
  ].join('\n');
}

/** One line of a downloaded chart's frame: its title over the drawing, or its source or credit under it. */
function frameLine(download: DownloadFrame, line: DownloadFrame['lines'][number]): string {
  return textEl(
    {
      class: line.kind === 'title' ? 'download-title' : `download-note download-${line.kind}`,
      x: download.margin,
      y: line.y,
      'font-size': line.kind === 'title' ? download.titleFontSize : download.noteFontSize,
    },
    line.text,
  );
}

/**
 * The root element: responsive (a viewBox, no pixel width), `role="img"` named by its <title> and described by
 * its <desc>, with the style sheet scoped to its id. With a `download` frame, the drawing sits on a white
 * ground between its printed title and its source and credit lines.
 */
function svgRoot(frame: Frame, body: readonly (string | null)[], download?: DownloadFrame): string {
  const titleId = `${frame.id}-title`;
  const descId = `${frame.id}-desc`;
  const drawing = body.filter((part): part is string => part !== null);
  const style = download ? `${chartStyle(frame.id)}\n${downloadStyle(frame.id)}` : chartStyle(frame.id);
  const children = [
    el('title', { id: titleId }, escapeText(frame.title)),
    el('desc', { id: descId }, escapeText(frame.description)),
    el('style', {}, escapeText(style)),
    ...(frame.hatched ? [hatchDefs(frame.id)] : []),
    ...(download
      ? [
          el('rect', {
            class: 'download-background',
            x: 0,
            y: 0,
            width: download.width,
            height: download.height,
          }),
          ...download.lines.filter((l) => l.kind === 'title').map((l) => frameLine(download, l)),
          el('g', { class: 'chart-body', transform: `translate(0 ${num(download.chartTop)})` }, drawing),
          ...download.lines.filter((l) => l.kind !== 'title').map((l) => frameLine(download, l)),
        ]
      : drawing),
  ];
  const width = download?.width ?? frame.width;
  const height = download?.height ?? frame.height;
  return `${el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      id: frame.id,
      class: 'plan-atlas-chart',
      viewBox: `0 0 ${num(width)} ${num(height)}`,
      role: 'img',
      'aria-labelledby': titleId,
      'aria-describedby': descId,
      'font-size': frame.fontSize,
      style: 'max-width:100%;height:auto',
    },
    children,
  )}\n`;
}

/**
 * Renders a target comparison to a standalone, deterministic SVG document fragment; with `download`, framed
 * for a file (`downloadFrame`).
 */
export function renderTargetComparisonSvg(
  geometry: TargetComparisonGeometry,
  download?: DownloadFrame,
): string {
  const g = geometry;
  const start = g.layout.labelAnchor === 'start';
  const hatched = g.layout.marks.some((mark) => mark.status.length > 0);
  return svgRoot(
    { ...g, hatched },
    [
      g.legend.length > 0 ? renderLegend(g.legend, g.fontSize) : null,
      ...renderBands(g.layout),
      ...g.axisTitle.map((line, i) =>
        textEl(
          {
            class: 'axis-title',
            x: start ? g.layout.axis.x0 : (g.layout.axis.x0 + g.layout.axis.x1) / 2,
            y: g.axisTitleY + i * g.axisTitleLineHeight,
            'text-anchor': start ? 'start' : 'middle',
          },
          line,
        ),
      ),
      renderCaption(g.caption, TARGET_COMPARISON.margin, g.captionY, TARGET_COMPARISON.captionLineHeight),
    ],
    download,
  );
}

/** Renders the small multiples: one titled band chart per panel; with `download`, framed for a file. */
export function renderSmallMultiplesSvg(geometry: SmallMultiplesGeometry, download?: DownloadFrame): string {
  const g = geometry;
  const panels = g.panels.map((panel) =>
    el('g', { class: 'panel', 'data-indicator': panel.indicator.id }, [
      textEl({ class: 'panel-title', x: panel.x, y: panel.titleY, 'font-weight': 'bold' }, panel.title),
      ...renderBands(panel.layout),
    ]),
  );
  const hatched = g.panels.some((panel) => panel.layout.marks.some((mark) => mark.status.length > 0));
  return svgRoot(
    { ...g, hatched },
    [
      g.legend.length > 0 ? renderLegend(g.legend, g.fontSize) : null,
      ...panels,
      renderCaption(g.caption, SMALL_MULTIPLES.margin, g.captionY, SMALL_MULTIPLES.captionLineHeight),
    ],
    download,
  );
}

function renderColumn(column: DistributionColumn, fontSize: number): string {
  const children = [el('title', {}, escapeText(column.ariaLabel))];
  for (const s of column.segments) {
    const box = { x: column.x, y: s.y, width: column.width, height: s.height };
    const rect = el('rect', { class: barClass(s.shape), ...box });
    // A draft's targets: the hatch over the ambition's own shape, as on a bar.
    children.push(
      s.marked
        ? el('g', { class: 'mark-status' }, [rect, el('rect', { class: 'bar-status', ...box })])
        : rect,
    );
  }
  if (column.countLabel) {
    children.push(
      textEl(
        {
          class: 'count-label muted',
          x: column.x + column.width / 2,
          y: column.top - 4,
          'text-anchor': 'middle',
          'font-size': Math.round(fontSize * 0.85),
        },
        String(column.count),
      ),
    );
  }
  return el('g', { class: 'column' }, children);
}

/**
 * Renders a distribution: count axis, value axis, columns, the reference line, and the empty strip (with its
 * scale in `data-*` attributes) where the page's script marks the reader's chosen plans; with `download`,
 * framed for a file.
 */
export function renderDistributionSvg(geometry: DistributionGeometry, download?: DownloadFrame): string {
  const g = geometry;
  const { axis, countAxis } = g;
  const hatched = g.columns.some((c) => c.segments.some((s) => s.marked));
  const ref = g.reference;
  return svgRoot(
    { ...g, hatched },
    [
      g.legend.length > 0 ? renderLegend(g.legend, g.fontSize) : null,
      el(
        'g',
        { class: 'grid', 'aria-hidden': 'true' },
        countAxis.ticks.map((tick) =>
          el('line', { class: 'grid', x1: axis.x0 - 7, x2: axis.x1 + 7, y1: tick.y, y2: tick.y }),
        ),
      ),
      el('g', { class: 'axis', 'aria-hidden': 'true' }, [
        el('line', { class: 'axis-line', x1: axis.x0 - 7, x2: axis.x1 + 7, y1: axis.y, y2: axis.y }),
        ...axis.ticks.map((tick) =>
          textEl({ class: 'tick', x: tick.x, y: axis.y, dy: '1.1em', 'text-anchor': 'middle' }, tick.label),
        ),
        ...countAxis.ticks.map((tick) =>
          textEl(
            { class: 'tick muted', x: countAxis.x, y: tick.y, dy: CENTRE, 'text-anchor': 'end' },
            tick.label,
          ),
        ),
      ]),
      el(
        'g',
        { class: 'columns' },
        g.columns.map((column) => renderColumn(column, g.fontSize)),
      ),
      ref
        ? el('g', { class: 'reference-group' }, [
            el('line', { class: 'reference', x1: ref.x, x2: ref.x, y1: ref.y1, y2: ref.y2 }),
            textEl(
              { class: 'reference-label', x: ref.textX, y: ref.textY, 'text-anchor': ref.textAnchor },
              ref.text,
            ),
          ])
        : null,
      el('g', {
        class: 'picked',
        'data-d0': String(axis.domain[0]),
        'data-d1': String(axis.domain[1]),
        'data-x0': axis.x0,
        'data-x1': axis.x1,
        'data-y': g.strip.y,
        'data-height': g.strip.height,
      }),
      ...g.axisTitle.map((line, i) =>
        textEl(
          {
            class: 'axis-title',
            x: (axis.x0 + axis.x1) / 2,
            y: g.axisTitleY + i * g.axisTitleLineHeight,
            'text-anchor': 'middle',
          },
          line,
        ),
      ),
      renderCaption(g.caption, DISTRIBUTION.margin, g.captionY, DISTRIBUTION.captionLineHeight),
    ],
    download,
  );
}

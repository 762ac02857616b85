/**
 * Progressive enhancement of the build-time charts; without it every chart reads and links the same.
 *
 * - Tooltip: hovering or focusing a mark shows its full label (value, ambition, years, parent) next to it,
 *   which the SVG <title> only shows on a slow hover and never on keyboard focus or touch.
 * - Sort toggle on a comparison chart (`figure[data-sortable]`): 按目标值 (as built) or 按方案 (the site's plan
 *   order, from the table's `data-plan-order`). Marks, their row labels and the table rows move together, in
 *   the DOM too, so focus order follows what is seen.
 */

function installTooltip(figure: HTMLElement): void {
  const frame = figure.querySelector<HTMLElement>('.chart__frame');
  if (!frame) return;
  const tip = document.createElement('div');
  tip.className = 'chart-tooltip';
  tip.hidden = true;
  // The mark's own accessible name already says all of this; the tooltip is for eyes only.
  tip.setAttribute('aria-hidden', 'true');
  figure.append(tip);

  const show = (mark: SVGAElement) => {
    const label = mark.getAttribute('aria-label');
    if (!label) return;
    tip.textContent = label;
    tip.hidden = false;
    const box = mark.getBoundingClientRect();
    const base = figure.getBoundingClientRect();
    const left = Math.min(box.left - base.left, base.width - tip.offsetWidth);
    tip.style.left = `${Math.max(0, left)}px`;
    tip.style.top = `${box.bottom - base.top + 4}px`;
  };
  const hide = () => {
    tip.hidden = true;
  };
  const markOf = (target: EventTarget | null) =>
    target instanceof Element ? target.closest<SVGAElement>('a.mark') : null;

  frame.addEventListener('pointerover', (event) => {
    const mark = markOf(event.target);
    if (mark) show(mark);
  });
  frame.addEventListener('pointerout', (event) => {
    if (markOf(event.target) && !markOf(event.relatedTarget)) hide();
  });
  frame.addEventListener('focusin', (event) => {
    const mark = markOf(event.target);
    if (mark) show(mark);
    else hide();
  });
  frame.addEventListener('focusout', hide);
  frame.addEventListener('scroll', hide);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
}

interface Row {
  plan: string;
  /** The row's mark and label in each of the figure's layouts (wide and narrow). */
  parts: { mark: SVGAElement; label: SVGTextElement; y: number }[];
  tableRow: HTMLTableRowElement | undefined;
  /** Position of its plan in the site's plan order. */
  planOrder: number;
  /** Position as built: by value. */
  valueOrder: number;
}

/** One layout of the chart: its marks, their row labels (marks' first, then the unset rows'), where rows sit. */
interface Variant {
  marks: SVGAElement[];
  labels: SVGTextElement[];
  slots: number[];
}

function variantOf(svg: SVGSVGElement): Variant {
  const marks = [...svg.querySelectorAll<SVGAElement>('g.marks > a.mark')];
  const labels = [...svg.querySelectorAll<SVGTextElement>('g.row-labels > text')];
  return { marks, labels, slots: labels.slice(0, marks.length).map((l) => Number(l.getAttribute('y'))) };
}

function installSort(figure: HTMLElement): void {
  const chart = figure.dataset['chart'];
  const table = chart ? document.querySelector<HTMLTableElement>(`table[data-chart-table="${chart}"]`) : null;
  const caption = figure.querySelector<HTMLElement>('.chart__caption');
  const variants = [...figure.querySelectorAll<SVGSVGElement>('svg')].map(variantOf);
  const first = variants[0];
  if (!first || !table || !caption) return;
  const tableRows = [...table.tBodies[0]!.rows];
  const count = first.marks.length;
  if (count < 2 || tableRows.length !== count) return;
  if (variants.some((v) => v.marks.length !== count || v.labels.length < count)) return;

  const rows: Row[] = first.marks.map((mark, i) => ({
    plan: mark.dataset['plan'] ?? '',
    parts: variants.map((v) => ({ mark: v.marks[i]!, label: v.labels[i]!, y: v.slots[i]! })),
    tableRow: tableRows[i],
    planOrder: Number(tableRows[i]?.dataset['planOrder'] ?? i),
    valueOrder: i,
  }));

  const apply = (order: Row[]) => {
    order.forEach((row, i) => {
      row.parts.forEach((part, v) => {
        const dy = (variants[v]!.slots[i] as number) - part.y;
        for (const el of [part.mark, part.label]) {
          if (dy === 0) el.removeAttribute('transform');
          else el.setAttribute('transform', `translate(0 ${dy})`);
        }
        part.mark.parentNode?.appendChild(part.mark);
      });
      if (row.tableRow) table.tBodies[0]!.appendChild(row.tableRow);
    });
    // Keep the unset rows' labels after the marks' labels, as built.
    variants.forEach((variant, v) => {
      const labelGroup = variant.labels[0]?.parentNode;
      if (!labelGroup) return;
      for (const row of order) labelGroup.appendChild(row.parts[v]!.label);
      for (const label of variant.labels.slice(count)) labelGroup.appendChild(label);
    });
  };

  // As built: every row by its value, largest first, whichever plan it belongs to.
  const byValue = [...rows];
  // A plan's rows together, in the site's plan order; within a plan by value.
  const byPlan = [...rows].sort((a, b) => a.planOrder - b.planOrder || a.valueOrder - b.valueOrder);

  const group = document.createElement('div');
  group.className = 'chart__sort';
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', '图表和数据表的排序');
  const status = document.createElement('span');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  const buttons = (
    [
      ['按目标值', byValue],
      ['按方案', byPlan],
    ] as const
  ).map(([text, order], i) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = text;
    button.setAttribute('aria-pressed', String(i === 0));
    button.addEventListener('click', () => {
      apply(order);
      for (const b of buttons) b.setAttribute('aria-pressed', String(b === button));
      status.textContent = `已${text}排序`;
    });
    return button;
  });
  const lead = document.createElement('span');
  lead.textContent = '排序：';
  group.append(lead, ...buttons, status);
  caption.prepend(group);
}

for (const figure of document.querySelectorAll<HTMLElement>('figure.chart')) {
  installTooltip(figure);
  if (figure.hasAttribute('data-sortable')) installSort(figure);
}

/**
 * Enhances the `/plans/` table: filters by level, province and status (kept in the URL, so a filtered list
 * can be linked), and sorting by any column through buttons in the column headings (aria-sort says the
 * order). The table is complete without this script; its controls only appear once it runs.
 */
const table = document.querySelector<HTMLTableElement>('table[data-plans-table]');
const form = document.querySelector<HTMLFormElement>('form[data-plans-filter]');
const count = document.querySelector<HTMLElement>('[data-plans-count]');

type Direction = 'ascending' | 'descending';
const FILTERS = ['level', 'province', 'status'] as const;

function cellValue(row: HTMLTableRowElement, column: number): string {
  return (row.cells[column] as HTMLElement | undefined)?.dataset['value'] ?? '';
}

function sortRows(body: HTMLTableSectionElement, column: number, numeric: boolean, direction: Direction) {
  const rows = [...body.rows];
  const sign = direction === 'ascending' ? 1 : -1;
  rows.sort((a, b) => {
    const x = cellValue(a, column);
    const y = cellValue(b, column);
    // Unknown values (an undated plan) go last whichever the direction.
    if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
    const order = numeric ? Number(x) - Number(y) : x.localeCompare(y, 'zh-CN');
    return sign * order || Number(a.dataset['order']) - Number(b.dataset['order']);
  });
  body.append(...rows);
}

function enableSorting(t: HTMLTableElement) {
  const body = t.tBodies[0];
  if (!body) return;
  const headers = [...t.tHead!.rows[0]!.cells];
  headers.forEach((th, column) => {
    const kind = th.dataset['sort'];
    if (!kind) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.textContent = th.textContent;
    th.textContent = '';
    th.append(button);
    button.addEventListener('click', () => {
      const next: Direction = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      for (const other of headers) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', next);
      sortRows(body, column, kind === 'number', next);
    });
  });
  // The headings are controls now: a phone, which hides them over its cards, shows them as buttons.
  t.dataset['sorting'] = '';
}

function applyFilters(f: HTMLFormElement, t: HTMLTableElement) {
  const data = new FormData(f);
  let shown = 0;
  for (const row of t.tBodies[0]?.rows ?? []) {
    const match = FILTERS.every((key) => {
      const wanted = String(data.get(key) ?? '');
      return wanted === '' || row.dataset[key] === wanted;
    });
    row.hidden = !match;
    if (match) shown++;
  }
  if (count) count.textContent = `显示 ${shown} / ${t.tBodies[0]?.rows.length ?? 0} 份方案`;
  const url = new URL(window.location.href);
  for (const key of FILTERS) {
    const value = String(data.get(key) ?? '');
    if (value) url.searchParams.set(key, value);
    else url.searchParams.delete(key);
  }
  window.history.replaceState(null, '', url);
}

if (table && form) {
  const params = new URL(window.location.href).searchParams;
  for (const key of FILTERS) {
    const select = form.elements.namedItem(key);
    const value = params.get(key);
    if (select instanceof HTMLSelectElement && value && [...select.options].some((o) => o.value === value))
      select.value = value;
  }
  form.hidden = false;
  form.addEventListener('change', () => applyFilters(form, table));
  form.addEventListener('submit', (event) => event.preventDefault());
  applyFilters(form, table);
  enableSorting(table);
}

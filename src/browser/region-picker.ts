/**
 * The region picker of an indicator page (src/components/lists/RegionPicker.astro): a province, then the
 * division under it (a prefecture, or a municipality's district), then a county under a prefecture; its plans are marked in the chart (a dot per target under a distribution, the bars
 * themselves in a bar chart) and listed with their values. The choice lives in the URL (`?region=<slug>`):
 * each pick is a history entry, so Back/Forward step through picks and a reload or a shared link shows the
 * same region. The picker data comes one file per province (`<data-src><province>.json`), fetched when that
 * province or a region in it is first shown; a shared link to a prefecture or county first asks
 * `data-regions` which province holds it.
 */
import {
  chainOf,
  childrenOf,
  plansIn,
  regionBySlug,
  type PickerData,
  type PickerPlan,
  type PickerRegion,
} from '../lib/lists/picker';

const SVG_NS = 'http://www.w3.org/2000/svg';
const PARAM = 'region';
const DOT_RADIUS = 4;
const DOT_STEP = 9;

/** What a list below the province offers when nothing above it is picked. */
const UNPICKED = ['全省', '全市'];

function install(section: HTMLElement): void {
  const form = section.querySelector<HTMLFormElement>('form[data-region-form]');
  const province = section.querySelector<HTMLSelectElement>('select[data-region-province]');
  const second = section.querySelector<HTMLSelectElement>('select[data-region-prefecture]');
  const third = section.querySelector<HTMLSelectElement>('select[data-region-county]');
  const status = section.querySelector<HTMLElement>('[data-region-status]');
  const result = section.querySelector<HTMLElement>('[data-region-result]');
  if (!form || !province || !second || !third || !status || !result) return;
  // One list per level: province; prefecture (or a municipality's district); county.
  const lists = [province, second, third];
  const chartId = form.dataset['chart'] ?? '';
  const figure = document.querySelector<HTMLElement>(`figure[data-chart="${CSS.escape(chartId)}"]`);
  const table = document.querySelector<HTMLTableElement>(`table[data-chart-table="${CSS.escape(chartId)}"]`);
  const folder = form.dataset['src'] ?? '';
  const provinceSlugs = new Set([...province.options].map((option) => option.value).filter(Boolean));
  // Each province's file, fetched once; a failed fetch is forgotten so a later pick tries again.
  const provinceFiles = new Map<string, Promise<PickerData>>();
  const loaded = new Map<string, PickerData>();
  const loadProvince = (slug: string): Promise<PickerData> => {
    let file = provinceFiles.get(slug);
    if (!file) {
      file = fetchJson<PickerData>(`${folder}${slug}.json`).then((data) => (loaded.set(slug, data), data));
      file.catch(() => provinceFiles.delete(slug));
      provinceFiles.set(slug, file);
    }
    return file;
  };
  let regionProvinces: Promise<Record<string, string>> | null = null;
  /** The slug of the province holding a region: its own, one already loaded, or asked of data-regions. */
  const provinceOf = async (slug: string): Promise<string | undefined> => {
    if (provinceSlugs.has(slug)) return slug;
    for (const [provinceSlug, data] of loaded) if (regionBySlug(data, slug)) return provinceSlug;
    regionProvinces ??= fetchJson<Record<string, string>>(form.dataset['regions'] ?? '');
    try {
      return (await regionProvinces)[slug];
    } catch (error) {
      regionProvinces = null;
      throw error;
    }
  };
  const load = async (slug: string): Promise<PickerData | null> => {
    const provinceSlug = await provinceOf(slug);
    return provinceSlug && provinceSlugs.has(provinceSlug) ? loadProvince(provinceSlug) : null;
  };
  section.hidden = false;
  form.addEventListener('submit', (event) => event.preventDefault());

  /** The lists show `chain` (top first) as chosen; each list below offers the children of the one above. */
  const showChain = (data: PickerData | null, chain: readonly PickerRegion[]) => {
    province.value = chain[0]?.slug ?? '';
    lists.forEach((list, i) => {
      if (i === 0) return;
      const parent = chain[i - 1] ?? null;
      const children = data && parent ? childrenOf(data, parent.code) : [];
      list.replaceChildren(new Option(parent ? `全部（${parent.name}）` : (UNPICKED[i - 1] ?? ''), ''));
      for (const child of children) list.append(new Option(child.name, child.slug));
      list.disabled = children.length === 0;
      list.value = chain[i]?.slug ?? '';
    });
  };

  const clear = () => {
    status.textContent = '';
    result.replaceChildren();
    highlight([]);
  };

  const highlight = (plans: readonly PickerPlan[]) => {
    if (!figure) return;
    const ids = new Set(plans.map((p) => p.id));
    if (plans.length > 0) figure.dataset['picking'] = '';
    else delete figure.dataset['picking'];
    for (const mark of figure.querySelectorAll<SVGAElement>('a.mark[data-plan]'))
      mark.classList.toggle('is-picked', ids.has(mark.dataset['plan'] ?? ''));
    if (table)
      for (const row of table.querySelectorAll<HTMLTableRowElement>('tbody tr[data-plan]'))
        row.classList.toggle('is-picked', ids.has(row.dataset['plan'] ?? ''));
    for (const strip of figure.querySelectorAll<SVGGElement>('g.picked')) drawDots(strip, plans);
  };

  const show = async (slug: string) => {
    if (slug === '') {
      showChain(null, []);
      clear();
      return;
    }
    status.textContent = '正在加载地区数据…';
    let data: PickerData | null;
    try {
      data = await load(slug);
    } catch {
      status.textContent = '地区数据加载失败，请稍后重试。';
      return;
    }
    // A pick made while this one loaded has taken over: show that one, not this.
    if (currentSlug() !== slug) return;
    const region = data ? regionBySlug(data, slug) : undefined;
    if (!data || !region) {
      clear();
      status.textContent = `收录的方案中没有地区“${slug}”。`;
      return;
    }
    showChain(data, chainOf(data, region));
    const plans = plansIn(data, region.code);
    const withTargets = plans.filter((p) => p.targets.length > 0);
    status.textContent =
      plans.length === 0
        ? `${region.name}：收录的方案中没有这一地区的方案。`
        : `${region.name}：${plans.length} 份方案，其中 ${withTargets.length} 份设定了${data.indicator}目标，已在图中标出。`;
    highlight(withTargets);
    result.replaceChildren(...(plans.length > 0 ? [regionTable(data, region, plans)] : []));
  };

  const navigate = (slug: string) => {
    const url = new URL(window.location.href);
    if (slug === '') url.searchParams.delete(PARAM);
    else url.searchParams.set(PARAM, slug);
    window.history.pushState(null, '', url);
    void show(slug);
  };

  // A list's own pick, or — its 全部 chosen — the pick of the list above it.
  lists.forEach((list, i) =>
    list.addEventListener('change', () =>
      navigate(
        lists
          .slice(0, i + 1)
          .map((l) => l.value)
          .filter(Boolean)
          .at(-1) ?? '',
      ),
    ),
  );
  window.addEventListener('popstate', () => void show(currentSlug()));
  const initial = currentSlug();
  if (initial !== '') void show(initial);
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

function currentSlug(): string {
  return new URL(window.location.href).searchParams.get(PARAM) ?? '';
}

/** Dots for each target of the picked plans on a distribution's strip, stacked where values coincide. */
function drawDots(strip: SVGGElement, plans: readonly PickerPlan[]): void {
  strip.replaceChildren();
  const d0 = Number(strip.dataset['d0']);
  const d1 = Number(strip.dataset['d1']);
  const x0 = Number(strip.dataset['x0']);
  const x1 = Number(strip.dataset['x1']);
  const y = Number(strip.dataset['y']);
  const rows = Math.max(1, Math.floor(Number(strip.dataset['height']) / DOT_STEP));
  const used = new Map<number, number>();
  for (const plan of plans) {
    for (const target of plan.targets) {
      const x = Math.round(x0 + ((target.value - d0) / (d1 - d0)) * (x1 - x0));
      const n = used.get(x) ?? 0;
      used.set(x, n + 1);
      const circle = document.createElementNS(SVG_NS, 'circle');
      circle.setAttribute('class', 'pick');
      circle.setAttribute('cx', String(x));
      circle.setAttribute('cy', String(y + DOT_RADIUS + 1 + Math.min(n, rows - 1) * DOT_STEP));
      circle.setAttribute('r', String(DOT_RADIUS));
      circle.dataset['plan'] = plan.id;
      const title = document.createElementNS(SVG_NS, 'title');
      title.textContent = `${plan.label}${plan.marks.map((m) => `（${m}）`).join('')}：${target.text}，${target.ambition}`;
      circle.append(title);
      strip.append(circle);
    }
  }
}

function cell(tag: 'td' | 'th', text: string, label?: string): HTMLTableCellElement {
  const element = document.createElement(tag);
  element.textContent = text;
  if (label) element.dataset['label'] = label;
  return element;
}

function link(text: string, href: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
}

/** The picked region's plans with their values, in the site's plan order. */
function regionTable(data: PickerData, region: PickerRegion, plans: readonly PickerPlan[]): HTMLElement {
  const wrap = document.createElement('div');
  wrap.className = 'table-wrap';
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', `${region.name}的方案`);
  wrap.tabIndex = 0;
  const table = document.createElement('table');
  table.className = 'stack region-picker__table';
  // Named for assistive technology; on screen the status line above already says it.
  const caption = table.createCaption();
  caption.className = 'visually-hidden';
  caption.textContent = `${region.name}：各方案${data.indicator}目标值`;
  const head = table.createTHead().insertRow();
  for (const name of ['方案', '目标值', '性质', '年份', '出处']) {
    const th = cell('th', name);
    th.scope = 'col';
    head.append(th);
  }
  const body = table.createTBody();
  for (const plan of plans) {
    const name = () => {
      const th = cell('th', '');
      th.scope = 'row';
      th.append(link(plan.label, plan.href));
      for (const mark of plan.marks) {
        const badge = document.createElement('span');
        badge.className = 'badge badge--draft';
        badge.textContent = mark;
        th.append(' ', badge);
      }
      return th;
    };
    if (plan.targets.length === 0) {
      const row = body.insertRow();
      row.append(name());
      const none = cell('td', '未设定量目标', '目标值');
      none.colSpan = 4;
      none.className = 'muted';
      row.append(none);
      continue;
    }
    for (const target of plan.targets) {
      const row = body.insertRow();
      row.dataset['plan'] = plan.id;
      row.append(
        name(),
        cell('td', target.text, '目标值'),
        cell('td', target.ambition, '性质'),
        cell('td', target.years, '年份'),
      );
      const source = cell('td', '', '出处');
      source.append(link('原文条款', target.href));
      row.append(source);
    }
  }
  wrap.append(table);
  return wrap;
}

const section = document.querySelector<HTMLElement>('[data-region-picker]');
if (section) install(section);

/**
 * Building SVG markup as strings: XML escaping, attributes, rounded numbers and the chart style sheet.
 * Charts are rendered at build time in Node, where there is no DOM; a string builder with strict escaping is
 * smaller and more predictable than a server-side DOM, and its output is byte-stable for snapshots.
 */

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

// Characters XML 1.0 forbids outright (C0 controls except tab/newline/return, U+FFFE/U+FFFF) and lone
// surrogate halves: a single one makes the whole document unparseable, so they are dropped.
const INVALID_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for XML element content and double- or single-quoted attribute values. */
export function escapeXml(text: string): string {
  return text.replace(INVALID_XML, '').replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch] ?? ch);
}

/** Escapes element content: only `&`, `<` and `>` need it, so quotes stay readable in the markup. */
export function escapeText(text: string): string {
  return text.replace(INVALID_XML, '').replace(/[&<>]/g, (ch) => XML_ESCAPES[ch] ?? ch);
}

/**
 * A number for SVG output: rounded to `digits` decimals, without `-0` or exponent notation, so that
 * floating-point noise never reaches a snapshot.
 */
export function num(value: number, digits = 1): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return (Object.is(rounded, -0) ? 0 : rounded).toFixed(digits).replace(/\.?0+$/, '');
}

/** Rounds a layout coordinate the way `num` prints it, so geometry and markup agree. */
export function round(value: number, digits = 1): number {
  return Number(num(value, digits));
}

/**
 * Only relative URLs, fragments and http(s) links may become `href`s: the data is ours, but a chart must
 * never turn a stray `javascript:` into a live link.
 */
export function safeHref(href: string | null | undefined): string | null {
  if (!href) return null;
  const trimmed = href.trim();
  if (/^(?:https?:\/\/|\/|#|\.{0,2}\/)/i.test(trimmed)) return trimmed;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
  return null;
}

type AttrValue = string | number | null | undefined | false;

/** Attributes in the given order; null/undefined/false are left out, numbers go through `num`. */
export function attrs(values: Record<string, AttrValue>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === false) continue;
    out += ` ${name}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`;
  }
  return out;
}

/** One element: self-closing without children; children are markup already escaped, one per line. */
export function el(
  name: string,
  attributes: Record<string, AttrValue>,
  children?: string | readonly string[],
): string {
  const open = `<${name}${attrs(attributes)}`;
  if (children === undefined) return `${open}/>`;
  const inner = typeof children === 'string' ? children : children.join('\n');
  if (typeof children !== 'string' && children.length > 0) return `${open}>\n${inner}\n</${name}>`;
  return `${open}>${inner}</${name}>`;
}

/** A text element whose content is escaped here. */
export function textEl(attributes: Record<string, AttrValue>, text: string): string {
  return el('text', attributes, escapeText(text));
}

/** An id safe for XML and HTML, derived from input (never random): lower-case ASCII, digits and hyphens. */
export function idFrom(...parts: string[]): string {
  const id = parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return /^[a-z]/.test(id) ? id : `chart-${id}`;
}

/**
 * System fonts with good Simplified Chinese coverage on every platform, before the generic fallback. No web
 * font: a downloaded SVG must render on its own.
 */
export const FONT_STACK =
  'system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", sans-serif';

/** Id of the hatch pattern that marks a value whose plan carries a status mark (a draft). */
export function hatchId(chartId: string): string {
  return `${chartId}-hatch`;
}

/**
 * The chart's style sheet, scoped to its id because an inline `<style>` applies to the whole page. Colours are
 * `currentColor` or custom properties with fallbacks that keep 3:1 contrast on both white and near-black,
 * so the chart follows the page's light or dark theme and still works as a standalone file.
 */
export function chartStyle(id: string): string {
  const s = `#${id}`;
  return [
    `${s}{font-family:${FONT_STACK};color:var(--chart-text,currentColor)}`,
    `${s} text{fill:currentColor}`,
    `${s} .muted{fill:var(--chart-muted,currentColor)}`,
    `${s} .grid{stroke:var(--chart-grid,currentColor);stroke-opacity:.18}`,
    `${s} .axis-line{stroke:currentColor}`,
    `${s} .bar-filled{fill:var(--chart-mark,#2563eb);stroke:var(--chart-mark,#2563eb);stroke-width:1.5}`,
    `${s} .bar-hollow,${s} .bar-hollow-dashed{fill:var(--chart-background,transparent);stroke:var(--chart-mark,#2563eb);stroke-width:1.5}`,
    `${s} .bar-hollow-dashed{stroke-dasharray:4 3}`,
    // A draft's value: the bar keeps its ambition's outline, light, under a hatch of the mark colour.
    `${s} .mark-status .bar-filled{fill-opacity:.25}`,
    `${s} .bar-status{fill:url(#${hatchId(id)});pointer-events:none}`,
    `${s} .hatch line{stroke:var(--chart-mark,#2563eb);stroke-width:2.5}`,
    `${s} .parent-tick{stroke:currentColor;stroke-width:2}`,
    `${s} .reference{stroke:var(--chart-reference,#c2410c);stroke-width:1.5;stroke-dasharray:6 3}`,
    `${s} .reference-label{fill:var(--chart-reference,#c2410c)}`,
    // A halo in the page background keeps labels legible where the reference line crosses them; only when the
    // page names its background, since no fallback colour is right for both themes.
    `${s} .value-label,${s} .reference-label{paint-order:stroke;stroke:var(--chart-background,none);stroke-width:3px;stroke-linejoin:round}`,
    `${s} a:hover rect,${s} a:focus rect{stroke-width:3}`,
    `${s} a:focus-visible{outline:2px solid currentColor;outline-offset:2px}`,
  ].join('\n');
}

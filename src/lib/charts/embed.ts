/**
 * A rendered chart made fit to sit inside an HTML page, from the standalone SVG the renderers write.
 *
 * - The page's CSP allows no inline `style` attributes, so the root's sizing attribute goes (the page's style
 *   sheet sizes `.plan-atlas-chart`); the chart's own `<style>` element stays and is allowed by its hash.
 * - A standalone chart is one picture (`role="img"`), but `img` makes its children presentational, which would
 *   hide the marks' links from assistive technology inside a page. Embedded, the root is a named, described
 *   `group`, so each mark is a link with its own label.
 */
import { createHash } from 'node:crypto';

/** The embedded markup and the CSP source (`sha256-…`) that allows its `<style>` element. */
export interface EmbeddedSvg {
  svg: string;
  styleHash: string | null;
}

const ROOT = /^<svg\b[^>]*>/;
const STYLE = /<style>([^<]*)<\/style>/g;

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&' };

/**
 * Prepares one chart SVG (from `renderTargetComparisonSvg` or `renderSmallMultiplesSvg`) for inline use.
 * Throws when the markup is not such a chart, so a change in the renderer is noticed rather than embedded.
 */
export function embedSvg(svg: string): EmbeddedSvg {
  const root = ROOT.exec(svg)?.[0];
  if (!root || !root.includes(' role="img"'))
    throw new Error('embedSvg: not a chart SVG (no <svg role="img"> root)');
  const embeddedRoot = root.replace(' role="img"', ' role="group"').replace(/ style="[^"]*"/, '');
  const styles = [...svg.matchAll(STYLE)].map((m) => m[1] as string);
  if (styles.length > 1) throw new Error(`embedSvg: ${styles.length} <style> elements, expected at most one`);
  const css = styles[0];
  // The browser hashes the element's text, so character references are decoded first.
  const text = css?.replace(/&(?:lt|gt|amp);/g, (entity) => ENTITIES[entity] ?? entity);
  return {
    svg: embeddedRoot + svg.slice(root.length),
    styleHash:
      text === undefined ? null : `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`,
  };
}

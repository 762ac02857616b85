/**
 * The former one-department pages (`/departments/<plan>/<department>/`) as static HTML, written by the build
 * beside the site (src/integrations/department-forwards.ts) rather than rendered as Astro routes.
 *
 * Why: a department had a page of its own until one page per plan replaced them, and links and citations made
 * to those pages must keep working on a static host, which has no redirect rules. There is one such page per
 * department of every plan — about 30 per plan, some 90,000 at 3,000 plans — and as Astro routes they were
 * half the pages of a build and a third of its page-rendering time, for a page that only sends the reader on.
 * Written as strings they cost the bytes of a file each.
 *
 * Each page sends the reader to the department's anchor on its plan's departments page (`paths.department`)
 * with a meta refresh, says so in a link for a reader whose browser does not follow it, and is `noindex` with
 * the target as its canonical URL, so search engines index the target instead. It has no script, so its
 * Content-Security-Policy allows none; the site icon is named so a browser does not ask for /favicon.ico.
 */
import { absolute, paths, withBase } from './urls';

/** What a forwarding page names: the plan (its id and label) and one of its departments. */
export interface ForwardedDepartment {
  planId: string;
  /** The plan as lists name it (planLabel). */
  planLabel: string;
  departmentId: string;
  departmentName: string;
}

/** Where the page is written under the site root, and its HTML. */
export interface ForwardingPage {
  /** Relative to the output directory, `/`-separated: `departments/<plan>/<department>/index.html`. */
  file: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for element content and double-quoted attribute values (as Astro's own escaping does). */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] as string);
}

/** A page that only forwards: nothing to load, nothing to run. */
const CSP = "default-src 'none'; img-src 'self'; base-uri 'none'; form-action 'none'";

/** The forwarding page of one department, for a site deployed under `base` (and at `site` when known). */
export function forwardingPage(
  department: ForwardedDepartment,
  base: string,
  site: string | undefined,
): ForwardingPage {
  const { planId, planLabel, departmentId, departmentName } = department;
  const target = paths.department(planId, departmentId);
  const local = escapeHtml(withBase(base, target));
  const name = escapeHtml(departmentName);
  const plan = escapeHtml(planLabel);
  const html =
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${name} · ${plan}</title>` +
    '<meta name="robots" content="noindex">' +
    `<link rel="icon" href="${escapeHtml(withBase(base, '/favicon.svg'))}" type="image/svg+xml">` +
    `<link rel="canonical" href="${escapeHtml(absolute(site, base, target))}">` +
    `<meta http-equiv="refresh" content="0; url=${local}">` +
    `<meta http-equiv="content-security-policy" content="${CSP}">` +
    `</head><body><p><a href="${local}">${name}（${plan}）</a>已移至本方案的责任部门页。</p></body></html>`;
  const file = `${paths.legacyDepartment(planId, departmentId).slice(1)}index.html`;
  return { file, html };
}

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { forwardingPage, type ForwardedDepartment } from '../../src/lib/forwarding';
import {
  forwardedPlans,
  writeDepartmentForwards,
  writeForwardsInWorker,
} from '../../src/integrations/department-forwards';

const FINANCE: ForwardedDepartment = {
  planId: 'qianjiang-qu',
  planLabel: '重庆市黔江区',
  departmentId: 'cai-zheng-ju',
  departmentName: '区财政局',
};

/** The attribute values and text a browser would read from the page. */
function read(html: string) {
  const attr = (pattern: RegExp) => pattern.exec(html)?.[1];
  return {
    refresh: attr(/<meta http-equiv="refresh" content="0; url=([^"]*)">/),
    canonical: attr(/<link rel="canonical" href="([^"]*)">/),
    icon: attr(/<link rel="icon" href="([^"]*)"/),
    link: attr(/<a href="([^"]*)">/),
    title: attr(/<title>([^<]*)<\/title>/),
    text: attr(/<p>(.*)<\/p>/)?.replace(/<[^>]+>/g, ''),
  };
}

describe('forwardingPage', () => {
  it.each([
    {
      base: '/',
      site: undefined,
      target: '/departments/qianjiang-qu/#cai-zheng-ju',
      canonical: '/departments/qianjiang-qu/#cai-zheng-ju',
      icon: '/favicon.svg',
    },
    {
      base: '/atlas/',
      site: 'https://atlas.example.org',
      target: '/atlas/departments/qianjiang-qu/#cai-zheng-ju',
      canonical: 'https://atlas.example.org/atlas/departments/qianjiang-qu/#cai-zheng-ju',
      icon: '/atlas/favicon.svg',
    },
  ])(
    'under base $base sends the reader to the department’s anchor',
    ({ base, site, target, canonical, icon }) => {
      const page = forwardingPage(FINANCE, base, site);
      expect(page.file).toBe('departments/qianjiang-qu/cai-zheng-ju/index.html');
      expect(read(page.html)).toEqual({
        refresh: target,
        canonical,
        icon,
        link: target,
        title: '区财政局 · 重庆市黔江区',
        text: '区财政局（重庆市黔江区）已移至本方案的责任部门页。',
      });
    },
  );

  it('is a Chinese page that asks not to be indexed and allows no script', () => {
    const { html } = forwardingPage(FINANCE, '/', undefined);
    expect(html).toMatch(/^<!DOCTYPE html><html lang="zh-CN">/);
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toMatch(/content-security-policy" content="default-src 'none';/);
    expect(html).not.toMatch(/<script/i);
  });

  it('prints a name as text, never as markup', () => {
    const { html } = forwardingPage(
      { ...FINANCE, departmentName: '<script>"x"&\'y\'</script>局', planLabel: '甲<b>乙' },
      '/',
      undefined,
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;&quot;x&quot;&amp;&#39;y&#39;&lt;/script&gt;局（甲&lt;b&gt;乙）');
  });
});

describe('writeDepartmentForwards', () => {
  let out: string | undefined;
  afterEach(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('writes one page per department of every plan, and none for a plan without departments', () => {
    out = mkdtempSync(join(tmpdir(), 'plan-atlas-forwards-'));
    const plans = [
      {
        id: 'a-shi',
        region: 'A市',
        title: 'A市方案',
        departments: [
          { id: 'fa-gai-wei', name: '市发展改革委' },
          { id: 'cai-zheng-ju', name: '市财政局' },
        ],
      },
      { id: 'plan-x', region: null, title: '某方案', departments: [] },
    ] as unknown as Parameters<typeof writeDepartmentForwards>[0];
    expect(writeDepartmentForwards(plans, out, '/', undefined)).toBe(2);
    expect(readdirSync(join(out, 'departments')).sort()).toEqual(['a-shi']);
    expect(readdirSync(join(out, 'departments', 'a-shi')).sort()).toEqual(['cai-zheng-ju', 'fa-gai-wei']);
    const html = readFileSync(join(out, 'departments/a-shi/cai-zheng-ju/index.html'), 'utf8');
    expect(read(html).text).toBe('市财政局（A市）已移至本方案的责任部门页。');
  });

  it('writes the same files in a worker thread, sent only what the pages name', async () => {
    out = mkdtempSync(join(tmpdir(), 'plan-atlas-forwards-'));
    const plans = [
      {
        id: 'a-shi',
        region: 'A市',
        title: 'A市方案',
        departments: [
          { id: 'fa-gai-wei', name: '市发展改革委', aliases: ['发改委'], category: 'development-reform' },
          { id: 'cai-zheng-ju', name: '市财政局', aliases: [], category: 'finance' },
        ],
      },
      { id: 'b-xian', region: null, title: 'B县方案', departments: [{ id: 'shui-li-ju', name: '县水利局' }] },
    ];
    const sent = forwardedPlans(plans);
    expect(sent[0]?.departments[0]).toEqual({ id: 'fa-gai-wei', name: '市发展改革委' });
    const here = join(out, 'here');
    const there = join(out, 'there');
    expect(writeDepartmentForwards(plans, here, '/atlas/', 'https://example.org')).toBe(3);
    const done = await writeForwardsInWorker({
      plans: sent,
      outDir: there,
      base: '/atlas/',
      site: 'https://example.org',
    });
    expect(done.written).toBe(3);
    const files = (dir: string) =>
      (readdirSync(dir, { recursive: true }) as string[])
        .filter((f) => f.endsWith('.html'))
        .sort()
        .map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
    expect(files(there)).toEqual(files(here));
    expect(files(there)).toHaveLength(3);
  });
});

import { describe, expect, it } from 'vitest';
import { groupBy, summarise } from '../../src/lib/lists/summary';
import {
  chainOf,
  childrenOf,
  plansIn,
  provincePart,
  provinceSlugs,
  regionBySlug,
  type PickerData,
} from '../../src/lib/lists/picker';

describe('summarise', () => {
  it.each([
    [[], null],
    [[14.5], { count: 1, min: 14.5, median: 14.5, max: 14.5 }],
    [[16, 13, 14.5], { count: 3, min: 13, median: 14.5, max: 16 }],
    [[13, 16, 14, 15], { count: 4, min: 13, median: 14.5, max: 16 }],
    [[-2, 0, 0, 5, 5], { count: 5, min: -2, median: 0, max: 5 }],
  ])('%j', (values, expected) => {
    expect(summarise(values)).toEqual(expected);
  });
});

describe('groupBy', () => {
  it('keeps first-appearance order of groups and input order within', () => {
    const groups = groupBy(['山东 a', '四川 b', '山东 c', '重庆 d'], (s) => s.split(' ')[0]);
    expect([...groups.entries()]).toEqual([
      ['山东', ['山东 a', '山东 c']],
      ['四川', ['四川 b']],
      ['重庆', ['重庆 d']],
    ]);
  });
});

/** 山东省 › 济南市 › 莱芜区; 重庆市 › 黔江区 (a municipality has no prefecture level); 贵州省 alone. */
const data: PickerData = {
  indicator: '单位地区生产总值能耗降低',
  unit: '%',
  regions: [
    { code: '37', name: '山东省', slug: 'shandong-sheng', parent: null },
    { code: '3701', name: '济南市', slug: 'jinan-shi', parent: '37' },
    { code: '370116', name: '莱芜区', slug: 'laiwu-qu', parent: '3701' },
    { code: '3702', name: '青岛市', slug: 'qingdao-shi', parent: '37' },
    { code: '50', name: '重庆市', slug: 'chongqing-shi', parent: null },
    { code: '500114', name: '黔江区', slug: 'qianjiang-qu', parent: '50' },
    { code: '52', name: '贵州省', slug: 'guizhou-sheng', parent: null },
  ],
  plans: [
    { id: 'shandong', label: '山东省', href: '/p/1', codes: ['37'], marks: [], targets: [] },
    { id: 'jinan', label: '济南市', href: '/p/2', codes: ['37', '3701'], marks: [], targets: [] },
    { id: 'laiwu', label: '莱芜区', href: '/p/3', codes: ['37', '3701', '370116'], marks: [], targets: [] },
    {
      id: 'qingdao',
      label: '青岛市',
      href: '/p/4',
      codes: ['37', '3702'],
      marks: ['征求意见稿'],
      targets: [],
    },
    { id: 'qianjiang', label: '黔江区', href: '/p/5', codes: ['50', '500114'], marks: [], targets: [] },
    { id: 'news', label: '新闻稿', href: '/p/6', codes: [], marks: ['地区未识别'], targets: [] },
  ],
};

describe('region picker data', () => {
  it.each([
    ['shandong-sheng', ['shandong', 'jinan', 'laiwu', 'qingdao']],
    ['jinan-shi', ['jinan', 'laiwu']],
    ['laiwu-qu', ['laiwu']],
    ['chongqing-shi', ['qianjiang']],
    ['guizhou-sheng', []],
  ])('%s holds its plans and those below it', (slug, ids) => {
    const region = regionBySlug(data, slug);
    expect(region).toBeDefined();
    expect(plansIn(data, region!.code).map((p) => p.id)).toEqual(ids);
  });

  it('an unknown slug is no region', () => {
    expect(regionBySlug(data, 'atlantis')).toBeUndefined();
  });

  it.each([
    ['37', ['jinan-shi', 'qingdao-shi']],
    ['50', ['qianjiang-qu']],
    ['52', []],
  ])('the second list under %s', (code, slugs) => {
    expect(childrenOf(data, code).map((r) => r.slug)).toEqual(slugs);
  });

  it.each([
    ['37', ['jinan-shi', 'qingdao-shi']],
    ['3701', ['laiwu-qu']],
    ['3702', []],
  ])('the third list under %s: the counties of a prefecture', (code, slugs) => {
    expect(childrenOf(data, code).map((r) => r.slug)).toEqual(slugs);
  });

  it.each([
    ['laiwu-qu', ['shandong-sheng', 'jinan-shi', 'laiwu-qu']],
    ['jinan-shi', ['shandong-sheng', 'jinan-shi']],
    ['shandong-sheng', ['shandong-sheng']],
    // A municipality's district sits right under it: two levels, no prefecture between.
    ['qianjiang-qu', ['chongqing-shi', 'qianjiang-qu']],
  ])('%s is chosen in the lists as %j', (slug, chain) => {
    expect(chainOf(data, regionBySlug(data, slug)!).map((r) => r.slug)).toEqual(chain);
  });
});

import { pageParam, pagePath, pageSpan, splitPages } from '../../src/lib/lists/pages';

describe('splitPages', () => {
  it.each([
    [0, 40, [0]],
    [5, 40, [5]],
    [40, 40, [40]],
    [41, 40, [40, 1]],
    [3000, 40, [...Array(75).fill(40)]],
  ])('%i items in pages of %i', (n, size, sizes) => {
    const items = Array.from({ length: n }, (_, i) => i);
    const pages = splitPages(items, size);
    expect(pages.map((p) => p.items.length)).toEqual(sizes);
    expect(pages.map((p) => p.number)).toEqual(sizes.map((_, i) => i + 1));
    // Nothing lost, nothing repeated, order kept.
    expect(pages.flatMap((p) => p.items)).toEqual(items);
  });

  it('refuses a page size that is not a positive integer', () => {
    expect(() => splitPages([1], 0)).toThrow(/positive/);
    expect(() => splitPages([1], 1.5)).toThrow(/positive/);
  });

  it('keeps the first page at the list’s own URL', () => {
    expect(pageParam(1)).toBeUndefined();
    expect(pageParam(3)).toBe('3');
    expect(pagePath('/compare/energy/', 1)).toBe('/compare/energy/');
    expect(pagePath('/compare/energy/', 2)).toBe('/compare/energy/2/');
  });

  it.each([
    [[], ''],
    [['山东省'], '山东省'],
    [['山东省', '山东省'], '山东省'],
    [['河北省', '山东省', '四川省'], '河北省—四川省'],
  ])('span of %j', (labels, span) => {
    expect(pageSpan(labels)).toBe(span);
  });
});

import { pagerNumbers } from '../../src/lib/lists/pages';

describe('pagerNumbers', () => {
  it.each([
    [1, 1, [1]],
    [3, 8, [1, 2, 3, 4, 5, 6, 7, 8]],
    [1, 120, [1, 2, 3, 4, 5, null, 120]],
    [60, 120, [1, null, 56, 57, 58, 59, 60, 61, 62, 63, 64, null, 120]],
    [120, 120, [1, null, 116, 117, 118, 119, 120]],
    [6, 120, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null, 120]],
  ])('page %i of %i', (current, last, expected) => {
    expect(pagerNumbers(current, last)).toEqual(expected);
  });
});

describe('region picker data, one file per province', () => {
  const provinces = data.regions.filter((r) => r.parent === null);
  const parts = provinces.map((p) => provincePart(data, p));

  it.each(provinces.map((p, i) => [p.slug, p, parts[i]!] as const))(
    '%s: its divisions and its plans, nothing of another province',
    (_, province, part) => {
      expect(part.indicator).toBe(data.indicator);
      expect(part.unit).toBe(data.unit);
      expect(part.regions.every((r) => chainOf(data, r)[0]?.code === province.code)).toBe(true);
      // Exactly the regions whose chain (`chainOf`, what the page shows) starts at the province, in order.
      expect(part.regions).toEqual(data.regions.filter((r) => chainOf(data, r)[0]?.code === province.code));
      expect(part.plans.every((p) => p.codes[0] === province.code)).toBe(true);
    },
  );

  it('every division is in exactly one part; every plan with a province too; a plan of no region in none', () => {
    expect(parts.flatMap((p) => p.regions.map((r) => r.slug)).sort()).toEqual(
      data.regions.map((r) => r.slug).sort(),
    );
    expect(parts.flatMap((p) => p.plans.map((plan) => plan.id)).sort()).toEqual(
      data.plans
        .filter((p) => p.codes.length > 0)
        .map((p) => p.id)
        .sort(),
    );
  });

  it.each(['shandong-sheng', 'jinan-shi', 'laiwu-qu', 'qingdao-shi', 'chongqing-shi', 'qianjiang-qu'])(
    'a pick of %s in its province’s part shows what the whole data shows',
    (slug) => {
      const province = provinceSlugs(data.regions)[slug]!;
      const part = parts[provinces.findIndex((p) => p.slug === province)]!;
      const region = regionBySlug(part, slug)!;
      expect(region).toEqual(regionBySlug(data, slug));
      expect(chainOf(part, region)).toEqual(chainOf(data, region));
      expect(childrenOf(part, region.code)).toEqual(childrenOf(data, region.code));
      expect(plansIn(part, region.code)).toEqual(plansIn(data, region.code));
    },
  );

  it('leads each division’s slug to its province’s', () => {
    expect(provinceSlugs(data.regions)).toEqual({
      'shandong-sheng': 'shandong-sheng',
      'jinan-shi': 'shandong-sheng',
      'laiwu-qu': 'shandong-sheng',
      'qingdao-shi': 'shandong-sheng',
      'chongqing-shi': 'chongqing-shi',
      'qianjiang-qu': 'chongqing-shi',
      'guizhou-sheng': 'guizhou-sheng',
    });
  });
});

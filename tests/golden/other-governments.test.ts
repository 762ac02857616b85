/**
 * Fifteen short plans written the way other governments write them (tests/fixtures/other-governments/): a
 * county 实施方案 with 第一章/第一节, a district plan reprinted by a news portal, traditional characters with
 * 「」『』, broken heading numbers, several numbering styles, targets in numerals and full-width digits, tab
 * tables, labelled and bracketed responsibility notes, a draft marked only above its title, a truncated file,
 * targets only in an annex, a county quoting the nation's and its province's targets. Each keeps every
 * character of its text, and what it says of itself is read as it says it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { enrichments, loadKnowledge } from '../../src/lib/knowledge';
import { readingOrder } from '../../src/lib/model/reading-order';
import { parsePlan } from '../../src/lib/parse-plan';
import { stripExportLeftovers } from '../../src/lib/read/normalize';

const dir = join(import.meta.dirname, '../fixtures/other-governments');
const knowledge = loadKnowledge();
const files = readdirSync(dir).filter((file) => file.endsWith('.txt')).sort();
const planOf = (file: string) =>
  parsePlan(readFileSync(join(dir, file), 'utf8'), file, null, knowledge.plan, {
    enrichments: enrichments(knowledge),
  });
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe.each(files)('%s', (file) => {
  it('keeps every character of the text, in order (whitespace and export leftovers aside)', () => {
    const source = squeeze(stripExportLeftovers(readFileSync(join(dir, file), 'utf8')));
    const model = squeeze([...readingOrder(planOf(file).plan)].join(''));
    let i = 0;
    while (i < source.length && source[i] === model[i]) i++;
    expect(model.slice(i, i + 60), `first difference at character ${i}`).toBe(source.slice(i, i + 60));
    expect(model.length).toBe(source.length);
  });
});

// What each text says of itself: region, level, status, issuer, issue date, and its own targets (indicator,
// value) — the values it quotes for other governments apart.
const EXPECTED: Record<string, { head: (string | null)[]; own: string[]; others?: string[] }> = {
  't01_anji.txt': {
    head: ['安吉县', 'county', 'final', null, null],
    own: ['energy-intensity 14.5', 'cod-reduction 1200', 'ammonia-nitrogen-reduction 60', 'nox-reduction 300', 'voc-reduction 210', 'industrial-energy-intensity 16', 'green-building-share 100'],
  },
  't03_trad.txt': {
    head: ['惠阳区', 'county', 'final', '惠州市惠陽區人民政府', '2022-10-08'],
    own: ['energy-intensity 14.5', 'cod-reduction 850', 'ammonia-nitrogen-reduction 45', 'nox-reduction 260', 'voc-reduction 120', 'industrial-energy-intensity 14', 'green-building-share 100', 'public-institution-energy-per-area 5', 'public-institution-energy-per-capita 6'],
  },
  't06_numerals.txt': {
    head: ['宁乡市', 'county', 'final', null, null],
    own: ['energy-intensity 13.5', 'unclassified 6500000', 'unclassified 2', 'industrial-energy-intensity 15.5', 'unclassified 13.5', 'unclassified 10000', 'cod-reduction 1200', 'benchmark-capacity-share 30', 'clean-heating-rate 95'],
  },
  't09_draft.txt': { head: ['舒城县', 'county', 'draft', null, null], own: ['energy-intensity 14'] },
  't11_annex.txt': { head: ['龙港市', 'county', 'final', null, null], own: [] },
  't12_parent.txt': {
    head: ['桐庐县', 'county', 'final', null, null],
    own: ['energy-intensity 14.5'],
    others: ['全国 energy-intensity 13.5', '全国 cod-total-decline 8', '全国 ammonia-nitrogen-total-decline 8', '全国 nox-total-decline 10', '全国 voc-total-decline 10', '浙江省 energy-intensity 14'],
  },
  't13_banner.txt': {
    head: ['阿鲁科尔沁旗', 'county', 'final', '阿鲁科尔沁旗人民政府办公室', '2022-06-18'],
    own: ['energy-intensity 12.5'],
  },
};

describe.each(Object.entries(EXPECTED))('%s', (file, expected) => {
  it('reads what the text says of itself, and whose each target is', () => {
    const { plan } = planOf(file);
    expect([plan.region, plan.level, plan.status, plan.issuer, plan.issued]).toEqual(expected.head);
    const own = plan.targets.filter((t) => t.jurisdiction === plan.region);
    expect(own.map((t) => `${t.indicatorId} ${t.value}`)).toEqual(expected.own);
    const others = plan.targets.filter((t) => t.jurisdiction !== plan.region);
    expect(others.map((t) => `${t.jurisdiction} ${t.indicatorId} ${t.value}`)).toEqual(expected.others ?? []);
  });
});

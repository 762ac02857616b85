/**
 * Plan metadata read from the text itself: title, region, level, issuer, issue date, status and the
 * documents it cites. A sidecar (seeds/<name>.yaml) may add or override any of it.
 */
import { pinyin } from 'pinyin-pro';
import type { JurisdictionsFile } from '../content/plan-knowledge';
import type { Clause, FrontBlock, Level, Status, Warning } from '../model/plan';
import { foldForRecognition } from '../read/normalize';
import { chineseNumeralValue } from '../structure/numerals';
import { findCitedDocuments, type CitedDocument } from './citations';

export interface FrontMatter {
  title: string;
  region: string;
  province: string | null;
  level: Level;
  issuer: string | null;
  issued: string | null;
  status: Status;
  cites: CitedDocument[];
}

const DRAFT = /征求意见稿|送审稿|草案|讨论稿/;
const ISSUER = /(人民政府|办公厅|办公室|委员会|领导小组)$/;
const DATE =
  /^(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$/;

function isoDate(text: string): string | null {
  const match = DATE.exec(foldForRecognition(text).trim());
  if (!match) return null;
  const [year, month, day] = [match[1], match[2], match[3]].map((part) => chineseNumeralValue(part ?? ''));
  if (!year || !month || !day || month > 12 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The region is what the title names before “十四五”: 黔江区“十四五”… → 黔江区. */
export function regionOfTitle(title: string): string {
  const folded = foldForRecognition(title);
  const match = /^(.*?)["“”]?十四五/.exec(folded);
  const region = (match ? title.slice(0, (match[1] ?? '').length) : '').trim();
  return region.replace(/^关于/, '');
}

export function levelOfRegion(printedRegion: string, jurisdictions: JurisdictionsFile): Level {
  const region = foldForRecognition(printedRegion);
  if (region === '' || region === '全国') return 'national';
  if (jurisdictions.provinces.some((province) => province.name === region)) return 'province';
  const rule = jurisdictions.levelBySuffix.find(({ suffix }) => region.endsWith(suffix));
  return rule?.level ?? 'city';
}

/** The province-level unit named first in the given texts, or the one whose abbreviation heads a 文号. */
export function findProvince(texts: string[], documentNumbers: string[], jurisdictions: JurisdictionsFile) {
  for (const printed of texts) {
    const text = foldForRecognition(printed);
    let best: { name: string; index: number } | null = null;
    for (const { name } of jurisdictions.provinces) {
      const short = name.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$/, '');
      const index = text.indexOf(name) >= 0 ? text.indexOf(name) : text.indexOf(`${short}省`);
      if (index >= 0 && (best === null || index < best.index)) best = { name, index };
    }
    if (best) return best.name;
  }
  for (const number of documentNumbers.map(foldForRecognition)) {
    const province = jurisdictions.provinces.find(({ abbr }) => number.startsWith(abbr));
    if (province && !number.startsWith('国')) return province.name;
  }
  return null;
}

/** `黔江区` → `qianjiang-qu`: the name in pinyin, the administrative suffix apart. */
export function slugOfRegion(printedRegion: string): string {
  const region = foldForRecognition(printedRegion);
  const syllables = pinyin(region, { toneType: 'none', type: 'array', nonZh: 'removed' }).map((s) =>
    s.toLowerCase().replace(/[^a-z]/g, ''),
  );
  const suffixLength = /(省|市|区|县|州|旗|盟)$/.test(region) && syllables.length > 1 ? 1 : 0;
  const name = syllables.slice(0, syllables.length - suffixLength).join('');
  const suffix = syllables.slice(syllables.length - suffixLength).join('');
  return [name, suffix].filter(Boolean).join('-') || 'plan';
}

export function readFrontMatter(
  front: FrontBlock[],
  clauses: Clause[],
  file: string,
  jurisdictions: JurisdictionsFile,
): { frontMatter: FrontMatter; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const titleBlock = front.find((block) => block.kind === 'title');
  const title = titleBlock?.text ?? file.replace(/\.[^.]+$/, '');
  const region = regionOfTitle(title);
  if (region === '') {
    warnings.push({
      file,
      line: titleBlock?.line ?? 1,
      message: `cannot tell the region from the title ${title}`,
    });
  }

  const notice = front.filter((block) => block.kind === 'notice');
  const issuerBlocks = notice.filter((block) => block.text.length <= 30 && ISSUER.test(block.text));
  const dates = notice.map((block) => ({ block, iso: isoDate(block.text) })).filter((d) => d.iso !== null);
  // The signature just above the date names the issuer; the header above the notice title does too.
  const issuer = (issuerBlocks[issuerBlocks.length - 1] ?? null)?.text ?? null;
  const issued = dates[0]?.iso ?? null;

  const subtitle = front.find((block) => block.kind === 'subtitle');
  const status: Status = DRAFT.test(`${title}${subtitle?.text ?? ''}`) ? 'draft' : 'final';

  const texts = [...front.map((block) => block.text), ...clauses.flatMap((clause) => clause.paragraphs)];
  const cites = findCitedDocuments(texts, title);
  const level = levelOfRegion(region, jurisdictions);
  const province =
    level === 'province'
      ? (jurisdictions.provinces.find(({ name }) => name === foldForRecognition(region))?.name ?? region)
      : findProvince(
          [issuer ?? '', ...front.map((block) => block.text), ...cites.map((doc) => doc.title)],
          cites.flatMap((doc) => (doc.number ? [doc.number] : [])),
          jurisdictions,
        );
  return { frontMatter: { title, region, province, level, issuer, issued, status, cites }, warnings };
}

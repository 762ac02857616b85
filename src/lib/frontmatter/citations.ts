/**
 * Documents a plan cites: every 《…》 title (nested 〈…〉 kept), with the 文号 that follows it in brackets,
 * e.g. 《…的通知》（渝府发〔2022〕39号）.
 */
import { CitedDocument } from '../model/plan';
import { foldForRecognition } from '../read/normalize';

export type { CitedDocument };

/** （国发〔2021〕33号） in the folded view: (国发[2021]33号). */
const DOCUMENT_NUMBER = /^\s*\(\s*([\u4e00-\u9fff]{1,12}\s*\[\s*\d{4}\s*\]\s*\d+\s*号)\s*\)/;

/** Quotation marks and brackets vary between mentions of one title; compare without them. */
function titleKey(title: string): string {
  return foldForRecognition(title).replace(/[“”"'‘’〈〉《》\s]/g, '');
}

const OPEN_TITLE = 0x300a; // 《
const CLOSE_TITLE = 0x300b; // 》

/** The 《…》 titles of a text (nested 〈…〉 and 《…》 kept inside the outer one), with where each ends. */
function quotedTitles(text: string): { title: string; end: number }[] {
  const titles: { title: string; end: number }[] = [];
  // Most of a plan's paragraphs hold no title: one native search, and a 》 before the first 《 closes nothing.
  const first = text.indexOf('《');
  if (first === -1) return titles;
  let depth = 0;
  let start = -1;
  for (let i = first; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === OPEN_TITLE) {
      if (depth === 0) start = i + 1;
      depth++;
    } else if (code === CLOSE_TITLE && depth > 0) {
      depth--;
      if (depth === 0) titles.push({ title: text.slice(start, i), end: i + 1 });
    }
  }
  return titles;
}

/** Every cited document in order of first mention, the plan's own title excluded. */
export function findCitedDocuments(texts: string[], ownTitle: string): CitedDocument[] {
  const own = titleKey(ownTitle);
  const byKey = new Map<string, CitedDocument>();
  for (const text of texts) {
    for (const { title, end } of quotedTitles(text)) {
      const key = titleKey(title);
      if (key === '' || key === own) continue;
      const after = text.slice(end, end + 40);
      const match = DOCUMENT_NUMBER.exec(foldForRecognition(after));
      const number = match ? after.slice(match[0].indexOf('(') + 1, match[0].lastIndexOf(')')).trim() : null;
      const known = byKey.get(key);
      if (!known) byKey.set(key, { title, number });
      else if (known.number === null && number !== null) known.number = number;
    }
  }
  return [...byKey.values()];
}

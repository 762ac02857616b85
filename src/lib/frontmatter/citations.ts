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

const TITLE_MARK = /[《》]/g;

function* quotedTitles(text: string): Generator<{ title: string; end: number }> {
  let depth = 0;
  let start = -1;
  // Jump from mark to mark: most of a plan's text holds none.
  for (const mark of text.matchAll(TITLE_MARK)) {
    const i = mark.index;
    const ch = mark[0];
    if (ch === '《') {
      if (depth === 0) start = i + 1;
      depth++;
    } else if (ch === '》' && depth > 0) {
      depth--;
      if (depth === 0) yield { title: text.slice(start, i), end: i + 1 };
    }
  }
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

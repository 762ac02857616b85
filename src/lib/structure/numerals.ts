const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/**
 * Reads a Chinese numeral as printed in plan numbering and dates: 三 → 3, 十一 → 11, 二十一 → 21,
 * 一百零五 → 105, 一千二百 → 1200, and digit-by-digit year forms 二〇二三 → 2023. Returns null for anything else.
 */
export function chineseNumeralValue(text: string): number | null {
  if (text.length === 0) return null;
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(text)) return null;
  if (!/[十百千]/.test(text)) {
    // 二〇二三: positional digits, as in written dates.
    let value = 0;
    for (const ch of text) value = value * 10 + (DIGITS[ch] ?? 0);
    return value;
  }
  let total = 0;
  let current = 0;
  for (const ch of text) {
    if (ch === '千') {
      total += (current || 1) * 1000;
      current = 0;
    } else if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else {
      current = DIGITS[ch] ?? 0;
    }
  }
  return total + current;
}

/**
 * Reads a quantity in Chinese numerals with an optional decimal part: 十三点五 → 13.5, 零点五 → 0.5,
 * 一百 → 100. Returns the value as a decimal string (exact, as a printed number would be), or null.
 */
export function chineseDecimalText(text: string): string | null {
  const [whole = '', fraction, ...rest] = text.split('点');
  if (rest.length > 0) return null;
  const integer = chineseNumeralValue(whole);
  if (integer === null || /^\d/.test(whole)) return null;
  if (fraction === undefined) return String(integer);
  let digits = '';
  for (const ch of fraction) {
    const digit = DIGITS[ch];
    if (digit === undefined) return null;
    digits += String(digit);
  }
  return digits.length === 0 ? null : `${integer}.${digits}`;
}

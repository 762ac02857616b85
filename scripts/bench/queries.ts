/**
 * The search benchmark's queries: each kind of thing a reader types (a slogan, a department, a phrase in
 * quotes, a number as printed, a percentage, Latin abbreviations, traditional characters, a bigram hit by every
 * plan). bench-search.ts times them all; warm-ab.ts compares two builds on them unless given others.
 */
export const BENCH_QUERIES: readonly string[] = [
  '两高',
  '生态环境局',
  '公转铁',
  '659.1',
  '14.5%',
  'PUE',
  'LNG',
  'VOCs',
  'COD',
  '節能減排',
  '公轉鐵',
  '"超低排放改造"',
  '区交通局',
  '碳达峰',
  '节能',
];

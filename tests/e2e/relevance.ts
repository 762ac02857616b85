/**
 * The search relevance set (issue 10): queries people type, each with the wordings a clause must print to be
 * a right answer, and queries no clause answers. Used by the browser tests and by `npm run bench:search`
 * (top-1, precision@5, false claims). Written by hand from what the seeds print; a right answer is any
 * record whose folded text contains one of the wordings.
 */
export interface RelevanceCase {
  query: string;
  /** A record is a right answer when its text contains one of these (folded, spaces ignored). */
  wordings: string[];
  /** Which point of the issue the case stands for. */
  point: string;
}

export const RELEVANCE_SET: RelevanceCase[] = [
  { query: '公转铁', wordings: ['公转铁'], point: 'literal' },
  { query: '公轉鐵', wordings: ['公转铁'], point: 'traditional characters' },
  { query: '659.1', wordings: ['659.1'], point: 'number' },
  { query: '14.5%', wordings: ['14.5%'], point: 'number with %' },
  { query: 'PUE', wordings: ['pue'], point: 'Latin' },
  { query: 'VOCs', wordings: ['vocs', '挥发性有机物'], point: 'synonym' },
  { query: 'COD', wordings: ['cod', '化学需氧量'], point: 'synonym' },
  { query: '两高', wordings: ['两高', '高耗能高排放', '高耗能、高排放'], point: 'synonym' },
  { query: '"超低排放改造"', wordings: ['超低排放改造'], point: 'quoted phrase' },
  { query: '生态环境局', wordings: ['生态环境局', '生态环境厅'], point: 'department' },
  { query: '环保局', wordings: ['生态环境局', '生态环境厅'], point: 'department alias' },
  {
    query: '发改局',
    wordings: ['发展改革委', '发改委', '发展改革局', '发展和改革局'],
    point: 'department alias',
  },
  { query: '农委', wordings: ['农业农村局', '农业农村委', '农业农村厅'], point: 'department alias' },
  { query: '区交通局', wordings: ['交通局', '交通运输局'], point: 'department with prefix' },
  {
    query: '自治区生态环境局',
    wordings: ['生态环境局', '生态环境厅'],
    point: 'department with a prefix no seed prints (content/search-synonyms.yaml)',
  },
  {
    query: '環保局',
    wordings: ['生态环境局', '生态环境厅'],
    point: 'department alias in traditional characters',
  },
  { query: '公转铁有哪些', wordings: ['公转铁'], point: 'question form' },
  { query: '如何推进超低排放', wordings: ['推进超低排放', '超低排放'], point: 'question form' },
  { query: '垃圾发电', wordings: ['垃圾焚烧发电'], point: 'in order with a gap' },
  { query: '公转铁 新能源', wordings: ['公转铁'], point: 'two terms' },
  { query: '碳达峰', wordings: ['碳达峰'], point: 'literal' },
  { query: '节能', wordings: ['节能'], point: 'common word' },
];

/** Words no seed prints: every one must give 没有找到 and no 包含 claim. */
export const NOWHERE = ['核能', '关税', '风能', '煤价', '光伏板', '机关局', '天然气车', '不存在的词语组合'];

/**
 * Wordings no seed prints, each a slip or an extension of a name the site knows (department catalogue,
 * synonyms): the help must propose `known` as a link (“did you mean”), and claim nothing for `typed`.
 */
export const PROPOSALS: { typed: string; known: string; point: string }[] = [
  { typed: '生态环竟局', known: '生态环境局', point: 'one character slipped in a department name' },
  { typed: '发展该革委', known: '发展改革委', point: 'one character slipped' },
  { typed: '挥发姓有机物', known: '挥发性有机物', point: 'a synonym form' },
  { typed: '生态环境局长', known: '生态环境局', point: 'a known name with a word around it' },
];

/**
 * The adversarial corpus: variants of each seed made the ways real copies of a plan differ from the original
 * (title and notice stripped, traditional characters, half-width punctuation, a news copy without headings,
 * scraper noise, a cut-off text, a 十三五 review chapter in front, GBK bytes, a draft title), each with what
 * must still hold, derived from the seed's own parse (which the golden files pin).
 *
 * Other areas add their expectations to the same table: a `Check` receives the variant's plan and the seed's
 * baseline plan (e.g. the targets area checks that targets and roles survive a variant).
 */
import iconv from 'iconv-lite';
import { expect } from 'vitest';
import * as OpenCC from 'opencc-js/cn2t';
import type { Plan, Unrecognised } from '../../src/lib/model/plan';
import { foldForRecognition, stripExportLeftovers } from '../../src/lib/read/normalize';

export interface VariantFile {
  file: string;
  bytes: Uint8Array;
  /** The variant's text as a reader would see it (what the plan must conserve). */
  text: string;
}

/** A further expectation on a variant's plan, given the seed's plan. */
export interface Check {
  name: string;
  run(plan: Plan, baseline: Plan): void;
}

/**
 * Which of the seed's targets a variant must give: `all` of them, those read from the `body` (a copy without
 * front matter or annexes loses the values printed only there), or any `subset` (a cut text), never one the
 * seed does not have.
 */
export type TargetExpectation = 'all' | 'body' | 'subset';

/**
 * Which of the seed's department mentions (name, role, the note's role word) a variant must give: `all`, a
 * `subset`, or all of them with the role word as the variant rewords it (`rewordRole`), or every name in order
 * (`names`: the variant prints the notes in another form, with its own role words; a check says which).
 */
export type RoleExpectation = 'all' | 'subset' | 'reworded' | 'names';

export interface Expectation {
  /** The region the plan must have; `null` only where the variant leaves no trace of it. */
  region: string | null;
  /** Also acceptable: the region cannot be told (never a wrong one). */
  regionMayBeUnknown: boolean;
  status: Plan['status'];
  chapters: number | { atMost: number };
  sections: number | { atMost: number };
  /** What the plan must report as not recognised. */
  unrecognised: Unrecognised[];
  targets: TargetExpectation;
  roles: RoleExpectation;
  /** For `roles: 'reworded'`: the role word the variant prints for the seed's word. */
  rewordRole?: (wording: string) => string;
  checks: Check[];
}

export interface Variant {
  id: string;
  description: string;
  make(seed: SeedInput): VariantFile;
  expect(baseline: Plan): Expectation;
}

export interface SeedInput {
  file: string;
  text: string;
  /** The seed's plan as the build parses it (pinned by the golden files). */
  baseline: Plan;
}

const encoder = new TextEncoder();
const utf8 = (file: string, text: string): VariantFile => ({ file, bytes: encoder.encode(text), text });
const stem = (file: string) => file.replace(/\.txt$/, '');

const count = (plan: Plan, kind: 'chapter' | 'section') => plan.clauses.filter((c) => c.kind === kind).length;

/** What every variant keeps by default: the seed's region, status and structure counts. */
function same(baseline: Plan, overrides: Partial<Expectation> = {}): Expectation {
  return {
    region: baseline.region,
    regionMayBeUnknown: false,
    status: baseline.status,
    chapters: count(baseline, 'chapter'),
    sections: count(baseline, 'section'),
    unrecognised: [],
    targets: 'all',
    roles: 'all',
    checks: [],
    ...overrides,
  };
}

/** 1-based line numbers of the seed's front matter (lead, notice, label, title, subtitle). */
function frontLines(baseline: Plan): Set<number> {
  const lines = new Set<number>();
  for (const block of baseline.front) for (let l = block.line; l <= block.endLine; l++) lines.add(l);
  return lines;
}

const lineOf = (baseline: Plan, kind: 'chapter' | 'section') =>
  new Set(baseline.clauses.filter((c) => c.kind === kind).map((c) => c.line));

const CHINESE_NUMERALS = [
  '',
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
];

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** The full-width ASCII block (，（）：；％０-９) and the ideographic space to their half-width forms. */
function halfWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** The title as a news copy quotes it: with the draft mark of a subtitle where there is one. */
function quotedTitle(baseline: Plan): string {
  const subtitle = baseline.front.find((b) => b.kind === 'subtitle')?.text ?? '';
  return `${baseline.title}${/征求意见/.test(subtitle) ? subtitle : ''}`;
}

export const VARIANTS: Variant[] = [
  {
    id: 'no-front',
    description: 'title, notice and lead stripped: the text starts at the preamble or 一、总体要求',
    make({ file, text, baseline }) {
      const front = frontLines(baseline);
      return utf8(
        `${stem(file)}.no-front.txt`,
        text
          .split('\n')
          .filter((_, i) => !front.has(i + 1))
          .join('\n'),
      );
    },
    expect: (baseline) =>
      same(baseline, {
        // With no title and no notice only the body can name the region: it must be right or unknown.
        regionMayBeUnknown: true,
        // A draft is marked in its title or subtitle, which are gone: the variant cannot know.
        status: 'final',
        unrecognised: ['title'],
        // A news lead's values go with the lead.
        targets: 'body',
      }),
  },
  {
    id: 'title-without-place',
    description: 'the title names no place (“十四五”节能减排综合工作方案): the issuer, notice or body must',
    make({ file, text, baseline }) {
      const title = baseline.front.find((b) => b.kind === 'title');
      const lines = text.split('\n');
      if (title && baseline.region) {
        const line = lines[title.line - 1] ?? '';
        lines[title.line - 1] = line.replace(baseline.region, '');
      }
      return utf8(`${stem(file)}.title-without-place.txt`, lines.join('\n'));
    },
    expect: (baseline) => same(baseline),
  },
  {
    id: 'traditional',
    description: 'converted to traditional characters with OpenCC',
    make: ({ file, text }) => utf8(`${stem(file)}.traditional.txt`, toTraditional(text)),
    expect: (baseline) => same(baseline),
  },
  {
    id: 'half-width',
    description: 'full-width punctuation and digits made half-width',
    make: ({ file, text }) => utf8(`${stem(file)}.half-width.txt`, halfWidth(text)),
    expect: (baseline) => same(baseline),
  },
  {
    id: 'news-copy',
    description: 'a news copy: a lead quoting the title, headings and numbering removed, text run together',
    make({ file, text, baseline }) {
      const front = frontLines(baseline);
      const chapters = lineOf(baseline, 'chapter');
      const numbered = new Set(baseline.clauses.filter((c) => c.number !== null).map((c) => c.line));
      const annexStart = Math.min(...baseline.annexes.map((a) => a.line), Infinity);
      const body = text.split('\n').flatMap((line, i) => {
        const n = i + 1;
        if (front.has(n) || n >= annexStart || line.trim() === '') return [];
        if (chapters.has(n)) return []; // 一、总体要求: a heading alone on its line
        if (!numbered.has(n)) return [line.trim()];
        const clause = baseline.clauses.find((c) => c.line === n);
        const marker = clause?.number ?? '';
        const shown = stripExportLeftovers(line).trim();
        return [shown.startsWith(marker) ? shown.slice(marker.length) : shown];
      });
      const where = baseline.issuer ?? baseline.region ?? '';
      const lead = `近日，${where}印发《${quotedTitle(baseline)}》。方案要求：`;
      return utf8(`${stem(file)}.news-copy.txt`, [lead, ...body].join('\n\n'));
    },
    expect: (baseline) =>
      same(baseline, { chapters: 0, sections: 0, unrecognised: ['title', 'structure'], targets: 'body' }),
  },
  {
    id: 'scraper-noise',
    description: '@@ where the page had markup: 一@@、总体要求@@',
    make({ file, text, baseline }) {
      const chapters = lineOf(baseline, 'chapter');
      const noisy = text
        .split('\n')
        .map((line, i) =>
          chapters.has(i + 1) ? `${line.replace(/^(\s*[一二三四五六七八九十]+)、/, '$1@@、')}@@` : line,
        );
      return utf8(`${stem(file)}.scraper-noise.txt`, noisy.join('\n'));
    },
    expect: (baseline) => same(baseline),
  },
  {
    id: 'cut',
    description: 'cut mid-sentence halfway through the body',
    make({ file, text, baseline }) {
      const middle = baseline.clauses[Math.floor(baseline.clauses.length / 2)];
      const lines = text.split('\n');
      const at = (middle?.line ?? 1) - 1;
      const line = lines[at] ?? '';
      const cut = [...lines.slice(0, at), line.slice(0, Math.ceil(line.length / 2))].join('\n');
      return utf8(`${stem(file)}.cut.txt`, cut);
    },
    expect: (baseline) =>
      same(baseline, {
        chapters: { atMost: count(baseline, 'chapter') },
        sections: { atMost: count(baseline, 'section') },
        targets: 'subset',
        roles: 'subset',
      }),
  },
  {
    id: 'review-first',
    description: 'a 十三五 review chapter put in front of the plan, later chapters renumbered',
    make({ file, text, baseline }) {
      const chapters = lineOf(baseline, 'chapter');
      const first = Math.min(...chapters);
      const whole = `全${(baseline.region ?? '市').slice(-1)}`;
      const review = [
        '一、“十三五”节能减排工作成效',
        `“十三五”期间，${whole}单位地区生产总值能源消耗累计下降15.2%，超额完成“十三五”下达的目标任务。`,
        '',
      ];
      const lines = text.split('\n').map((line, i) =>
        chapters.has(i + 1)
          ? line.replace(
              /^(\s*)([一二三四五六七八九十]+)(\s*[、.．])/,
              (_m, lead: string, numeral: string, mark: string) => {
                const value = CHINESE_NUMERALS.indexOf(numeral);
                return `${lead}${CHINESE_NUMERALS[value + 1] ?? numeral}${mark}`;
              },
            )
          : line,
      );
      lines.splice(first - 1, 0, ...review);
      return utf8(`${stem(file)}.review-first.txt`, lines.join('\n'));
    },
    expect: (baseline) =>
      same(baseline, {
        chapters: count(baseline, 'chapter') + 1,
        checks: [
          {
            name: 'the review’s 15.2% is an outcome, not a target',
            run(plan) {
              const review = (values: number[]) => values.filter((value) => Math.abs(value - 15.2) < 1e-9);
              expect(review(plan.targets.map((t) => t.originalValue))).toEqual([]);
              expect(review(plan.outcomes.map((o) => o.originalValue))).toEqual([15.2]);
            },
          },
        ],
      }),
  },
  {
    id: 'lead-targets',
    description:
      'a news lead in front restating the plan’s energy-intensity target (方案要求，到2025年，…下降x%)',
    make({ file, text, baseline }) {
      const target = baseline.targets.find(
        (t) => t.indicatorId === 'energy-intensity' && t.jurisdiction === baseline.region,
      );
      const where = baseline.issuer ?? baseline.region ?? '';
      const whole = `全${(baseline.region ?? '市').slice(-1)}`;
      const lead = `近日，${where}印发《${baseline.title}》。方案要求，到2025年，${whole}单位地区生产总值能耗比2020年下降${target?.originalValue ?? 13.5}%。`;
      return utf8(`${stem(file)}.lead-targets.txt`, `${lead}\n\n${text}`);
    },
    expect: (baseline) =>
      same(baseline, {
        checks: [
          {
            name: 'the lead’s value is the plan’s own target, with the lead among its sources',
            run(plan) {
              const own = plan.targets.filter(
                (t) => t.indicatorId === 'energy-intensity' && t.jurisdiction === plan.region,
              );
              const origins = own.flatMap((t) => t.sources.map((source) => source.origin));
              expect(origins).toContain('lead');
              expect(origins).toContain('plan');
            },
          },
        ],
      }),
  },
  {
    id: 'other-wordings',
    description:
      'other wordings of the same things: 单位GDP能耗 for 单位地区生产总值能耗, 按照职责分工负责 for 按职责分工负责',
    make: ({ file, text }) =>
      utf8(
        `${stem(file)}.other-wordings.txt`,
        text
          .replace(/单位地区生产总值能源消耗|单位地区生产总值能耗/g, '单位GDP能耗')
          .replace(/按职责分工负责/g, '按照职责分工负责'),
      ),
    expect: (baseline) =>
      same(baseline, {
        // The role word is shown as this copy prints it.
        roles: 'reworded',
        rewordRole: (wording) => (wording === '按职责分工负责' ? '按照职责分工负责' : wording),
      }),
  },
  {
    id: 'note-lines',
    description:
      'each responsibility note printed as a county plan prints it: 责任单位：A、B on its own line under the clause',
    make({ file, text, baseline }) {
      // The seed's notes as printed, each with the names it assigns, in order.
      const names = new Map<string, string[]>();
      for (const clause of baseline.clauses) {
        const responsibility = clause.responsibility;
        if (!responsibility || responsibility.departments.length === 0) continue;
        names.set(
          responsibility.text,
          responsibility.departments.map((mention) => mention.name),
        );
      }
      let lines = text;
      for (const [note, listed] of [...names].sort((a, b) => b[0].length - a[0].length))
        lines = lines.split(note).join(`\n责任单位：${listed.join('、')}`);
      return utf8(`${stem(file)}.note-lines.txt`, lines);
    },
    expect: (baseline) =>
      same(baseline, {
        roles: 'names',
        checks: [
          {
            name: 'every note is read under its label, for the clause it follows',
            run(plan) {
              const mentions = plan.clauses.flatMap((c) => c.responsibility?.departments ?? []);
              expect(new Set(mentions.map((m) => m.roleWording))).toEqual(
                new Set(mentions.length > 0 ? ['责任单位'] : []),
              );
              // Every clause that had departments still has them (a note line is never a clause of its own).
              const withNotes = (p: Plan) =>
                p.clauses.filter((c) => (c.responsibility?.departments.length ?? 0) > 0).map((c) => c.id);
              expect(withNotes(plan)).toEqual(withNotes(baseline));
            },
          },
        ],
      }),
  },
  {
    id: 'gbk',
    description: 'encoded in GBK, as many government sites serve their files',
    make: ({ file, text }) => ({ file: `${stem(file)}.gbk.txt`, bytes: iconv.encode(text, 'gbk'), text }),
    expect: (baseline) => same(baseline),
  },
  {
    id: 'draft-title',
    description: 'the title line ends in （征求意见稿）',
    make({ file, text, baseline }) {
      const title = baseline.front.find((b) => b.kind === 'title');
      const lines = text.split('\n');
      if (title && !/征求意见/.test(baseline.title)) {
        lines[title.line - 1] = `${(lines[title.line - 1] ?? '').trimEnd()}（征求意见稿）`;
      }
      return utf8(`${stem(file)}.draft-title.txt`, lines.join('\n'));
    },
    expect: (baseline) =>
      same(baseline, { status: baseline.front.some((b) => b.kind === 'title') ? 'draft' : baseline.status }),
  },
  {
    id: 'draft-title-bare',
    description: 'the title line ends in 征求意见 (no 稿, no brackets), as some portals print it',
    make({ file, text, baseline }) {
      const title = baseline.front.find((b) => b.kind === 'title');
      const lines = text.split('\n');
      if (title && !/征求意见/.test(baseline.title)) {
        lines[title.line - 1] = `${(lines[title.line - 1] ?? '').trimEnd()}征求意见`;
      }
      return utf8(`${stem(file)}.draft-title-bare.txt`, lines.join('\n'));
    },
    expect: (baseline) =>
      same(baseline, { status: baseline.front.some((b) => b.kind === 'title') ? 'draft' : baseline.status }),
  },
];

/** A target as a reader compares it across copies: what, how much, which way, by when, whose. */
export function targetKey(target: Plan['targets'][number]): string {
  return [
    target.indicatorId,
    target.comparator,
    target.value,
    target.unit,
    target.targetYear ?? '-',
    target.jurisdiction ?? '-',
    // The scope is printed text (縣城 in a traditional copy): compared as recognition reads it.
    foldForRecognition(target.scope ?? '-'),
  ].join('|');
}

/** True for a target the seed states in its body: some source is neither the news lead nor an annex table. */
export function statedInBody(target: Plan['targets'][number]): boolean {
  return target.sources.some((source) => source.origin === 'plan' && source.cell === null);
}

/** Every department mention of the plan's responsibility notes, in order: name, role and role word, folded. */
export function roleKeys(
  plan: Plan,
  fold: (text: string) => string,
  reword: (wording: string) => string = (wording) => wording,
): string[] {
  return plan.clauses.flatMap((clause) =>
    (clause.responsibility?.departments ?? []).map((mention) =>
      [fold(mention.name), mention.role, fold(mention.roleWording ? reword(mention.roleWording) : '-')].join(
        '|',
      ),
    ),
  );
}

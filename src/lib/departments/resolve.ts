/**
 * Resolves a department name as printed to a catalogue rule and a merge key: two names with the same key in
 * one plan are one department (市市场监管局 = 市市场监督管理局; 区经济信息委（区大数据发展局） = 区经济信息委).
 */
import type { Level } from '../model/plan';
import { foldForRecognition } from '../read/normalize';
import { withoutBracketGroups } from '../responsibility/brackets';
import { OTHER_CATEGORY } from './catalogue';
import type { DepartmentCatalogue, DepartmentRule } from './catalogue';
import { properName } from '../regions/names';

/** The plan's own jurisdiction as it appears in department names. */
export interface Jurisdiction {
  /** Region as given, e.g. 黔江区. */
  region: string;
  /** Region without its level suffix (黔江), or null when too short to recognise safely. */
  core: string | null;
  /** The one-character prefix that means "this jurisdiction" in its own plan: 区 for 黔江区, 省 for 贵州省. */
  levelChar: string;
}

const LEVEL_CHARS = '省市区县州旗盟';
const DEFAULT_LEVEL_CHAR: Record<Level, string> = {
  national: '国',
  province: '省',
  city: '市',
  county: '县',
};

/** Derives the prefixes of a plan's own jurisdiction from its region name and level. */
export function jurisdictionOf(region: string, level: Level): Jurisdiction {
  const folded = foldForRecognition(region.trim());
  const last = folded.slice(-1);
  const levelChar =
    level === 'national'
      ? '国'
      : LEVEL_CHARS.includes(last) && last !== ''
        ? last
        : DEFAULT_LEVEL_CHAR[level];
  const core = properName(folded);
  return { region: folded, core: core.length >= 2 && core !== folded ? core : null, levelChar };
}

/** How a printed name was understood. */
export interface Resolution {
  /** Merge key within one plan. */
  key: string;
  /** Category id; `other` when no rule matched. */
  category: string;
  /** The matching rule, or null for an unknown department. */
  rule: DepartmentRule | null;
  /**
   * Length of the jurisdiction prefix at the start of the printed name (区, 市, 黔江区, 黔江, or 区委 for the
   * party committee's 区委宣传部), 0 when there is none. Slugs may drop it.
   */
  prefixLength: number;
}

interface Candidate {
  /** '' for the plan's own jurisdiction, else the prefix (市 in a 区 plan, or a place name). */
  owner: string;
  rest: string;
  prefixLength: number;
}

/** 市生态环境局莱芜分局 → 生态环境局 + 莱芜分局: a parent body followed by a branch designation. */
const BRANCH = /^(.+?[局厅委办])(.{1,10}?(?:分局|分行|支行|办事处|监管组))$/;
/** A place name followed by a level character, tried last: 济南市生态环境局 → 济南市 + 生态环境局. */
const PLACE_PREFIX = /^(.{2,6}?[省市区县州旗])(?=.)/;

interface Match {
  rule: DepartmentRule;
  branch: string;
}

interface CompiledCatalogue {
  aliases: ReadonlyMap<string, DepartmentRule>;
  patterns: readonly { rule: DepartmentRule; pattern: RegExp }[];
  /**
   * What each name (prefix removed) matched: the same few hundred names (发展改革委, 生态环境局) recur in plan
   * after plan, and an unknown one would otherwise be tried against every pattern again. Bounded.
   */
  matched: Map<string, DepartmentRule | null>;
}

const MATCH_CACHE_LIMIT = 20_000;
const STATE_PREFIX = /^(?:国家|国务院)/;
const PARTY_PREFIX = new RegExp(`^([${LEVEL_CHARS}])委`);
const LEVEL_PREFIX = new RegExp(`^([${LEVEL_CHARS}])`);

// Every plan gets its own resolver, but the catalogue is the same for all of them: fold its aliases and
// compile its patterns once per catalogue, not once per plan.
const compiledCatalogues = new WeakMap<DepartmentCatalogue, CompiledCatalogue>();

function compiledCatalogue(catalogue: DepartmentCatalogue): CompiledCatalogue {
  const known = compiledCatalogues.get(catalogue);
  if (known) return known;
  const aliases = new Map<string, DepartmentRule>();
  const patterns: { rule: DepartmentRule; pattern: RegExp }[] = [];
  for (const rule of catalogue.departments) {
    for (const alias of rule.aliases) aliases.set(foldForRecognition(alias), rule);
    for (const pattern of rule.patterns) patterns.push({ rule, pattern: new RegExp(pattern) });
  }
  const compiled = { aliases, patterns, matched: new Map() };
  compiledCatalogues.set(catalogue, compiled);
  return compiled;
}

/**
 * Resolves department names of one plan against the catalogue. Matching strips the jurisdiction prefix
 * (the region name, 省/市/区/县, 省委/市委/区委, 国家/国务院), ignores bracketed qualifiers, and handles
 * branch offices through their parent's rule.
 */
export class DepartmentResolver {
  private readonly compiled: CompiledCatalogue;

  constructor(
    catalogue: DepartmentCatalogue,
    readonly jurisdiction: Jurisdiction,
  ) {
    this.compiled = compiledCatalogue(catalogue);
  }

  /** Resolves one printed name. Never throws: an unknown name gets category `other`. */
  resolve(name: string): Resolution {
    const candidates = this.candidates(name);
    for (const candidate of candidates) {
      const match = this.match(candidate.rest);
      if (!match) continue;
      const { rule, branch } = match;
      const identity = rule.mergeBy === 'name' ? `=${candidate.rest}` : branch;
      return {
        key: `${candidate.owner}|${rule.id}|${identity}`,
        category: rule.category,
        rule,
        prefixLength: candidate.prefixLength,
      };
    }
    const best = candidates[0] as Candidate;
    return {
      key: `${best.owner}|?|${best.rest}`,
      category: OTHER_CATEGORY,
      rule: null,
      prefixLength: best.prefixLength,
    };
  }

  /** Ways to read the prefix of a name, most specific first; the unprefixed reading is always included. */
  private candidates(name: string): Candidate[] {
    const printed = foldForRecognition(name.trim());
    const base = withoutBracketGroups(printed).replace(/\s+/g, '');
    const { region, core, levelChar } = this.jurisdiction;
    const own = (prefix: string): string => (prefix === levelChar ? '' : prefix);
    const out: Candidate[] = [];
    const add = (owner: string, rest: string, prefixLength: number): void => {
      if (rest.length > 0 && !out.some((c) => c.owner === owner && c.rest === rest))
        out.push({ owner, rest, prefixLength });
    };

    if (base.startsWith(region)) add('', base.slice(region.length), region.length);
    if (core !== null && base.startsWith(core)) add('', base.slice(core.length), core.length);
    const state = STATE_PREFIX.exec(base);
    if (state) add(own('国'), base.slice(state[0].length), state[0].length);
    const party = PARTY_PREFIX.exec(base);
    if (party) add(own(party[1] as string), base.slice(2), 2);
    const level = LEVEL_PREFIX.exec(base);
    if (level) add(own(level[1] as string), base.slice(1), 1);
    add('', base, 0);
    const place = PLACE_PREFIX.exec(base);
    if (place) add(place[1] as string, base.slice((place[1] as string).length), 0);
    return out;
  }

  private match(rest: string): Match | null {
    const direct = this.matchWhole(rest);
    if (direct) return { rule: direct, branch: '' };
    const branch = BRANCH.exec(rest);
    if (branch) {
      const parent = this.matchWhole(branch[1] as string);
      if (parent) return { rule: parent, branch: branch[2] as string };
    }
    return null;
  }

  private matchWhole(rest: string): DepartmentRule | null {
    const { aliases, patterns, matched } = this.compiled;
    const byAlias = aliases.get(rest);
    if (byAlias) return byAlias;
    const known = matched.get(rest);
    if (known !== undefined) return known;
    let found: DepartmentRule | null = null;
    for (const { rule, pattern } of patterns) {
      if (pattern.test(rest)) {
        found = rule;
        break;
      }
    }
    if (matched.size >= MATCH_CACHE_LIMIT) matched.clear();
    matched.set(rest, found);
    return found;
  }
}

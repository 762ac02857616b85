/**
 * The search vocabulary: every name the site knows, for “did you mean” (browser/did-you-mean.ts) — department
 * names and aliases (content/departments.yaml), indicator names (content/indicators.yaml), synonym forms
 * (content/search-synonyms.yaml), compare topics with their other titles and heading words
 * (content/national-template.yaml), and the plans' region names and titles. Each wording once, under the
 * first kind that has it (departments first). Pure: the page endpoint passes what it loaded.
 */
import type { VocabularyTerm, TermKind } from '../browser/did-you-mean';
import type { SynonymGroup } from '../browser/synonyms';

export interface VocabularySources {
  /** Department rules: their canonical name and aliases; category names. */
  departments: readonly { name: string; aliases: readonly string[] }[];
  departmentCategories: readonly string[];
  indicators: readonly string[];
  /** Curated synonym groups (not the department groups, which come from `departments`). */
  synonyms: readonly SynonymGroup[];
  topics: readonly { title: string; aliases: readonly string[]; headingTerms: readonly string[] }[];
  plans: readonly { label: string; title: string }[];
}

/** Every known wording with its kind, departments first, each wording once. */
export function searchVocabulary(sources: VocabularySources): VocabularyTerm[] {
  const out: VocabularyTerm[] = [];
  const seen = new Set<string>();
  const add = (kind: TermKind, terms: Iterable<string>) => {
    for (const raw of terms) {
      const term = raw.trim();
      if (!term || seen.has(term)) continue;
      seen.add(term);
      out.push([term, kind]);
    }
  };
  add(
    'department',
    sources.departments.flatMap((d) => [d.name, ...d.aliases]),
  );
  add('department', sources.departmentCategories);
  add('indicator', sources.indicators);
  add(
    'synonym',
    sources.synonyms.flatMap((g) => g.forms),
  );
  add(
    'topic',
    sources.topics.flatMap((t) => [t.title, ...t.aliases, ...t.headingTerms]),
  );
  add(
    'plan',
    sources.plans.flatMap((p) => [p.label, p.title]),
  );
  return out;
}

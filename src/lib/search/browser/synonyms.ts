/**
 * Search synonyms (content/search-synonyms.yaml): groups of equivalent wordings, mostly an abbreviation and its
 * full form (VOCs = 挥发性有机物). Every clause containing any form of a group is indexed with the group's token,
 * so a query for one form finds the clauses that print another; the clauses printing the query's own wording
 * still rank first.
 */
import { runsOf, type Run, type Unit } from './tokens';

/**
 * What a group is: curated synonyms (content/search-synonyms.yaml), or one department's names as the
 * department catalogue lists them (content/departments.yaml, see build/departments.ts). A result found
 * through a department group is labelled 部门别名, through a synonym group 同义词.
 */
export type GroupKind = 'synonym' | 'department';

/** One group of equivalent wordings (validated by src/lib/search/build/synonyms-file.ts). */
export interface SynonymGroup {
  kind?: GroupKind | undefined;
  /** Equivalent wordings; the first is the one shown when a result matched through the group. */
  forms: string[];
  /** Why the forms are equivalent, for reviewers. */
  note?: string | undefined;
}

/** A group ready for matching: each form cut into runs by the search alphabet. */
export interface CompiledGroup {
  index: number;
  kind: GroupKind;
  forms: string[];
  /** Per form, its runs (a form with punctuation such as 高耗能、高排放 has several). */
  runs: Run[][];
}

/**
 * Compiles the groups with the given fold (the build folds with OpenCC, the browser with its table). Throws
 * when a form has no searchable unit or two groups share a form, naming the form.
 */
export function compileSynonyms(
  groups: readonly SynonymGroup[],
  fold: (s: string) => string,
): CompiledGroup[] {
  const seen = new Map<string, number>();
  return groups.map((group, index) => {
    const runs = group.forms.map((form) => {
      const formRuns = runsOf(fold(form));
      if (formRuns.length === 0) throw new Error(`search synonym “${form}” has nothing searchable`);
      const key = formKey(formRuns);
      const other = seen.get(key);
      if (other !== undefined && other !== index) {
        throw new Error(`search synonym “${form}” is in groups ${other + 1} and ${index + 1}`);
      }
      seen.set(key, index);
      return formRuns;
    });
    return { index, kind: group.kind ?? 'synonym', forms: [...group.forms], runs };
  });
}

/** A comparable key of some runs: unit texts, runs separated. */
export function formKey(runs: readonly Run[]): string {
  return runs.map((run) => run.map((u) => `${u.kind}:${u.text}`).join(' ')).join(' | ');
}

const same = (a: Unit, b: Unit): boolean => a.kind === b.kind && a.text === b.text;

function matchesAt(run: Run, at: number, part: Run): boolean {
  for (let j = 0; j < part.length; j++) {
    const unit = run[at + j];
    if (!unit || !same(part[j] as Unit, unit)) return false;
  }
  return true;
}

/**
 * Whether the text (as runs) contains the form (as runs): a one-run form anywhere inside a run; a form of
 * several runs as the end of one run, whole runs, then the start of the next, in order.
 */
export function containsForm(textRuns: readonly Run[], form: readonly Run[]): boolean {
  const [first, ...rest] = form;
  if (!first) return false;
  if (rest.length === 0) {
    return textRuns.some((run) => {
      for (let i = 0; i + first.length <= run.length; i++) if (matchesAt(run, i, first)) return true;
      return false;
    });
  }
  const last = rest[rest.length - 1] as Run;
  const middle = rest.slice(0, -1);
  for (let t = 0; t + rest.length < textRuns.length; t++) {
    const run = textRuns[t] as Run;
    if (run.length < first.length || !matchesAt(run, run.length - first.length, first)) continue;
    const middleOk = middle.every((part, k) => {
      const whole = textRuns[t + 1 + k] as Run;
      return whole.length === part.length && matchesAt(whole, 0, part);
    });
    if (middleOk && matchesAt(textRuns[t + rest.length] as Run, 0, last)) return true;
  }
  return false;
}

/**
 * Whether the text (as runs) prints every run of the form, each inside one run of the text, anywhere: what the
 * page's exact lookups of a wording find (each run's bigrams in a row, or a one-unit run's word alone, every
 * run required). Weaker than `containsForm` for a form of several runs, which must follow one another.
 */
export function printsForm(textRuns: readonly Run[], form: readonly Run[]): boolean {
  return (
    form.length > 0 &&
    form.every((part) =>
      textRuns.some((run) => {
        for (let i = 0; i + part.length <= run.length; i++) if (matchesAt(run, i, part)) return true;
        return false;
      }),
    )
  );
}

/** The groups any of whose forms the text contains. */
export function groupsIn(textRuns: readonly Run[], groups: readonly CompiledGroup[]): CompiledGroup[] {
  return groups.filter((group) => group.runs.some((form) => containsForm(textRuns, form)));
}

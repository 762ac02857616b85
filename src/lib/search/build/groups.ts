/**
 * Every search group, in the order their tokens are numbered: the curated synonyms of
 * content/search-synonyms.yaml, then one group per department rule of content/departments.yaml. The index
 * build and the search page read the same list, so a group's token means the same on both sides.
 */
import { loadDepartmentCatalogue, type DepartmentCatalogue } from '../../departments/catalogue';
import type { SynonymGroup } from '../browser/synonyms';
import { departmentGroupResolver, departmentGroups } from './departments';
import { loadSynonyms } from './synonyms-file';

export interface SearchGroups {
  groups: SynonymGroup[];
  /** For a plan, the group index of a printed department name, or null. */
  departmentGroup: ReturnType<typeof departmentGroupResolver>;
}

export function searchGroups(
  synonyms: readonly SynonymGroup[],
  catalogue: DepartmentCatalogue,
): SearchGroups {
  return {
    groups: [...synonyms, ...departmentGroups(catalogue)],
    departmentGroup: departmentGroupResolver(catalogue, synonyms.length),
  };
}

/** The groups from content/. */
export function loadSearchGroups(): SearchGroups {
  return searchGroups(loadSynonyms(), loadDepartmentCatalogue());
}

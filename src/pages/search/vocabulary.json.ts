import type { APIRoute } from 'astro';
import { loadNationalTemplate } from '../../lib/compare';
import { loadDepartmentCatalogue } from '../../lib/departments/catalogue';
import { loadIndicatorCatalogue } from '../../lib/indicators/catalogue';
import { planLabel } from '../../lib/model/label';
import { searchVocabulary } from '../../lib/search/build/vocabulary';
import { loadSynonyms } from '../../lib/search/build/synonyms-file';
import { atlas } from '../../site/corpus';

/**
 * `/search/vocabulary.json`: every name the site knows, as `[wording, kind]` pairs, for the search page's
 * “did you mean” (src/lib/search/browser/did-you-mean.ts). Fetched only when a search finds no clause printing
 * the query, so it costs nothing on the way to a first result.
 */
export const GET: APIRoute = () => {
  const departments = loadDepartmentCatalogue();
  const terms = searchVocabulary({
    departments: departments.departments,
    departmentCategories: departments.categories.map((c) => c.name),
    indicators: loadIndicatorCatalogue().indicators.map((i) => i.name),
    synonyms: loadSynonyms(),
    topics: loadNationalTemplate().topics,
    plans: atlas().plans.map((p) => ({ label: planLabel(p), title: p.title })),
  });
  return new Response(JSON.stringify({ terms }), { headers: { 'Content-Type': 'application/json' } });
};

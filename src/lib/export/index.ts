/** The data downloads under `/data/`: pure functions over validated plans, called by the Astro endpoints. */
export {
  clausesCsv,
  clausesCsvParts,
  clausesTable,
  departmentsCsv,
  departmentsCsvParts,
  departmentsTable,
  indicatorsCsv,
  indicatorsTable,
} from './csv';
export {
  planIndexEntry,
  planJson,
  planJsonSchema,
  plansIndexJson,
  plansIndexSchema,
  publishedPlan,
} from './json';
export type { UrlContext } from './shared';
export type { CsvLanguage, PlanTable } from './table';

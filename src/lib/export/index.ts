/** The data downloads under `/data/`: pure functions over validated plans, called by the Astro endpoints. */
export { clausesCsv, clausesCsvParts, departmentsCsv, departmentsCsvParts, indicatorsCsv } from './csv';
export { plansJson, plansJsonParts, plansJsonSchema } from './json';
export type { UrlContext } from './shared';
export type { CsvLanguage } from './table';

/** The data downloads under `/data/`: pure functions over validated plans, called by the Astro endpoints. */
export { clausesCsv, departmentsCsv, indicatorsCsv } from './csv';
export { plansJson, plansJsonSchema } from './json';
export type { UrlContext } from './shared';
export type { CsvLanguage } from './table';

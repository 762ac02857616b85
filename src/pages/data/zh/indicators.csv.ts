import type { APIRoute } from 'astro';
import { csvResponse, indicatorsTableCsv } from '../../../site/downloads';

/**
 * `/data/zh/indicators.csv`: the targets table with Chinese headers and values in words, for Excel and WPS.
 * The tables of clauses and departments are written after the build (src/integrations/data-downloads.ts).
 */
export const GET: APIRoute = () => csvResponse(indicatorsTableCsv('zh'));

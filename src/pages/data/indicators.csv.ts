import type { APIRoute } from 'astro';
import { csvResponse, indicatorsTableCsv } from '../../site/downloads';

/**
 * `/data/indicators.csv`: one row per target with its plan, traceable to its source clause, held against
 * nation and parent.
 */
export const GET: APIRoute = () => csvResponse(indicatorsTableCsv('en'));

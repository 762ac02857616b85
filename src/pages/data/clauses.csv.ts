import type { APIRoute } from 'astro';
import { csvResponse, tableCsv } from '../../site/downloads';

/** `/data/clauses.csv`: one row per clause with its plan, its departments by role and its permalink. */
export const GET: APIRoute = () => csvResponse(tableCsv('clauses', 'en'));

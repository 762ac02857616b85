import type { APIRoute } from 'astro';
import { csvResponse, tableCsv } from '../../site/downloads';

/** `/data/departments.csv`: one row per department entity with its plan and its clause counts by role. */
export const GET: APIRoute = () => csvResponse(tableCsv('departments', 'en'));

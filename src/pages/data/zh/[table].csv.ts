import type { APIRoute, GetStaticPaths } from 'astro';
import { csvResponse, TABLES, tableCsv, type TableName } from '../../../site/downloads';

export const getStaticPaths = (() => TABLES.map((table) => ({ params: { table } }))) satisfies GetStaticPaths;

/** `/data/zh/<table>.csv`: the table with Chinese headers and values in words, for Excel and WPS. */
export const GET: APIRoute = ({ params }) => csvResponse(tableCsv(params['table'] as TableName, 'zh'));

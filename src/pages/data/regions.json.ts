import type { APIRoute } from 'astro';
import { regionProvinces } from '../../site/picker';

/**
 * `/data/regions.json`: every region holding a plan, by slug, with its province's slug — how an indicator
 * page opened on a shared `?region=<prefecture or county>` finds the province file of its picker data. It
 * names no plan and serves every indicator.
 */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(regionProvinces()), { headers: { 'Content-Type': 'application/json' } });

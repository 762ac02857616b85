import type { APIRoute, GetStaticPaths } from 'astro';
import { atlas } from '../../../site/corpus';
import { seedBytes } from '../../../site/seeds';

/** `/data/seeds/<plan>.txt`: the seed a plan page was built from, byte for byte, in its own encoding. */
export const getStaticPaths: GetStaticPaths = () =>
  atlas().plans.map((plan) => ({ params: { plan: plan.id }, props: { source: plan.source } }));

export const GET: APIRoute = ({ props }) => {
  const source = (props as { source: string }).source;
  // No charset: a seed may be GB18030 or UTF-16 as published; the static host serves the file as it is.
  return new Response(new Uint8Array(seedBytes({ source })), { headers: { 'Content-Type': 'text/plain' } });
};

import type { APIRoute, GetStaticPaths } from 'astro';
import { atlas } from '../../../site/atlas';
import { seedBytes, seedCharset } from '../../../site/seeds';

/** `/data/seeds/<plan>.txt`: the seed a plan page was built from, byte for byte, in its own encoding. */
export const getStaticPaths: GetStaticPaths = () =>
  atlas().plans.map((plan) => ({ params: { plan: plan.id }, props: { source: plan.source } }));

export const GET: APIRoute = ({ props }) => {
  const source = (props as { source: string }).source;
  const bytes = seedBytes({ source });
  return new Response(new Uint8Array(bytes), {
    headers: { 'Content-Type': `text/plain; charset=${seedCharset(bytes, source)}` },
  });
};

// The entry of the ingest's second thread. Its code is TypeScript (./ingest-worker.ts) and a worker thread does
// not inherit the parent's module loader (Vite's under Astro), so it is loaded through tsx's API here, as
// ../integrations/data-downloads-worker.mjs does.
import { tsImport } from 'tsx/esm/api';

await tsImport('./ingest-worker.ts', import.meta.url);

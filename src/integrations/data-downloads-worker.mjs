// The entry of the data downloads' worker thread. The worker's code is TypeScript (./data-downloads-worker.ts)
// and a worker thread does not inherit the parent's module loader (Vite's under Astro), so it is loaded
// through tsx's API here, as ./search-worker.mjs does.
import { tsImport } from 'tsx/esm/api';

await tsImport('./data-downloads-worker.ts', import.meta.url);

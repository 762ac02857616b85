// The entry of the department forwards' worker thread. Its code is TypeScript (./department-forwards-worker.ts)
// and a worker thread does not inherit the parent's module loader (Vite's under Astro), so it is loaded through
// tsx's API here, as ./data-downloads-worker.mjs does.
import { tsImport } from 'tsx/esm/api';

await tsImport('./department-forwards-worker.ts', import.meta.url);

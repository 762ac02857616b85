// The entry of an indexing worker thread. The worker's code is TypeScript (./search-worker.ts) and a worker
// thread does not inherit the parent's module loader (Vite's, or tsx's under `npm run build`), so it is
// loaded through tsx's API here.
import { tsImport } from 'tsx/esm/api';

await tsImport('./search-worker.ts', import.meta.url);

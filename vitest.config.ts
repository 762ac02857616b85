import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Whole-corpus tests (every seed × every variant) take seconds on a loaded 2-core machine; the default
    // 5 s limit turned load into failures. Speed is measured by `npm run bench`, never asserted here.
    testTimeout: 60_000,
    // Golden files are reviewed by people: with CI=true vitest never writes a missing or changed snapshot,
    // so CI fails instead. Locally, `npx vitest run -u` rewrites them for review in the diff.
    include: [
      'tests/unit/**/*.test.ts',
      'tests/golden/**/*.test.ts',
      'tests/architecture/**/*.test.ts',
      'tests/adversarial/**/*.test.ts',
    ],
  },
});

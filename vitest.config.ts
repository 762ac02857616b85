import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
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

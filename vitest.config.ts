import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/golden/**/*.test.ts'],
    // Golden files are reviewed by people: CI must fail on a mismatch, never rewrite them.
    update: false,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: keep browser and server tests from starving each other.
    maxWorkers: 2,
    // Browser tests share two cores with everything else; a test that really fails fails three times.
    retry: 2,
  },
});

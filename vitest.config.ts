import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
    // botbuilder prints every malformed request it refuses (400) to the console; the fuzz test sends thousands.
    onConsoleLog: (log) => (log.includes('BadRequest: Missing activity or activity type') ? false : undefined),
  },
});

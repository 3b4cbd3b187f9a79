import { defineConfig } from 'vitest/config';

/**
 * `npm run test:unit`: the fast tests only, no Azurite, no bot, no HTTP: every feature's domain (`test/<feature>/
 * domain/`), the router's rules (`*.unit.test.ts`), forms, the calendar, reference data and the personal-data guard.
 * `npm test` runs these and everything else. test/structure/ checks that these files need nothing slow.
 */
export const UNIT_TESTS = [
  'test/*/domain/**/*.test.ts',
  'test/**/*.unit.test.ts',
  'test/forms/**/*.test.ts',
  'test/calendar/**/*.test.ts',
  'test/reference-data/**/*.test.ts',
  'test/personal-data/**/*.test.ts',
  'test/structure/**/*.test.ts',
];
export const NOT_UNIT = ['test/personal-data/pasted-into-the-bot.test.ts'];

export default defineConfig({
  test: { include: UNIT_TESTS, exclude: NOT_UNIT, pool: 'threads' },
});

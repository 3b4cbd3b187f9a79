import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';

/** Connection string of the Azurite started by test/global-setup.ts. */
export function azuriteConnectionString(): string {
  return inject('azuriteConnectionString');
}

/** A table prefix no other test uses, so each test gets its own tables. */
export function uniquePrefix(): string {
  return `t${randomBytes(5).toString('hex')}`;
}

import { createHash, timingSafeEqual } from 'node:crypto';

export type SecretCheck = 'ok' | 'disabled' | 'refused';

/**
 * Compares the caller's secret with JOBS_SECRET in constant time (both hashed first, so lengths do not leak).
 * With no JOBS_SECRET configured the job endpoint is disabled.
 */
export function checkJobSecret(configured: string | undefined, given: string | undefined): SecretCheck {
  if (!configured) return 'disabled';
  if (!given) return 'refused';
  const a = createHash('sha256').update(configured).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b) ? 'ok' : 'refused';
}

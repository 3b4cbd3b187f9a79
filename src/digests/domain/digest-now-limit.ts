import type { OutgoingMessage } from '../../bot/turn.js';
import { formatUkDate, formatUkDateTime } from '../../calendar/format-uk-date.js';

/** A fresh `digest now` at most this often per person, and per place (a channel, or a person's own chat). */
export const DIGEST_NOW_EVERY_MS = 5 * 60_000;
/** A digest still being put together after this long was abandoned (its turn failed): another may start. */
export const DIGEST_NOW_COMPUTING_MS = 60_000;

/**
 * The last `digest now` put together in a place (`message` and what it was for, `key`), or by a person (`at` only).
 * `computingSince`: one is being put together right now. Stored, so the limit holds across instances and restarts.
 */
export interface LastDigest {
  readonly at?: string;
  readonly computingSince?: string;
  readonly key?: string;
  readonly message?: OutgoingMessage;
}

export type DigestNowDecision =
  | { readonly kind: 'reuse'; readonly message: OutgoingMessage; readonly at: Date; readonly freshFrom: Date }
  | { readonly kind: 'in-progress' }
  | { readonly kind: 'wait'; readonly at: Date; readonly freshFrom: Date }
  | { readonly kind: 'compute' };

const since = (iso: string | undefined, now: Date) =>
  iso === undefined || Number.isNaN(Date.parse(iso)) ? Number.POSITIVE_INFINITY : now.getTime() - Date.parse(iso);

/**
 * Whether `digest now` puts a fresh digest together: not when this place has one for the same period and
 * directorate from the last five minutes (it is shown again), nor while one is being put together here, nor when this
 * person had a fresh one put together in the last five minutes anywhere (they are told when they can ask again).
 */
export function decideDigestNow(
  place: LastDigest | undefined,
  person: LastDigest | undefined,
  key: string,
  now: Date,
): DigestNowDecision {
  if (place?.message && place.key === key && place.at && since(place.at, now) < DIGEST_NOW_EVERY_MS) {
    const at = new Date(place.at);
    return { kind: 'reuse', message: place.message, at, freshFrom: new Date(at.getTime() + DIGEST_NOW_EVERY_MS) };
  }
  if (since(place?.computingSince, now) < DIGEST_NOW_COMPUTING_MS) return { kind: 'in-progress' };
  if (person?.at && since(person.at, now) < DIGEST_NOW_EVERY_MS) {
    const at = new Date(person.at);
    return { kind: 'wait', at, freshFrom: new Date(at.getTime() + DIGEST_NOW_EVERY_MS) };
  }
  return { kind: 'compute' };
}

/** The UK time of `instant` ("10:07 GMT"), with its UK date first when it is not the day of `now`. */
function timeOf(instant: Date, now: Date): string {
  const full = formatUkDateTime(instant);
  const date = formatUkDate(instant);
  return date === formatUkDate(now) ? full.slice(date.length + ' at '.length) : full;
}

/** "at 10:02 GMT" today, "on Monday 23 November 2026 at 23:58 GMT" another day. */
const at = (instant: Date, now: Date) =>
  formatUkDate(instant) === formatUkDate(now) ? `at ${timeOf(instant, now)}` : `on ${timeOf(instant, now)}`;

/** What the person is told instead of a fresh digest. */
export function digestNowNotice(decision: Exclude<DigestNowDecision, { kind: 'compute' }>, now: Date): string {
  switch (decision.kind) {
    case 'reuse':
      return `This is the digest put together here ${at(decision.at, now)}, shown again: a fresh one can be asked for from ${timeOf(decision.freshFrom, now)}.`;
    case 'in-progress':
      return 'A digest for here is being put together right now: it will appear in a moment.';
    case 'wait':
      return `You asked for a fresh digest ${at(decision.at, now)}. You can ask for another from ${timeOf(decision.freshFrom, now)}; in a channel, digest now shows the one put together there in the last five minutes.`;
  }
}

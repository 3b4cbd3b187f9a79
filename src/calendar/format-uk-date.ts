const TIME_ZONE = 'Europe/London';

const DATE = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

const TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The one date style on every card and message: "Tuesday 12 January 2027", in UK time (an instant late on a
 * summer evening in UTC is already the next day in London).
 */
export function formatUkDate(instant: Date): string {
  return DATE.format(instant).replace(',', '');
}

/** A calendar date stored as 'YYYY-MM-DD' in the one style ("Tuesday 12 January 2027"); anything else as it is. */
export function formatUkDateKey(dateKey: string): string {
  const match = DATE_KEY.exec(dateKey);
  if (!match) return dateKey;
  const noon = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
  return Number.isNaN(noon.getTime()) ? dateKey : formatUkDate(noon);
}

/** A moment in UK time with its zone: "Tuesday 12 January 2027 at 14:05 GMT" (BST in summer). */
export function formatUkDateTime(instant: Date): string {
  const time = TIME.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => time.find((p) => p.type === type)?.value ?? '';
  const zone = part('timeZoneName') === 'GMT+1' ? 'BST' : part('timeZoneName') || 'GMT';
  return `${formatUkDate(instant)} at ${part('hour')}:${part('minute')} ${zone}`;
}

/** An ISO instant as stored ('2027-01-12T14:05:00.000Z') in the one style; anything unreadable as it is. */
export function formatUkStamp(iso: string, withTime = false): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  return withTime ? formatUkDateTime(instant) : formatUkDate(instant);
}

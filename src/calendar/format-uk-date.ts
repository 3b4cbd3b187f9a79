const FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "Monday 4 January 2027" in UK time. */
export function formatUkDate(instant: Date): string {
  return FORMAT.format(instant).replace(',', '');
}

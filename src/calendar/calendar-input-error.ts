/**
 * Raised when a date, period or working-hours value from a user cannot be used. The message is plain English and
 * safe to show to the user as it is.
 */
export class CalendarInputError extends Error {
  readonly code = 'calendar_input';

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CalendarInputError';
  }
}

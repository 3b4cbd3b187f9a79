import type { WorkingHours } from '../../calendar/working-hours.js';

/** How nudges repeat: NUDGE_CADENCE_DAYS, WORKING_HOURS, FOLLOW_UP_AFTER_WORKING_DAYS, MAX_FOLLOW_UPS. */
export interface NudgeSettings {
  readonly cadenceDays: number;
  readonly workingHours: WorkingHours;
  readonly followUpAfterWorkingDays: number;
  readonly maxFollowUps: number;
}

import type { WorkingHours } from '../../calendar/working-hours.js';

/** How nudges repeat: NUDGE_CADENCE_DAYS, WORKING_HOURS, FOLLOW_UP_AFTER_WORKING_DAYS, MAX_FOLLOW_UPS. */
export interface NudgeSettings {
  readonly cadenceDays: number;
  readonly workingHours: WorkingHours;
  readonly followUpAfterWorkingDays: number;
  readonly maxFollowUps: number;
}

const MIN_DAYS = 7;
const MAX_DAYS = 365;

/** Days from "6 weeks", "42 days", "every 8 weeks", between one week and a year; undefined otherwise. */
export function readCadence(text: string): number | undefined {
  const match = /^(?:every\s+)?(\d{1,3})\s*(week|weeks|day|days)$/i.exec(text.trim());
  if (!match) return undefined;
  const n = Number(match[1]);
  const days = match[2]?.toLowerCase().startsWith('week') ? n * 7 : n;
  return days >= MIN_DAYS && days <= MAX_DAYS ? days : undefined;
}

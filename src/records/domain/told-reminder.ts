import { followUpDue } from '../../calendar/due-date.js';
import type { WorkingHours } from '../../calendar/working-hours.js';
import type { DueWork } from '../../delivery/due-work.js';
import type { FormSpec } from '../../forms/form-field.js';
import { monthOf, type RecordDoc } from './record-doc.js';
import { toldFields } from './record-kinds.js';

/** The records feature's delivery job, and the one reminder it sends. */
export const REMINDERS_JOB = 'reminders';
export const TOLD_REMINDER = 'told-participants';

/** "A few working days" after sign-off: the author is reminded once if participants were not told by then. */
export const TOLD_REMINDER_WORKING_DAYS = 5;

/**
 * The reminder for an item signed off at `approvedAt`: its target is where the item is (month and id), its cycle the
 * sign-off, so an item changed and signed off again gets its own (one) reminder.
 */
export function toldReminderWork(doc: Pick<RecordDoc, 'date' | 'id'>, approvedAt: Date, hours: WorkingHours): DueWork {
  return {
    kind: TOLD_REMINDER,
    targetId: `${monthOf(doc.date)}~${doc.id}`,
    cycle: approvedAt.toISOString(),
    dueAt: followUpDue(approvedAt, TOLD_REMINDER_WORKING_DAYS, hours).toISOString(),
  };
}

/** Where the reminder's item is stored. */
export function reminderKey(work: DueWork): { kind: 'yswd'; month: string; id: string } | undefined {
  const [month, id] = work.targetId.split('~');
  return month && id && /^\d{4}-\d{2}$/.test(month) ? { kind: 'yswd', month, id } : undefined;
}

/** Still worth sending: the item is still the one signed off then, and participants are not recorded as told. */
export function reminderStillDue(doc: RecordDoc | undefined, work: DueWork): boolean {
  return Boolean(
    doc &&
      doc.approval?.status === 'approved' &&
      doc.approval.at === work.cycle &&
      doc.values.participantsTold !== true,
  );
}

/** The reminder's form: how and when participants were told (saying so is the button). */
export const TOLD_FORM: FormSpec = {
  fields: toldFields.filter((f) => f.key !== 'participantsTold').map((f) => ({ ...f, required: true })),
};

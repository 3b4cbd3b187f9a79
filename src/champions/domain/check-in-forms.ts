import type { SnoozeOption } from '../../calendar/due-date.js';
import type { FormField, FormSpec, FormValues } from '../../forms/form-field.js';
import { CHECK_IN_FIELDS } from '../../records/domain/check-in-record.js';
import type { CycleAnswer } from './nudge-cycle.js';

/**
 * The check-in card's answers, as forms (its inputs are rendered and read from these). The question is the toolkit's:
 * "Were patients involved in this work? And if not, why not?".
 */
export const CHAMPION_QUESTION = 'Were patients involved in this work? And if not, why not?';

/** "Log involvement": an engagement record with its category of engagement. */
export const INVOLVEMENT_FORM: FormSpec = { fields: CHECK_IN_FIELDS };

/** "Work went ahead without patients": why not (the challenges the champions' catch-up and the Board report show). */
export const WITHOUT_PATIENTS_FORM: FormSpec = {
  fields: [
    {
      key: 'whyNot',
      label: 'Why were patients not involved?',
      hint: 'The reasons are shared at the champions’ catch-up and in the Board report. No names or personal details.',
      kind: 'longtext',
      required: true,
      maxLength: 1000,
    },
  ],
};

/** On the card itself, sent with every answer: an idea for the champions' six-weekly catch-up. */
export const IDEA_FIELD: FormField = {
  key: 'idea',
  label: 'An idea to share at the champions’ catch-up (optional)',
  kind: 'longtext',
  required: false,
  maxLength: 500,
};
export const IDEA_FORM: FormSpec = { fields: [IDEA_FIELD] };

export const SNOOZE_FORM: FormSpec = {
  // The card's two Snooze buttons send `snooze` ("In a week" or "On a date…"); only the date is an input.
  fields: [
    {
      key: 'snooze',
      label: 'Ask me again',
      kind: 'choice',
      expanded: true,
      required: false,
      choices: [
        { id: 'week', label: 'In a week' },
        { id: 'date', label: 'On a date' },
      ],
    },
    { key: 'until', label: 'Date to ask again', kind: 'date', required: (answers) => answers.snooze === 'date' },
  ],
};

/** Every input of the check-in card, for showing what was typed again after a failed check. */
export const CHECK_IN_FORM: FormSpec = {
  fields: [...INVOLVEMENT_FORM.fields, ...WITHOUT_PATIENTS_FORM.fields, ...SNOOZE_FORM.fields, IDEA_FIELD],
};

const text = (v: FormValues[string]) => (typeof v === 'string' ? v : '');
const withIdea = (idea: FormValues) => (text(idea.idea) ? { idea: text(idea.idea) } : {});

/** "Log involvement" (the engagement record is made from the same values). */
export function involvementOf(_values: FormValues, idea: FormValues): CycleAnswer {
  return { kind: 'involvement', ...withIdea(idea) };
}

/** "No relevant work this time": an answer, not an opt-out. */
export function noRelevantWorkOf(_values: FormValues, idea: FormValues): CycleAnswer {
  return { kind: 'no-relevant-work', ...withIdea(idea) };
}

/** "Work went ahead without patients", with why not (WITHOUT_PATIENTS_FORM). */
export function withoutPatientsOf(values: FormValues, idea: FormValues): CycleAnswer {
  return { kind: 'without-patients', whyNot: text(values.whyNot), ...withIdea(idea) };
}

/** "Snooze": a week unless a date was chosen (SNOOZE_FORM); the date is checked against the calendar later. */
export function snoozeOf(values: FormValues, idea: FormValues): CycleAnswer {
  const option: SnoozeOption =
    values.snooze === 'date' ? { kind: 'date', dateKey: text(values.until) } : { kind: 'week' };
  return { kind: 'snoozed', option, ...withIdea(idea) };
}

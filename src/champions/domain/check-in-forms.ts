import type { SnoozeOption } from '../../calendar/due-date.js';
import { londonDateKey } from '../../calendar/london-time.js';
import type { FormSpec, FormValues } from '../../forms/form-field.js';
import { referenceData } from '../../reference-data/reference-data.js';
import type { Champion } from './champion.js';
import type { NudgeCardRef } from './check-in-ref.js';
import type { ChampionInvolvement } from './involvement.js';
import type { CycleAnswer } from './nudge-cycle.js';

/** The check-in card's three answers (seed 004 Appendix 7), as forms: its inputs are rendered and read from these. */

export const INVOLVEMENT_FORM: FormSpec = {
  fields: [
    { key: 'project', label: 'Which project or piece of work?', kind: 'text', required: true, maxLength: 200 },
    {
      key: 'shaped',
      label: 'What did patients, carers or communities shape?',
      kind: 'longtext',
      required: true,
      maxLength: 2000,
      hint: 'No names or personal details.',
    },
    {
      key: 'rung',
      label: 'How involved were they, on the ladder of engagement?',
      kind: 'choice',
      required: true,
      choices: referenceData.ladderRungs,
    },
    { key: 'people', label: 'About how many people took part?', kind: 'number', required: true, min: 0, max: 100_000 },
  ],
};

export const NOTHING_TO_REPORT_FORM: FormSpec = {
  fields: [{ key: 'whyNot', label: 'If not, why not?', kind: 'longtext', required: true, maxLength: 1000 }],
};

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
  fields: [...INVOLVEMENT_FORM.fields, ...NOTHING_TO_REPORT_FORM.fields, ...SNOOZE_FORM.fields],
};

export interface InvolvementAnswer {
  readonly project: string;
  readonly shaped: string;
  readonly rungId: string;
  readonly peopleCount: number;
}

const text = (v: FormValues[string]) => (typeof v === 'string' ? v : '');

/** "Log involvement", from the values of INVOLVEMENT_FORM (all required, so all present). */
export function involvementOf(values: FormValues): InvolvementAnswer {
  return {
    project: text(values.project),
    shaped: text(values.shaped),
    rungId: text(values.rung),
    peopleCount: typeof values.people === 'number' ? values.people : 0,
  };
}

/** "Nothing to report", with the reason (NOTHING_TO_REPORT_FORM). */
export function nothingToReportOf(values: FormValues): CycleAnswer {
  return { kind: 'nothing-to-report', whyNot: text(values.whyNot) };
}

/** "Snooze": a week unless a date was chosen (SNOOZE_FORM); the date is checked against the calendar later. */
export function snoozeOf(values: FormValues): CycleAnswer {
  const option: SnoozeOption =
    values.snooze === 'date' ? { kind: 'date', dateKey: text(values.until) } : { kind: 'week' };
  return { kind: 'snoozed', option };
}

/**
 * The engagement record a "Log involvement" answer makes: its id is the champion and cycle, so answering twice (a
 * double click, a retry) keeps one record. Dated the London day it was given.
 */
export function involvementEntry(
  ref: NudgeCardRef,
  champion: Champion,
  given: InvolvementAnswer,
  by: { readonly id: string; readonly name: string },
  now: Date,
): ChampionInvolvement {
  return {
    id: `champion~${ref.championId}~${ref.cycle}`,
    directorate: champion.directorate,
    projectName: given.project,
    whatPatientsShaped: given.shaped,
    rungId: given.rungId,
    peopleCount: given.peopleCount,
    activityDate: londonDateKey(now),
    recordedBy: { id: by.id, name: by.name },
    recordedAt: now.toISOString(),
  };
}

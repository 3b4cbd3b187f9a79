import type { FormError, FormField, FormSpec, FormValues } from '../../forms/form-field.js';
import { type Choice, findChoice, referenceData } from '../../reference-data/reference-data.js';
import type { RecordKind } from './record-doc.js';

const PIR_REFERENCE = /^PIR-\d{4}-\d{4}$/i;
const LONG = 2000;

export const YSWD_OUTCOMES: readonly Choice[] = [
  { id: 'we-did', label: 'We did something about it' },
  { id: 'could-not-change', label: 'It could not be changed' },
];
export const YSWD_STATUSES: readonly Choice[] = [
  { id: 'planned', label: 'Planned' },
  { id: 'in-progress', label: 'In progress' },
  { id: 'done', label: 'Done' },
];

const dateField = (label: string): FormField => ({ key: 'date', label, kind: 'date', required: true });
const directorateField = (list: readonly Choice[]): FormField => ({
  key: 'directorate',
  label: 'Directorate',
  kind: 'choice',
  required: true,
  choices: list,
});
const projectFields: readonly FormField[] = [
  { key: 'project', label: 'Project or piece of work', kind: 'text', required: false, maxLength: 150 },
  {
    key: 'pirReference',
    label: 'Patient Involvement Request reference, if any (e.g. PIR-2026-0001)',
    kind: 'text',
    required: false,
    maxLength: 20,
  },
];

/**
 * Whether the people involved were told what happened, how and when (seed 000 §7.2, §11.4: feedback to participants is
 * a condition of any engagement). On engagement records and "You said, we did" items; changing only these on a
 * signed-off item does not send it back for sign-off.
 */
export const TOLD_KEYS = ['participantsTold', 'toldHow', 'toldOn'] as const;
const toldNow = (answers: FormValues) => answers.participantsTold === true;
export const toldFields: readonly FormField[] = [
  {
    key: 'participantsTold',
    label: 'The people involved have been told what happened',
    kind: 'toggle',
    required: false,
  },
  { key: 'toldHow', label: 'How were they told?', kind: 'text', required: toldNow, minLength: 3, maxLength: 300 },
  { key: 'toldOn', label: 'When were they told?', kind: 'date', required: toldNow },
];

function engagementFields(directorates: readonly Choice[], category: string | undefined): FormField[] {
  const questions = findChoice(referenceData.engagementCategories, category ?? '')?.followUpQuestions ?? [];
  return [
    directorateField(directorates),
    dateField('When did it happen?'),
    {
      key: 'activity',
      label: 'Type of activity',
      kind: 'choice',
      required: true,
      choices: referenceData.engagementActivities,
    },
    { key: 'people', label: 'Number of people reached', kind: 'number', required: true, min: 0, max: 100_000 },
    ...questions.map(
      (q, i): FormField => ({ key: `fu${i}`, label: q, kind: 'longtext', required: i === 0, maxLength: LONG }),
    ),
    ...toldFields,
    ...projectFields,
  ];
}

const countField = (key: string, label: string): FormField => ({
  key,
  label,
  kind: 'number',
  required: false,
  min: 0,
  max: 100_000,
});

function feedbackFields(directorates: readonly Choice[]): FormField[] {
  return [
    directorateField(directorates),
    dateField('Date of the activity'),
    { key: 'activityName', label: 'Which activity or event?', kind: 'text', required: true, maxLength: 150 },
    {
      key: 'responses',
      label: 'Number of feedback forms returned',
      kind: 'number',
      required: true,
      min: 1,
      max: 100_000,
    },
    {
      key: 'valued',
      label: 'Average score: how valued did people feel? (1–10)',
      kind: 'number',
      required: true,
      min: 1,
      max: 10,
      decimals: true,
    },
    {
      key: 'impact',
      label: 'Average score: how much impact do people think they had? (1–10)',
      kind: 'number',
      required: true,
      min: 1,
      max: 10,
      decimals: true,
    },
    countField('viewsYes', 'Felt able to express all their views: yes (count)'),
    countField('viewsNo', 'Felt able to express all their views: no (count)'),
    countField('againYes', 'Would take part again: yes (count)'),
    countField('againNo', 'Would take part again: no (count)'),
    ...referenceData.feedbackHowHeard.map((h) => countField(`heard-${h.id}`, `Heard about it: ${h.label} (count)`)),
    ...projectFields,
  ];
}

function yswdFields(directorates: readonly Choice[]): FormField[] {
  return [
    directorateField(directorates),
    {
      key: 'youSaid',
      label: 'You said: what patients, carers or the public told us',
      kind: 'longtext',
      required: true,
      maxLength: 1000,
    },
    { key: 'outcome', label: 'What happened', kind: 'choice', required: true, choices: YSWD_OUTCOMES },
    {
      key: 'weDid',
      label: 'We did: what changed',
      kind: 'longtext',
      required: false,
      requiredNote: 'if we did something about it',
      maxLength: 1000,
    },
    {
      key: 'whyNot',
      label: 'Or: why it could not be changed',
      kind: 'longtext',
      required: false,
      requiredNote: 'if it could not be changed',
      maxLength: 1000,
    },
    { key: 'status', label: 'Status', kind: 'choice', required: true, choices: YSWD_STATUSES },
    dateField('Date decided or done'),
    {
      key: 'joint',
      label: '“We said, we did”: the decision was made jointly with patients',
      kind: 'toggle',
      required: false,
    },
    ...toldFields,
    ...projectFields,
  ];
}

/** The questions of each kind of record, with the directorates as they are now. */
export function recordFields(kind: RecordKind, directorates: readonly Choice[], category?: string): FormField[] {
  switch (kind) {
    case 'engagement':
      return engagementFields(directorates, category);
    case 'feedback':
      return feedbackFields(directorates);
    case 'yswd':
      return yswdFields(directorates);
  }
}

/**
 * The form of each kind of record, with the directorates as they are now. Engagement records depend on the
 * category chosen first; dates after `today` (London) are refused.
 */
export function recordForm(
  kind: RecordKind,
  directorates: readonly Choice[],
  options: { readonly category?: string | undefined; readonly today: string },
): FormSpec {
  return {
    fields: recordFields(kind, directorates, options.category),
    check: (v) => crossCheck(kind, v, options.today),
  };
}

const num = (v: FormValues[string]) => (typeof v === 'number' ? v : 0);

/** Rules across fields, over the values that passed on their own (each rule looks only at values present). */
export function crossCheck(kind: RecordKind, values: FormValues, today: string): FormError[] {
  const errors: FormError[] = [];
  const date = values.date;
  if (typeof date === 'string' && date > today) {
    errors.push({ key: 'date', message: 'This date is in the future: record things once they have happened.' });
  }
  if (typeof values.toldOn === 'string' && values.toldOn > today) {
    errors.push({ key: 'toldOn', message: 'This date is in the future: record it once they have been told.' });
  }
  const ref = values.pirReference;
  if (typeof ref === 'string' && !PIR_REFERENCE.test(ref)) {
    errors.push({ key: 'pirReference', message: 'A request reference looks like PIR-2026-0001.' });
  }
  if (kind === 'yswd') {
    if (values.outcome === 'we-did' && !values.weDid) errors.push({ key: 'weDid', message: 'Please say what we did.' });
    if (values.outcome === 'could-not-change' && !values.whyNot) {
      errors.push({ key: 'whyNot', message: 'Please say why it could not be changed.' });
    }
  }
  if (kind === 'feedback' && typeof values.responses === 'number') {
    const responses = values.responses;
    for (const [a, b, label] of [
      ['viewsYes', 'viewsNo', 'expressed their views'],
      ['againYes', 'againNo', 'would take part again'],
    ] as const) {
      if (num(values[a]) + num(values[b]) > responses) {
        errors.push({ key: a, message: `The “${label}” counts add up to more than the ${responses} forms returned.` });
      }
    }
  }
  return errors;
}

export const KIND_NAMES: Readonly<Record<RecordKind, string>> = {
  engagement: 'Engagement record',
  feedback: 'Feedback survey results',
  yswd: '“You said, we did”',
};

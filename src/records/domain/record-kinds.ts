import type { FormError, FormField, FormSpec, FormValues } from '../../forms/form-field.js';
import {
  type Choice,
  type EngagementCategory,
  findChoice,
  referenceData,
  surveyQuestion,
} from '../../reference-data/reference-data.js';
import { CHECK_IN_FIELDS } from './check-in-record.js';
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

/** The lists a record form offers, as they are now. */
export interface RecordLists {
  readonly directorates: readonly Choice[];
  /** Common answers to "How did you hear about today's engagement activity?" (feedback survey results). */
  readonly howHeard: readonly Choice[];
}

/** Which form an engagement record has: the engagement log's, or the one a champion's check-in filled in. */
export type RecordSource = 'log' | 'check-in';

const dateField = (label: string): FormField => ({ key: 'date', label, kind: 'date', required: true });
const directorateField = (list: readonly Choice[]): FormField => ({
  key: 'directorate',
  label: 'Directorate',
  kind: 'choice',
  required: true,
  choices: list,
});
const PIR_FIELD: FormField = {
  key: 'pirReference',
  label: 'Patient Involvement Request reference, if any (e.g. PIR-2026-0001)',
  kind: 'text',
  required: false,
  maxLength: 20,
};
const projectFields: readonly FormField[] = [
  { key: 'project', label: 'Project or piece of work', kind: 'text', required: false, maxLength: 150 },
  PIR_FIELD,
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

/** The value of the "Other" option of an activity question. */
export const OTHER = 'other';

/** The activity question of a category: its own options (with "Other: what?"), or the open question it asks. */
function activityFields(category: EngagementCategory): FormField[] {
  if (!category.activityOptions) {
    return [
      {
        key: 'activityDescription',
        label: category.activityQuestion,
        kind: 'longtext',
        required: true,
        minLength: 3,
        maxLength: LONG,
      },
    ];
  }
  return [
    {
      key: 'activity',
      label: category.activityQuestion,
      kind: 'choice',
      expanded: true,
      required: true,
      choices: category.activityOptions,
    },
    {
      key: 'activityOther',
      label: 'If other, what was it?',
      kind: 'text',
      required: (answers) => answers.activity === OTHER,
      maxLength: 150,
    },
  ];
}

/** The engagement log for one category: its activity question, its one people count, and its feedback question. */
function engagementFields(directorates: readonly Choice[], category: EngagementCategory | undefined): FormField[] {
  if (!category) return [directorateField(directorates), dateField('When did it happen?'), ...projectFields];
  return [
    directorateField(directorates),
    dateField('When did it happen?'),
    ...activityFields(category),
    { key: 'people', label: category.peopleQuestion, kind: 'number', required: true, min: 0, max: 100_000 },
    ...(category.feedbackQuestion
      ? [
          {
            key: 'collated',
            label: category.feedbackQuestion,
            kind: 'longtext',
            required: false,
            maxLength: LONG,
          } as const,
        ]
      : []),
    ...toldFields,
    ...projectFields,
  ];
}

/** A champion's logged involvement, as its author edits it: the check-in's questions with the date and directorate. */
function checkInFields(directorates: readonly Choice[]): FormField[] {
  return [
    directorateField(directorates),
    dateField('When did it happen?'),
    ...CHECK_IN_FIELDS,
    ...toldFields,
    PIR_FIELD,
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

const section = (key: string, label: string, hint?: string): FormField => ({
  key,
  label,
  kind: 'section',
  required: false,
  ...(hint ? { hint } : {}),
});

/** The 1 to 10 scores of a scale question, one count each: `valued-1` … `valued-10`. */
export function scoreKeys(question: 'valued' | 'impact'): string[] {
  return Array.from({ length: 10 }, (_, i) => `${question}-${i + 1}`);
}

function scaleFields(question: 'valued' | 'impact'): FormField[] {
  const q = surveyQuestion(question);
  return [
    section(`${question}Question`, q.label, 'How many forms gave each score (leave a score empty when none did).'),
    ...scoreKeys(question).map((key, i) => {
      const end = i === 0 ? ` (${q.low})` : i === 9 ? ` (${q.high})` : '';
      return countField(key, `${i + 1}${end}`);
    }),
  ];
}

/** The collated answers of the participant feedback survey: its five questions, as the toolkit asks them. */
function feedbackFields(lists: RecordLists): FormField[] {
  return [
    directorateField(lists.directorates),
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
    section('howHeardQuestion', surveyQuestion('how-heard').label, 'How many forms gave each common answer.'),
    ...lists.howHeard.map((h) => countField(`heard-${h.id}`, h.label)),
    {
      key: 'heardOther',
      label: 'Other answers, as people gave them',
      kind: 'longtext',
      required: false,
      maxLength: LONG,
    },
    section('viewsQuestion', surveyQuestion('views').label, 'How many forms answered yes, and how many no.'),
    countField('viewsYes', 'Yes'),
    countField('viewsNo', 'No'),
    ...scaleFields('valued'),
    ...scaleFields('impact'),
    section('againQuestion', surveyQuestion('take-part-again').label, 'How many forms answered yes, and how many no.'),
    countField('againYes', 'Yes'),
    countField('againNo', 'No'),
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

/** Which form a record has. */
export interface RecordFormKey {
  readonly kind: RecordKind;
  readonly category?: string | undefined;
  readonly source?: RecordSource | undefined;
}

/** The questions of each kind of record, with the Trust's lists as they are now. */
export function recordFields(key: RecordFormKey, lists: RecordLists): FormField[] {
  switch (key.kind) {
    case 'engagement':
      return key.source === 'check-in'
        ? checkInFields(lists.directorates)
        : engagementFields(lists.directorates, findChoice(referenceData.engagementCategories, key.category ?? ''));
    case 'feedback':
      return feedbackFields(lists);
    case 'yswd':
      return yswdFields(lists.directorates);
  }
}

/**
 * The form of each kind of record, with the Trust's lists as they are now. Engagement records depend on the
 * category chosen first; dates after `today` (London) are refused.
 */
export function recordForm(key: RecordFormKey, lists: RecordLists, options: { readonly today: string }): FormSpec {
  return {
    fields: recordFields(key, lists),
    check: (v) => crossCheck(key.kind, v, options.today),
  };
}

const num = (v: FormValues[string]) => (typeof v === 'number' ? v : 0);
const sum = (values: FormValues, keys: readonly string[]) => keys.reduce((s, k) => s + num(values[k]), 0);

/** The feedback counts that cannot add up to more than the forms returned, with the question they answer. */
const COUNTED: readonly { readonly key: string; readonly keys: readonly string[]; readonly question: string }[] = [
  { key: 'viewsYes', keys: ['viewsYes', 'viewsNo'], question: 'views' },
  { key: 'valued-1', keys: scoreKeys('valued'), question: 'valued' },
  { key: 'impact-1', keys: scoreKeys('impact'), question: 'impact' },
  { key: 'againYes', keys: ['againYes', 'againNo'], question: 'take-part-again' },
];

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
    for (const counted of COUNTED) {
      if (sum(values, counted.keys) > responses) {
        const question = surveyQuestion(counted.question).label;
        errors.push({
          key: counted.key,
          message: `The answers to “${question}” add up to more than the ${responses} forms returned.`,
        });
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

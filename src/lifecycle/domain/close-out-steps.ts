import type { FormField, FormSpec, FormValues } from '../../forms/form-field.js';
import { type Choice, referenceData, rungChoices } from '../../reference-data/reference-data.js';
import type { CloseOutStepId } from './project.js';

/**
 * The close-out, one step per card: the GRIPP2 short form (aim, methods, outcomes, influence, reflections) plus what
 * the Trust needs (how many took part and which groups, the rung actually reached, whether participants were told and
 * its "You said, we did" items). Seed 002 Appendix 1, "Finishing properly – evaluating engagement", asks the same.
 */
export interface CloseOutStep {
  readonly id: CloseOutStepId;
  readonly title: string;
  readonly hint: string;
}

export const CLOSE_OUT_STEPS: readonly CloseOutStep[] = [
  {
    id: 'aim',
    title: 'Aim of the involvement',
    hint: 'What did involving patients, carers and the public set out to do?',
  },
  {
    id: 'methods',
    title: 'How people were involved',
    hint: 'The methods, how many took part, and which groups. Counts and groups only: no names or personal details.',
  },
  { id: 'outcomes', title: 'What changed because of it', hint: 'The outcomes of the involvement, good and bad.' },
  {
    id: 'influence',
    title: 'How far it influenced the project',
    hint: 'What patients’ input changed in the project, and the rung of the ladder of engagement actually reached.',
  },
  { id: 'reflections', title: 'Reflections', hint: 'What went well, and what would you do differently?' },
  {
    id: 'told',
    title: 'Closing the loop',
    hint: 'Were the people involved told what happened because of their input (seed 000 §7.2, §11.4)? And which “You said, we did” items belong to this project?',
  },
];

const LONG = 2000;
const long = (key: string, label: string, required: FormField['required'] = true): FormField => ({
  key,
  label,
  kind: 'longtext',
  required,
  minLength: 10,
  maxLength: LONG,
});

export const TOLD_CHOICES: readonly Choice[] = [
  { id: 'yes', label: 'Yes, they were told' },
  { id: 'not-yet', label: 'Not yet' },
  { id: 'no', label: 'No' },
];

const told = (answers: FormValues) => answers.participantsTold === 'yes';

/** The questions of each step; the last lists the "You said, we did" items that carry the request's reference. */
export function closeOutFields(step: CloseOutStepId, linkable: readonly Choice[] = []): readonly FormField[] {
  switch (step) {
    case 'aim':
      return [long('aim', 'What did the involvement aim to achieve?')];
    case 'methods':
      return [
        long('methods', 'How were people involved (methods, activities, how often)?'),
        {
          key: 'peopleCount',
          label: 'How many people took part?',
          kind: 'number',
          required: true,
          min: 0,
          max: 100_000,
        },
        {
          key: 'seldomHeard',
          label: 'Seldom-heard groups who took part',
          kind: 'multi',
          required: false,
          choices: referenceData.seldomHeardGroups,
        },
        {
          key: 'protectedGroups',
          label: 'Protected-characteristic groups who took part',
          kind: 'multi',
          required: false,
          choices: referenceData.protectedCharacteristics,
        },
        {
          key: 'groupCount',
          label: 'Of those who took part, about how many were from those groups?',
          kind: 'number',
          required: false,
          min: 0,
          max: 100_000,
        },
      ];
    case 'outcomes':
      return [
        long('outcomesGood', 'What changed for the better because of the involvement?'),
        long('outcomesBad', 'What did not go to plan, or changed for the worse?', false),
      ];
    case 'influence':
      return [
        long('influence', 'How far did the involvement influence the project?'),
        {
          key: 'achievedRung',
          label: 'The rung actually reached (ladder of engagement)',
          kind: 'choice',
          expanded: true,
          required: true,
          choices: rungChoices(),
        },
      ];
    case 'reflections':
      return [long('wentWell', 'What went well?'), long('doDifferently', 'What would you do differently?')];
    case 'told':
      return [
        {
          key: 'participantsTold',
          label: 'Were participants told the outcome?',
          kind: 'choice',
          required: true,
          choices: TOLD_CHOICES,
          expanded: true,
        },
        { key: 'toldHow', label: 'How were they told?', kind: 'text', required: told, minLength: 3, maxLength: 300 },
        { key: 'toldOn', label: 'When were they told?', kind: 'date', required: told },
        // Offered only when some item gives the request's reference (the step's card says how to add one).
        ...(linkable.length > 0
          ? [
              {
                key: 'yswdItems',
                label: 'Its “You said, we did” items',
                hint: 'Items that give this request’s reference. Choose the ones to link.',
                kind: 'multi',
                required: false,
                choices: linkable,
              } satisfies FormField,
            ]
          : []),
      ];
  }
}

/** Each step as a form; telling participants cannot be dated in the future. */
export function closeOutForm(step: CloseOutStepId, linkable: readonly Choice[], today: string): FormSpec {
  return {
    fields: closeOutFields(step, linkable),
    check: (v) =>
      typeof v.toldOn === 'string' && v.toldOn > today
        ? [{ key: 'toldOn', message: 'This date is in the future: record it once they have been told.' }]
        : [],
  };
}

export function stepIndexOf(id: CloseOutStepId): number {
  return CLOSE_OUT_STEPS.findIndex((s) => s.id === id);
}

export function isCloseOutStep(value: unknown): value is CloseOutStepId {
  return typeof value === 'string' && CLOSE_OUT_STEPS.some((s) => s.id === value);
}

export function nextCloseOutPosition(id: CloseOutStepId): CloseOutStepId | 'review' {
  return CLOSE_OUT_STEPS[stepIndexOf(id) + 1]?.id ?? 'review';
}

export function previousCloseOutStep(id: CloseOutStepId): CloseOutStepId {
  return CLOSE_OUT_STEPS[Math.max(0, stepIndexOf(id) - 1)]?.id ?? 'aim';
}

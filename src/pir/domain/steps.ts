import type { StepId } from './pir.js';

export interface StepInfo {
  readonly id: StepId;
  readonly title: string;
  readonly hint: string;
}

/** The request, one step per card, in order (seed 000 §8.2 questions 1–6 between basics and support). */
export const STEPS: readonly StepInfo[] = [
  {
    id: 'basics',
    title: 'Project basics',
    hint: 'Tell us what the project is, where it sits and when it runs. You are recorded as the project lead. Please send the request before the project starts, so that patients can influence it.',
  },
  {
    id: 'intelligence',
    title: 'What patients are telling you',
    hint: 'For example complaints themes, surveys, Friends and Family Test comments.',
  },
  {
    id: 'groups',
    title: 'Who will be affected',
    hint: 'Name the patient and carer groups the project will affect.',
  },
  {
    id: 'involvement',
    title: 'How you will involve people',
    hint: 'Say how patients, their families and carers will take part, and when.',
  },
  {
    id: 'influence',
    title: 'Scope for influence',
    hint: 'How much can patient input change the outcome of the project? Pick a rung on the ladder of engagement, and say what is not open to influence and who decides.',
  },
  {
    id: 'equality',
    title: 'Groups disproportionately affected',
    hint: 'Think about the protected characteristics of the Equality Act 2010 and seldom-heard groups. If you answer yes, say how they might be affected and choose the groups.',
  },
  {
    id: 'plans',
    title: 'Plans to engage those groups',
    hint: 'If any group will be disproportionately affected, how will you engage with them? Leave this empty if none will be.',
  },
  {
    id: 'support',
    title: 'Support from the PPI team',
    hint: 'What support would you like from the PPI team? If you ask for Patient Partners, say what their role will be and how they will meet.',
  },
];

export function stepIndex(id: StepId): number {
  return STEPS.findIndex((s) => s.id === id);
}

export function stepInfo(id: StepId): StepInfo {
  const info = STEPS[stepIndex(id)];
  if (!info) throw new RangeError(`Unknown step ${id}`);
  return info;
}

export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && STEPS.some((s) => s.id === value);
}

/** The step after `id`, or 'review' after the last. */
export function nextPosition(id: StepId): StepId | 'review' {
  return STEPS[stepIndex(id) + 1]?.id ?? 'review';
}

/** The step before `id` (the first step stays put). */
export function previousStep(id: StepId): StepId {
  return STEPS[Math.max(0, stepIndex(id) - 1)]?.id ?? 'basics';
}

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
    hint: 'For example themes from complaints, surveys and Friends and Family Test comments. No names or personal details.',
  },
  {
    id: 'groups',
    title: 'Who will be affected',
    hint: 'For example older inpatients and their carers, or young people who use the service.',
  },
  {
    id: 'involvement',
    title: 'How you will involve people',
    hint: 'For example Patient Partners on the project group, a focus group, a survey or a co-design workshop.',
  },
  {
    id: 'influence',
    title: 'Scope for influence',
    hint: 'How far can patients shape the outcome? Choose a rung on the ladder of engagement, then say what is not open to their influence and who decides.',
  },
  {
    id: 'equality',
    title: 'Groups disproportionately affected',
    hint: 'Think about the protected characteristics of the Equality Act 2010 and seldom-heard groups. If you answer yes, say how they might be affected and choose the groups.',
  },
  {
    id: 'plans',
    title: 'Plans to engage those groups',
    hint: 'Only if some group may be disproportionately affected: how you will reach and involve them.',
  },
  {
    id: 'support',
    title: 'Support from the PPI team',
    hint: 'Choose anything that would help; for Patient Partners, say what their role will be and how they will meet. The PPI team will say what it can offer when it assesses your request.',
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

import type { FormSpec } from '../../forms/form-field.js';
import type { Choice } from '../../reference-data/reference-data.js';

/** `I'm a champion` with no directorate: which one, from the live list (admins add and retire entries). */
export function directorateForm(directorates: readonly Choice[]): FormSpec {
  return {
    fields: [{ key: 'directorate', label: 'Your directorate', kind: 'choice', required: true, choices: directorates }],
  };
}

/**
 * `my deputy` in a 1:1 chat: Teams' people picker, which sends the chosen person's Entra object id (the Agents
 * Playground cannot show it; the channel's `my deputy is @name` works there).
 */
export const DEPUTY_FORM: FormSpec = {
  fields: [
    {
      key: 'deputy',
      label: 'Your deputy',
      kind: 'person',
      required: true,
      hint: 'Start typing their name. They get a check-in only when you press “Hand to my deputy” on one.',
    },
  ],
};

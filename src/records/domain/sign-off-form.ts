import type { FormSpec, FormValues } from '../../forms/form-field.js';

/** Who decided. */
type Person = { readonly id: string; readonly name: string };

/** The sign-off's one question: a comment, needed to send an item back. */
export const SIGN_OFF_FORM: FormSpec = {
  fields: [
    {
      key: 'comment',
      label: 'Comment for its author',
      requiredNote: 'to send it back',
      kind: 'longtext',
      required: (known) => known.decision === 'send-back',
      maxLength: 1000,
    },
  ],
};

/** The decision a sign-off records: approved or sent back, by whom, with the comment if one was given. */
export function signOffDecision(values: FormValues, approve: boolean, by: Person) {
  const comment = typeof values.comment === 'string' ? values.comment : undefined;
  return { approve, by: { id: by.id, name: by.name }, ...(comment ? { comment } : {}) };
}

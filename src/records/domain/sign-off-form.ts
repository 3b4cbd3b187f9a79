import type { FormSpec } from '../../forms/form-field.js';

/** The sign-off's one question: a comment, needed to send an item back. */
export const SIGN_OFF_FORM: FormSpec = {
  fields: [
    {
      key: 'comment',
      label: 'Comment (needed to send it back)',
      kind: 'longtext',
      required: (known) => known.decision === 'send-back',
      maxLength: 1000,
    },
  ],
};

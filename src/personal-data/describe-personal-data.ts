import type { PersonalDataFinding, PersonalDataKind } from './find-personal-data.js';

const NAMES: Readonly<Record<PersonalDataKind, string>> = {
  'nhs-number': 'an NHS number',
  'phone-number': 'a phone number',
  email: 'an email address',
  postcode: 'a full postcode',
};

const PLEASE_REMOVE = 'Please remove patient-identifiable details before saving — nothing has been stored.';

export interface DescribeOptions {
  /**
   * Whether what was typed is shown back masked (`maskPersonalData`), as every card does after a refusal; false where
   * nothing is shown back (a typed command).
   */
  readonly shownMasked?: boolean;
}

function joinWithAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * One plain-English message asking the user to remove what was found, naming only the kinds of detail (never the
 * text itself), e.g. "This looks like it contains an NHS number and an email address, so I have hidden them (•••) in
 * what you typed. Please remove …".
 */
export function describePersonalData(findings: readonly PersonalDataFinding[], options: DescribeOptions = {}): string {
  const kinds = [...new Set(findings.map((f) => f.kind))].map((k) => NAMES[k]);
  const what = kinds.length > 0 ? joinWithAnd(kinds) : 'patient-identifiable details';
  if (options.shownMasked === false) return `This looks like it contains ${what}. ${PLEASE_REMOVE}`;
  const them = kinds.length > 1 ? 'them' : 'it';
  return `This looks like it contains ${what}, so I have hidden ${them} (•••) in what you typed. ${PLEASE_REMOVE}`;
}

import type { PersonalDataFinding, PersonalDataKind } from './find-personal-data.js';

const NAMES: Readonly<Record<PersonalDataKind, string>> = {
  'nhs-number': 'an NHS number',
  'phone-number': 'a phone number',
  email: 'an email address',
  postcode: 'a full postcode',
};

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** One plain-English sentence asking the user to remove what was found. */
export function describePersonalData(findings: readonly PersonalDataFinding[]): string {
  const kinds = [...new Set(findings.map((f) => f.kind))].map((k) => NAMES[k]);
  return `This looks like it contains ${list(kinds)}. Please remove patient-identifiable details — nothing has been saved.`;
}

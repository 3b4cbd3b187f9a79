import type { SnoozeOption } from '../../calendar/due-date.js';
import { isDateKey } from '../../calendar/london-time.js';
import { cleanText } from '../../forms/read-form-field.js';
import { describePersonalData } from '../../personal-data/describe-personal-data.js';
import { findPersonalData } from '../../personal-data/find-personal-data.js';
import { maskPersonalData } from '../../personal-data/mask-personal-data.js';
import { findChoice, referenceData } from '../../reference-data/reference-data.js';

type Data = Readonly<Record<string, unknown>>;

export interface InvolvementAnswer {
  readonly project: string;
  readonly shaped: string;
  readonly rungId: string;
  readonly peopleCount: number;
}

export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

const MAX_PEOPLE = 100_000;

function text(data: Data, key: string, label: string, max: number): Read<string> {
  const value = cleanText(data[key]);
  if (value === '') return { ok: false, problem: `Please answer “${label}”.` };
  if (value.length > max) {
    return { ok: false, problem: `“${label}” is ${value.length} characters long; please keep it to ${max}.` };
  }
  const found = findPersonalData(value);
  return found.length > 0 ? { ok: false, problem: describePersonalData(found) } : { ok: true, value };
}

/** "Log involvement": project, what was shaped, ladder rung and number of people, all required. */
export function readInvolvement(data: Data): Read<InvolvementAnswer> {
  const project = text(data, 'project', 'Which project or piece of work?', 200);
  if (!project.ok) return project;
  const shaped = text(data, 'shaped', 'What did patients, carers or communities shape?', 2000);
  if (!shaped.ok) return shaped;
  const rung = findChoice(referenceData.ladderRungs, cleanText(data.rung));
  if (!rung) return { ok: false, problem: 'Please choose how involved people were, from the list.' };
  const peopleText = cleanText(typeof data.people === 'number' ? String(data.people) : data.people);
  const peopleCount = Number(peopleText);
  if (peopleText === '' || !Number.isInteger(peopleCount) || peopleCount < 0 || peopleCount > MAX_PEOPLE) {
    return { ok: false, problem: `Please give the number of people as a whole number from 0 to ${MAX_PEOPLE}.` };
  }
  return { ok: true, value: { project: project.value, shaped: shaped.value, rungId: rung.id, peopleCount } };
}

/** "Nothing to report" needs the seed's follow-up: if not, why not? */
export function readWhyNot(data: Data): Read<string> {
  return text(data, 'whyNot', 'If not, why not?', 1000);
}

/** "Snooze": a week, or a date (checked against the calendar later). */
export function readSnooze(data: Data): Read<SnoozeOption> {
  const choice = cleanText(data.snooze) || 'week';
  if (choice === 'week') return { ok: true, value: { kind: 'week' } };
  const until = cleanText(data.until);
  if (choice !== 'date') return { ok: false, problem: 'Please choose “In a week” or “On a date”.' };
  if (!isDateKey(until)) return { ok: false, problem: 'Please pick the date to be asked again.' };
  return { ok: true, value: { kind: 'date', dateKey: until } };
}

/** What is typed on the card, to show again after a failed check (never stored), with any personal data masked. */
export function typedOnCard(data: Data): Record<string, string> {
  const keep = ['project', 'shaped', 'rung', 'whyNot'];
  return Object.fromEntries(keep.map((k) => [k, maskPersonalData(cleanText(data[k]).slice(0, 2000))]));
}

import assessmentCriteria from '../../data/assessment-criteria.json' with { type: 'json' };
import directorates from '../../data/directorates.json' with { type: 'json' };
import engagementCategories from '../../data/engagement-categories.json' with { type: 'json' };
import feedbackHowHeard from '../../data/feedback-how-heard.json' with { type: 'json' };
import feedbackSurvey from '../../data/feedback-survey.json' with { type: 'json' };
import ladderRungs from '../../data/ladder-rungs.json' with { type: 'json' };
import patientPartnerRemit from '../../data/patient-partner-remit.json' with { type: 'json' };
import ppiSupportOptions from '../../data/ppi-support-options.json' with { type: 'json' };
import protectedCharacteristics from '../../data/protected-characteristics.json' with { type: 'json' };
import qualityPriorities from '../../data/quality-priorities.json' with { type: 'json' };
import seldomHeardGroups from '../../data/seldom-heard-groups.json' with { type: 'json' };

/** Choice lists and questions from data/*.json (taken from the source documents in docs/sources/), checked once when this module loads. */

export interface Choice {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
}

/**
 * An entry of one of the Trust's own lists (directorates / CMGs, Quality Strategy priorities, common answers to "How
 * did you hear…?"): PPI admins add, rename and retire entries; a retired one is no longer offered but keeps its name
 * wherever it was used.
 */
export interface ListEntry extends Choice {
  readonly retired: boolean;
}

/** A rung of the ladder of engagement (TLAP ladder), 1 = coercion at the bottom, 7 = co-production at the top. */
export interface LadderRung extends Choice {
  readonly order: number;
  readonly topThree: boolean;
  /** Offered for planning, expecting and reporting involvement: the Trust's ladder starts at one-way communication. */
  readonly plannable: boolean;
}

/** A category of engagement work and the questions asked after choosing it (the engagement log). */
export interface EngagementCategory extends Choice {
  /** "What activity did you do…?": a choice when `activityOptions` are given, else an open question. */
  readonly activityQuestion: string;
  readonly activityOptions?: readonly Choice[];
  readonly peopleQuestion: string;
  /** "Please enter the collated responses from your event feedback forms?" (not asked for Informing). */
  readonly feedbackQuestion?: string;
}

/** A question of the participant feedback survey; scale questions name their two ends. */
export interface SurveyQuestion extends Choice {
  readonly low?: string;
  readonly high?: string;
}

/** A task outside the Patient Partner remit, and words that suggest a request asks for it. */
export interface RemitTask extends Choice {
  readonly matches: readonly string[];
}

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

type Fields = Readonly<Record<string, unknown>>;
type Fail = (problem: string) => never;
type ReadExtra<T> = (item: Fields, fail: Fail) => T;

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * Checks one data file's list by hand: an array of objects with unique kebab-case ids, non-empty labels and an
 * optional non-empty hint, plus whatever `readExtra` checks. Throws an Error naming the file on the first problem.
 * Returns a frozen copy holding only the known fields.
 */
export function readChoiceList<T extends object = Record<never, never>>(
  file: string,
  raw: unknown,
  readExtra?: ReadExtra<T>,
): readonly (Choice & T)[] {
  const where = `data/${file}.json`;
  if (!Array.isArray(raw) || raw.length === 0) throw new Error(`${where} must be a non-empty array of choices.`);
  const seen = new Set<string>();
  return Object.freeze(
    raw.map((item: unknown, index) => {
      const fail = (problem: string): never => {
        throw new Error(`${where} is invalid at item ${index + 1}: ${problem}`);
      };
      if (!isRecord(item)) return fail('each choice must be an object.');
      const { id, label, hint } = item;
      if (typeof id !== 'string' || !KEBAB_CASE.test(id)) return fail(`id ${JSON.stringify(id)} is not kebab-case.`);
      if (seen.has(id)) return fail(`id "${id}" is used more than once.`);
      seen.add(id);
      if (!nonEmptyString(label)) return fail(`"${id}" has no label.`);
      if (hint !== undefined && !nonEmptyString(hint)) return fail(`"${id}" has an empty or non-text hint.`);
      const extra = readExtra ? readExtra(item, (problem) => fail(`"${id}" ${problem}`)) : ({} as T);
      const choice: Choice = hint === undefined ? { id, label: label.trim() } : { id, label: label.trim(), hint };
      return Object.freeze({ ...choice, ...extra });
    }),
  );
}

function readRung(item: Fields, fail: Fail): Omit<LadderRung, keyof Choice> {
  const { order, topThree, plannable } = item;
  if (typeof order !== 'number' || !Number.isInteger(order) || order < 1) fail('needs a whole-number order from 1.');
  if (typeof topThree !== 'boolean') fail('needs topThree true or false.');
  if (typeof plannable !== 'boolean') fail('needs plannable true or false.');
  return { order: order as number, topThree: topThree as boolean, plannable: plannable as boolean };
}

function optionalText(item: Fields, key: string, fail: Fail): string | undefined {
  const value = item[key];
  if (value === undefined) return undefined;
  return nonEmptyString(value) ? value : fail(`has an empty or non-text ${key}.`);
}

function requiredText(item: Fields, key: string, fail: Fail): string {
  return optionalText(item, key, fail) ?? fail(`needs ${key}.`);
}

function readCategory(item: Fields, fail: Fail): Omit<EngagementCategory, keyof Choice> {
  const options = item.activityOptions;
  const feedbackQuestion = optionalText(item, 'feedbackQuestion', fail);
  return {
    activityQuestion: requiredText(item, 'activityQuestion', fail),
    ...(options === undefined ? {} : { activityOptions: readChoiceList('engagement-categories', options) }),
    peopleQuestion: requiredText(item, 'peopleQuestion', fail),
    ...(feedbackQuestion ? { feedbackQuestion } : {}),
  };
}

function readSurveyQuestion(item: Fields, fail: Fail): Omit<SurveyQuestion, keyof Choice> {
  const low = optionalText(item, 'low', fail);
  const high = optionalText(item, 'high', fail);
  if ((low === undefined) !== (high === undefined)) fail('needs both ends of its scale, low and high.');
  return low && high ? { low, high } : {};
}

function readRemitTask(item: Fields, fail: Fail): Omit<RemitTask, keyof Choice> {
  const matches = item.matches;
  if (!Array.isArray(matches) || matches.length === 0 || !matches.every(nonEmptyString)) {
    fail('needs matches: a non-empty list of words.');
  }
  return { matches: Object.freeze((matches as string[]).map((m) => m.toLowerCase())) };
}

function readListEntry(item: Fields, fail: Fail): Pick<ListEntry, 'retired'> {
  const { retired } = item;
  if (retired !== undefined && typeof retired !== 'boolean') fail('has retired that is not true or false.');
  return { retired: retired === true };
}

/** One of the Trust's own lists as shipped: at least one entry still offered. */
function readList(file: string, raw: unknown): readonly ListEntry[] {
  const list = readChoiceList(file, raw, readListEntry);
  if (!list.some((e) => !e.retired))
    throw new Error(`data/${file}.json must offer at least one entry that is not retired.`);
  return list;
}

/** The ladder, bottom rung first; the orders must run 1, 2, 3… with no gaps, and the offered rungs are the upper ones. */
function readLadder(raw: unknown): readonly LadderRung[] {
  const rungs = [...readChoiceList('ladder-rungs', raw, readRung)].sort((a, b) => a.order - b.order);
  rungs.forEach((rung, index) => {
    if (rung.order !== index + 1) {
      throw new Error(`data/ladder-rungs.json is invalid: the orders must run 1 to ${rungs.length} once each.`);
    }
  });
  const first = rungs.findIndex((r) => r.plannable);
  if (first < 0 || rungs.slice(first).some((r) => !r.plannable)) {
    throw new Error('data/ladder-rungs.json is invalid: the rungs offered (plannable) must be the top ones.');
  }
  return Object.freeze(rungs);
}

const ladder = readLadder(ladderRungs);

export const referenceData = Object.freeze({
  directorates: readList('directorates', directorates),
  qualityPriorities: readList('quality-priorities', qualityPriorities),
  feedbackHowHeard: readList('feedback-how-heard', feedbackHowHeard),
  ladderRungs: ladder,
  /** The rungs offered where involvement is planned, expected or reported: Informing upwards. */
  plannableRungs: Object.freeze(ladder.filter((r) => r.plannable)),
  protectedCharacteristics: readChoiceList('protected-characteristics', protectedCharacteristics),
  seldomHeardGroups: readChoiceList('seldom-heard-groups', seldomHeardGroups),
  ppiSupportOptions: readChoiceList('ppi-support-options', ppiSupportOptions),
  engagementCategories: readChoiceList('engagement-categories', engagementCategories, readCategory),
  feedbackSurvey: readChoiceList('feedback-survey', feedbackSurvey, readSurveyQuestion),
  assessmentCriteria: readChoiceList('assessment-criteria', assessmentCriteria),
  patientPartnerRemit: readChoiceList('patient-partner-remit', patientPartnerRemit, readRemitTask),
});

export function findChoice<T extends Choice>(list: readonly T[], id: string): T | undefined {
  return list.find((c) => c.id === id);
}

/** The label for an id, or the id itself when the list no longer has it (e.g. an edited list). */
export function labelOf(list: readonly Choice[], id: string): string {
  return findChoice(list, id)?.label ?? id;
}

/** A rung as it is offered where one is chosen: its name and its one-line meaning. */
export function rungChoices(rungs: readonly LadderRung[] = referenceData.plannableRungs): Choice[] {
  return rungs.map((r) => ({ id: r.id, label: r.hint ? `${r.label}: ${r.hint}` : r.label }));
}

/** The question of the feedback survey with this id (throws for an id data/feedback-survey.json does not have). */
export function surveyQuestion(id: string): SurveyQuestion {
  const question = findChoice(referenceData.feedbackSurvey, id);
  if (!question) throw new RangeError(`data/feedback-survey.json has no question "${id}".`);
  return question;
}

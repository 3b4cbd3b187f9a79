import directorates from '../../data/directorates.json' with { type: 'json' };
import engagementActivities from '../../data/engagement-activities.json' with { type: 'json' };
import engagementCategories from '../../data/engagement-categories.json' with { type: 'json' };
import feedbackHowHeard from '../../data/feedback-how-heard.json' with { type: 'json' };
import ladderRungs from '../../data/ladder-rungs.json' with { type: 'json' };
import ppiSupportOptions from '../../data/ppi-support-options.json' with { type: 'json' };
import protectedCharacteristics from '../../data/protected-characteristics.json' with { type: 'json' };
import qualityPriorities from '../../data/quality-priorities.json' with { type: 'json' };
import seldomHeardGroups from '../../data/seldom-heard-groups.json' with { type: 'json' };

/** Choice lists from data/*.json (sourced from seeds 000–004), checked once when this module loads. */

export interface Choice {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
}

/** A rung of the ladder of engagement (TLAP ladder), 1 = coercion at the bottom, 7 = co-production at the top. */
export interface LadderRung extends Choice {
  readonly order: number;
  readonly topThree: boolean;
}

/** A category of engagement work (seed 004 Appendix 3) and the questions asked after choosing it. */
export interface EngagementCategory extends Choice {
  readonly followUpQuestions: readonly string[];
}

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

type Fields = Readonly<Record<string, unknown>>;
type ReadExtra<T> = (item: Fields, fail: (problem: string) => never) => T;

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

function readRung(item: Fields, fail: (problem: string) => never): Omit<LadderRung, keyof Choice> {
  const { order, topThree } = item;
  if (typeof order !== 'number' || !Number.isInteger(order) || order < 1) fail('needs a whole-number order from 1.');
  if (typeof topThree !== 'boolean') fail('needs topThree true or false.');
  return { order: order as number, topThree: topThree as boolean };
}

function readCategory(item: Fields, fail: (problem: string) => never): Omit<EngagementCategory, keyof Choice> {
  const questions = item.followUpQuestions;
  if (!Array.isArray(questions) || questions.length === 0 || !questions.every(nonEmptyString)) {
    fail('needs followUpQuestions: a non-empty list of questions.');
  }
  return { followUpQuestions: Object.freeze([...(questions as string[])]) };
}

/** The ladder, bottom rung first; the orders must run 1, 2, 3… with no gaps. */
function readLadder(raw: unknown): readonly LadderRung[] {
  const rungs = [...readChoiceList('ladder-rungs', raw, readRung)].sort((a, b) => a.order - b.order);
  rungs.forEach((rung, index) => {
    if (rung.order !== index + 1) {
      throw new Error(`data/ladder-rungs.json is invalid: the orders must run 1 to ${rungs.length} once each.`);
    }
  });
  return Object.freeze(rungs);
}

export const referenceData = Object.freeze({
  directorates: readChoiceList('directorates', directorates),
  qualityPriorities: readChoiceList('quality-priorities', qualityPriorities),
  ladderRungs: readLadder(ladderRungs),
  protectedCharacteristics: readChoiceList('protected-characteristics', protectedCharacteristics),
  seldomHeardGroups: readChoiceList('seldom-heard-groups', seldomHeardGroups),
  ppiSupportOptions: readChoiceList('ppi-support-options', ppiSupportOptions),
  engagementCategories: readChoiceList('engagement-categories', engagementCategories, readCategory),
  engagementActivities: readChoiceList('engagement-activities', engagementActivities),
  feedbackHowHeard: readChoiceList('feedback-how-heard', feedbackHowHeard),
});

export function findChoice<T extends Choice>(list: readonly T[], id: string): T | undefined {
  return list.find((c) => c.id === id);
}

/** The label for an id, or the id itself when the list no longer has it (e.g. an edited list). */
export function labelOf(list: readonly Choice[], id: string): string {
  return findChoice(list, id)?.label ?? id;
}

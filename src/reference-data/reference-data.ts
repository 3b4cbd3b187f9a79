import directorates from '../../data/directorates.json' with { type: 'json' };
import engagementActivities from '../../data/engagement-activities.json' with { type: 'json' };
import engagementCategories from '../../data/engagement-categories.json' with { type: 'json' };
import feedbackHowHeard from '../../data/feedback-how-heard.json' with { type: 'json' };
import ladderRungs from '../../data/ladder-rungs.json' with { type: 'json' };
import ppiSupportOptions from '../../data/ppi-support-options.json' with { type: 'json' };
import protectedCharacteristics from '../../data/protected-characteristics.json' with { type: 'json' };
import qualityPriorities from '../../data/quality-priorities.json' with { type: 'json' };
import seldomHeardGroups from '../../data/seldom-heard-groups.json' with { type: 'json' };

/** Choice lists from data/*.json (seeds 000–004), checked once at load. */

export interface Choice {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
}

export interface LadderRung extends Choice {
  readonly order: number;
  readonly topThree: boolean;
}

export interface EngagementCategory extends Choice {
  readonly followUpQuestions: readonly string[];
}

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function checked<T extends Choice>(file: string, list: readonly T[]): readonly T[] {
  const ids = new Set<string>();
  for (const item of list) {
    if (!KEBAB.test(item.id) || item.label.trim() === '' || ids.has(item.id)) {
      throw new Error(`data/${file}.json is invalid at "${item.id}": ids must be unique kebab-case with a label.`);
    }
    ids.add(item.id);
  }
  return Object.freeze(list.map((item) => Object.freeze({ ...item })));
}

export const referenceData = Object.freeze({
  directorates: checked<Choice>('directorates', directorates),
  qualityPriorities: checked<Choice>('quality-priorities', qualityPriorities),
  ladderRungs: checked<LadderRung>(
    'ladder-rungs',
    [...ladderRungs].sort((a, b) => a.order - b.order),
  ),
  protectedCharacteristics: checked<Choice>('protected-characteristics', protectedCharacteristics),
  seldomHeardGroups: checked<Choice>('seldom-heard-groups', seldomHeardGroups),
  ppiSupportOptions: checked<Choice>('ppi-support-options', ppiSupportOptions),
  engagementCategories: checked<EngagementCategory>('engagement-categories', engagementCategories),
  engagementActivities: checked<Choice>('engagement-activities', engagementActivities),
  feedbackHowHeard: checked<Choice>('feedback-how-heard', feedbackHowHeard),
});

export function findChoice<T extends Choice>(list: readonly T[], id: string): T | undefined {
  return list.find((c) => c.id === id);
}

/** The label for an id, or the id itself when the list no longer has it (e.g. an edited list). */
export function labelOf(list: readonly Choice[], id: string): string {
  return findChoice(list, id)?.label ?? id;
}

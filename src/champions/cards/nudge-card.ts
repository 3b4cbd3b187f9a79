import template from '../../../cards/champion-nudge.json' with { type: 'json' };
import type { AdaptiveCard } from '../../bot/turn.js';
import { renderCard } from '../../cards/render-card.js';
import { referenceData } from '../../reference-data/reference-data.js';
import { ChampionVerb } from '../champion-verbs.js';
import { type Champion, directorateLabelOf } from '../domain/champion.js';

export type NudgeVariant = 'nudge' | 'follow-up' | 'deputy';

export interface NudgeCardOptions {
  readonly variant?: NudgeVariant;
  /** A problem with what was entered, shown above the buttons. */
  readonly notice?: string;
  /** What was typed, shown again after a failed check (not stored). */
  readonly typed?: Readonly<Record<string, string>>;
}

/** Identifies the champion and cycle a card belongs to, so an old card can be recognised. */
export interface NudgeCardRef {
  readonly championId: string;
  readonly cycle: string;
}

const KICKERS: Record<NudgeVariant, string> = {
  nudge: 'Partnership champions · six-weekly check-in',
  'follow-up': 'Partnership champions · a gentle reminder',
  deputy: 'Partnership champions · passed to you as deputy',
};

/** The six-weekly question (seed 004 Appendix 7) with quick answers that update the card in place. */
export function buildNudgeCard(champion: Champion, cycle: string, options: NudgeCardOptions = {}): AdaptiveCard {
  const variant = options.variant ?? 'nudge';
  const directorate = directorateLabelOf(champion);
  const ref: NudgeCardRef = { championId: champion.person.id, cycle };
  const heading = variant === 'deputy' ? `${champion.person.name} asked you to answer for ${directorate}` : directorate;
  return renderCard(template, {
    kicker: KICKERS[variant],
    heading,
    question: `How did patients, carers or communities shape ${directorate}'s work in the last six weeks?`,
    notice: options.notice ?? '',
    typed: {
      project: options.typed?.project ?? '',
      shaped: options.typed?.shaped ?? '',
      rung: options.typed?.rung ?? '',
      whyNot: options.typed?.whyNot ?? '',
    },
    rungs: referenceData.ladderRungs.map((r) => ({ title: r.label, value: r.id })),
    verbs: ChampionVerb,
    ref,
    deputyName: variant === 'deputy' || champion.cycle?.handedToDeputyAt ? '' : (champion.deputy?.name ?? ''),
  });
}

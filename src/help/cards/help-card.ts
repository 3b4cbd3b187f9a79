import template from '../../../cards/help.json' with { type: 'json' };
import type { AdaptiveCard } from '../../bot/turn.js';
import { type CardButton, toActionData } from '../../cards/card-action.js';
import { renderCard } from '../../cards/render-card.js';
import type { HelpSection } from '../help-topics.js';

export interface HelpCardData {
  readonly sections: readonly HelpSection[];
  readonly actions: readonly CardButton[];
  readonly footer: string;
}

export function buildHelpCard(data: HelpCardData): AdaptiveCard {
  return renderCard(template, {
    sections: data.sections.map((s) => ({ heading: s.heading, commands: [...s.commands] })),
    actions: toActionData(data.actions),
    footer: data.footer,
  });
}

import template from '../../../cards/help.json' with { type: 'json' };
import type { CardText } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import { type CardButton, toActionData } from '../../cards/card-action.js';
import { renderCard } from '../../cards/render-card.js';
import type { HelpSection } from '../help-topics.js';

export interface HelpCardData {
  readonly title: CardText;
  readonly intro: CardText;
  /** Why a short menu is empty here, or what to do first. */
  readonly notice?: CardText;
  /** The menu: one button per line, each running a command (the card stays). */
  readonly buttons: readonly CardButton[];
  /** The full list (the "everything" view). */
  readonly sections: readonly HelpSection[];
  /** Other views: everything, the short list, the other roles' menus. */
  readonly switches: readonly CardButton[];
  readonly footer: CardText;
}

export function buildHelpCard(data: HelpCardData): AdaptiveCard {
  return renderCard(template, {
    title: data.title,
    intro: data.intro,
    notice: data.notice ?? '',
    buttons: toActionData(data.buttons),
    sections: data.sections.map((s) => ({ heading: s.heading, commands: [...s.commands] })),
    switches: toActionData(data.switches),
    footer: data.footer,
  });
}

import template from '../../../cards/welcome.json' with { type: 'json' };
import { md } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import { type CardButton, toActionData } from '../../cards/card-action.js';
import { renderCard } from '../../cards/render-card.js';

export interface WelcomeCardData {
  /** Undefined when Teams did not say who installed the app. */
  readonly name?: string;
  readonly actions: readonly CardButton[];
}

export function buildWelcomeCard(data: WelcomeCardData): AdaptiveCard {
  return renderCard(template, { greeting: data.name ? md`, ${data.name}` : '', actions: toActionData(data.actions) });
}

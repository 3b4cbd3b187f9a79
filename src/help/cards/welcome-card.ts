import template from '../../../cards/welcome.json' with { type: 'json' };
import { md } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import { toActionData } from '../../cards/card-action.js';
import { renderCard } from '../../cards/render-card.js';
import { ROLE_CHOICES } from '../domain/help-view.js';
import { HelpVerb } from '../help-verbs.js';

export interface WelcomeCardData {
  /** Undefined when Teams did not say who installed the app. */
  readonly name?: string;
}

/** The first thing a new user sees: which role they have; each button opens that role's short menu in its place. */
export function buildWelcomeCard(data: WelcomeCardData): AdaptiveCard {
  const roles = ROLE_CHOICES.map((r) => ({ title: r.title, verb: HelpVerb.show, data: { view: r.audience } }));
  return renderCard(template, { greeting: data.name ? md`, ${data.name}` : '', roles: toActionData(roles) });
}

import template from '../../cards/notice.json' with { type: 'json' };
import type { CardText } from '../bot/card-text.js';
import type { AdaptiveCard } from '../bot/turn.js';
import { type CardButton, toActionData } from './card-action.js';
import { renderCard } from './render-card.js';

export interface NoticeCardData {
  readonly title?: CardText;
  readonly text: CardText;
  readonly buttons?: readonly CardButton[];
  /** Links that open in the browser (a personal download, for instance). */
  readonly links?: readonly { readonly title: string; readonly url: string }[];
}

/** A plain message as a card: used where a button's answer must replace the card it came from. */
export function buildNoticeCard(data: NoticeCardData): AdaptiveCard {
  return renderCard(template, {
    title: data.title ?? '',
    text: data.text,
    actions: toActionData(data.buttons ?? []),
    links: data.links ?? [],
  });
}

import type { CardText } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import { buildNoticeCard } from '../../cards/notice-card.js';
import { RecordVerb } from '../records-verbs.js';

/** A sentence on a recording card, with a way back to your records. */
export function recordsNotice(text: CardText): AdaptiveCard {
  return buildNoticeCard({ text, buttons: [{ title: 'My records', verb: RecordVerb.mine }] });
}

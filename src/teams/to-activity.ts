import { type Activity, CardFactory, MessageFactory } from 'botbuilder';
import type { OutgoingMessage } from '../bot/turn.js';

export function toActivity(message: OutgoingMessage): Partial<Activity> {
  if (typeof message === 'string') return MessageFactory.text(message);
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(message.card));
  if (message.summary) activity.summary = message.summary;
  return activity;
}

import type { Place, Role } from './access.js';
import { botText, type CardText } from './card-text.js';

/** Every refusal the router gives, in one voice: one sentence per kind. */

const ROLE_NAMES: Readonly<Record<Role, string>> = {
  anyone: 'anyone',
  lead: 'the person who created this',
  champion: 'the champion',
  'champion-or-deputy': 'the champion or their deputy',
  'ppi-team': 'the PPI team',
  'ppi-admin': 'a PPI admin',
};

const PLACE_NAMES: Readonly<Record<Place, string>> = {
  personal: 'a 1:1 chat with me',
  channel: 'a team channel',
  groupChat: 'a group chat',
  'subscribed-channel': 'a channel that gets the digest',
  'champions-channel': 'the champions’ channel',
};

/** The data a card button carried is not what it should be: an old card, or a forged one. */
export const OUT_OF_DATE_CARD = botText('This card is out of date or incomplete, so nothing was changed.');

/** "Only the PPI team can do that." / "Only the person who created this, or the PPI team, can do that." */
export function roleRefusal(roles: readonly Role[]): CardText {
  const names = [...new Set(roles)].map((r) => ROLE_NAMES[r]);
  const who = names.length > 1 ? `${names.slice(0, -1).join(', ')}, or ${names.at(-1)},` : (names[0] ?? 'nobody');
  const admins = roles.includes('ppi-admin') ? ' (PPI admins are set in the bot’s configuration, PPI_ADMIN_IDS)' : '';
  return botText(`Only ${who} can do that${admins}.`);
}

/** "Please use this in a 1:1 chat with me." */
export function placeRefusal(places: readonly Place[]): CardText {
  return botText(`Please use this in ${[...new Set(places)].map((p) => PLACE_NAMES[p]).join(' or ')}.`);
}

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  anyone: 'anyone',
  lead: 'lead of this item',
  champion: 'champion',
  'champion-or-deputy': 'champion or deputy',
  'ppi-team': 'PPI team',
  'ppi-admin': 'PPI admin',
};

export const PLACE_LABELS: Readonly<Record<Place, string>> = {
  personal: '1:1 chat',
  channel: 'team channel',
  groupChat: 'group chat',
  'subscribed-channel': 'subscribed channel',
  'champions-channel': 'champions’ channel',
};

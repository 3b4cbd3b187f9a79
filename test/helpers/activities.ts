import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { SUBMIT_VERB_KEY } from '../../src/bot/card-submit.js';
import type { Person } from './people.js';

export const TENANT_ID = 'tenant-test';
export const BOT = { id: '28:bot', name: 'PPI Partner' };

/** Where an activity happens: a person's 1:1 chat or a team channel. */
export type Place = { kind: 'personal' } | { kind: 'channel'; teamId: string; channelId: string; teamName?: string };

export const personal: Place = { kind: 'personal' };
export type ChannelPlace = Extract<Place, { kind: 'channel' }>;
export const ppiChannel: ChannelPlace = {
  kind: 'channel',
  teamId: '19:ppi-team',
  channelId: '19:ppi-channel',
  teamName: 'PPI',
};
export const managersChannel: ChannelPlace = {
  kind: 'channel',
  teamId: '19:ops-team',
  channelId: '19:managers',
  teamName: 'Ops',
};

function base(person: Person, place: Place): Partial<Activity> {
  const conversation =
    place.kind === 'personal'
      ? { id: `a:personal-${person.id}`, conversationType: 'personal', tenantId: TENANT_ID, isGroup: false }
      : {
          id: `${place.channelId};messageid=${randomUUID()}`,
          conversationType: 'channel',
          tenantId: TENANT_ID,
          isGroup: true,
        };
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: 'https://smba.test.invalid/',
    timestamp: new Date(),
    from: { id: person.channelUserId, name: person.name, aadObjectId: person.id },
    recipient: BOT,
    conversation: conversation as Activity['conversation'],
    channelData: {
      tenant: { id: TENANT_ID },
      ...(place.kind === 'channel'
        ? { team: { id: place.teamId, name: place.teamName ?? 'Team' }, channel: { id: place.channelId } }
        : {}),
    },
  };
}

export function makeMessage(
  person: Person,
  text: string,
  place: Place = personal,
  mentions: Person[] = [],
): Partial<Activity> {
  const botMention = place.kind === 'channel' ? `<at>${BOT.name}</at> ` : '';
  const others = mentions.map((m) => ` <at>${m.name}</at>`).join('');
  return {
    ...base(person, place),
    type: 'message',
    text: `${botMention}${text}${others}`,
    entities: [
      ...(place.kind === 'channel' ? [{ type: 'mention', mentioned: BOT, text: `<at>${BOT.name}</at>` }] : []),
      ...mentions.map((m) => ({
        type: 'mention',
        mentioned: { id: m.channelUserId, name: m.name },
        text: `<at>${m.name}</at>`,
      })),
    ],
  };
}

export function makeCardAction(
  person: Person,
  verb: string,
  data: unknown,
  place: Place = personal,
  replyToId = 'card-1',
): Partial<Activity> {
  return {
    ...base(person, place),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/**
 * An Action.Submit press as Teams sends it: a message with no text whose value is the button's data with the verb in
 * it (and the card's inputs beside it), replying to the card's message.
 */
export function makeCardSubmit(
  person: Person,
  verb: string,
  data: unknown,
  place: Place = personal,
  replyToId = 'card-1',
): Partial<Activity> {
  const fields = typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {};
  return { ...base(person, place), type: 'message', replyToId, value: { ...fields, [SUBMIT_VERB_KEY]: verb } };
}

export function makeInstall(
  person: Person,
  place: Place = personal,
  action: 'add' | 'remove' = 'add',
): Partial<Activity> {
  return { ...base(person, place), type: 'installationUpdate', action };
}

import { describe, expect, it } from 'vitest';
import type { Grant } from '../../src/bot/access.js';
import { botText, type CardText } from '../../src/bot/card-text.js';
import { OUT_OF_DATE_CARD, placeRefusal, roleRefusal } from '../../src/bot/refusals.js';
import { answer, type CardRoute, type CommandRoute } from '../../src/bot/router.js';
import { policyOf, type RouteRuntime, runCardAction, runCommand } from '../../src/bot/run-route.js';
import type { AdaptiveCard, ConversationInfo } from '../../src/bot/turn.js';
import { fakeTurn } from '../helpers/fake-turn.js';

const turnOf = fakeTurn;

const personal: ConversationInfo = { kind: 'personal', id: 'a:1' };
const channel: ConversationInfo = { kind: 'channel', id: '19:c;m=1', teamId: '19:t', channelId: '19:c' };
const group: ConversationInfo = { kind: 'groupChat', id: '19:g' };

function runtime(places: Partial<Record<'subscribed-channel' | 'champions-channel', boolean>> = {}): RouteRuntime {
  return {
    roles: { isPpiTeam: async (id) => id === 'member' || id === 'admin', isPpiAdmin: (id) => id === 'admin' },
    places: new Map(Object.entries(places).map(([place, ok]) => [place as 'subscribed-channel', async () => ok])),
  };
}

async function say(route: CommandRoute<RegExpMatchArray, undefined>, turn: ReturnType<typeof turnOf>, rt = runtime()) {
  let ran = false;
  await runCommand(
    turn,
    route,
    async () => {
      ran = true;
    },
    rt,
  );
  return { ran, said: turn.said };
}

const cmd = (who: Grant['who'], where: Grant['where']): CommandRoute<RegExpMatchArray, undefined> => ({
  name: 'go',
  pattern: /^go$/,
  who,
  where,
});

describe('the router checks who and where, then the data, in one voice', () => {
  it('refuses the wrong place before anything else, naming the place', async () => {
    expect(await say(cmd('anyone', 'personal'), turnOf('x', channel))).toEqual({
      ran: false,
      said: [placeRefusal(['personal'])],
    });
    expect((await say(cmd('anyone', ['channel', 'groupChat']), turnOf('x', personal))).said).toEqual([
      'Please use this in a team channel or a group chat.',
    ]);
    expect((await say(cmd('anyone', 'groupChat'), turnOf('x', group))).ran).toBe(true);
  });

  it('refuses the wrong person, naming who may', async () => {
    expect((await say(cmd('ppi-team', 'anywhere'), turnOf('lead', personal))).said).toEqual([
      'Only the PPI team can do that.',
    ]);
    expect((await say(cmd('ppi-team', 'anywhere'), turnOf('member', personal))).ran).toBe(true);
    expect((await say(cmd('ppi-admin', 'anywhere'), turnOf('member', personal))).said).toEqual([
      roleRefusal(['ppi-admin']),
    ]);
    expect(roleRefusal(['lead', 'ppi-team'])).toBe('Only the person who created this, or the PPI team, can do that.');
  });

  it('with several ways in: the place when the person may use it elsewhere, else who may', async () => {
    const digestNow = {
      name: 'digest now',
      pattern: /^go$/,
      allow: [
        { who: 'ppi-team', where: 'anywhere' },
        { who: 'anyone', where: 'subscribed-channel' },
      ],
    } as const;
    const subscribed = runtime({ 'subscribed-channel': true });
    const unsubscribed = runtime({ 'subscribed-channel': false });
    expect((await say(digestNow, turnOf('manager', channel), subscribed)).ran).toBe(true);
    expect((await say(digestNow, turnOf('manager', channel), unsubscribed)).said).toEqual([
      placeRefusal(['subscribed-channel']),
    ]);
    expect((await say(digestNow, turnOf('manager', personal), subscribed)).said).toEqual([
      placeRefusal(['subscribed-channel']),
    ]);
    expect((await say(digestNow, turnOf('member', personal), unsubscribed)).ran).toBe(true);
  });

  it('a card route: bad data is an out-of-date card; the loader can answer; item roles are checked on the item', async () => {
    const notice = (text: CardText): AdaptiveCard => ({ type: 'AdaptiveCard', text });
    const route: CardRoute<{ id: string }, { lead: string }> = {
      verb: 'v',
      who: 'lead',
      where: 'personal',
      data: (raw) => (typeof raw.id === 'string' ? { id: raw.id } : undefined),
      load: async (_turn, d) => (d.id === 'missing' ? answer(botText('Not found.')) : { lead: 'lead' }),
      holders: (item) => ({ lead: item.lead }),
    };
    const done: AdaptiveCard = { type: 'AdaptiveCard', done: true };
    const click = (actor: string, raw: Record<string, unknown>) =>
      runCardAction(turnOf(actor, personal), route, async () => done, raw, runtime(), notice);
    expect(await click('lead', { id: 'r1' })).toEqual({ card: done, from: 'handler' });
    expect(await click('lead', {})).toEqual({
      card: notice(OUT_OF_DATE_CARD),
      from: 'router',
      sentence: OUT_OF_DATE_CARD,
    });
    expect(await click('lead', { id: 'missing' })).toEqual({
      card: notice(botText('Not found.')),
      from: 'router',
      sentence: botText('Not found.'),
    });
    expect(await click('other', { id: 'r1' })).toEqual({
      card: notice(roleRefusal(['lead'])),
      from: 'router',
      sentence: roleRefusal(['lead']),
    });
    const onItsCard = await runCardAction(
      turnOf('other', personal),
      { ...route, whenRefused: (sentence) => ({ card: { type: 'AdaptiveCard', item: true, sentence } }) },
      async () => done,
      { id: 'r1' },
      runtime(),
      notice,
    );
    expect(onItsCard).toEqual({
      card: { type: 'AdaptiveCard', item: true, sentence: roleRefusal(['lead']) },
      from: 'router',
      sentence: roleRefusal(['lead']),
    });
    expect(roleRefusal(['lead'])).toBe('Only the person who created this can do that.');
  });

  it('refuses at registration a route that names a role of its item but loads none', () => {
    expect(() => policyOf('bad', 'command', { name: 'bad', pattern: /x/, who: 'lead', where: 'anywhere' })).toThrow(
      /no loader/,
    );
    expect(policyOf('ok', 'command', { name: 'ok', pattern: /x/, who: ['ppi-team'], where: 'channel' }).grants).toEqual(
      [{ who: ['ppi-team'], where: ['channel'] }],
    );
  });
});

import { readFileSync } from 'node:fs';
import type { Activity } from 'botbuilder';
import { beforeAll, describe, expect, it } from 'vitest';
import { NOT_UNDERSTOOD } from '../../src/fallback/register-fallback.js';
import { makeMessage, ppiChannel, TENANT_ID } from '../helpers/activities.js';
import { BotHarness, cardText, type TurnResult } from '../helpers/bot-harness.js';
import { type Person, people } from '../helpers/people.js';

/**
 * Every command the manifest offers in Teams' command menu is one the bot answers, in that scope: each title is sent
 * as typed (the menu inserts the title) to the real bot, and must get an answer that is neither the "didn't
 * understand" fallback nor a "do that somewhere else" refusal.
 */

type CommandList = { scopes: string[]; commands: { title: string }[] };
const manifest = JSON.parse(readFileSync(new URL('../../manifest/manifest.json', import.meta.url), 'utf8')) as {
  bots: { commandLists: CommandList[] }[];
};
const lists = manifest.bots[0]?.commandLists ?? [];
const titles = (scope: string) => lists.find((l) => l.scopes.includes(scope))?.commands.map((c) => c.title) ?? [];

/** The sentences the router uses to send a person to another kind of chat, or to refuse them (src/bot/refusals.ts). */
const WRONG_PLACE = /^Please use this in /m;
const NOT_FOR_THEM = /^Only .* can do that/m;
/** What the turn error handler says when a handler throws (src/errors/describe-failure.ts). */
const FAILED = /something went wrong on my side|I couldn't save that|Someone else changed this/;

function groupChatMessage(person: Person, text: string): Partial<Activity> {
  const activity = makeMessage(person, text);
  return {
    ...activity,
    conversation: {
      id: '19:group-chat-ppi@thread.v2',
      conversationType: 'groupChat',
      tenantId: TENANT_ID,
      isGroup: true,
      name: 'Service change group',
    },
  };
}

function everything(result: TurnResult): string {
  return [...result.texts, ...result.cards.map(cardText)].join('\n');
}

function expectAnswered(result: TurnResult, title: string): void {
  const said = everything(result);
  expect(said.trim(), `"${title}" got no answer`).not.toBe('');
  expect(said, `"${title}" fell through to the fallback`).not.toContain(NOT_UNDERSTOOD);
  expect(said, `"${title}" was refused as the wrong place`).not.toMatch(WRONG_PLACE);
  expect(said, `"${title}" was refused for who asked`).not.toMatch(NOT_FOR_THEM);
  expect(said, `"${title}" failed`).not.toMatch(FAILED);
}

describe('the manifest command menu: every title is a command the bot answers in its scope', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await BotHarness.start();
  });

  it('lists commands for personal chat, teams and group chats', () => {
    expect(titles('personal').length).toBeGreaterThan(0);
    expect(titles('team').length).toBeGreaterThan(0);
    expect(titles('groupChat').length).toBeGreaterThan(0);
  });

  it('personal: a project lead or champion in a 1:1 chat', async () => {
    for (const title of titles('personal')) {
      const before = h.messenger.sent.length;
      const result = await h.say(people.champion, title);
      // `nudge me now` in the champion's own chat answers with the check-in card itself, sent by the delivery engine.
      const delivered = h.messenger.sent
        .slice(before)
        .flatMap((s) => (typeof s.message === 'string' ? [] : [s.message.card]));
      expectAnswered({ ...result, cards: [...result.cards, ...delivered] }, title);
    }
  });

  it('team: the PPI team (an administrator) in a channel, @mentioning the bot', async () => {
    for (const title of titles('team')) expectAnswered(await h.say(people.admin, title, ppiChannel), title);
  });

  it('groupChat: a member of a group chat', async () => {
    for (const title of titles('groupChat')) {
      expectAnswered(await h.process(groupChatMessage(people.lead, title)), title);
    }
  });

  it('would catch a title that no route answers, or one offered in the wrong scope', async () => {
    expect(() => expectAnswered({ replies: [], updated: [], texts: [NOT_UNDERSTOOD], cards: [] }, 'x')).toThrow(
      /fallback/,
    );
    const inChannel = await h.say(people.lead, 'new request', ppiChannel);
    expect(() => expectAnswered(inChannel, 'new request')).toThrow(/wrong place/);
    const addBare = await h.say(people.admin, 'add PPI team member', ppiChannel);
    expect(() => expectAnswered(addBare, 'add PPI team member')).toThrow(/fallback/);
  });
});

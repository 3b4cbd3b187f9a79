import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { describe, expect, it, onTestFailed } from 'vitest';
import { readCurrentUser } from '../../scripts/local/playground-config.js';
import { PLAYGROUND_PLACES } from '../../scripts/local/role-guide.js';
import { PLAYGROUND_CONFIG } from '../../scripts/local/start-processes.js';
import { roleRefusal } from '../../src/bot/refusals.js';
import { cardButtons } from '../helpers/card-actions.js';
import { inConversation, useLocalStack } from './helpers/local-stack.js';

/** This machine's first non-loopback IPv4 address, if it has one. */
function externalAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
}

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * End to end through the Microsoft 365 Agents Playground's own HTTP API and WebSocket: the real bot process
 * (src/main.ts) and the real Playground, as `npm start` runs them.
 */
describe('bot in the Agents Playground (HTTP API)', () => {
  const stack = useLocalStack();
  const { personalChat, ppiTeamChannel } = PLAYGROUND_PLACES;

  const reportLogsOnFailure = () => onTestFailed(() => console.error(stack.recentLogs()));

  it('uses the checked-in Playground config, whose browser user is the local PPI admin', async () => {
    const config = await stack.client.config();
    expect(config.bot.name).toBe('PPI Partner');
    expect(config.currentUser.aadObjectId).toBe('00000000-0000-0000-0000-0000000000020');
    expect(readCurrentUser(PLAYGROUND_CONFIG)).toEqual({
      id: config.currentUser.id,
      name: config.currentUser.name,
      aadObjectId: config.currentUser.aadObjectId,
    });
    expect(config.users.length).toBeGreaterThanOrEqual(5);
    expect(config.personalChat.id).toBe(personalChat.id);
    const channels = config.teams.flatMap((t) => t.channels.map((c) => `${t.name}/${c.name}`));
    expect(channels).toEqual(expect.arrayContaining(['Patient Experience/General', 'Patient Experience/PPI team']));
  });

  it('keeps the bot and the Playground on loopback only', async () => {
    const address = externalAddress();
    const ports = [stack.botUrl, stack.playgroundUrl].map((url) => Number(new URL(url).port));
    for (const port of ports) expect(await connects('127.0.0.1', port)).toBe(true);
    if (!address) return; // no network interface besides loopback: nothing else to check
    for (const port of ports) expect(await connects(address, port)).toBe(false);
  });

  it('welcomes on install in personal chat and answers help there', { timeout: 30_000 }, async () => {
    reportLogsOnFailure();
    const client = stack.client;
    await client.install(personalChat.id);
    const welcome = await client.waitFor(
      (m) => inConversation(m, personalChat.id) && m.text.includes('Welcome to PPI Partner'),
      15_000,
    );
    expect(welcome.cards.length).toBe(1);

    const since = client.mark();
    await client.send(personalChat.id, 'help');
    const help = await client.waitFor(
      (m) => inConversation(m, personalChat.id) && m.text.includes('What I can do'),
      15_000,
      since,
    );
    expect(help.cards.length).toBe(1);
  });

  it('answers an @mentioned help in the PPI team channel, in that post’s thread', { timeout: 30_000 }, async () => {
    reportLogsOnFailure();
    const client = stack.client;
    const since = client.mark();
    const sent = await client.send(ppiTeamChannel.id, 'help', { mentionBot: true });
    expect(sent.postConversationId).toBeDefined();
    const help = await client.waitFor(
      (m) => inConversation(m, ppiTeamChannel.id) && m.text.includes('What I can do'),
      15_000,
      since,
    );
    expect(help.conversationId).toBe(sent.postConversationId);
  });

  it('treats the Playground user as a PPI admin: set PPI team channel works there', { timeout: 30_000 }, async () => {
    reportLogsOnFailure();
    const client = stack.client;
    const since = client.mark();
    const sent = await client.send(ppiTeamChannel.id, 'set PPI team channel', { mentionBot: true });
    const reply = await client.waitFor((m) => m.conversationId === sent.postConversationId, 15_000, since);
    expect(reply.text).not.toContain(roleRefusal(['ppi-admin']));
    expect(reply.text).toContain('new Patient Involvement Requests will be posted here');
  });

  it('runs a card button (Action.Execute) through the Playground invoke API', { timeout: 30_000 }, async () => {
    reportLogsOnFailure();
    const client = stack.client;
    const since = client.mark();
    await client.send(personalChat.id, 'help');
    const help = await client.waitFor((m) => m.text.includes('What I can do'), 15_000, since);
    // The card's first button, whichever kind CARD_ACTIONS made it: pressed as Action.Execute it works either way.
    const action = cardButtons(help.cards[0])[0];
    expect(action?.verb).toBeDefined();
    const response = (await client.invoke(personalChat.id, help.messageId, action?.verb ?? '', action?.data)) as {
      type?: string;
    };
    expect(response.type).toBe('application/vnd.microsoft.card.adaptive');
  });

  it('hears another user through a custom activity (how the guide says to act as someone else)', {
    timeout: 30_000,
  }, async () => {
    reportLogsOnFailure();
    const client = stack.client;
    const megan = (await client.config()).users[0];
    if (!megan) throw new Error('the Playground config has no users');
    const since = client.mark();
    await client.sendAs(personalChat.id, megan, 'help');
    await client.waitFor((m) => inConversation(m, personalChat.id) && m.text.includes('What I can do'), 15_000, since);
  });
});

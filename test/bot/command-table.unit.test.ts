import { describe, expect, it } from 'vitest';
import { CommandTable } from '../../src/bot/command-table.js';
import type { RouteRuntime } from '../../src/bot/run-route.js';
import type { Turn } from '../../src/bot/turn.js';
import { fakeTurn } from '../helpers/fake-turn.js';

const runtime: RouteRuntime = {
  roles: { isPpiTeam: async (id) => id === 'member', isPpiAdmin: () => false },
  places: new Map(),
};

const turnOf = (text: string, actorId = 'lead') => fakeTurn(actorId, { kind: 'personal', id: 'a:1' }, text);

function table(): { commands: CommandTable; ran: string[] } {
  const commands = new CommandTable(runtime);
  const ran: string[] = [];
  const record = (name: string) => async (turn: Turn) => {
    ran.push(`${name}: ${turn.text}`);
  };
  commands.add(
    { name: 'new request', pattern: /^new request$/i, who: 'anyone', where: 'personal', phrases: ['new request'] },
    record('new request'),
  );
  commands.add(
    {
      name: 'add directorate …',
      pattern: /^add directorate (.+)$/i,
      who: 'ppi-team',
      where: 'anywhere',
    },
    record('add directorate'),
  );
  return { commands, ran };
}

describe('the command table', () => {
  it('runs a command its polite form plainly means, keeping the case of its argument', async () => {
    const { commands, ran } = table();
    expect(await commands.forgive(turnOf('make me a sandwich'))).toEqual({ ran: false });
    expect(await commands.forgive(turnOf('New request, please!'))).toEqual({ ran: true });
    expect(await commands.forgive(turnOf('Please add directorate Digital Services.', 'member'))).toEqual({ ran: true });
    expect(ran).toEqual(['new request: New request', 'add directorate: add directorate Digital Services']);
  });

  it('still applies the route’s policy to a forgiven command', async () => {
    const { commands, ran } = table();
    const turn = turnOf('please add directorate Renal', 'lead');
    expect(await commands.forgive(turn)).toEqual({ ran: true });
    expect(ran).toEqual([]);
    expect(turn.said).toEqual(['Only the PPI team can do that.']);
  });

  it('suggests for a typo and says which commands a person may use here', async () => {
    const { commands } = table();
    expect(await commands.forgive(turnOf('new reqest'))).toEqual({ ran: false, suggestion: 'new request' });
    expect(await commands.mayUse(turnOf(''), ['new request', 'add directorate X', 'nonsense'])).toEqual([
      true,
      false,
      undefined,
    ]);
    expect(await commands.mayUse(turnOf('', 'member'), ['add directorate X'])).toEqual([true]);
  });

  it('refuses at start-up a first phrase its pattern does not match, and words two commands claim', () => {
    const { commands } = table();
    const handler = async () => undefined;
    expect(() =>
      commands.add({ name: 'x', pattern: /^x$/, who: 'anyone', where: 'anywhere', phrases: ['y'] }, handler),
    ).toThrow(/does not match its pattern/);
    expect(() =>
      commands.add(
        { name: 'start', pattern: /^start$/, who: 'anyone', where: 'anywhere', phrases: ['start', 'New Request!'] },
        handler,
      ),
    ).toThrow(/both claim the words/);
  });
});

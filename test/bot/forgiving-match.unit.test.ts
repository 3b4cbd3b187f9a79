import { describe, expect, it } from 'vitest';
import { type CommandPhrases, editDistance, forgive, politeForm, wordsOf } from '../../src/bot/forgiving-match.js';

/** A command table like the bot's: the main commands, and careful ones that remove or change shared things. */
const table: CommandPhrases[] = [
  { command: 'help', phrases: ['help', 'help me', 'what can you do', 'show me'] },
  {
    command: 'new request',
    phrases: [
      'new request',
      'start request',
      'start new involvement request',
      'new involvement request',
      'new patient involvement request',
      'new pir',
    ],
  },
  { command: 'continue', phrases: ['continue', 'carry on', 'resume', 'continue my request'] },
  { command: 'my requests', phrases: ['my requests', 'requests', 'my drafts'] },
  { command: 'status', phrases: ['status', 'where is my request'] },
  { command: 'log engagement', phrases: ['log engagement', 'record engagement'] },
  { command: 'my records', phrases: ['my records', 'records'] },
  { command: "I'm a champion", phrases: ["I'm a champion", 'register as champion', 'become champion'] },
  { command: 'nudge me now', phrases: ['nudge me now', 'check in now', 'my check in'] },
  { command: 'champions', phrases: ['champions', 'list champions'] },
  { command: 'report', phrases: ['report', 'board report', 'quarterly report'] },
  { command: 'pause nudges', phrases: ['pause nudges', 'pause my nudges'], careful: true },
  { command: 'no deputy', phrases: ['no deputy', 'remove my deputy'], careful: true },
  { command: 'unsubscribe digest', phrases: ['unsubscribe digest'], careful: true },
];

describe('politeForm: the words around a command go, its own words (and their case) stay', () => {
  it.each([
    ['HELP!', 'HELP'],
    ['Help.', 'Help'],
    ["I'd like to start a new involvement request", 'start a new involvement request'],
    ['I’d like to start a new request, please!', 'start a new request'],
    ['Please can you show my requests?', 'show my requests'],
    ['How do I log engagement?', 'log engagement'],
    ['Hi, I want to log engagement thanks', 'log engagement'],
    ['**new request**', 'new request'],
    ['“continue”', 'continue'],
    ['add directorate Digital Services.', 'add directorate Digital Services'],
    ['please', 'please'],
  ])('%s → %s', (typed, expected) => {
    expect(politeForm(typed)).toBe(expected);
  });
});

describe('forgive: what a text means in the command table', () => {
  it.each([
    ['help', 'help'],
    ['Help me', 'help'],
    ['What can you do?', 'help'],
    ['New Request', 'new request'],
    ['new PIR please', 'new request'],
    ['I would like to start a new involvement request', 'new request'],
    ['carry on!', 'continue'],
    ['My drafts', 'my requests'],
    ['Where is my request?', 'status'],
    ['I’m a champion', "I'm a champion"],
    ['Im a champion', "I'm a champion"],
    ['Check in now', 'nudge me now'],
    ['Quarterly report', 'report'],
    ['Pause my nudges', 'pause nudges'],
  ])('runs “%s” as %s', (typed, command) => {
    expect(forgive(typed, table)).toEqual({ kind: 'run', command });
  });

  it.each([
    ['hlep', 'help'],
    ['halp', 'help'],
    ['new reqest', 'new request'],
    ['new requets', 'new request'],
    ['nwe request', 'new request'],
    ['contineu', 'continue'],
    ['my reqests', 'my requests'],
    ['stauts', 'status'],
    ['log engagment', 'log engagement'],
    ['my recrods', 'my records'],
    ['nudge me nwo', 'nudge me now'],
    ['champoins', 'champions'],
    ['reprot', 'report'],
  ])('suggests for the typo “%s”: Did you mean %s?', (typed, command) => {
    expect(forgive(typed, table)).toEqual({ kind: 'suggest', command });
  });

  it.each([
    'pause nudge',
    'paus nudges',
    'pause nudgs',
    'no deputies',
    'no depty',
    'remove deputy now',
    'unsubscribe digests',
    'unsubscrbe digest',
    'remove my deptuy',
  ])('never runs nor suggests a careful command for the near miss “%s”', (typed) => {
    const forgiven = forgive(typed, table);
    expect(['pause nudges', 'no deputy', 'unsubscribe digest']).not.toContain(forgiven?.command);
  });

  it.each(['make me a sandwich', 'no', 'the', '', '???', 'x'.repeat(300), 'requests for help with my project'])(
    'leaves “%s” alone (or at most suggests something harmless)',
    (typed) => {
      const forgiven = forgive(typed, table);
      expect(forgiven?.kind).not.toBe('run');
    },
  );

  it('counts edits the way people mistype: a swap of two neighbours is one', () => {
    expect(editDistance('hlep', 'help')).toBe(1);
    expect(editDistance('help', 'help')).toBe(0);
    expect(editDistance('reqest', 'request')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(wordsOf('I’m a   Champion!')).toEqual(['im', 'champion']);
  });
});

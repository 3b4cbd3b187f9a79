import type { PlaygroundUser } from './playground-config.js';

/** The channel names and ids in scripts/playground/m365agentsplayground.yml. */
export const PLAYGROUND_PLACES = {
  personalChat: { id: 'a:ppi-partner-personal-chat', name: 'Personal Chat' },
  groupChat: { id: '19:finance-directorate-chat@thread.v2', name: 'Finance directorate' },
  team: { id: '19:managers-general-channel@thread.tacv2', name: 'Patient Experience' },
  /** The team's General channel (its id is the team id); it plays the Managers channel. */
  managersChannel: { id: '19:managers-general-channel@thread.tacv2', name: 'General' },
  ppiTeamChannel: { id: '19:ppi-team-channel@thread.tacv2', name: 'PPI team' },
} as const;

export interface GuideOptions {
  readonly playgroundUrl: string;
  readonly botUrl: string;
  readonly user: PlaygroundUser;
  /** Whether the browser user is a PPI admin (PPI_ADMIN_IDS holds their aadObjectId). */
  readonly userIsAdmin: boolean;
  readonly storage: string;
}

/** The text `npm start` prints once everything is ready (docs/local-playground.md says the same at more length). */
export function roleGuide(options: GuideOptions): string[] {
  const { team, ppiTeamChannel, managersChannel } = PLAYGROUND_PLACES;
  const who = options.userIsAdmin
    ? `You are ${options.user.name}, a PPI admin here (PPI_ADMIN_IDS=${options.user.aadObjectId}), so you can try every role:`
    : `You are ${options.user.name} (not a PPI admin: PPI_ADMIN_IDS is set to someone else). The roles:`;
  return [
    'PPI Partner is running on this computer only (loopback).',
    '',
    `  Open ${options.playgroundUrl} in your browser (Microsoft 365 Agents Playground, a Teams look-alike).`,
    '',
    `  Bot      ${options.botUrl}/api/messages   (ready check: ${options.botUrl}/readyz)`,
    `  Storage  ${options.storage}`,
    '',
    who,
    '  Project lead     "Personal Chat": the welcome card\'s "I\'m leading a project", or new request, continue, my requests',
    `  PPI team member  channel "${ppiTeamChannel.name}" of team "${team.name}": type @, pick PPI Partner, then`,
    '                     @PPI Partner set PPI team channel      (new requests are then posted there to assess)',
    '  Champion         "Personal Chat": I\'m a champion for Finance, then: nudge me now  (answer the check-in card)',
    `  Manager          channel "${managersChannel.name}" (plays "Managers": the Playground allows one extra channel):`,
    '                     @PPI Partner subscribe digest monthly  (then read the digests there)',
    '  Someone else     "Mock an Activity" > "Custom activity": set "type": "message", a "text" and another user\'s',
    '                   "from" (users: scripts/playground/m365agentsplayground.yml). In channels, @mention the bot.',
    '',
    'Guide: docs/local-playground.md.  Ctrl+C stops everything (local data is kept in .data/).',
  ];
}

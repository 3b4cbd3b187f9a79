import type { Audience, MenuButton } from '../help-topics.js';

/** What a help card shows: the short list for this person, one role's menu, or everything usable here. */
export type HelpView = 'for-you' | Audience | 'everything';

const VIEWS: readonly HelpView[] = ['for-you', 'lead', 'champion', 'ppi-team', 'everything'];

export function isHelpView(value: unknown): value is HelpView {
  return typeof value === 'string' && (VIEWS as readonly string[]).includes(value);
}

/** The most buttons a short menu shows: more goes under "Show everything". */
export const MENU_SIZE = 6;

export const VIEW_TITLES: Readonly<Record<HelpView, string>> = {
  'for-you': 'What I can do',
  lead: 'For project leads',
  champion: 'For partnership champions',
  'ppi-team': 'For the PPI team',
  everything: 'Everything I can do here',
};

export const VIEW_INTROS: Readonly<Record<HelpView, string>> = {
  'for-you': 'The things you are most likely to need. Press one: this card stays here, so you can press another.',
  lead: 'Tell the PPI team about your project with a Patient Involvement Request (saved as you go, one step at a time), and record the engagement you do.',
  champion:
    'Every six weeks, on a working day, I’ll ask how patients, carers or communities shaped your directorate’s work. Answering takes a minute.',
  'ppi-team':
    'Assess requests in the PPI team’s channel, sign off “You said, we did” items, follow the champions and produce the quarterly Board report.',
  everything:
    'Everything you can use here, with an example of each command. Commands you cannot use here are left out.',
};

/** The welcome card's three questions, in its words. */
export const ROLE_CHOICES: readonly { readonly audience: Audience; readonly title: string }[] = [
  { audience: 'lead', title: 'I’m leading a project' },
  { audience: 'champion', title: 'I’m a partnership champion' },
  { audience: 'ppi-team', title: 'I’m in the PPI team' },
];

/** Who the person is, for their short list: the PPI team and champions first, and everyone can lead a project. */
export function audiencesOf(person: { readonly ppiTeam: boolean; readonly champion: boolean }): Audience[] {
  return [
    ...(person.ppiTeam ? (['ppi-team'] as const) : []),
    ...(person.champion ? (['champion'] as const) : []),
    'lead',
  ];
}

/** Up to `max` buttons, taken in turn from each menu (so each role gets its share), without repeats. */
export function pickInTurn(menus: readonly (readonly MenuButton[])[], max = MENU_SIZE): MenuButton[] {
  const picked: MenuButton[] = [];
  const longest = Math.max(0, ...menus.map((m) => m.length));
  for (let i = 0; i < longest && picked.length < max; i++) {
    for (const menu of menus) {
      const button = menu[i];
      if (button && picked.length < max && !picked.some((p) => p.command === button.command)) picked.push(button);
    }
  }
  return picked;
}

/**
 * The command a help example names, to look up its route: "pause nudges / resume nudges" → "pause nudges",
 * "subscribe digest monthly [for Finance]" → "subscribe digest monthly".
 */
export function exampleCommand(example: string): string {
  return (example.split(' / ')[0] ?? example).replace(/\s*\[[^\]]*\]/g, '').trim();
}

/** What a short menu says when nothing on it can be used here (or the PPI team's, to someone not on it). */
export function emptyMenuNotice(view: HelpView, place: 'personal' | 'channel' | 'groupChat'): string | undefined {
  if (view === 'ppi-team') {
    return 'You are not on the PPI team yet. A PPI admin can add you: **add PPI team member @your name** in the PPI team’s channel.';
  }
  return place === 'personal'
    ? undefined
    : 'Most of this happens in a 1:1 chat with me: open a chat with PPI Partner from the Teams Apps list.';
}

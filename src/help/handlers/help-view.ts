import { botText } from '../../bot/card-text.js';
import type { BotRouter } from '../../bot/router.js';
import type { AdaptiveCard, Turn } from '../../bot/turn.js';
import type { CardButton } from '../../cards/card-action.js';
import { buildHelpCard } from '../cards/help-card.js';
import {
  audiencesOf,
  emptyMenuNotice,
  exampleCommand,
  type HelpView,
  MENU_SIZE,
  pickInTurn,
  ROLE_CHOICES,
  VIEW_INTROS,
  VIEW_TITLES,
} from '../domain/help-view.js';
import type { HelpDeps } from '../help-deps.js';
import type { HelpSection, MenuButton } from '../help-topics.js';
import { HelpVerb } from '../help-verbs.js';

const FOOTER = botText(
  'In a team channel, @mention me first. Never type patient-identifiable details (NHS numbers, contact details) here.',
);

/** What the route policies let this person use here: a command no route knows is kept (help cannot judge it). */
async function usable<T>(turn: Turn, router: BotRouter, items: readonly T[], command: (item: T) => string) {
  const allowed = await router.mayUse(turn, items.map(command));
  return items.filter((_, i) => allowed[i] !== false);
}

async function menuButtons(turn: Turn, router: BotRouter, deps: HelpDeps, view: HelpView): Promise<MenuButton[]> {
  if (view === 'everything') return [];
  const audiences =
    view === 'for-you'
      ? audiencesOf({
          ppiTeam: await router.holds(turn, 'ppi-team'),
          champion: await deps.isChampion(turn.actor.id),
        })
      : [view];
  // The short list is for roles the person has: buttons for joining a role are on that role's own menu only.
  const menuOf = (a: (typeof audiences)[number]) => deps.topics.menu(a).filter((b) => view !== 'for-you' || !b.toJoin);
  const menus = await Promise.all(audiences.map((a) => usable(turn, router, menuOf(a), (b) => b.command)));
  return pickInTurn(menus, MENU_SIZE);
}

async function sectionsFor(turn: Turn, router: BotRouter, deps: HelpDeps): Promise<HelpSection[]> {
  const sections: HelpSection[] = [];
  for (const section of deps.topics.list()) {
    const commands = await usable(turn, router, section.commands, (c) => exampleCommand(c.command));
    if (commands.length > 0) sections.push({ heading: section.heading, commands });
  }
  return sections;
}

/** The other views offered at the bottom: everything (or back to the short list), and the roles' menus. */
function switchesFor(view: HelpView): CardButton[] {
  const show = (title: string, to: HelpView) => ({ title, verb: HelpVerb.show, data: { view: to } });
  return [
    view === 'everything' ? show('Show the short list', 'for-you') : show('Show everything', 'everything'),
    ...ROLE_CHOICES.filter((r) => r.audience !== view).map((r) => show(r.title, r.audience)),
  ];
}

/**
 * A help card for this person here: their short list (or a role's menu) as buttons that run a command and keep the
 * card in place, or everything usable here; what the route policies refuse them here is left out.
 */
export async function helpCard(turn: Turn, router: BotRouter, deps: HelpDeps, view: HelpView): Promise<AdaptiveCard> {
  const buttons = await menuButtons(turn, router, deps, view);
  const outsideTeam = view === 'ppi-team' && !(await router.holds(turn, 'ppi-team'));
  const notice =
    outsideTeam || (view !== 'everything' && buttons.length === 0)
      ? emptyMenuNotice(view, turn.conversation.kind)
      : undefined;
  return buildHelpCard({
    title: botText(VIEW_TITLES[view]),
    intro: botText(VIEW_INTROS[view]),
    ...(notice ? { notice: botText(notice) } : {}),
    buttons: buttons.map((b) => ({ title: b.title, verb: HelpVerb.run, data: { command: b.command, view } })),
    sections: view === 'everything' ? await sectionsFor(turn, router, deps) : [],
    switches: switchesFor(view),
    footer: FOOTER,
  });
}

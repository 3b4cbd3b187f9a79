import {
  grantsOf,
  type Holders,
  holdsItemRole,
  ITEM_ROLES,
  isTeamChannel,
  type NormalGrant,
  type PlaceCheck,
  type RoleChecks,
  type StoredPlace,
} from './access.js';
import type { CardText } from './card-text.js';
import { OUT_OF_DATE_CARD, placeRefusal, roleRefusal } from './refusals.js';
import {
  Answer,
  type CardData,
  type CardHandler,
  type CardReply,
  type CardRoute,
  type CommandHandler,
  type CommandRoute,
  type RouteMessage,
  type RoutePolicy,
} from './router.js';
import type { AdaptiveCard, Turn } from './turn.js';

/**
 * The SDK-agnostic part of routing: check who and where, parse, load, then run the handler. Any router
 * implementation (src/teams/teams-router.ts today) runs its routes through these.
 */
export interface RouteRuntime {
  readonly roles: RoleChecks;
  readonly places: ReadonlyMap<StoredPlace, PlaceCheck>;
}

type Admitted<D, I> =
  | { readonly ok: true; readonly data: D; readonly item: I }
  | { readonly ok: false; readonly message: RouteMessage; readonly sentence?: CardText };

async function inPlace(turn: Turn, where: NormalGrant['where'], runtime: RouteRuntime): Promise<boolean> {
  if (where === 'anywhere') return true;
  for (const place of where) {
    if (place === 'personal' && turn.conversation.kind === 'personal') return true;
    if (place === 'groupChat' && turn.conversation.kind === 'groupChat') return true;
    if (place === 'channel' && isTeamChannel(turn)) return true;
    if (place === 'subscribed-channel' || place === 'champions-channel') {
      const check = runtime.places.get(place);
      if (isTeamChannel(turn) && check && (await check(turn))) return true;
    }
  }
  return false;
}

/** Cheapest first: anyone, an admin (configuration), the item's people, then the PPI team (a stored list). */
async function holdsRole(turn: Turn, grant: NormalGrant, holders: Holders | undefined, runtime: RouteRuntime) {
  const id = turn.actor.id;
  if (grant.who.includes('anyone')) return true;
  if (grant.who.includes('ppi-admin') && runtime.roles.isPpiAdmin(id)) return true;
  if (grant.who.some((role) => holdsItemRole(role, id, holders))) return true;
  return grant.who.includes('ppi-team') && (await runtime.roles.isPpiTeam(id));
}

/** The runtime with the PPI team list read at most once (for checking many routes for one person at once). */
export function readingRolesOnce(runtime: RouteRuntime): RouteRuntime {
  let ppiTeam: Promise<boolean> | undefined;
  const roles: RoleChecks = {
    isPpiAdmin: (id) => runtime.roles.isPpiAdmin(id),
    isPpiTeam: (id) => {
      ppiTeam ??= runtime.roles.isPpiTeam(id);
      return ppiTeam;
    },
  };
  return { ...runtime, roles };
}

/** Whether the person holds a role that needs no item (the PPI team, a PPI admin): help's short list asks. */
export async function holdsPersonRole(turn: Turn, role: 'ppi-team' | 'ppi-admin', runtime: RouteRuntime) {
  return holdsRole(turn, { who: [role], where: 'anywhere' }, undefined, runtime);
}

/**
 * Whether a grant could admit this person here, before any item is loaded: the place, and the person's roles; a role
 * that belongs to the item (its lead, its champion) counts as yes, since only the item can say. Help uses it to hide
 * what cannot be used here.
 */
export async function mayUseHere(turn: Turn, grants: readonly NormalGrant[], runtime: RouteRuntime): Promise<boolean> {
  for (const grant of grants) {
    if (!(await inPlace(turn, grant.where, runtime))) continue;
    if (grant.who.some((role) => ITEM_ROLES.includes(role))) return true;
    if (await holdsRole(turn, grant, undefined, runtime)) return true;
  }
  return false;
}

/**
 * undefined when a grant admits the turn; else the one sentence that says why not: the place, when the person may
 * use the route but not here; otherwise the roles that may use it here.
 */
async function refusalFor(
  turn: Turn,
  grants: readonly NormalGrant[],
  holders: Holders | undefined,
  runtime: RouteRuntime,
): Promise<CardText | undefined> {
  const checked: { grant: NormalGrant; place: boolean; role: boolean }[] = [];
  for (const grant of grants) {
    const place = await inPlace(turn, grant.where, runtime);
    const role = await holdsRole(turn, grant, holders, runtime);
    if (place && role) return undefined;
    checked.push({ grant, place, role });
  }
  const elsewhere = checked.find((c) => c.role) ?? (checked.some((c) => c.place) ? undefined : checked[0]);
  if (elsewhere) return placeRefusal(elsewhere.grant.where === 'anywhere' ? [] : elsewhere.grant.where);
  return roleRefusal(checked.filter((c) => c.place).flatMap((c) => c.grant.who));
}

/**
 * Who and where are checked before the data is read; for a route with a loader, who is checked once the item is
 * found (the item decides roles such as its lead, and a refusal can then be shown on the item's own card).
 */
async function admit<D, I>(
  turn: Turn,
  route: CommandRoute<D, I> | CardRoute<D, I>,
  read: () => D | Answer | undefined,
  runtime: RouteRuntime,
): Promise<Admitted<D, I>> {
  const grants = grantsOf(route);
  const inSomePlace = async () => {
    for (const grant of grants) if (await inPlace(turn, grant.where, runtime)) return true;
    return false;
  };
  if (!route.load || !(await inSomePlace())) {
    const refused = await refusalFor(turn, grants, undefined, runtime);
    if (refused) return { ok: false, message: refused };
  }
  const data = read();
  if (data === undefined) return { ok: false, message: OUT_OF_DATE_CARD };
  if (data instanceof Answer) return { ok: false, message: data.message };
  if (!route.load) return { ok: true, data, item: undefined as I };
  const item = await route.load(turn, data);
  if (item instanceof Answer) return { ok: false, message: item.message };
  const refused = await refusalFor(turn, grants, route.holders?.(item), runtime);
  if (!refused) return { ok: true, data, item };
  if (!route.whenRefused) return { ok: false, message: refused };
  return { ok: false, message: route.whenRefused(refused, item, data), sentence: refused };
}

export async function runCommand<D, I>(
  turn: Turn,
  route: CommandRoute<D, I>,
  handler: CommandHandler<D, I>,
  runtime: RouteRuntime,
): Promise<void> {
  const match = turn.text.match(route.pattern) ?? ([turn.text] as RegExpMatchArray);
  const admitted = await admit(turn, route, () => (route.data ? route.data(match, turn) : (match as D)), runtime);
  if (admitted.ok) return handler(turn, admitted.data, admitted.item);
  await turn.say(admitted.message);
}

export async function runCardAction<D, I>(
  turn: Turn,
  route: CardRoute<D, I>,
  handler: CardHandler<D, I>,
  raw: CardData,
  runtime: RouteRuntime,
  notice: (text: CardText) => AdaptiveCard,
): Promise<CardReply> {
  const admitted = await admit(turn, route, () => (route.data ? route.data(raw) : (raw as D)), runtime);
  if (admitted.ok) return { card: await handler(turn, admitted.data, admitted.item), from: 'handler' };
  const { message } = admitted;
  if (typeof message !== 'string') return { card: message.card, from: 'router', sentence: admitted.sentence };
  return { card: (route.notice ?? notice)(message), from: 'router', sentence: message };
}

/** A route's row in the policy table; a route that names a role of its item but cannot load one is refused here. */
export function policyOf<D, I>(
  name: string,
  kind: RoutePolicy['kind'],
  route: CommandRoute<D, I> | CardRoute<D, I>,
): RoutePolicy {
  const grants = grantsOf(route);
  if (grants.some((g) => g.who.some((r) => ITEM_ROLES.includes(r))) && (!route.load || !route.holders)) {
    throw new Error(`Route "${name}" names a role of its item but has no loader and holders.`);
  }
  return { route: name, kind, grants };
}

import type { Turn } from './turn.js';

/**
 * Who may use a route. `lead`, `champion` and `champion-or-deputy` are about the item the route acts on (the request,
 * record or check-in its loader found); the others are about the person only.
 */
export type Role = 'anyone' | 'lead' | 'champion' | 'champion-or-deputy' | 'ppi-team' | 'ppi-admin';

/**
 * Where a route may be used. `channel` is a team channel the bot can post in; `subscribed-channel` and
 * `champions-channel` depend on stored state and are checked by the feature that owns them (`BotRouter.place`).
 */
export type Place = 'personal' | 'channel' | 'groupChat' | 'subscribed-channel' | 'champions-channel';
export type StoredPlace = Extract<Place, 'subscribed-channel' | 'champions-channel'>;

/** One way in: any of these roles, in any of these places. */
export interface Grant {
  readonly who: Role | readonly Role[];
  readonly where: 'anywhere' | Place | readonly Place[];
}

/** A route's access: one grant, or several (any one admits). */
export type Access = Grant | { readonly allow: readonly Grant[] };

/** The people the loaded item belongs to, for the roles that depend on it. */
export interface Holders {
  readonly lead?: string;
  readonly champion?: string;
  readonly deputy?: string;
}

/** What the router asks about the person. */
export interface RoleChecks {
  isPpiTeam(actorId: string): Promise<boolean>;
  isPpiAdmin(actorId: string): boolean;
}

export type PlaceCheck = (turn: Turn) => Promise<boolean>;

export interface NormalGrant {
  readonly who: readonly Role[];
  readonly where: 'anywhere' | readonly Place[];
}

export function grantsOf(access: Access): NormalGrant[] {
  const grants = 'allow' in access ? access.allow : [access];
  return grants.map((g) => ({
    who: typeof g.who === 'string' ? [g.who] : g.who,
    where: g.where === 'anywhere' ? 'anywhere' : typeof g.where === 'string' ? [g.where] : g.where,
  }));
}

export const ITEM_ROLES: readonly Role[] = ['lead', 'champion', 'champion-or-deputy'];

/** The person holds `role` for this item (roles that need no item are answered by RoleChecks). */
export function holdsItemRole(role: Role, actorId: string, holders: Holders | undefined): boolean {
  if (!holders) return false;
  if (role === 'lead') return holders.lead === actorId;
  if (role === 'champion') return holders.champion === actorId;
  if (role === 'champion-or-deputy') return holders.champion === actorId || holders.deputy === actorId;
  return false;
}

/** A team channel the bot can post in: Teams gave the team, the channel and a reference to post to. */
export function isTeamChannel(turn: Turn): boolean {
  const { kind, teamId, channelId } = turn.conversation;
  return kind === 'channel' && Boolean(teamId && channelId && turn.channelReference);
}

import { placeRefusal, roleRefusal } from '../../src/bot/refusals.js';

/** The router's refusals, as tests expect them word for word. */
export const refusal = {
  ppiTeam: roleRefusal(['ppi-team']),
  ppiAdmin: roleRefusal(['ppi-admin']),
  leadOrPpiTeam: roleRefusal(['lead', 'ppi-team']),
  championOrDeputy: roleRefusal(['champion-or-deputy']),
  champion: roleRefusal(['champion']),
  personal: placeRefusal(['personal']),
  channel: placeRefusal(['channel']),
  subscribedChannel: placeRefusal(['subscribed-channel']),
  championsChannel: placeRefusal(['champions-channel']),
} as const;

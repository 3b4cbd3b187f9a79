import type { BotRouter } from '../bot/router.js';
import type { ChampionsDeps } from './champions-deps.js';
import { ChampionVerb } from './champions-verbs.js';
import { readCheckIn } from './domain/check-in-ref.js';
import {
  handToDeputy,
  loadCheckIn,
  logInvolvement,
  noRelevantWork,
  snooze,
  withoutPatients,
} from './handlers/answer-nudge.js';
import { catchUpNow, isChampionsChannel, setChampionsChannel } from './handlers/champions-channel.js';
import { listChampions } from './handlers/list-champions.js';
import { nudgeNow, nudgeSomeoneNow } from './handlers/nudge-now.js';
import { championHolders, loadOwnChampion } from './handlers/own-champion.js';
import {
  askDirectorate,
  registerFromPicker,
  registerOther,
  registerSelf,
  setPaused,
} from './handlers/register-champion.js';
import { setBuddy } from './handlers/set-buddy.js';
import { readCadenceDays, setCadence } from './handlers/set-cadence.js';
import { setDeputy, setPickedDeputy } from './handlers/set-deputy.js';

/** Partnership champions: registration, deputies, the list for the PPI team, pausing, and answering nudges. */
export function registerChampions(router: BotRouter, deps: ChampionsDeps): void {
  deps.topics.add({
    heading: 'Partnership champions',
    commands: [
      {
        command: "I'm a champion for Finance",
        description:
          'Register as your directorate’s partnership champion (1:1 chat; “I’m a champion” lets you choose).',
      },
      { command: 'my deputy', description: 'Choose a deputy who can answer check-ins for you (1:1 chat).' },
      { command: 'my deputy is @name', description: 'Name a deputy by @mention (in a team channel).' },
      {
        command: 'my buddy is @name',
        description: 'Pair with a champion from another directorate for mutual advice (in a channel or chat).',
      },
      { command: 'pause nudges / resume nudges', description: 'Pause or resume your check-ins.' },
      { command: 'add champion @person for Finance', description: 'PPI team: register someone (in a team channel).' },
      { command: 'nudge me every 8 weeks', description: 'Change how often you are asked (default every 6 weeks).' },
      { command: 'nudge me now', description: 'Get your check-in card now instead of waiting.' },
      { command: 'champions', description: 'PPI team: champions by directorate, and those with fewer than two.' },
      { command: 'nudge @person now', description: 'PPI team: send a champion their check-in now.' },
      { command: 'set champions channel', description: 'PPI admins: post the champions’ catch-up in this channel.' },
      {
        command: 'catch-up now',
        description: 'Ideas, challenges and achievements since the last catch-up (champions’ channel).',
      },
    ],
  });
  deps.topics.addToMenu(
    'champion',
    { title: 'Register as a champion', command: "I'm a champion", toJoin: true },
    { title: 'My check-in now', command: 'nudge me now' },
    { title: 'Choose my deputy', command: 'my deputy' },
    { title: 'Pause my nudges', command: 'pause nudges' },
    { title: 'Resume my nudges', command: 'resume nudges' },
  );
  deps.topics.addToMenu(
    'ppi-team',
    { title: 'Champions by directorate', command: 'champions', rank: 30 },
    { title: 'Champions’ catch-up', command: 'catch-up now', rank: 40 },
  );
  router.place('champions-channel', isChampionsChannel(deps.ppiTeam));
  const self = { who: 'champion', where: 'anywhere', load: loadOwnChampion(deps), holders: championHolders } as const;

  router.command(
    {
      name: "I'm a champion",
      pattern:
        /^((i['’]?m|i am) (a |the )?(partnership )?champion|(register|sign up) as (a )?(partnership )?champion|become a champion)$/i,
      who: 'anyone',
      where: 'personal',
      phrases: ["I'm a champion", 'register as champion', 'become champion', 'partnership champion'],
    },
    (turn) => askDirectorate(turn, deps),
  );
  router.command(
    {
      name: "I'm a champion for …",
      pattern: /^(i['’]?m|i am) (a |the )?(partnership )?champion for (.+)$/i,
      who: 'anyone',
      where: 'personal',
      data: (m) => m[4] ?? '',
    },
    (turn, directorate) => registerSelf(turn, deps, directorate),
  );
  router.command(
    {
      name: 'add champion @… for …',
      pattern: /^add (partnership )?champion\b(.*?)\bfor (.+)$/i,
      who: 'ppi-team',
      where: 'channel',
      data: (m) => m[3] ?? '',
    },
    (turn, directorate) => registerOther(turn, deps, directorate),
  );
  router.command(
    {
      name: 'champions',
      pattern: /^((list|show)( me)? )?(the |all )?champions$/i,
      who: 'ppi-team',
      where: 'anywhere',
      phrases: ['champions', 'list champions', 'who are the champions'],
    },
    (turn) => listChampions(turn, deps),
  );
  router.command(
    {
      ...self,
      name: 'pause nudges',
      pattern: /^(pause|stop) (my )?nudges$/i,
      phrases: ['pause nudges', 'pause my nudges'],
      careful: true,
    },
    (turn, _m, loaded) => setPaused(turn, deps, loaded, true),
  );
  router.command(
    {
      ...self,
      name: 'resume nudges',
      pattern: /^(resume|restart|start) (my )?nudges( again)?$/i,
      phrases: ['resume nudges', 'resume my nudges'],
    },
    (turn, _m, loaded) => setPaused(turn, deps, loaded, false),
  );
  router.command(
    {
      ...self,
      name: 'nudge me now',
      pattern: /^(nudge me now|check[- ]?in now|my check[- ]?in( now)?)$/i,
      phrases: ['nudge me now', 'check in now', 'my check in', 'send my check in'],
    },
    (turn, _m, loaded) => nudgeNow(turn, deps, loaded),
  );
  router.command(
    { ...self, name: 'nudge me every …', pattern: /^nudge me (every .+)$/i, data: (m) => readCadenceDays(m[1] ?? '') },
    (turn, days, loaded) => setCadence(turn, deps, days, loaded),
  );
  router.command(
    {
      name: 'nudge @… now',
      pattern: /^nudge\b(?!\s+me\b).*\bnow\b/i,
      who: 'ppi-team',
      where: ['channel', 'groupChat'],
    },
    (turn) => nudgeSomeoneNow(turn, deps),
  );
  router.command(
    {
      name: 'set champions channel',
      pattern: /^set (the )?champions['’]? channel$/i,
      who: 'ppi-admin',
      where: 'channel',
    },
    (turn) => setChampionsChannel(turn, deps),
  );
  router.command(
    {
      name: 'catch-up now',
      pattern: /^catch[- ]?up( now)?$/i,
      phrases: ['catch-up now', 'catch up', 'champions catch up'],
      allow: [
        { who: 'ppi-team', where: 'anywhere' },
        { who: 'anyone', where: 'champions-channel' },
      ],
    },
    (turn) => catchUpNow(turn, deps),
  );
  router.command(
    {
      ...self,
      name: 'my deputy (is @…)',
      pattern: /^(my deputy( is\b.*)?|(name|set|choose|change|pick) (a |my )?deputy)$/i,
      phrases: ['my deputy', 'choose my deputy', 'name my deputy', 'set my deputy'],
    },
    (turn, _m, loaded) => setDeputy(turn, deps, loaded, false),
  );
  router.command(
    {
      ...self,
      name: 'no deputy',
      pattern: /^(no deputy|remove (my )?deputy)$/i,
      phrases: ['no deputy', 'remove my deputy'],
      careful: true,
    },
    (turn, _m, loaded) => setDeputy(turn, deps, loaded, true),
  );
  router.cardAction({ ...self, verb: ChampionVerb.deputyPicked, where: 'personal' }, (turn, inputs, loaded) =>
    setPickedDeputy(turn, deps, inputs, loaded),
  );
  router.cardAction({ verb: ChampionVerb.register, who: 'anyone', where: 'personal' }, (turn, inputs) =>
    registerFromPicker(turn, deps, inputs),
  );
  router.command(
    {
      ...self,
      name: 'my buddy is @…',
      pattern: /^(my buddy( is\b.*)?|(find|choose|name|set) (a |my )?buddy)$/i,
      where: ['channel', 'groupChat'],
      phrases: ['my buddy', 'choose my buddy', 'find a buddy'],
    },
    (turn, _m, loaded) => setBuddy(turn, deps, loaded, false),
  );
  router.command(
    {
      ...self,
      name: 'no buddy',
      pattern: /^(no buddy|remove (my )?buddy)$/i,
      phrases: ['no buddy', 'remove my buddy'],
      careful: true,
    },
    (turn, _m, loaded) => setBuddy(turn, deps, loaded, true),
  );

  const checkIn = {
    who: 'champion-or-deputy',
    where: 'personal',
    data: readCheckIn,
    load: loadCheckIn(deps),
    holders: championHolders,
  } as const;
  router.cardAction({ ...checkIn, verb: ChampionVerb.log }, (turn, data, loaded) =>
    logInvolvement(turn, deps, data, loaded),
  );
  router.cardAction({ ...checkIn, verb: ChampionVerb.nothing }, (turn, data, loaded) =>
    withoutPatients(turn, deps, data, loaded),
  );
  router.cardAction({ ...checkIn, verb: ChampionVerb.noWork }, (turn, data, loaded) =>
    noRelevantWork(turn, deps, data, loaded),
  );
  router.cardAction({ ...checkIn, verb: ChampionVerb.snooze }, (turn, data, loaded) =>
    snooze(turn, deps, data, loaded),
  );
  router.cardAction({ ...checkIn, who: 'champion', verb: ChampionVerb.deputy }, (_turn, data, loaded) =>
    handToDeputy(deps, data, loaded),
  );
}

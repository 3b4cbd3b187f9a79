import type { BotRouter } from '../bot/router.js';
import type { ChampionDeps } from './champion-deps.js';
import { ChampionVerb } from './champion-verbs.js';
import { handToDeputy, logInvolvement, nothingToReport, snooze } from './handlers/answer-nudge.js';
import { catchUpNow, setChampionsChannel } from './handlers/champions-channel.js';
import { listChampions } from './handlers/list-champions.js';
import { nudgeNow } from './handlers/nudge-now.js';
import { registerOther, registerSelf, setPaused } from './handlers/register-champion.js';
import { setCadence } from './handlers/set-cadence.js';
import { setDeputy } from './handlers/set-deputy.js';

/** Partnership champions: registration, deputies, the list for the PPI team, pausing, and answering nudges. */
export function registerChampions(router: BotRouter, deps: ChampionDeps): void {
  deps.topics.add({
    heading: 'Partnership champions',
    commands: [
      {
        command: "I'm a champion for Finance",
        description: 'Register as your directorate’s partnership champion (1:1 chat).',
      },
      { command: 'my deputy is @name', description: 'Name a deputy who can answer check-ins (in a team channel).' },
      { command: 'pause nudges / resume nudges', description: 'Pause or resume your six-weekly nudges.' },
      { command: 'add champion @person for Finance', description: 'PPI team: register someone (in a team channel).' },
      { command: 'nudge me every 8 weeks', description: 'Change how often you are asked (default every 6 weeks).' },
      { command: 'nudge me now', description: 'Get your check-in card now instead of waiting.' },
      { command: 'champions', description: 'PPI team: champions by directorate.' },
      { command: 'nudge @person now', description: 'PPI team: send a champion their check-in now.' },
      { command: 'set champions channel', description: 'PPI team: post the six-weekly catch-up in this channel.' },
      { command: 'catch-up now', description: 'The champions’ catch-up for the last six weeks.' },
    ],
  });
  router.command(/^(i['’]?m|i am) (a |the )?(partnership )?champion for (.+)$/i, (turn, m) =>
    registerSelf(turn, deps, m[4] ?? ''),
  );
  router.command(/^add (partnership )?champion\b(.*?)\bfor (.+)$/i, (turn, m) => registerOther(turn, deps, m[3] ?? ''));
  router.command(/^(list )?(the )?champions$/i, (turn) => listChampions(turn, deps));
  router.command(/^(pause|resume) (my )?nudges$/i, (turn, m) => setPaused(turn, deps, m[1]?.toLowerCase() === 'pause'));
  router.command(/^nudge me now$/i, (turn) => nudgeNow(turn, deps, true));
  router.command(/^nudge me (every .+)$/i, (turn, m) => setCadence(turn, deps, m[1] ?? ''));
  router.command(/^nudge\b.*\bnow\b/i, (turn) => nudgeNow(turn, deps, false));
  router.command(/^set (the )?champions['’]? channel$/i, (turn) => setChampionsChannel(turn, deps));
  router.command(/^catch[- ]?up now$/i, (turn) => catchUpNow(turn, deps));
  router.command(/^my deputy is\b/i, (turn) => setDeputy(turn, deps, false));
  router.command(/^(no deputy|remove (my )?deputy)$/i, (turn) => setDeputy(turn, deps, true));
  router.cardAction(ChampionVerb.log, (turn, data) => logInvolvement(turn, deps, data));
  router.cardAction(ChampionVerb.nothing, (turn, data) => nothingToReport(turn, deps, data));
  router.cardAction(ChampionVerb.snooze, (turn, data) => snooze(turn, deps, data));
  router.cardAction(ChampionVerb.deputy, (turn, data) => handToDeputy(turn, deps, data));
}

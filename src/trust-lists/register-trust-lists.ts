import type { BotRouter } from '../bot/router.js';
import { LIST_SPECS, type ListSpec } from './domain/list-specs.js';
import { addToList, renameInList, retireFromList, showList } from './handlers/manage-list.js';
import type { TrustListsDeps } from './trust-lists-deps.js';

function registerList(router: BotRouter, deps: TrustListsDeps, spec: ListSpec): void {
  router.command(
    { name: spec.many, pattern: spec.listPattern, who: 'anyone', where: 'anywhere', phrases: spec.phrases },
    (turn) => showList(turn, deps, spec),
  );
  const admin = { who: 'ppi-admin', where: 'anywhere' } as const;
  const text = (m: RegExpMatchArray) => m[1] ?? '';
  router.command(
    { ...admin, name: `add ${spec.one} …`, pattern: new RegExp(`^add (?:a )?${spec.words} (.+)$`, 'i'), data: text },
    (turn, typed) => addToList(turn, deps, spec, typed),
  );
  router.command(
    {
      ...admin,
      name: `rename ${spec.one} … to …`,
      pattern: new RegExp(`^rename (?:the )?${spec.words} (.+)$`, 'i'),
      data: text,
    },
    (turn, typed) => renameInList(turn, deps, spec, typed),
  );
  router.command(
    {
      ...admin,
      name: `retire ${spec.one} …`,
      pattern: new RegExp(`^(?:retire|remove|delete) (?:the )?${spec.words} (.+)$`, 'i'),
      data: text,
    },
    (turn, typed) => retireFromList(turn, deps, spec, typed),
  );
}

/**
 * The Trust's own lists (directorates / CMGs, Quality Strategy priorities, common answers to "How did you hear…?"):
 * anyone can see them, PPI admins add, rename and retire entries (audited).
 */
export function registerTrustLists(router: BotRouter, deps: TrustListsDeps): void {
  deps.topics.add({
    heading: 'The Trust’s own lists',
    commands: [
      { command: 'directorates', description: 'Directorates and clinical management groups to choose from.' },
      { command: 'quality priorities', description: 'The Quality Strategy priorities a request can serve.' },
      { command: 'how heard answers', description: 'Common answers counted on feedback survey results.' },
      {
        command: 'add directorate Digital Services',
        description: 'PPI admins: also rename … to … and retire …, for each list.',
      },
    ],
  });
  for (const spec of Object.values(LIST_SPECS)) {
    if (spec.menu) deps.topics.addToMenu('ppi-team', { ...spec.menu, command: spec.many });
    registerList(router, deps, spec);
  }
}

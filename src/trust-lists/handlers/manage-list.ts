import { type CardText, lines, md } from '../../bot/card-text.js';
import type { Turn } from '../../bot/turn.js';
import { cleanText } from '../../forms/read-form-field.js';
import { describePersonalData } from '../../personal-data/describe-personal-data.js';
import { maskPersonalData } from '../../personal-data/mask-personal-data.js';
import type { ListEntry } from '../../reference-data/reference-data.js';
import {
  addEntry,
  type ChangedBy,
  type ListChange,
  renameEntry,
  retireEntry,
  splitRename,
} from '../domain/list-changes.js';
import { MAX_LABEL } from '../domain/list-entries.js';
import type { ListSpec, TrustListName } from '../domain/list-specs.js';
import type { TrustListStore } from '../store/trust-list-store.js';
import { TRUST_LISTS_AUDIT, type TrustListsDeps } from '../trust-lists-deps.js';

function storeOf(deps: TrustListsDeps, name: TrustListName): TrustListStore {
  if (name === 'directorates') return deps.lists.directorates;
  return name === 'quality-priorities' ? deps.lists.qualityPriorities : deps.lists.howHeard;
}

/** `directorates`, `quality priorities`, `how heard answers`: what is offered, then what was retired. */
export async function showList(turn: Turn, deps: TrustListsDeps, spec: ListSpec): Promise<void> {
  const entries = await storeOf(deps, spec.name).entries();
  const current = entries.filter((e) => !e.retired);
  const retired = entries.filter((e) => e.retired);
  const rows = [
    md`${spec.title} (${current.length}):`,
    md``,
    ...current.map((e) => md`- ${e.label}`),
    ...(retired.length > 0
      ? [md``, md`No longer offered (still named where they were used): ${retired.map((e) => e.label).join('; ')}.`]
      : []),
  ];
  await turn.say(lines(...rows));
}

type Saved = Extract<ListChange, { kind: 'save' }>;

const SAVED: Readonly<Record<Saved['outcome'], (spec: ListSpec, change: Saved) => CardText>> = {
  added: (spec, c) => md`Added ${c.row.label} to the ${spec.many}. ${spec.usedFor}`,
  restored: (spec, c) => md`${c.row.label} is back on the ${spec.many} (it had been retired). ${spec.usedFor}`,
  renamed: (_spec, c) =>
    md`Renamed ${c.before?.label ?? ''} to ${c.row.label}. Everything recorded under it now shows the new name.`,
  retired: (spec, c) =>
    md`Retired ${c.row.label}: it is no longer offered as a ${spec.one}, and requests, records and reports that used it keep its name.`,
};

const ACTIONS: Readonly<Record<Saved['outcome'], string>> = {
  added: 'added',
  restored: 'restored',
  renamed: 'renamed',
  retired: 'retired',
};

function refusal(spec: ListSpec, change: Exclude<ListChange, Saved>, typed: string, usage: string): CardText | string {
  switch (change.reason) {
    case 'no-name':
      return md`Please give the ${spec.one}'s name (up to ${MAX_LABEL} characters), e.g. **${usage}**.`;
    case 'personal-data':
      return describePersonalData(change.findings, { shownMasked: false });
    case 'exists':
      return md`${change.entry.label} is already on the ${spec.many}.`;
    case 'already-retired':
      return md`${change.entry.label} is already retired. Type **add ${spec.one} ${change.entry.label}** to bring it back.`;
    case 'last-entry':
      return md`${change.entry.label} is the only ${spec.one} left to choose from, so it stays: add another one first.`;
    case 'not-found':
      return md`I couldn't find “${maskPersonalData(cleanText(typed).slice(0, MAX_LABEL))}” on the ${spec.many}. Type **${spec.many}** to see them.`;
    case 'same-name':
      return 'That is its name already, so nothing changed.';
  }
}

/** Saves the change (audited) or says why not. */
async function apply(
  turn: Turn,
  deps: TrustListsDeps,
  spec: ListSpec,
  decide: (entries: readonly ListEntry[], by: ChangedBy) => ListChange,
  typed: string,
  usage: string,
): Promise<void> {
  const store = storeOf(deps, spec.name);
  const at = deps.now().toISOString();
  const change = decide(await store.entries(), { by: turn.actor.id, at });
  if (change.kind === 'refuse') {
    await turn.say(refusal(spec, change, typed, usage));
    return;
  }
  if ((await store.save(change.row, change.before)) === 'changed') {
    await turn.say('Someone changed this list at the same moment, so nothing was saved: please try again.');
    return;
  }
  const before = change.before && change.before.label !== change.row.label ? `${change.before.label} → ` : '';
  await deps.audit.append(TRUST_LISTS_AUDIT, {
    at,
    actor: { id: turn.actor.id, name: turn.actor.name },
    action: `${spec.title}: ${ACTIONS[change.outcome]}`,
    detail: `${before}${change.row.label} (${change.row.id})`,
  });
  turn.log.info({ list: spec.name, outcome: change.outcome, id: change.row.id }, 'trust list changed');
  await turn.say(SAVED[change.outcome](spec, change));
}

/** `add directorate Digital Services` (PPI admins). */
export function addToList(turn: Turn, deps: TrustListsDeps, spec: ListSpec, text: string): Promise<void> {
  const usage = `add ${spec.one} ${spec.example}`;
  return apply(turn, deps, spec, (entries, by) => addEntry(entries, cleanText(text), by), text, usage);
}

/** `rename directorate Finance to Finance and Estates` (PPI admins): the id stays, so old records show the new name. */
export function renameInList(turn: Turn, deps: TrustListsDeps, spec: ListSpec, text: string): Promise<void> {
  const usage = `rename ${spec.one} ${spec.example} to ${spec.example} and more`;
  return apply(
    turn,
    deps,
    spec,
    (entries, by) => {
      const split = splitRename(entries, cleanText(text));
      return split ? renameEntry(entries, split.from, split.to, by) : { kind: 'refuse', reason: 'no-name' };
    },
    splitRename([], cleanText(text))?.from ?? text,
    usage,
  );
}

/** `retire directorate Digital Services` (PPI admins): no longer offered, still named where it was used. */
export function retireFromList(turn: Turn, deps: TrustListsDeps, spec: ListSpec, text: string): Promise<void> {
  const usage = `retire ${spec.one} ${spec.example}`;
  return apply(turn, deps, spec, (entries, by) => retireEntry(entries, cleanText(text), by), text, usage);
}

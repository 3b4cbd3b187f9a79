import { botText, type CardText, md } from '../bot/card-text.js';
import type { BotRouter } from '../bot/router.js';
import { maskPersonalData } from '../personal-data/mask-personal-data.js';
import { shorten } from '../text/shorten.js';
import { recordsNotice } from './cards/records-notice.js';
import { signOffCard } from './cards/sign-off-card.js';
import type { RecordKind } from './domain/record-doc.js';
import { readSaveSubmission } from './domain/save-ref.js';
import { editRecord, myRecords } from './handlers/my-records.js';
import { loadRecord, saveRecord } from './handlers/save-record.js';
import { decideSignOff, listApprovals, loadPendingItem, type PendingItem } from './handlers/sign-off.js';
import { chooseCategory, startRecord } from './handlers/start-record.js';
import { recordTold } from './handlers/told-participants.js';
import type { RecordsDeps } from './records-deps.js';
import { RecordVerb } from './records-verbs.js';

/** Engagement records, feedback survey results and "You said, we did" items, with the PPI team's sign-off. */
export function registerRecords(router: BotRouter, deps: RecordsDeps): void {
  deps.topics.add({
    heading: 'Evidence of involvement',
    commands: [
      {
        command: 'log engagement',
        description: 'Record an engagement activity once it has taken place: what it was and how many took part.',
      },
      { command: 'log feedback', description: 'Enter the collated feedback survey results for an activity.' },
      { command: 'you said we did', description: 'Record what patients said and what was done (or why not).' },
      { command: 'my records', description: 'Your records of the last three months, to change them.' },
      { command: 'approvals', description: 'PPI team: sign off “You said, we did” items for the digests.' },
    ],
  });
  deps.topics.addToMenu(
    'lead',
    { title: 'Log engagement', command: 'log engagement' },
    { title: 'My records', command: 'my records' },
  );
  deps.topics.addToMenu('ppi-team', { title: 'Sign-offs waiting', command: 'approvals', rank: 20 });
  const inChat = { who: 'anyone', where: 'personal', notice: recordsNotice } as const;
  const starts: [string, RegExp, RecordKind, string[]][] = [
    [
      'log engagement',
      /^(log|record|new|add) (an? )?engagement( record| activity)?$/i,
      'engagement',
      ['log engagement', 'record engagement', 'new engagement record', 'engagement activity'],
    ],
    [
      'log feedback',
      /^(log|record|new|add|enter) feedback( survey| results| forms)?$/i,
      'feedback',
      ['log feedback', 'record feedback', 'feedback results', 'feedback survey'],
    ],
    [
      'you said we did',
      /^(new |log |record )?(you said,? we did|yswd)$/i,
      'yswd',
      ['you said we did', 'log you said we did'],
    ],
  ];
  for (const [name, pattern, kind, phrases] of starts) {
    router.command({ ...inChat, name, pattern, phrases }, (turn) => startRecord(turn, deps, kind));
  }
  router.command(
    {
      ...inChat,
      name: 'my records',
      pattern: /^((list|show|see|view)( me)? )?(all )?my records$/i,
      phrases: ['my records', 'records', 'my engagement records'],
    },
    async (turn) => {
      await turn.say({ card: await myRecords(turn, deps) });
    },
  );
  router.command(
    {
      name: 'approvals',
      pattern: /^(approvals|sign[- ]?offs?( waiting)?)$/i,
      who: 'ppi-team',
      where: 'anywhere',
      phrases: ['approvals', 'sign off', 'items to sign off', 'waiting for sign off'],
    },
    (turn) => listApprovals(turn, deps),
  );
  router.cardAction({ ...inChat, verb: RecordVerb.category }, (_turn, data) => chooseCategory(deps, data));
  router.cardAction({ ...inChat, verb: RecordVerb.mine }, (turn) => myRecords(turn, deps));

  const theirs = {
    who: ['lead', 'ppi-team'],
    where: 'personal',
    notice: recordsNotice,
    data: readSaveSubmission,
    holders: (record: { lead: string }) => ({ lead: record.lead }),
  } as const;
  router.cardAction(
    {
      ...theirs,
      verb: RecordVerb.save,
      load: loadRecord(deps, () => botText("I couldn't find that record: it may have been moved or removed.")),
    },
    (turn, submission, record) => saveRecord(turn, deps, submission, record),
  );
  router.cardAction(
    {
      ...theirs,
      verb: RecordVerb.told,
      load: loadRecord(deps, () => botText("I couldn't find that item: it may have been changed or removed.")),
    },
    (turn, submission, record) => recordTold(turn, deps, submission, record),
  );
  router.cardAction(
    {
      ...theirs,
      verb: RecordVerb.edit,
      load: loadRecord(
        deps,
        (ref) =>
          md`I couldn't find that record (${maskPersonalData(shorten(ref.id, 40))}): it may have been changed or removed.`,
      ),
    },
    (_turn, submission, record) => editRecord(deps, submission, record),
  );

  const signOff = {
    who: 'ppi-team',
    where: 'anywhere',
    data: readSaveSubmission,
    load: loadPendingItem(deps),
    whenRefused: (sentence: CardText, item: PendingItem) => ({
      card: signOffCard(item.loaded.value, item.directorates, { notice: sentence }),
    }),
  } as const;
  router.cardAction({ ...signOff, verb: RecordVerb.approve }, (turn, submission, found) =>
    decideSignOff(turn, deps, submission, found, true),
  );
  router.cardAction({ ...signOff, verb: RecordVerb.sendBack }, (turn, submission, found) =>
    decideSignOff(turn, deps, submission, found, false),
  );
}

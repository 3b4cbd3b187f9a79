import type { BotRouter } from '../bot/router.js';
import { editRecord, myRecords, myRecordsAction } from './handlers/my-records.js';
import { saveRecord } from './handlers/save-record.js';
import { decideSignOff, listApprovals } from './handlers/sign-off.js';
import { chooseCategory, startRecord } from './handlers/start-record.js';
import type { RecordsDeps } from './records-deps.js';
import { RecordVerb } from './records-verbs.js';

/** Engagement records, feedback survey results and "You said, we did" items, with the PPI team's sign-off. */
export function registerRecords(router: BotRouter, deps: RecordsDeps): void {
  deps.topics.add({
    heading: 'Evidence of involvement',
    commands: [
      { command: 'log engagement', description: 'Record an engagement activity (seed 004 Appendix 3).' },
      { command: 'log feedback', description: 'Enter the collated feedback survey results for an activity.' },
      { command: 'you said we did', description: 'Record what patients said and what was done (or why not).' },
      { command: 'my records', description: 'Your records of the last three months, to change them.' },
      { command: 'approvals', description: 'PPI team: sign off “You said, we did” items for the digests.' },
    ],
  });
  router.command(/^(log|record|new) engagement( record)?$/i, (turn) => startRecord(turn, deps, 'engagement'));
  router.command(/^(log|record|new) feedback( survey| results)?$/i, (turn) => startRecord(turn, deps, 'feedback'));
  router.command(/^(new |log )?you said,? we did$/i, (turn) => startRecord(turn, deps, 'yswd'));
  router.command(/^my records$/i, (turn) => myRecords(turn, deps));
  router.command(/^(approvals|sign[- ]?off)$/i, (turn) => listApprovals(turn, deps));
  router.cardAction(RecordVerb.category, (turn, data) => chooseCategory(turn, deps, data));
  router.cardAction(RecordVerb.save, (turn, data) => saveRecord(turn, deps, data));
  router.cardAction(RecordVerb.mine, (turn) => myRecordsAction(turn, deps));
  router.cardAction(RecordVerb.edit, (turn, data) => editRecord(turn, deps, data));
  router.cardAction(RecordVerb.approve, (turn, data) => decideSignOff(turn, deps, data, true));
  router.cardAction(RecordVerb.sendBack, (turn, data) => decideSignOff(turn, deps, data, false));
}

import { md } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import { buildNoticeCard } from '../../cards/notice-card.js';
import { ordinal } from '../domain/answer-changes.js';
import { PirVerb } from '../pir-verbs.js';

/**
 * The lead's confirmation: the reference, and the truth about where it is. Either the PPI team's card is in their
 * channel, or it is on its way (no channel yet, or Teams was slow): it is posted without the lead doing anything.
 */
export function buildSubmittedCard(reference: string, submission: number, posted: boolean): AdaptiveCard {
  const resubmitted = submission > 1;
  const version = resubmitted ? ` (${ordinal(submission)} version)` : '';
  return buildNoticeCard({
    title: md`${resubmitted ? 'Resubmitted' : 'Submitted'}: ${reference}${version}`,
    text: posted
      ? md`Submitted as ${reference}. The PPI team has it in their channel and will assess it. I'll message you here with the outcome.`
      : md`Submitted as ${reference}; the PPI team will see it shortly. There is nothing more for you to do: I'll message you here with the outcome.`,
    buttons: [{ title: 'My requests', verb: PirVerb.list }],
  });
}

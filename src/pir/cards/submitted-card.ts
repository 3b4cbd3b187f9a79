import { md } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import { buildNoticeCard } from '../../cards/notice-card.js';
import { PirVerb } from '../pir-verbs.js';

/** The lead's confirmation: the reference, and where the request went (the PPI team's channel, or not set up yet). */
export function buildSubmittedCard(reference: string, resubmission: boolean, posted: boolean): AdaptiveCard {
  return buildNoticeCard({
    title: md`${resubmission ? 'Resubmitted' : 'Submitted'}: ${reference}`,
    text: posted
      ? md`Thank you. The PPI team has your request ${reference} and will assess it. I'll message you here with the outcome.`
      : md`Thank you. Your request ${reference} is submitted. The PPI team's channel isn't set up yet, so the PPI team will need to look it up with **status ${reference}**; I'll message you here with the outcome.`,
    buttons: [{ title: 'My requests', verb: PirVerb.list }],
  });
}

import { botText, type CardText, lines, md } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import { buildNoticeCard } from '../../cards/notice-card.js';
import type { Pir } from '../../pir/domain/pir.js';
import { shorten } from '../../text/shorten.js';
import type { CloseOutReview, Project } from '../domain/project.js';
import { endDateOf } from '../domain/stage.js';
import { LifecycleVerb } from '../lifecycle-verbs.js';
import { ukDay } from './uk-day.js';

const titleOf = (pir: Pir) => shorten(pir.answers.title ?? 'Untitled', 150);

/** A sentence on a lifecycle card (a refusal, an out-of-date card, what was saved). */
export function projectNotice(text: CardText): AdaptiveCard {
  return buildNoticeCard({ text });
}

/** The lead's confirmation that the close-out went to the PPI team (or that its channel is not set up yet). */
export function submittedNotice(pir: Pir, posted: boolean): AdaptiveCard {
  const reference = pir.reference ?? '';
  return buildNoticeCard({
    title: md`Close-out sent: ${reference}`,
    text: posted
      ? md`Thank you. The PPI team has the close-out of ${reference} and will review it. I'll message you here when they have.`
      : md`Thank you. The close-out of ${reference} is saved for the PPI team; its channel isn't set up yet, so they will find it with **close-outs**. I'll message you here when they have reviewed it.`,
  });
}

/** The lead is told the PPI team's decision on a close-out: closed, or more asked for. */
export function decisionNotice(pir: Pir, review: CloseOutReview): AdaptiveCard {
  const reference = pir.reference ?? '';
  if (review.decision === 'accepted') {
    return buildNoticeCard({
      title: md`${reference}: closed`,
      text: md`${review.by.name} accepted the close-out of “${titleOf(pir)}”, so the project is closed. Thank you for putting patients at the heart of it: what it achieved goes into the PPI team’s quarterly report to the Trust Board.`,
    });
  }
  return buildNoticeCard({
    title: md`${reference}: the PPI team asked for more`,
    text: md`${review.by.name} asked for more on the close-out of “${titleOf(pir)}”: “${shorten(review.comment ?? '', 1000)}”`,
    buttons: [{ title: 'Open the close-out', verb: LifecycleVerb.closeOut, data: { pirId: pir.id } }],
  });
}

/** Posted in the PPI team's channel when a check-in and its reminder went unanswered (or could not reach the lead). */
export function unansweredNotice(pir: Pir, project: Project): AdaptiveCard {
  const reference = pir.reference ?? '';
  const sent = project.checkIn?.sentAt;
  return buildNoticeCard({
    title: md`${reference}: close-out not answered`,
    text: lines(
      md`“${titleOf(pir)}” (lead ${pir.lead.name}) was expected to end on ${ukDay(endDateOf(pir, project) ?? '')}.`,
      !sent
        ? botText('The close-out check-in could not reach the lead (no chat with the bot).')
        : project.checkIn?.followUpNotSentAt
          ? md`The close-out check-in went on ${ukDay(sent)}; its reminder could not reach the lead, and there is no answer yet.`
          : md`The close-out check-in went on ${ukDay(sent)} and a reminder after it, with no answer yet.`,
      md`Type **close-outs** to see every project due for close-out.`,
    ),
  });
}

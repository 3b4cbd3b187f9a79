import { botText, lines, md, plain } from '../../bot/card-text.js';
import { type Answer, answer } from '../../bot/router.js';
import type { Turn } from '../../bot/turn.js';
import { CalendarInputError } from '../../calendar/calendar-input-error.js';
import { buildNoticeCard } from '../../cards/notice-card.js';
import { type NewsletterPeriod, newsletterText, parseNewsletterPeriod } from '../domain/newsletter.js';
import { loadPeriodInputs } from '../store/load-period-inputs.js';
import { REPORT_EXPORTS, type ReportExportDeps } from './report-exports.js';

/** What follows `newsletter`, or the sentence that says how to write it. */
export function readNewsletterPeriod(
  deps: Pick<ReportExportDeps, 'now' | 'numbering'>,
  text: string,
): NewsletterPeriod | Answer {
  try {
    return parseNewsletterPeriod(text, deps.now(), deps.numbering);
  } catch (error) {
    if (error instanceof CalendarInputError) return answer(plain(error.message));
    throw error;
  }
}

/** The newsletter's text for a period, read from that period's records only. */
export async function buildNewsletter(deps: Pick<ReportExportDeps, 'sources'>, chosen: NewsletterPeriod) {
  return newsletterText(await loadPeriodInputs(deps.sources, chosen.period), chosen.name);
}

/**
 * `newsletter November 2026` (PPI team): the period's signed-off items as plain text to copy into a patient
 * newsletter or web page; in a 1:1 chat also a download (the link is personal, so never offered in a channel).
 */
export async function newsletter(turn: Turn, deps: ReportExportDeps, chosen: NewsletterPeriod): Promise<void> {
  const { text, items } = await buildNewsletter(deps, chosen);
  const personal = turn.conversation.kind === 'personal';
  const link = personal ? deps.downloads.linkFor(REPORT_EXPORTS.newsletter, chosen.key, turn.actor.id) : undefined;
  const footer = !personal
    ? md`For a text file to download, send me **newsletter ${chosen.name.replace(/ \(.*\)$/, '')}** in our 1:1 chat.`
    : link
      ? md`The download link is for you only and works for ${link.minutes} minutes.`
      : botText('Downloads are off: set PUBLIC_BASE_URL so the bot can give download links.');
  await turn.say({
    card: buildNoticeCard({
      title: md`Newsletter text: ${chosen.name} (${items} ${items === 1 ? 'item' : 'items'})`,
      text: lines(
        ...text
          .trimEnd()
          .split('\n')
          .map((line) => plain(line)),
        botText(''),
        footer,
      ),
      ...(link ? { links: [{ title: 'Download as a text file', url: link.url }] } : {}),
    }),
    summary: `Newsletter text: ${chosen.name}`,
  });
}

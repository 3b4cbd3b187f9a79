import { lines, md } from '../../bot/card-text.js';
import type { Turn } from '../../bot/turn.js';
import { referenceData } from '../../reference-data/reference-data.js';

/**
 * `ladder`: every rung of the ladder of engagement with its meaning, top first. Coercion and Educating are explained
 * but are not offered as a plan: the Trust's ladder runs from one-way communication to equal partnership.
 */
export async function showLadder(turn: Turn): Promise<void> {
  const rungs = [...referenceData.ladderRungs].reverse();
  const top = referenceData.ladderRungs.filter((r) => r.topThree).map((r) => r.label);
  const below = referenceData.ladderRungs.filter((r) => !r.plannable).map((r) => r.label);
  await turn.say(
    lines(
      md`The ladder of engagement, top rung first:`,
      md``,
      ...rungs.map((r) => md`${r.order}. **${r.label}**${r.topThree ? ' (top three)' : ''}: ${r.hint ?? ''}`),
      md``,
      md`Aim for the top three rungs (${top.join(', ')}). ${below.join(' and ')} are here to explain the ladder, not to plan by: requests, the PPI team's expectations and champions' check-ins start at Informing.`,
    ),
  );
}

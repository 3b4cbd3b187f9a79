import { botText, type CardText, md } from '../../bot/card-text.js';
import { type Answer, answer } from '../../bot/router.js';
import type { Turn } from '../../bot/turn.js';
import { londonDateKey } from '../../calendar/london-time.js';
import type { Pir } from '../../pir/domain/pir.js';
import { parseReference } from '../../pir/domain/pir-reference.js';
import { describeRecord } from '../../records/domain/describe-record.js';
import type { RecordDoc } from '../../records/domain/record-doc.js';
import type { Choice } from '../../reference-data/reference-data.js';
import type { LifecycleDeps } from '../lifecycle-deps.js';
import { type LoadedProject, withProject } from '../store/apply-project-change.js';

export const NOT_FOUND = botText("I couldn't find that request. Type **my requests** to see yours.");

/** `status PIR-2026-0042`, `close out PIR-2026-0042`: the reference typed, or how to type one. */
export function readReference(command: string) {
  return (text: string): string | Answer => {
    if (parseReference(text)) return text.trim().toUpperCase();
    return answer(md`Please give a reference like **${command} PIR-2026-0042**. Type **my requests** to see yours.`);
  };
}

/** Others learn nothing about a request they may not see: the same answer as for one that does not exist. */
export function notVisible(reference: string): CardText {
  return md`I couldn't find a request ${reference} that you can see.`;
}

export function findProject(deps: Pick<LifecycleDeps, 'pirs'>) {
  return async (_turn: Turn, reference: string): Promise<LoadedProject | Answer> => {
    const found = await deps.pirs.getByReference(reference);
    return found ? withProject(found) : answer(notVisible(reference));
  };
}

/** The lead's own request, from their own partition: a card forged with another lead's id finds nothing. */
export function loadOwnProject(deps: Pick<LifecycleDeps, 'pirs'>) {
  return async (turn: Turn, pirId: string): Promise<LoadedProject | Answer> => {
    const found = await deps.pirs.get(turn.actor.id, pirId);
    return found ? withProject(found) : answer(NOT_FOUND);
  };
}

/** The request's lead, for the route's "lead of this item". */
export const leadOf = (item: LoadedProject) => ({ lead: item.loaded.value.lead.id });

/**
 * Records and "You said, we did" items that give the request's reference, dated from when it was started until today
 * (the months of the project: one range query per quarter's table).
 */
export async function linkedRecords(deps: Pick<LifecycleDeps, 'records' | 'now'>, pir: Pir): Promise<RecordDoc[]> {
  const reference = pir.reference?.toUpperCase();
  if (!reference) return [];
  const today = londonDateKey(deps.now());
  const from = pir.answers.startDate && pir.answers.startDate < pir.createdAt ? pir.answers.startDate : pir.createdAt;
  const docs = await deps.records.listPeriod(londonDateKey(new Date(from)), today);
  return docs
    .filter((d) => typeof d.values.pirReference === 'string' && d.values.pirReference.toUpperCase() === reference)
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** The "You said, we did" items a close-out can link, as choices. */
export function linkableItems(linked: readonly RecordDoc[]): Choice[] {
  return linked.filter((d) => d.kind === 'yswd').map((d) => ({ id: d.id, label: describeRecord(d) }));
}

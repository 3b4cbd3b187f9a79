import type { Bot } from '../../src/app.js';
import type { ConversationRef } from '../../src/bot/turn.js';
import { DEFAULT_WORKING_HOURS } from '../../src/calendar/working-hours.js';
import { acceptancePlanner } from '../../src/lifecycle/handlers/plan-acceptance.js';
import type { Pir } from '../../src/pir/domain/pir.js';
import { formatReference } from '../../src/pir/domain/pir-reference.js';
import { decide, startDraft, submitPir } from '../../src/pir/domain/pir-transitions.js';
import { shippedLists } from '../pir/pir-fixtures.js';

/** An accepted request of lead `leadId`, number `n` of 2026, running from 1 December 2026 to `endDate`. */
export function acceptedRequest(leadId: string, n: number, endDate: string): Pir {
  const lead = { id: leadId, name: `Lead ${leadId}` };
  const draft: Pir = {
    ...startDraft(`pir-${leadId}-${n}`, lead, new Date('2026-11-02T10:00:00Z')),
    answers: { title: `Project ${n}`, directorate: 'finance', startDate: '2026-12-01', endDate, rung: 'co-design' },
  };
  const submitted = submitPir(
    { ...draft, position: 'review' },
    formatReference(2026, n),
    new Date('2026-11-02T11:00:00Z'),
    shippedLists,
  );
  return decide(submitted, 'accept', { id: 'aad-ppi', name: 'Pat PPI' }, {}, new Date('2026-11-03T10:00:00Z'));
}

/**
 * Stores accepted requests (with their reference index) and the leads' 1:1 chats, and plans each close-out check-in
 * as an acceptance does. `chatOf` gives the lead's conversation reference (the fake connector's).
 */
export async function seedAccepted(
  bot: Pick<Bot, 'stores'>,
  pirs: readonly Pir[],
  chatOf: (leadId: string) => ConversationRef,
): Promise<void> {
  const s = bot.stores;
  const planner = acceptancePlanner({
    pirs: s.pirs,
    dueIndex: s.dueIndex,
    projects: s.projects,
    settings: { workingHours: DEFAULT_WORKING_HOURS, followUpAfterWorkingDays: 5 },
  });
  for (const pir of pirs) {
    await s.pirs.create(pir);
    await s.pirs.indexReference(pir.reference ?? '', pir.lead.id, pir.id);
    const reference = chatOf(pir.lead.id);
    const at = '2026-11-02T10:00:00.000Z';
    await s.installations.markInstalled({
      scope: 'personal',
      key: pir.lead.id,
      conversation: { kind: 'personal', id: reference.conversation?.id ?? '?' },
      reference,
      status: 'installed',
      installedBy: pir.lead.id,
      installedAt: at,
      updatedAt: at,
    });
    await planner.beforeAccepting(pir);
  }
}

export async function setChannel(bot: Pick<Bot, 'stores'>, reference: ConversationRef): Promise<void> {
  await bot.stores.ppiTeam.setChannel({
    reference,
    teamId: '19:ppi-team',
    channelId: reference.conversation?.id ?? '?',
    setBy: { id: 'aad-ppi', name: 'Pat PPI' },
    setAt: '2026-11-02T10:00:00.000Z',
  });
}

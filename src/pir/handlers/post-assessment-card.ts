import type { Turn } from '../../bot/turn.js';
import { existing, type Versioned } from '../../storage/versioned.js';
import { buildAssessmentCard } from '../cards/assessment-card.js';
import type { Pir } from '../domain/pir.js';
import type { PirDeps } from '../pir-deps.js';

export async function activeMembers(deps: Pick<PirDeps, 'ppiTeam'>) {
  return (await deps.ppiTeam.listMembers()).filter((m) => m.active).map((m) => ({ id: m.id, name: m.name }));
}

/** Posts the assessment card to the PPI team's channel and remembers its id; false when no channel is set. */
export async function postAssessmentCard(turn: Turn, deps: PirDeps, submitted: Versioned<Pir>): Promise<boolean> {
  const pir = submitted.value;
  const channel = await deps.ppiTeam.getChannel();
  if (!channel) {
    turn.log.warn({ pirId: pir.id }, 'no PPI team channel set: assessment card not posted');
    return false;
  }
  const card = buildAssessmentCard(pir, { members: await activeMembers(deps) });
  const activityId = await deps.messenger.send(channel.reference, { card, summary: `New request ${pir.reference}` });
  if (activityId) {
    await deps.pirs.write(
      pir.lead.id,
      pir.id,
      existing((c) => ({ ...c, assessmentCardId: activityId })),
      {
        from: submitted,
      },
    );
  }
  return true;
}

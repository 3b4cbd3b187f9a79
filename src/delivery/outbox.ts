import type { DeliveryJob, SoonResult } from './delivery-job.js';
import type { DueIndex } from './due-index.js';
import type { DueWork } from './due-work.js';

/** The delivery job of the messages people's actions cause (any hour: a decision is told when it is made). */
export const NOTICE_JOB = 'notices';

/**
 * Messages a person's action causes (a new request for the PPI team, a decision for the lead, a card updated in
 * place, a sign-off notice), through the delivery engine. A feature writes the work BEFORE the change that needs it
 * (`add`), saves the change, then asks for it to be sent now (`sendSoon`): a failed or slow send, or a crash in
 * between, leaves the work due, and the job's next run sends it with the engine's pacing, retries and once-only
 * record. Work whose change was never saved is dropped (or waits) when the feature plans it.
 */
export interface Outbox {
  /** Writes the work as due (idempotent). Call it before saving the change the message is about. */
  add(work: DueWork): Promise<void>;
  /** Sends it now, waiting at most the outbox's patience (a turn must answer quickly); the rest stays due. */
  sendSoon(work: DueWork): Promise<SoonResult>;
}

/** The outbox of one delivery job (`notices`): its due index bucket, and how long a turn waits for a send. */
export function createOutbox(job: DeliveryJob, dueIndex: DueIndex, patienceMs: number): Outbox {
  return {
    add: (work) => dueIndex.schedule(job.job.name, work),
    sendSoon: (work) => job.deliverSoon(work, patienceMs),
  };
}

/** True when the message is in Teams (sent now, sent before, or sent again after a crash). */
export function wasDelivered(result: SoonResult): boolean {
  return result === 'sent' || result === 'resent' || result === 'already-done';
}

import type { Bot } from '../../src/app.js';
import type { OutgoingMessage } from '../../src/bot/turn.js';
import type { Champion } from '../../src/champions/domain/champion.js';
import type { Config } from '../../src/config.js';
import type { DeliveryRecord } from '../../src/delivery/delivery-record.js';
import { InFlightLimit } from '../../src/delivery/in-flight-limit.js';
import { DEFAULT_RETRY } from '../../src/delivery/retry-delay.js';
import { DEFAULT_PACER, realSleep, SendPacer } from '../../src/delivery/send-pacer.js';
import { sendWithRetry } from '../../src/delivery/send-with-retry.js';

/**
 * The storage floor of a fan-out: for every due row, only what one delivery cannot avoid, with the engine's own
 * parts and limits. The due-row query once (paged), then per item, with the same number of workers: take a tenant
 * in-flight slot (the same cap), create the delivery record claimed, wait for the same pacer, send `message` (built
 * once: the same card the fan-out sends, without building it for each) to the champion's chat through the bot's own
 * messenger (the same fake connector), record the outcome, give the slot back, and clear the due row behind the next
 * sends (grouped, as the engine does). No planning read, no champion write, no new due work.
 */
export async function storageFloor(
  bot: Bot,
  config: Config,
  champions: ReadonlyMap<string, Champion>,
  job: string,
  now: Date,
  workers: number,
  message: OutgoingMessage,
): Promise<{ readonly sent: number }> {
  const { deliveries, grouped } = bot.stores;
  const pacer = new SendPacer({ ...DEFAULT_PACER, tenantPerSecond: config.tenantSendsPerSecond });
  const inFlight = new InFlightLimit(config.sendsInFlightPerTenant);
  const due = await grouped.dueIndex.listDue(job, now);
  let next = 0;
  let sent = 0;
  const clearing: Promise<void>[] = [];
  const worker = async () => {
    while (next < due.length) {
      const work = due[next++];
      const reference = work && champions.get(work.targetId)?.personalReference;
      if (!work || !reference) continue;
      const tenantId = reference.conversation?.tenantId ?? '';
      const release = await inFlight.acquire(tenantId);
      try {
        const at = now.toISOString();
        const claimed: DeliveryRecord = {
          kind: work.kind,
          targetId: work.targetId,
          cycle: work.cycle,
          status: 'sending',
          attempts: 1,
          createdAt: at,
          claimedAt: at,
        };
        const started = await deliveries.start(claimed);
        const result = await sendWithRetry(() => bot.messenger.send(reference, message), {
          pacer,
          tenantId,
          conversationKey: reference.conversation?.id ?? work.targetId,
          retry: DEFAULT_RETRY,
          sleep: realSleep,
          timeoutMs: 30_000,
        });
        const outcome: DeliveryRecord = result.ok
          ? {
              ...claimed,
              status: 'sent',
              finishedAt: at,
              conversation: reference,
              ...(result.value ? { activityId: result.value } : {}),
            }
          : { ...claimed, status: 'failed', finishedAt: at };
        await deliveries.replace(outcome, started.record.etag);
        if (result.ok) sent++;
      } finally {
        release();
      }
      // Behind the next sends, as the engine's settles are.
      clearing.push(grouped.dueIndex.complete(job, work));
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  await Promise.all(clearing);
  return { sent };
}

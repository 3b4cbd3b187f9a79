import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/local/ports.js';
import { PirVerb } from '../../src/pir/pir-verbs.js';
import { type EmbeddedAzurite, startEmbeddedAzurite } from '../../src/storage/embedded-azurite.js';
import { probeStore } from '../../src/storage/probe-store.js';
import { BotHarness, cardText } from '../helpers/bot-harness.js';
import { people } from '../helpers/people.js';
import { stepAnswers } from '../pir/pir-fixtures.js';
import { actionData } from '../pir/pir-helpers.js';
import { recordReliability } from './reliability-report.js';

const dir = mkdtempSync(join(tmpdir(), 'ppi-store-down-'));
let azurite: EmbeddedAzurite | undefined;
afterAll(async () => {
  await azurite?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the store goes down in the middle of a request', () => {
  it('tells the lead nothing is lost, /readyz reports it, and the lead carries on once it is back', {
    timeout: 90_000,
  }, async () => {
    const port = await freePort();
    const location = join(dir, 'azurite');
    azurite = await startEmbeddedAzurite({ port, location });
    const h = await BotHarness.start({ connectionString: azurite.connectionString });
    const first = (await h.say(people.lead, 'new request')).cards[0];
    const step2 = (
      await h.click(people.lead, PirVerb.next, { ...actionData(first, PirVerb.next), ...stepAnswers.basics })
    ).card;
    expect(cardText(step2)).toContain('Step 2 of 8');

    await azurite.stop();
    azurite = undefined;
    const failed = await h.click(people.lead, PirVerb.next, {
      ...actionData(step2, PirVerb.next),
      ...stepAnswers.intelligence,
    });
    const unready = (await probeStore(h.connectionStringInUse)) !== undefined;
    // Pressed as Action.Submit: the sentence comes as a new message and the card, with what was typed, stays.
    const failedSubmit = await h.submit(people.lead, PirVerb.next, {
      ...actionData(step2, PirVerb.next),
      ...stepAnswers.intelligence,
    });
    const submitKept = failedSubmit.updated.length === 0;
    const submitPlain = failedSubmit.texts
      .join(' ')
      .includes("I couldn't save that: nothing you entered before is lost");

    azurite = await startEmbeddedAzurite({ port, location });
    const readyAgain = (await probeStore(h.connectionStringInUse)) === undefined;
    const resumed = await h.click(people.lead, PirVerb.next, {
      ...actionData(step2, PirVerb.next),
      ...stepAnswers.intelligence,
    });
    const [pir] = await h.bot.stores.pirs.listForLead(people.lead.id);
    const answered = [
      pir?.answers.title === stepAnswers.basics.title,
      pir?.answers.intelligence === stepAnswers.intelligence.intelligence,
    ];
    const plain = JSON.stringify(failed.card ?? failed.texts).includes(
      "I couldn't save that: nothing you entered before is lost",
    );
    const pressesWhileDown = [failed, failedSubmit].length;
    recordReliability({
      scenario: 'Azurite stopped mid-request, then restarted',
      faults: pressesWhileDown,
      expected: answered.length,
      delivered: answered.filter(Boolean).length,
      duplicated: null,
      lost: answered.filter((kept) => !kept).length,
      note: `${[plain, submitPlain].filter(Boolean).length} of ${pressesWhileDown} presses answered plainly while down (Submit card kept: ${submitKept ? 'yes' : 'NO'}), /readyz ${unready ? 'unready' : 'READY'} while down and ${readyAgain ? 'ready' : 'UNREADY'} after`,
    });
    expect(failed.invokeStatus).toBe(200);
    expect(plain).toBe(true);
    expect(submitKept).toBe(true);
    expect(submitPlain).toBe(true);
    expect(unready).toBe(true);
    expect(readyAgain).toBe(true);
    expect(cardText(resumed.card)).toContain('Step 3 of 8');
    expect(answered).toEqual([true, true]);
  });
});

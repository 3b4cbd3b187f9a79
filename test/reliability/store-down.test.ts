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
    expect(failed.invokeStatus).toBe(200);
    expect(JSON.stringify(failed.card ?? failed.texts)).toContain(
      "I couldn't save that: nothing you entered before is lost",
    );
    expect(await probeStore(h.connectionStringInUse)).toBeDefined();
    // Pressed as Action.Submit: the sentence comes as a new message and the card, with what was typed, stays.
    const failedSubmit = await h.submit(people.lead, PirVerb.next, {
      ...actionData(step2, PirVerb.next),
      ...stepAnswers.intelligence,
    });
    expect(failedSubmit.updated).toEqual([]);
    expect(failedSubmit.texts.join(' ')).toContain("I couldn't save that: nothing you entered before is lost");

    azurite = await startEmbeddedAzurite({ port, location });
    expect(await probeStore(h.connectionStringInUse)).toBeUndefined();
    const resumed = await h.click(people.lead, PirVerb.next, {
      ...actionData(step2, PirVerb.next),
      ...stepAnswers.intelligence,
    });
    expect(cardText(resumed.card)).toContain('Step 3 of 8');
    const [pir] = await h.bot.stores.pirs.listForLead(people.lead.id);
    expect(pir?.answers.title).toBe(stepAnswers.basics.title);
    expect(pir?.answers.intelligence).toBe(stepAnswers.intelligence.intelligence);
    recordReliability({
      scenario: 'Azurite stopped mid-request, then restarted',
      faults: 1,
      expected: 2,
      delivered: 2,
      duplicated: 0,
      lost: 0,
      note: 'plain answer while down, /readyz unready, steps kept',
    });
  });
});

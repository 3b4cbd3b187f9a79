import { PirVerb } from '../../src/pir/pir-verbs.js';
import { stepAnswers, stepOrder } from '../../test/pir/pir-fixtures.js';
import { type Driver, dataOf } from './driver.js';

export interface SessionSamples {
  readonly step: number[];
  readonly review: number[];
  readonly help: number[];
}

/**
 * One lead's session: `new request`, the eight steps (seven step turns, the eighth shows the review card), and a
 * `help`. Each session uses a new lead so every request starts from scratch.
 */
export async function pirSession(driver: Driver, user: number, samples: SessionSamples): Promise<void> {
  let card = (await driver.message(user, 'new request')).card;
  for (const [index, step] of stepOrder.entries()) {
    const result = await driver.invoke(user, PirVerb.next, { ...dataOf(card, PirVerb.next), ...stepAnswers[step] });
    (index === stepOrder.length - 1 ? samples.review : samples.step).push(result.ms);
    card = result.card;
  }
  samples.help.push((await driver.message(user, 'help')).ms);
}

/**
 * A lead moving back and forth between the first two steps: every turn a PIR step turn (load, validate, save with
 * its ETag, answer with the next card). Returns a function that does one such turn and gives its latency.
 */
export async function stepLoop(driver: Driver, user: number): Promise<() => Promise<number>> {
  let card = (await driver.message(user, 'new request')).card;
  const [first] = stepOrder;
  let forward = true;
  return async () => {
    const verb = forward ? PirVerb.next : PirVerb.back;
    const answers = forward && first ? stepAnswers[first] : {};
    const result = await driver.invoke(user, verb, { ...dataOf(card, verb), ...answers });
    card = result.card;
    forward = !forward;
    return result.ms;
  };
}

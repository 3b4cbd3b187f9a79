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

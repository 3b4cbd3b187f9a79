import { type BenchContext, forDuration, inParallel, scaled } from '../lib/context.js';
import { Driver } from '../lib/driver.js';
import { pirSession, type SessionSamples, stepLoop } from '../lib/pir-session.js';
import { startEchoBot, startRealBot } from '../lib/servers.js';
import { latencyOf, ms, ratio } from '../lib/stats.js';
import type { Row } from '../lib/table.js';

let nextUser = 1;
const newUser = () => nextUser++;

async function echoLatency(driver: Driver, users: number, perUser: number) {
  const samples: number[] = [];
  await inParallel(users, perUser, async () => {
    samples.push((await driver.message(newUser(), 'hello')).ms);
  });
  return latencyOf(samples);
}

async function sessions(driver: Driver, users: number, perUser: number): Promise<SessionSamples> {
  const samples: SessionSamples = { step: [], review: [], help: [] };
  await inParallel(users, perUser, () => pirSession(driver, newUser(), samples));
  return samples;
}

/** Scenarios 1 and 2: turn latency at 1 and 50 users, and sustained throughput, each against the echo baseline. */
export async function turnScenarios(ctx: BenchContext): Promise<Row[]> {
  const echo = await startEchoBot();
  const real = await startRealBot(ctx.connectionString);
  const echoDriver = new Driver(echo.url, ctx.connector);
  const realDriver = new Driver(real.url, ctx.connector);
  try {
    ctx.log('turn latency: warming up');
    await echoLatency(echoDriver, 4, 10);
    await sessions(realDriver, 4, 2);

    ctx.log('turn latency: 1 user');
    const echo1 = await echoLatency(echoDriver, 1, scaled(ctx, 200));
    const real1 = await sessions(realDriver, 1, scaled(ctx, 20));
    ctx.log('turn latency: 50 users');
    const echo50 = await echoLatency(echoDriver, 50, scaled(ctx, 20));
    const real50 = await sessions(realDriver, 50, scaled(ctx, 3));

    const rows: Row[] = [];
    const step1 = latencyOf(real1.step);
    const step50 = latencyOf(real50.step);
    rows.push({
      scenario: '1. PIR step turn p50, 1 user',
      figure: ms(step1.p50),
      baseline: `echo p50 ${ms(echo1.p50)}`,
      ratio: `${ratio(step1.p50, echo1.p50).toFixed(2)}x`,
      target: '<= 3x',
      pass: ratio(step1.p50, echo1.p50) <= 3,
    });
    rows.push({
      scenario: '1. PIR step turn p99, 50 users',
      figure: ms(step50.p99),
      baseline: `echo p99 ${ms(echo50.p99)}`,
      ratio: `${ratio(step50.p99, echo50.p99).toFixed(2)}x`,
      target: '<= 5x',
      pass: ratio(step50.p99, echo50.p99) <= 5,
    });
    for (const [name, one, fifty] of [
      ['review-card turn', real1.review, real50.review],
      ['help turn', real1.help, real50.help],
    ] as const) {
      const a = latencyOf(one);
      const b = latencyOf(fifty);
      rows.push({
        scenario: `1. ${name} p50/p95/p99`,
        figure: `1 user ${ms(a.p50)}/${ms(a.p95)}/${ms(a.p99)}; 50 users ${ms(b.p50)}/${ms(b.p95)}/${ms(b.p99)}`,
        baseline: `echo 1 user ${ms(echo1.p50)}/${ms(echo1.p95)}/${ms(echo1.p99)}; 50 users ${ms(echo50.p50)}/${ms(echo50.p95)}/${ms(echo50.p99)}`,
        ratio: `p50 ${ratio(a.p50, echo1.p50).toFixed(2)}x / ${ratio(b.p50, echo50.p50).toFixed(2)}x`,
        target: 'report',
        pass: undefined,
      });
    }
    rows.push({
      scenario: '1. errors',
      figure: '0 (any error aborts the run)',
      baseline: '',
      ratio: '',
      target: '0',
      pass: true,
    });

    ctx.log('throughput: closed loop at rising concurrency (every turn a PIR step: Next and Back on a draft)');
    const limit = 10 * echo1.p50;
    const seconds = Math.max(2, 4 * ctx.scale);
    let echoMax = 0;
    let realBest = 0;
    let realBestAt = 0;
    for (const workers of [1, 2, 4, 8, 16, 32, 64]) {
      const echoDone = await forDuration(workers, seconds, async () => {
        await echoDriver.message(newUser(), 'hello');
      });
      echoMax = Math.max(echoMax, echoDone / seconds);
      const loops = await Promise.all(Array.from({ length: workers }, () => stepLoop(realDriver, newUser())));
      const samples: number[] = [];
      const started = performance.now();
      await forDuration(workers, seconds, async (w) => {
        samples.push(await (loops[w] as () => Promise<number>)());
      });
      const rate = samples.length / ((performance.now() - started) / 1000);
      const p99 = latencyOf(samples).p99;
      ctx.log(
        `  ${workers} workers: echo ${(echoDone / seconds).toFixed(0)}/s; PIR steps ${rate.toFixed(0)}/s p99 ${ms(p99)}`,
      );
      if (p99 <= limit && rate > realBest) {
        realBest = rate;
        realBestAt = workers;
      }
    }
    rows.push({
      scenario: '2. sustained PIR-step turns/s with p99 < 10x echo p50',
      figure: `${realBest.toFixed(0)}/s (at ${realBestAt} concurrent users)`,
      baseline: `echo max ${echoMax.toFixed(0)}/s`,
      ratio: `${((realBest / echoMax) * 100).toFixed(0)}%`,
      target: '>= 40%',
      pass: realBest / echoMax >= 0.4,
    });
    return rows;
  } finally {
    await echo.stop();
    await real.stop();
  }
}

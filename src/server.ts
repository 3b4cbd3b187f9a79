import type { TurnContext } from 'botbuilder';
import restify from 'restify';
import { checkJobSecret } from './delivery/job-secret.js';
import { readJsonBody } from './http/read-json-body.js';
import type { Logger } from './logger.js';
import { checkActivityEnvelope } from './teams/activity-envelope.js';

/** Deepest JSON nesting accepted in an activity (Teams sends a handful of levels; cards inside stay well under). */
export const MAX_JSON_DEPTH = 64;

export interface ServerDeps {
  readonly port: number;
  readonly host: string;
  readonly maxRequestBytes: number;
  readonly log: Logger;
  /** adapter.process: authenticates the request and runs the turn. */
  readonly processActivity: (
    req: restify.Request,
    res: restify.Response,
    logic: (ctx: TurnContext) => Promise<void>,
  ) => Promise<void>;
  readonly handleTurn: (context: TurnContext) => Promise<void>;
  /** undefined when ready, else the reason it is not (logged, never sent to the caller). */
  readonly readiness: () => Promise<string | undefined>;
  /** Background jobs started by `POST /api/jobs/<name>` with the `x-jobs-secret` header. */
  readonly jobs?: {
    readonly secret: string | undefined;
    trigger(name: string): 'started' | 'unknown-job';
  };
  /** Signed download links (CSV files and HTML reports); the export sets every response header. */
  readonly downloads?: {
    serve(
      name: string,
      token: string,
    ): Promise<{ status: number; headers: Readonly<Record<string, string>>; body: string }>;
  };
}

export interface RunningServer {
  readonly url: string;
  /** Stops accepting, waits for in-flight turns, then resolves. */
  close(): Promise<void>;
}

function refuse(res: restify.Response, status: number, error: string): void {
  if (status === 413) res.header('connection', 'close'); // the rest of the body is not read
  res.send(status, { error });
}

/** Transport only: HTTP in, adapter, HTTP out. */
export async function startServer(deps: ServerDeps): Promise<RunningServer> {
  const server = restify.createServer({ name: 'ppi-bot', handleUncaughtExceptions: false });
  let inFlight = 0;
  let drained: (() => void) | undefined;
  // No bodyParser: it inflates gzip without bound and writes multipart uploads to the temp folder, before any route.
  // Only /api/messages reads a body, through readJsonBody (JSON only, capped, no content-encoding, depth-limited).
  server.use(restify.plugins.queryParser({ mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    inFlight++;
    try {
      const body = await readJsonBody(req, { maxBytes: deps.maxRequestBytes, maxDepth: MAX_JSON_DEPTH });
      if (!body.ok) {
        refuse(res, body.status, body.error);
        if (body.status === 413) res.once('finish', () => req.destroy());
        return;
      }
      const problem = checkActivityEnvelope(body.value);
      if (problem) {
        deps.log.info({ status: problem.status, reason: problem.error }, 'activity refused at the edge');
        refuse(res, problem.status, problem.error);
        return;
      }
      req.body = body.value;
      await deps.processActivity(req, res, deps.handleTurn);
    } catch (error) {
      deps.log.error({ err: error }, 'activity processing failed');
      if (!res.headersSent) res.send(500);
    } finally {
      inFlight--;
      if (inFlight === 0) drained?.();
    }
  });
  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });
  server.get('/readyz', async (_req, res) => {
    const reason = await deps.readiness();
    if (reason) {
      deps.log.warn({ reason }, 'not ready');
      res.send(503, { status: 'unavailable' });
    } else res.send(200, { status: 'ready' });
  });
  server.get('/api/exports/:name', async (req, res) => {
    const token = typeof req.query?.t === 'string' ? req.query.t : '';
    if (!deps.downloads) {
      res.send(404);
      return;
    }
    try {
      const file = await deps.downloads.serve(String(req.params.name).slice(0, 60), token);
      res.writeHead(file.status, { ...file.headers });
      res.end(file.body);
    } catch (error) {
      deps.log.error({ err: error }, 'export failed');
      res.send(500, { error: 'The export could not be built; please try again.' });
    }
  });
  server.post('/api/jobs/:name', async (req, res) => {
    const jobs = deps.jobs;
    const header = req.headers['x-jobs-secret'];
    const check = checkJobSecret(jobs?.secret, typeof header === 'string' ? header : undefined);
    if (!jobs || check === 'disabled') {
      res.send(503, { error: 'The job endpoint is disabled: set JOBS_SECRET to enable it.' });
      return;
    }
    if (check === 'refused') {
      deps.log.warn({ job: String(req.params.name).slice(0, 40) }, 'job trigger refused: wrong or missing secret');
      res.send(401, { error: 'Missing or wrong x-jobs-secret header.' });
      return;
    }
    const name = String(req.params.name);
    if (jobs.trigger(name) === 'unknown-job') {
      res.send(404, { error: `There is no job called "${name.slice(0, 40)}".` });
      return;
    }
    res.send(202, { accepted: name });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(deps.port, deps.host, () => resolve());
  });
  return {
    url: server.url,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeIdleConnections();
      if (inFlight > 0)
        await new Promise<void>((resolve) => {
          drained = resolve;
        });
      server.server.closeAllConnections();
      await closed;
    },
  };
}

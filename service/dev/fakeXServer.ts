import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createFakeCompliance, type FakeCompliance } from "./fakeCompliance";
import { renderPayload, type FakePost, type StreamFields } from "./fakePost";
import { OutboundQueue, type Outgoing } from "./outbound";
import { RateWindow } from "./rateWindow";
import { RulesStore, type StreamRule } from "./rulesStore";
import { StreamSession } from "./streamSession";
import { parseStreamQuery } from "./streamQuery";
import {
  connectFailure,
  genericProblem,
  noRules,
  type ConnectFailure,
  invalidRequest,
  operationalDisconnect,
  tooManyConnections,
  unsupportedAuthentication,
  v1Error,
  type ErrorAnswer,
} from "./xProblems";

export type { FakePost } from "./fakePost";

/** Options of {@link startFakeXServer}. */
export interface FakeXServerOptions {
  /** Consumer key `POST /oauth2/token` requires in its basic auth. @default - any non-empty key */
  consumerKey?: string;
  /** Consumer secret `POST /oauth2/token` requires in its basic auth. @default - any secret */
  consumerSecret?: string;
  /** The app-only bearer token the server issues and accepts. @default - a random token */
  bearerToken?: string;
  /** Shortest gap between two `\r\n` keep-alives on the stream; X sends one "at least every 20 s". @default 20000 */
  heartbeatIntervalMs?: number;
  /** Each heartbeat gap is longer by a random share of this: real gaps of 21-22 s are reported. @default 2000 */
  heartbeatJitterMs?: number;
  /**
   * The X plan played: `pay-per-use` (rules up to 1,024 characters, no backfill) or `enterprise` (2,048 characters,
   * `backfill_minutes` honoured). @default "pay-per-use"
   */
  plan?: "pay-per-use" | "enterprise";
  /** How long X keeps counting a connection the client closed (429 TooManyConnections meanwhile). @default 3000 */
  slotReleaseMs?: number;
  /** A client that takes no data for this long while data waits is dropped, and its buffered posts lost. @default 30000 */
  slowReaderTimeoutMs?: number;
  /** Stream connects allowed per window (X: 50 per 15 minutes). @default 50 */
  connectLimit?: number;
  /** The connect rate-limit window. @default 900000 */
  connectWindowMs?: number;
  /** Answer a stream connect with 409 when there are no rules, as X does. @default true */
  requireRules?: boolean;
  /**
   * Posts queued while no stream is open are missed, as on X (only backfill brings them back), instead of held for
   * the next connection. Posts queued before the first connection are held either way. @default false
   */
  loseWhileDisconnected?: boolean;
  /** Port on 127.0.0.1. @default 0 - chosen by the system */
  port?: number;
  /**
   * Drop posts that match none of the current rules, as X does ("only Posts matching your rules will be delivered",
   * https://docs.x.com/x-api/posts/filtered-stream/integrate/build-a-rule). With false, they are delivered with empty
   * `matching_rules`, which X never does: for tests of the double itself.
   * @default true
   */
  onlyMatching?: boolean;
  /** Maximum number of rules (X's Pro tier: 1,000). @default 1000 */
  maxRules?: number;
  /** Maximum rule length in characters (pay-per-use: 1,024; Enterprise: 2,048). @default - the plan's */
  maxRuleLength?: number;
  /** How many of the last posts sent are kept for {@link FakeXServer.replayOnNextConnect}. @default 10000 */
  replayCapacity?: number;
}

/** A running fake of the X API v2 filtered stream; see `service/dev/README.md`. */
export interface FakeXServer {
  /** `http://127.0.0.1:<port>`, the X API origin to use instead of `https://api.x.com`. */
  url: string;
  /** The bearer token issued by `POST /oauth2/token` and accepted by the v2 endpoints. */
  bearerToken: string;
  /** The current rules. */
  rules(): Array<{ id: string; value: string; tag?: string }>;
  /** Stream connections accepted (HTTP 200) so far. */
  connections(): number;
  /** Queues raw lines, each written followed by `\r\n`, in order after what is queued; held until a stream is open. */
  enqueue(...lines: string[]): void;
  /** Queues a post, rendered when written: `data`, `includes.users` and `matching_rules` of the rules then. */
  post(p: FakePost): void;
  /** Queues a lazily read source of posts and raw lines (the benchmark's path: nothing is built ahead). */
  enqueueSource(source: Iterable<FakePost | string>): void;
  /**
   * The next stream connects are answered with these failures, one each, in X's error format: an HTTP status (429 is
   * TooManyConnections, 409 no rules, 403 client-forbidden), or `"rate-limited"` (429 with the connect window spent)
   * or `"usage-capped"` (429 of problem type usage-capped).
   */
  failNextConnects(...failures: ConnectFailure[]): void;
  /**
   * The next requests to `endpoint` (`token`: `POST /oauth2/token`; `rules`: either method of the rules endpoint)
   * fail, one each: an HTTP status (X's generic problem, as X answers 5xx), `"reset"` (the socket destroyed before
   * any answer: a network error) or `"hang"` (no answer: the client's time limit fires).
   */
  failNextRequests(endpoint: RequestEndpoint, ...failures: RequestFailure[]): void;
  /** Issues a new bearer token; the old one gets 401 from now on (a revoked or regenerated token). */
  rotateBearerToken(): void;
  /** True while a stream connection is open. */
  connected(): boolean;
  /** The query of the last accepted stream connect. */
  lastStreamQuery(): URLSearchParams | undefined;
  /** Posts lost: dropped with a slow reader's buffer, or published while no stream was open. */
  lostIds(): ReadonlySet<string>;
  /** Connections dropped for reading too slowly. */
  slowReaderDrops(): number;
  /** Destroys the current stream's socket abruptly; with `partialLine`, after half of the next post. */
  dropConnection(options?: { partialLine?: boolean }): void;
  /** Sends X's in-stream operational-disconnect error object, then ends the current stream. */
  operationalDisconnect(disconnectType?: string): void;
  /** Sends nothing, not even heartbeats, for `ms` on the current connection. */
  silence(ms: number): void;
  /** The next accepted connection first re-sends the last `n` posts sent (redelivery after a reconnect). */
  replayOnNextConnect(n: number): void;
  /** Posts fully written to a socket so far; a replayed post counts each time. */
  sentCount(): number;
  /** Distinct ids of the posts fully written to a socket so far. */
  sentIds(): ReadonlySet<string>;
  /** The batch compliance endpoints (`dev/fakeCompliance.ts`): which posts X reports, the jobs created. */
  compliance: FakeCompliance;
  /** Closes the stream and the server. */
  close(): Promise<void>;
}

/** The endpoints {@link FakeXServer.failNextRequests} can fail. */
export type RequestEndpoint = "token" | "rules";
/** A scripted failure of a request: an HTTP status, a reset socket, or no answer at all. */
export type RequestFailure = number | "reset" | "hang";

const STREAM_PATH = "/2/tweets/search/stream";
const RULES_PATH = "/2/tweets/search/stream/rules";
const TOKEN_PATH = "/oauth2/token";
const MAX_BODY_BYTES = 1024 * 1024;

/** Starts a fake X API v2 filtered-stream server on 127.0.0.1. */
export async function startFakeXServer(opts: FakeXServerOptions = {}): Promise<FakeXServer> {
  const newToken = (): string => `AAAAAAAAAAAAAAAAAAAAA${randomBytes(24).toString("base64url")}`;
  let bearerToken = opts.bearerToken ?? newToken();
  const enterprise = opts.plan === "enterprise";
  const timing = {
    heartbeatIntervalMs: opts.heartbeatIntervalMs ?? 20_000,
    heartbeatJitterMs: opts.heartbeatJitterMs ?? 2_000,
    slowReaderTimeoutMs: opts.slowReaderTimeoutMs ?? 30_000,
  };
  const replayCapacity = opts.replayCapacity ?? 10_000;
  const rules = new RulesStore({ maxRules: opts.maxRules ?? 1000, maxRuleLength: opts.maxRuleLength ?? (enterprise ? 2048 : 1024) });
  const connectWindow = new RateWindow(opts.connectLimit ?? 50, opts.connectWindowMs ?? 900_000);
  const queue = new OutboundQueue();
  const failures: ConnectFailure[] = [];
  const requestFailures: Record<RequestEndpoint, RequestFailure[]> = { token: [], rules: [] };
  const compliance = createFakeCompliance();
  /** Posts published (sent or lost), with the time, for replay and backfill. */
  const recent: Array<{ post: FakePost; at: number }> = [];
  const sent = new Set<string>();
  const lost = new Set<string>();
  let session: StreamSession | undefined;
  let slotHeldUntil = 0;
  let slowDrops = 0;
  let lastQuery: URLSearchParams | undefined;
  let accepted = 0;
  let sentPosts = 0;
  let replayNext = 0;

  const publish = (post: FakePost): void => {
    recent.push({ post, at: Date.now() });
    if (recent.length > 2 * replayCapacity) recent.splice(0, recent.length - replayCapacity);
  };
  const miss = (items: readonly Outgoing[]): void => {
    for (const item of items) {
      if (item.kind !== "post") continue;
      lost.add(item.post.id);
      publish(item.post);
    }
  };

  const hooksFor = (fields: StreamFields) => ({
    render(item: Outgoing): string | undefined {
      if (item.kind === "line") return item.line;
      const matching = rules.matching(item.post);
      return opts.onlyMatching !== false && matching.length === 0 ? undefined : renderPayload(item.post, fields, matching);
    },
    delivered(items: readonly Outgoing[]): void {
      for (const item of items) {
        if (item.kind !== "post") continue;
        sentPosts += 1;
        sent.add(item.post.id);
        publish(item.post);
      }
    },
    closed(undelivered: Outgoing[], byClient: boolean): void {
      queue.requeue(undelivered);
      if (byClient) slotHeldUntil = Date.now() + (opts.slotReleaseMs ?? 3_000);
    },
    lost(items: readonly Outgoing[]): void {
      slowDrops += 1;
      miss(items);
    },
  });

  const openStream = (req: IncomingMessage, res: ServerResponse, query: URLSearchParams): void => {
    const parsed = parseStreamQuery(query);
    if ("errors" in parsed) return answer(res, invalidRequest(parsed.errors));
    const failure = failures.shift();
    if (failure === "rate-limited") connectWindow.exhaust();
    const limited = !connectWindow.take();
    const limits = connectWindow.headers();
    if (limited) return answer(res, genericProblem(429), limits);
    if (failure !== undefined) return answer(res, connectFailure(failure), limits);
    if (session !== undefined || Date.now() < slotHeldUntil) return answer(res, tooManyConnections(), limits);
    if (opts.requireRules !== false && rules.list().length === 0) return answer(res, noRules(), limits);
    accepted += 1;
    lastQuery = query;
    res.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-cache", ...limits });
    res.flushHeaders();
    const current = new StreamSession(res, queue, hooksFor(parsed), timing);
    session = current;
    res.on("close", () => {
      if (session === current) session = undefined;
    });
    req.socket.setNoDelay(true);
    const backfillMinutes = Number(query.get("backfill_minutes") ?? 0);
    if (enterprise && backfillMinutes > 0) {
      const since = Date.now() - backfillMinutes * 60_000;
      queue.requeue(recent.filter((r) => r.at >= since).map((r): Outgoing => ({ kind: "post", post: r.post })));
    } else if (replayNext > 0) {
      queue.requeue(recent.slice(-replayNext).map((r): Outgoing => ({ kind: "post", post: r.post })));
    }
    replayNext = 0;
    current.wake();
  };

  /** Queues items; while no stream is open and posts are not held, they are missed instead. */
  const offer = (...items: Outgoing[]): void => {
    if (session === undefined && accepted > 0 && opts.loseWhileDisconnected === true) {
      miss(items);
      return;
    }
    queue.push(...items);
    session?.wake();
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const endpoint = `${req.method ?? "GET"} ${url.pathname}`;
    const failing = endpoint === `POST ${TOKEN_PATH}` ? "token" : url.pathname === RULES_PATH ? "rules" : undefined;
    const failure = failing === undefined ? undefined : requestFailures[failing].shift();
    if (failure === "reset") return void req.socket.destroy();
    if (failure === "hang") return;
    if (failure !== undefined) return answer(res, genericProblem(failure));
    if (endpoint === `POST ${TOKEN_PATH}`) {
      return answer(res, issueToken(req, await readBody(req), url.searchParams, opts, bearerToken));
    }
    if (compliance.handles(url.pathname)) return compliance.route(req, res, url, checkBearer(req.headers.authorization, bearerToken));
    if (![STREAM_PATH, RULES_PATH].includes(url.pathname)) {
      return answer(res, v1Error(404, 34, "Sorry, that page does not exist"));
    }
    const refusal = checkBearer(req.headers.authorization, bearerToken);
    if (refusal !== undefined) return answer(res, refusal);
    switch (endpoint) {
      case `GET ${STREAM_PATH}`:
        return openStream(req, res, url.searchParams);
      case `GET ${RULES_PATH}`: {
        const ids = url.searchParams.get("ids");
        return answer(res, rules.lookup(ids === null ? undefined : ids.split(",")));
      }
      case `POST ${RULES_PATH}`: {
        const body = parseJson(await readBody(req));
        if (body === undefined) return answer(res, invalidRequest([{ parameters: {}, message: "Request body is not valid JSON" }]));
        const flag = (name: string): boolean => url.searchParams.get(name) === "true";
        return answer(res, rules.update(body, flag("dry_run"), flag("delete_all")));
      }
      default:
        return answer(res, genericProblem(405));
    }
  };

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) answer(res, genericProblem(500));
      else res.destroy(error instanceof Error ? error : undefined);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    get bearerToken() {
      return bearerToken;
    },
    rules: (): StreamRule[] => rules.list(),
    connections: () => accepted,
    enqueue(...lines) {
      offer(...lines.map((line): Outgoing => ({ kind: "line", line })));
    },
    post(p) {
      offer({ kind: "post", post: p });
    },
    enqueueSource(source) {
      queue.pushSource(source);
      session?.wake();
    },
    failNextConnects: (...scripted) => void failures.push(...scripted),
    failNextRequests: (endpoint, ...scripted) => void requestFailures[endpoint].push(...scripted),
    rotateBearerToken() {
      bearerToken = newToken();
    },
    connected: () => session !== undefined,
    lastStreamQuery: () => lastQuery,
    lostIds: () => lost,
    slowReaderDrops: () => slowDrops,
    dropConnection: (options = {}) => session?.drop(options.partialLine === true),
    operationalDisconnect: (disconnectType) => session?.endWith(JSON.stringify(operationalDisconnect(disconnectType))),
    silence: (ms) => session?.silence(ms),
    replayOnNextConnect(n) {
      replayNext = Math.min(n, replayCapacity);
    },
    sentCount: () => sentPosts,
    sentIds: () => sent,
    compliance,
    async close() {
      session?.drop(false);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function answer(res: ServerResponse, result: { status: number; body: object; contentType?: string }, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(result.body);
  res.writeHead(result.status, {
    ...headers,
    "content-type": result.contentType ?? "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
}

function checkBearer(authorization: string | undefined, bearerToken: string): ErrorAnswer | undefined {
  if (authorization?.startsWith("OAuth ") === true) return unsupportedAuthentication();
  return authorization === `Bearer ${bearerToken}` ? undefined : genericProblem(401);
}

/** `POST /oauth2/token`: basic auth of the consumer key and secret (each form-url-encoded), `grant_type=client_credentials`. */
function issueToken(
  req: IncomingMessage,
  body: string,
  query: URLSearchParams,
  opts: FakeXServerOptions,
  bearerToken: string,
): { status: number; body: object; contentType?: string } {
  const credentials = basicCredentials(req.headers.authorization);
  const keyOk = credentials !== undefined && credentials.key.length > 0 && (opts.consumerKey ?? credentials.key) === credentials.key;
  const secretOk = credentials !== undefined && (opts.consumerSecret ?? credentials.secret) === credentials.secret;
  if (!keyOk || !secretOk) return v1Error(403, 99, "Unable to verify your credentials", "authenticity_token_error");
  const grantType = new URLSearchParams(body).get("grant_type") ?? query.get("grant_type");
  if (grantType === null) return v1Error(403, 170, "Missing required parameter: grant_type", "forbidden_missing_parameter");
  if (grantType !== "client_credentials") return v1Error(403, 99, "Unable to verify your credentials", "authenticity_token_error");
  return { status: 200, body: { token_type: "bearer", access_token: bearerToken } };
}

function basicCredentials(authorization: string | undefined): { key: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)$/iu.exec(authorization ?? "");
  if (match === null) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  try {
    return { key: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error(`request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

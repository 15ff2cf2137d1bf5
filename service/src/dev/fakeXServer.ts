import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createFakeCompliance, type FakeCompliance } from "./fakeCompliance";
import { renderPayload, type FakePost, type StreamFields } from "./fakePost";
import { OutboundQueue, type Outgoing } from "./outbound";
import { RulesStore, type StreamRule } from "./rulesStore";
import { StreamSession } from "./streamSession";
import { parseStreamQuery } from "./streamQuery";
import {
  connectFailure,
  genericProblem,
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
  /** Interval of the `\r\n` keep-alive on the stream; X sends one every 20 s. @default 20000 */
  heartbeatIntervalMs?: number;
  /** Port on 127.0.0.1. @default 0 - chosen by the system */
  port?: number;
  /**
   * Drop posts that match none of the current rules, as X does. By default they are delivered with empty
   * `matching_rules`, so that tests can check that the client filters on its own too.
   * @default false
   */
  onlyMatching?: boolean;
  /** Maximum number of rules (X's Pro tier: 1,000). @default 1000 */
  maxRules?: number;
  /** Maximum rule length in characters (X's Pro tier: 1,024). @default 1024 */
  maxRuleLength?: number;
  /** How many of the last posts sent are kept for {@link FakeXServer.replayOnNextConnect}. @default 10000 */
  replayCapacity?: number;
}

/** A running fake of the X API v2 filtered stream; see `service/src/dev/README.md`. */
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
  /** The next stream connects are answered with these HTTP statuses, one each, in X's error format. */
  failNextConnects(...statuses: number[]): void;
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

const STREAM_PATH = "/2/tweets/search/stream";
const RULES_PATH = "/2/tweets/search/stream/rules";
const TOKEN_PATH = "/oauth2/token";
const MAX_BODY_BYTES = 1024 * 1024;

/** Starts a fake X API v2 filtered-stream server on 127.0.0.1. */
export async function startFakeXServer(opts: FakeXServerOptions = {}): Promise<FakeXServer> {
  const bearerToken = opts.bearerToken ?? `AAAAAAAAAAAAAAAAAAAAA${randomBytes(24).toString("base64url")}`;
  const heartbeatIntervalMs = opts.heartbeatIntervalMs ?? 20_000;
  const replayCapacity = opts.replayCapacity ?? 10_000;
  const rules = new RulesStore({ maxRules: opts.maxRules ?? 1000, maxRuleLength: opts.maxRuleLength ?? 1024 });
  const queue = new OutboundQueue();
  const failures: number[] = [];
  const compliance = createFakeCompliance();
  const recent: FakePost[] = [];
  const sent = new Set<string>();
  let session: StreamSession | undefined;
  let accepted = 0;
  let sentPosts = 0;
  let replayNext = 0;

  const hooksFor = (fields: StreamFields) => ({
    render(item: Outgoing): string | undefined {
      if (item.kind === "line") return item.line;
      const matching = rules.matching(item.post);
      return opts.onlyMatching === true && matching.length === 0 ? undefined : renderPayload(item.post, fields, matching);
    },
    delivered(items: readonly Outgoing[]): void {
      for (const item of items) {
        if (item.kind !== "post") continue;
        sentPosts += 1;
        sent.add(item.post.id);
        recent.push(item.post);
      }
      if (recent.length > 2 * replayCapacity) recent.splice(0, recent.length - replayCapacity);
    },
    closed(undelivered: Outgoing[]): void {
      queue.requeue(undelivered);
    },
  });

  const openStream = (req: IncomingMessage, res: ServerResponse, query: URLSearchParams): void => {
    const parsed = parseStreamQuery(query);
    if ("errors" in parsed) return answer(res, invalidRequest(parsed.errors));
    const failure = failures.shift();
    if (failure !== undefined) return answer(res, connectFailure(failure));
    if (session !== undefined) return answer(res, tooManyConnections());
    accepted += 1;
    res.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-cache" });
    res.flushHeaders();
    const current = new StreamSession(res, queue, hooksFor(parsed), heartbeatIntervalMs);
    session = current;
    res.on("close", () => {
      if (session === current) session = undefined;
    });
    req.socket.setNoDelay(true);
    if (replayNext > 0) {
      queue.requeue(recent.slice(-replayNext).map((post): Outgoing => ({ kind: "post", post })));
      replayNext = 0;
    }
    current.wake();
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const endpoint = `${req.method ?? "GET"} ${url.pathname}`;
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
    bearerToken,
    rules: (): StreamRule[] => rules.list(),
    connections: () => accepted,
    enqueue(...lines) {
      queue.push(...lines.map((line): Outgoing => ({ kind: "line", line })));
      session?.wake();
    },
    post(p) {
      queue.push({ kind: "post", post: p });
      session?.wake();
    },
    enqueueSource(source) {
      queue.pushSource(source);
      session?.wake();
    },
    failNextConnects: (...statuses) => void failures.push(...statuses),
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

function answer(res: ServerResponse, result: { status: number; body: object; contentType?: string }): void {
  const body = JSON.stringify(result.body);
  res.writeHead(result.status, {
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

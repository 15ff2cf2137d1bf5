/**
 * The filtered-stream connection and its reconnect loop. It reads bytes itself (see lineSplitter.ts) rather than
 * through twitter-api-v2's TweetStream, whose parser decodes each network chunk on its own (`chunk.toString()`),
 * which turns a multi-byte character cut between chunks into U+FFFD, and has no bound on a line's length.
 */
import http from "node:http";
import https from "node:https";
import {
  CONNECT_LIMIT,
  CONNECT_WINDOW_MS,
  ConnectWindow,
  HEALTHY,
  nextBackoff,
  type BackoffPolicy,
  type BackoffState,
  type Disconnect,
} from "./backoff";
import { LineSplitter, type LineSink } from "./lineSplitter";
import { classifyRefusal, streamProblem, type ConnectRefusal, type StreamProblem } from "./xErrors";

/** How a connection or an attempt ended. */
export interface Outcome {
  readonly cause: Disconnect;
  /** Human-readable reason: an error code, "closed by server", "no data for 20000 ms", an HTTP status. */
  readonly reason: string;
  readonly status?: number;
  /** The error body X sent with an HTTP error, truncated. */
  readonly body?: string;
  /** How long the connection was open (HTTP 200 to its end), when it was. */
  readonly openMs?: number;
  /** What X's answer means, for an HTTP error. */
  readonly refusal?: ConnectRefusal;
  /** X's name for the disconnect, when it gave one: an in-stream error's `disconnect_type`, a 429's `connection_issue`. */
  readonly disconnectType?: string;
  /** How much of the wait X's connect limit added to the back-off's (see {@link ConnectWindow}). */
  readonly connectLimitWaitMs?: number;
}

/** X refused the stream in a way no retry can cure (403, or 401 with no new token to try); the run stops. */
export class StreamRefusedError extends Error {}

/** What the stream reports besides lines. */
export interface StreamEvents extends LineSink {
  /** HTTP 200: the stream is open. */
  connected(): void;
  /** The connection or attempt ended; the next attempt starts in `delayMs`. */
  disconnected(outcome: Outcome, delayMs: number): void;
  /** HTTP 401: a new bearer token, or undefined when none can be obtained (the run then stops). */
  reauthenticate(): Promise<string | undefined>;
  /** HTTP 409, the stream has no rules: put ours back before the next attempt. */
  resyncRules(): Promise<void>;
  /** X wrote an error object inside the stream; one that announces a disconnect also ends the connection. */
  streamError(problem: StreamProblem): void;
}

/** The time source of the reconnect waits; a test passes a virtual one. */
export interface StreamClock {
  /** Milliseconds, monotonic. */
  now(): number;
  /** Resolves after `ms`. */
  sleep(ms: number): Promise<void>;
}

/** Settings of the stream connection. */
export interface StreamOptions {
  readonly url: URL;
  /** The app-only bearer token of the first connect; replaced after a 401 by {@link StreamEvents.reauthenticate}. */
  readonly bearerToken: string;
  readonly agent: http.Agent;
  readonly policy: BackoffPolicy;
  /** No byte for this long (heartbeats included) means the connection is dead. */
  readonly stallTimeoutMs: number;
  readonly maxLineBytes: number;
  /** The clock of the waits between attempts. @default - `performance.now()` and timers */
  readonly clock?: StreamClock;
}

const MAX_ERROR_BODY = 4096;

/** Keeps one filtered-stream connection open until stopped, reconnecting by X's policy. */
export class FilteredStream {
  private readonly splitter: LineSplitter;
  private stopped = false;
  private request: http.ClientRequest | undefined;
  private timer: NodeJS.Timeout | undefined;
  private onStall: (() => void) | undefined;
  private wake: (() => void) | undefined;
  private bearerToken: string;
  private readonly connects: ConnectWindow;
  /** Ends the open connection with an in-stream error's disconnect. */
  private onStreamDisconnect: ((problem: StreamProblem) => void) | undefined;

  constructor(
    private readonly options: StreamOptions,
    private readonly events: StreamEvents,
  ) {
    this.splitter = new LineSplitter(options.maxLineBytes, {
      line: (text) => {
        // A cheap test first: a post's own text can hold `"errors"` only escaped (`\"errors\"`).
        if (text.includes('"errors":')) this.inspect(text);
        events.line(text);
      },
      heartbeat: () => events.heartbeat(),
      oversized: (bytes) => events.oversized(bytes),
    });
    this.bearerToken = options.bearerToken;
    this.connects = new ConnectWindow(options.policy.connectLimit ?? CONNECT_LIMIT, options.policy.connectWindowMs ?? CONNECT_WINDOW_MS);
  }

  private now(): number {
    return this.options.clock?.now() ?? performance.now();
  }

  /** Tells an in-stream error object; one that announces a disconnect ends the connection with that cause. */
  private inspect(text: string): void {
    const problem = streamProblem(text);
    if (problem === undefined) return;
    this.events.streamError(problem);
    if (problem.cause !== undefined) this.onStreamDisconnect?.(problem);
  }

  /**
   * Connects, and reconnects after each disconnection, until {@link stop}. A connection that stayed open for a
   * stall-timeout period or longer was healthy: the back-off starts afresh after it. A 401 gets one new token
   * (until the next connection succeeds); a 409 re-syncs the rules; a 403, or a 401 with no new token, rejects
   * with {@link StreamRefusedError}. No attempt is made while {@link BackoffPolicy.connectLimit} attempts lie in the
   * last {@link BackoffPolicy.connectWindowMs}: the wait is stretched to the first free slot.
   */
  async run(): Promise<void> {
    let state: BackoffState = HEALTHY;
    let reauthenticated = false;
    while (!this.stopped) {
      this.connects.record(this.now());
      const outcome = await this.connectOnce();
      if (this.stopped) return;
      if (outcome.openMs !== undefined) reauthenticated = false;
      if ((outcome.openMs ?? 0) >= this.options.stallTimeoutMs) state = HEALTHY;
      const refusal = outcome.refusal;
      let cause = outcome.cause;
      if (refusal?.action === "fatal") throw new StreamRefusedError(refusal.message);
      if (refusal?.action === "reauthenticate") {
        const token = reauthenticated ? undefined : await this.events.reauthenticate();
        if (token === undefined) {
          throw new StreamRefusedError(
            "X refused the bearer token (HTTP 401): check the app's keys and tokens (regenerated or revoked?) and set valid ones",
          );
        }
        reauthenticated = true;
        this.bearerToken = token;
        cause = "unauthorized";
      }
      if (cause === "no-rules") await this.events.resyncRules();
      const next = nextBackoff(this.options.policy, state, cause, refusal?.action === "retry" ? refusal.resetInMs : undefined);
      state = next.state;
      const limitWait = this.connects.waitMs(this.now());
      const delayMs = Math.max(next.delayMs, limitWait);
      const limited = delayMs > next.delayMs ? { connectLimitWaitMs: delayMs - next.delayMs } : {};
      this.events.disconnected({ ...outcome, cause, ...limited }, delayMs);
      await this.sleep(delayMs);
    }
  }

  /** Closes the connection and ends {@link run}. */
  stop(): void {
    this.stopped = true;
    this.request?.destroy();
    this.wake?.();
  }

  private armStallTimer(): void {
    const onStall = this.onStall;
    if (onStall === undefined) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(onStall, this.options.stallTimeoutMs);
  }

  private sleep(ms: number): Promise<void> {
    if (ms <= 0 || this.stopped) return Promise.resolve();
    const clock = this.options.clock;
    if (clock !== undefined) {
      return new Promise((resolve) => {
        this.wake = resolve;
        void clock.sleep(ms).then(resolve);
      });
    }
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      function done(): void {
        clearTimeout(t);
        resolve();
      }
      this.wake = done;
    });
  }

  private connectOnce(): Promise<Outcome> {
    const { url, agent, stallTimeoutMs } = this.options;
    const bearerToken = this.bearerToken;
    return new Promise((resolve) => {
      let gotData = false;
      let settled = false;
      let openedAt: number | undefined;
      const finish = (outcome: Outcome): void => {
        if (settled) return;
        settled = true;
        if (this.timer !== undefined) clearTimeout(this.timer);
        this.timer = undefined;
        this.onStall = undefined;
        this.onStreamDisconnect = undefined;
        this.request = undefined;
        req.destroy();
        resolve(outcome);
      };
      const openFor = (): { openMs?: number } => (openedAt === undefined ? {} : { openMs: Math.round(this.now() - openedAt) });
      const ended = (reason: string, stalled = false): void => {
        const openMs = openFor().openMs;
        const cause: Disconnect = stalled && openMs !== undefined ? "stalled" : !gotData ? "network" : "dropped";
        finish({ cause, reason, ...(openMs === undefined ? {} : { openMs }) });
      };
      const send = url.protocol === "https:" ? https.request : http.request;
      const req = send(url, { agent, headers: { authorization: `Bearer ${bearerToken}`, "user-agent": "twitterstream" } });
      this.request = req;
      this.onStall = () => ended(`no data for ${stallTimeoutMs} ms`, true);
      this.armStallTimer();
      req.on("error", (e: NodeJS.ErrnoException) => ended(e.code ?? e.message));
      req.on("response", (res) => {
        if (res.statusCode !== 200) {
          this.readErrorBody(res, (body) => {
            const status = res.statusCode ?? 0;
            const refusal = classifyRefusal(status, res.headers, body, Date.now());
            const retry = refusal.action === "retry" ? refusal : undefined;
            const named = retry?.disconnectType === undefined ? {} : { disconnectType: retry.disconnectType };
            finish({ cause: retry?.cause ?? "http", reason: `HTTP ${status}`, status, body, refusal, ...named });
          });
          return;
        }
        openedAt = this.now();
        this.onStreamDisconnect = (problem) => {
          const cause = problem.cause ?? "dropped";
          finish({
            cause,
            reason: `X in the stream: ${problem.detail ?? problem.disconnectType}`,
            disconnectType: problem.disconnectType,
            ...openFor(),
          });
        };
        this.splitter.reset();
        this.events.connected();
        this.armStallTimer();
        res.on("data", (chunk: Buffer) => {
          gotData = true;
          this.timer?.refresh();
          this.splitter.push(chunk);
        });
        res.on("end", () => ended("closed by server"));
        res.on("error", (e: NodeJS.ErrnoException) => ended(e.code ?? e.message));
        res.on("close", () => ended("connection closed"));
      });
      req.end();
      if (this.stopped) finish({ cause: "network", reason: "stopped" });
    });
  }

  private readErrorBody(res: http.IncomingMessage, done: (body: string) => void): void {
    const parts: Buffer[] = [];
    let size = 0;
    res.on("data", (chunk: Buffer) => {
      if (size < MAX_ERROR_BODY) parts.push(chunk);
      size += chunk.length;
    });
    const end = (): void => done(Buffer.concat(parts).toString("utf8").slice(0, MAX_ERROR_BODY));
    res.on("end", end);
    res.on("close", end);
    res.on("error", end);
  }
}

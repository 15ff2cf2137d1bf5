/**
 * Test harness: a switchable TCP proxy (to take DynamoDB away and bring it back) and the real service as a child
 * process. dynalite itself comes from dev/localDynamo.ts, shared with the local run.
 */
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { loadFactor, scaledTimeout } from "../../scripts/mocha-timeouts.cjs";

const REPO = path.resolve(__dirname, "../..");
const MAIN = path.join(REPO, "service/src/main.ts");

/**
 * Polls `check` until it returns a value other than undefined; fails naming `what` after `timeoutMs` (for a quiet
 * machine) times the load per core when it starts, as mocha's limits are scaled (scripts/mocha-timeouts.cjs).
 */
export async function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const limitMs = scaledTimeout(timeoutMs, loadFactor());
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${limitMs / 1000} s waiting for ${what} (declared ${timeoutMs / 1000} s)`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A TCP proxy whose listener can be closed (connections refused) and reopened on the same port. */
export class SwitchableProxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  private port = 0;

  private constructor(private readonly target: URL) {}

  /** Starts a proxy to `target` (an http URL) on a free loopback port. */
  static async start(target: string): Promise<SwitchableProxy> {
    const proxy = new SwitchableProxy(new URL(target));
    await proxy.up();
    return proxy;
  }

  /** The proxy's http endpoint. */
  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Accepts connections again, on the same port. */
  async up(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(Number(this.target.port), this.target.hostname);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => undefined);
      }
      client.pipe(upstream).pipe(client);
      upstream.on("close", () => client.destroy());
      client.on("close", () => upstream.destroy());
    });
    await new Promise<void>((resolve) => server.listen(this.port, "127.0.0.1", resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Refuses new connections and resets open ones. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    if (server !== undefined) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** One parsed log line of the service. */
export type LogLine = Record<string, unknown> & { event: string; level: string };

/** The service running as a child process, its output captured. */
export class ServiceProcess {
  /** Everything written to stdout. */
  stdout = "";
  /** Everything written to stderr. */
  stderr = "";
  /** stdout's lines parsed as JSON; a non-JSON line fails the test that reads {@link logs}. */
  readonly logs: LogLine[] = [];
  private readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;

  /** Spawns `node --no-warnings --import tsx service/src/main.ts` with exactly `env` (plus PATH). */
  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, ["--no-warnings", "--import", "tsx", MAIN], {
      cwd: REPO,
      env: { PATH: process.env["PATH"] ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let partial = "";
    this.child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      this.stdout += chunk;
      partial += chunk;
      const lines = partial.split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) this.logs.push(JSON.parse(line) as LogLine);
    });
    this.child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      this.stderr += chunk;
    });
    this.exited = new Promise((resolve) => this.child.on("exit", (code) => resolve(code)));
  }

  /** The first log line with this event (and matching `where`), waiting for it. */
  waitForLog(event: string, where: (line: LogLine) => boolean = () => true, timeoutMs?: number): Promise<LogLine> {
    return waitFor(`log event ${event}`, () => this.logs.find((l) => l.event === event && where(l)), timeoutMs);
  }

  /** Log lines with this event. */
  events(event: string): LogLine[] {
    return this.logs.filter((l) => l.event === event);
  }

  /** Sends a signal. */
  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** The exit code, once exited. */
  exitCode(): Promise<number | null> {
    return this.exited;
  }
}

/**
 * The variables that wire the service (or the compliance command) to a local X double and dynalite, as ECS wires it to
 * X and DynamoDB: the table, its region, the filter, both endpoints, and dummy AWS credentials.
 */
export function localEnv(xUrl: string, dynamoEndpoint: string, table: string, filter: string): Record<string, string> {
  return {
    DYNAMODBTABLE: table,
    AWSREGION: "us-east-1",
    FILTER: filter,
    X_API_BASE_URL: xUrl,
    AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint,
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
  };
}

/** Settings that make every wait of the service short, for tests. */
export const FAST: Readonly<Record<string, string>> = {
  NETWORK_BACKOFF_STEP_MS: "20",
  NETWORK_BACKOFF_MAX_MS: "200",
  HTTP_BACKOFF_INITIAL_MS: "50",
  HTTP_BACKOFF_MAX_MS: "400",
  RATE_LIMIT_BACKOFF_INITIAL_MS: "100",
  RATE_LIMIT_BACKOFF_MAX_MS: "800",
  STALL_TIMEOUT_MS: "4000",
  RECONNECT_PAUSE_MS: "100",
  WRITE_RETRY_BASE_MS: "20",
  WRITE_RETRY_MAX_MS: "200",
  WRITE_TIMEOUT_MS: "2000",
  STATS_INTERVAL_MS: "200",
  SKIP_LOG_INTERVAL_MS: "60000",
  SHUTDOWN_TIMEOUT_MS: "15000",
  X_REQUEST_TIMEOUT_MS: "5000",
};

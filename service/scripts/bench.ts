/**
 * `npm run bench`: two runs of the real service process (built JS, as in the image) between the fake X server and
 * dynalite, each with its own dynalite process started empty, and the ceiling:
 *
 * - **main**: BENCH_POSTS generated posts (default 100,000, half matching), DynamoDB healthy;
 * - **ceiling**: the main run's items written straight into a fresh dynalite with BatchWriteCommand, as many requests
 *   in flight as the service;
 * - **slow DynamoDB**: a burst of BENCH_SLOW_POSTS matching posts (default 60,000) while DynamoDB answers each request
 *   after 400 ms for BENCH_SLOW_MS (default 15 s), then fails every request (HTTP 500) for BENCH_FAILING_MS (default
 *   10 s), then recovers (dev/slowDynamo.ts); the service's memory budget is BENCH_SLOW_MEMORY_BYTES (default
 *   16 MiB, a quarter of the default), so that the burst spills to disk.
 *
 * Each run ends when every match is stored, or when nothing was received or stored for BENCH_STALL_MS (default 30 s),
 * or after BENCH_TIMEOUT_MS (default 600 s); then the service gets SIGTERM and the table is counted: `lost` is what the
 * table lacks. Prints one JSON object with the figures and whether each target is met. Exits 1 only when a post was
 * lost or a run crashed (the service exited non-zero, or the benchmark failed): rates depend on the machine and are
 * reported, never an exit code. Not a test: timings vary with the machine and its load.
 *
 * `dynaliteBoundPerSecond` (main run and ceiling) is the items stored divided by the CPU-seconds dynalite spent storing
 * them: the rate dynalite could reach with a whole core to itself, never waiting for a request. dynalite is
 * single-threaded, so no client stores faster into it on this machine; it tells a limit of the stand-in from one of the
 * service.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { commandLine, withProgress } from "../../scripts/cli";
import { renderPayload } from "../dev/fakePost";
import { startFakeXServer } from "../dev/fakeXServer";
import { containsPhrase } from "../dev/generator";
import { countItems, createPostsTable } from "../dev/localDynamo";
import { startSlowDynamo, type SlowDynamo } from "../dev/slowDynamo";
import { benchLoad, expectedItems, posts, slowLoad, type Load } from "./benchLoad";

const SERVICE = path.resolve(__dirname, "..");
const TSX = ["--no-warnings", "--import", "tsx"];
const MiB = 1024 * 1024;
const TABLE = "bench";

type Line = Record<string, unknown> & { event: string; time: string };

function lines(child: ChildProcess, onLine: (line: string) => void): void {
  if (child.stdout !== null) readline.createInterface({ input: child.stdout }).on("line", onLine);
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => lines(child, resolve));
}

/** CPU seconds a process has used so far, from /proc (utime + stime). */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Peak resident set of a process, from /proc (VmHWM), in bytes. */
function peakRss(pid: number): number {
  const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kb ?? 0) * 1024;
}

/** Bytes of the files in `dir` now. */
function dirBytes(dir: string): number {
  let bytes = 0;
  for (const name of fs.readdirSync(dir)) {
    try {
      bytes += fs.statSync(path.join(dir, name)).size;
    } catch {
      // Deleted between the listing and the stat: read back already.
    }
  }
  return bytes;
}

function round(n: number, digits = 0): number {
  return Math.round(n * 10 ** digits) / 10 ** digits;
}

function duration(env: string, fallback: number): number {
  return Number(process.env[env] ?? fallback);
}

interface Dynamo {
  readonly endpoint: string;
  readonly doc: DynamoDBDocumentClient;
  readonly pid: number;
  stop(): void;
}

/** A fresh, empty dynalite in its own process (so it does not share a thread with the fake X server), with the table. */
async function startDynamo(): Promise<Dynamo> {
  const child = spawn(process.execPath, [...TSX, path.join(__dirname, "benchDynalite.ts")], { stdio: ["ignore", "pipe", "inherit"] });
  const { port } = JSON.parse(await firstLine(child)) as { port: number };
  const endpoint = `http://127.0.0.1:${port}`;
  const doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint, region: "us-east-1", credentials: { accessKeyId: "bench", secretAccessKey: "bench" } }),
  );
  await createPostsTable(doc, TABLE);
  return {
    endpoint,
    doc,
    pid: child.pid ?? 0,
    stop() {
      doc.destroy();
      child.kill("SIGTERM");
    },
  };
}

/** What a run changes: the service's extra variables, and what happens to DynamoDB once the clock starts. */
interface Scenario {
  readonly env?: Record<string, string>;
  /** Starts the scenario's DynamoDB schedule on the proxy in front of dynalite; resolves when it is over. */
  readonly schedule?: (slow: SlowDynamo) => Promise<void>;
}

/**
 * Runs the service until it has received every post and stored every match (or made no progress for BENCH_STALL_MS,
 * or BENCH_TIMEOUT_MS passed), then stops it with SIGTERM and counts the table.
 */
async function serviceRun(load: Load, matches: number, concurrency: string, scenario: Scenario = {}) {
  const dynamo = await startDynamo();
  const slow = await startSlowDynamo(dynamo.endpoint);
  const spillDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-spill-"));
  const benchCpuBefore = process.cpuUsage();
  const x = await startFakeXServer({ consumerKey: "bench-key", consumerSecret: "bench-secret" });
  const service = spawn(process.execPath, ["--no-warnings", path.join(SERVICE, "dist/main.js")], {
    env: {
      PATH: process.env["PATH"] ?? "",
      DYNAMODBTABLE: TABLE,
      AWSREGION: "us-east-1",
      FILTER: load.pattern,
      CONSUMERKEY: "bench-key",
      CONSUMERSECRETKEY: "bench-secret",
      X_API_BASE_URL: x.url,
      AWS_ENDPOINT_URL_DYNAMODB: scenario.schedule === undefined ? dynamo.endpoint : slow.endpoint,
      AWS_ACCESS_KEY_ID: "bench",
      AWS_SECRET_ACCESS_KEY: "bench",
      STATS_INTERVAL_MS: "100",
      WRITE_CONCURRENCY: concurrency,
      SPILL_DIR: spillDir,
      ...scenario.env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const logs: Line[] = [];
  const exited = new Promise<number | null>((resolve) => service.on("exit", resolve));
  let onConnected: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => (onConnected = resolve));
  let progressAt = Date.now();
  let progress = "";
  let onFinished: (how: string) => void = () => undefined;
  const finished = new Promise<string>((resolve) => (onFinished = resolve));
  lines(service, (text) => {
    const line = JSON.parse(text) as Line;
    logs.push(line);
    if (line.event === "connected") onConnected();
    if (line.event === "fatal") onFinished("fatal");
    if (line.event !== "stats") return;
    if (Number(line["received"]) >= load.posts && Number(line["stored"]) >= matches) onFinished("all stored");
    const now = `${String(line["received"])}/${String(line["stored"])}`;
    if (now !== progress) [progress, progressAt] = [now, Date.now()];
  });
  // The load is rendered before the clock starts, once the service is connected and its rule exists: the stand-in
  // for X must not take CPU from the service and dynalite during the measured window (X's servers are elsewhere).
  await Promise.race([connected, exited]);
  const rendered = renderLoad(load, x.rules());
  // dynalite's CPU is counted from here: before the clock it has only created the table.
  const dynaliteCpuBefore = cpuSeconds(dynamo.pid);
  const start = Date.now();
  let peakDisk = 0;
  let scheduleOver = scenario.schedule === undefined;
  void scenario.schedule?.(slow).then(() => {
    scheduleOver = true;
    progressAt = Date.now();
  });
  const stallMs = duration("BENCH_STALL_MS", 30_000);
  const deadline = start + duration("BENCH_TIMEOUT_MS", 600_000);
  const watch = setInterval(() => {
    peakDisk = Math.max(peakDisk, dirBytes(spillDir));
    if (Date.now() > deadline) onFinished(`timeout after ${Date.now() - start} ms`);
    else if (scheduleOver && Date.now() - progressAt > stallMs) onFinished(`no progress for ${stallMs} ms`);
  }, 100);
  x.enqueueSource(rendered);
  const ended = await Promise.race([finished, exited.then((code) => `service exited (${String(code)})`)]);
  clearInterval(watch);
  const dynaliteCpu = cpuSeconds(dynamo.pid) - dynaliteCpuBefore;
  const rss = peakRss(service.pid ?? 0);
  const benchCpu = process.cpuUsage(benchCpuBefore);
  const cpu = {
    service: cpuSeconds(service.pid ?? 0),
    dynalite: round(dynaliteCpu, 2),
    fakeX: round((benchCpu.user + benchCpu.system) / 1e6, 2),
  };
  slow.set({ delayMs: 0, failing: false });
  service.kill("SIGTERM");
  const exitCode = await exited;
  const slowReaderDrops = x.slowReaderDrops();
  await x.close();
  const stored = await countItems(dynamo.doc, TABLE);
  await slow.close();
  dynamo.stop();
  fs.rmSync(spillDir, { recursive: true, force: true });
  const at = (pred: (l: Line) => boolean): number => Date.parse(logs.find(pred)?.time ?? "");
  const receivedAt = at((l) => l.event === "stats" && Number(l["received"]) >= load.posts);
  const storedAt = at((l) => l.event === "stats" && Number(l["stored"]) >= matches);
  const stopped = logs.find((l) => l.event === "stopped");
  const most = (field: string): number => Math.max(0, ...logs.filter((l) => l.event === "stats").map((l) => Number(l[field] ?? 0)));
  return {
    ended,
    seconds: round((Date.now() - start) / 1000, 1),
    receivedPerSecond: round(load.posts / ((receivedAt - start) / 1000)),
    storedPerSecond: round(matches / ((storedAt - start) / 1000)),
    writeLatencyMs: stopped?.["writeLatencyMs"],
    peakRssMiB: round(rss / MiB, 1),
    peakQueueMemoryMiB: round(most("queueMemoryBytes") / MiB, 1),
    peakSpilled: most("spilled"),
    peakDiskMiB: round(peakDisk / MiB, 1),
    spillPeakMiB: round(Number(stopped?.["spillPeakBytes"] ?? 0) / MiB, 1),
    retries: stopped?.["retries"],
    dropped: stopped?.["dropped"],
    storedInTable: stored,
    lost: matches - stored,
    slowReaderDrops,
    dynaliteBoundPerSecond: round(matches / dynaliteCpu),
    serviceExitCode: exitCode,
    cpuSeconds: cpu,
  };
}

/**
 * Every post of the load as the stream line X would send the service: its fields, and its one matching rule (the
 * service's) when it contains the pattern.
 */
function renderLoad(load: Load, rules: ReadonlyArray<{ id: string; tag?: string }>): string[] {
  const rule = rules[0];
  if (rule === undefined) throw new Error("the service made no rule");
  const fields = { expandAuthor: true, tweetFields: new Set(["created_at", "author_id"]) };
  const matching = [{ id: rule.id, ...(rule.tag === undefined ? {} : { tag: rule.tag }) }];
  return [...posts(load)].map((p) => renderPayload(p, fields, containsPhrase(p.text, load.pattern) ? matching : []));
}

/** The same items straight into a fresh dynalite with BatchWriteCommand (benchCeiling.ts, its own process). */
async function ceilingRun(concurrency: string): Promise<{ perSecond: number; dynaliteBoundPerSecond: number }> {
  const dynamo = await startDynamo();
  const dynaliteCpuBefore = cpuSeconds(dynamo.pid);
  const child = spawn(process.execPath, [...TSX, path.join(__dirname, "benchCeiling.ts")], {
    env: { ...process.env, BENCH_ENDPOINT: dynamo.endpoint, BENCH_TABLE: TABLE, BENCH_CONCURRENCY: concurrency },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const ceiling = JSON.parse(await firstLine(child)) as { items: number; seconds: number };
  const dynaliteCpu = cpuSeconds(dynamo.pid) - dynaliteCpuBefore;
  dynamo.stop();
  return { perSecond: round(ceiling.items / ceiling.seconds), dynaliteBoundPerSecond: round(ceiling.items / dynaliteCpu) };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The slow-DynamoDB schedule: 400 ms a request, then every request failing, then healthy. */
function slowSchedule(slowMs: number, failingMs: number): (slow: SlowDynamo) => Promise<void> {
  return async (slow) => {
    slow.set({ delayMs: 400 });
    await sleep(slowMs);
    slow.set({ delayMs: 0, failing: true });
    await sleep(failingMs);
    slow.set({ failing: false });
  };
}

async function main(): Promise<void> {
  commandLine(`Usage: [BENCH_POSTS=100000] [BENCH_SLOW_POSTS=60000] [BENCH_SLOW_MS=15000] [BENCH_FAILING_MS=10000]
       [BENCH_SLOW_MEMORY_BYTES=16777216] [BENCH_STALL_MS=30000] [BENCH_TIMEOUT_MS=600000] [WRITE_CONCURRENCY=8] npm run bench

Runs the real service between the local X double and dynalite: BENCH_POSTS posts (half matching), the ceiling (the
same items written straight into dynalite), and a burst of BENCH_SLOW_POSTS while DynamoDB is slow, then failing.
Prints one JSON object with the figures and the targets; exit 1 only when a post was lost or a run crashed. Minutes
on a small machine; progress on stderr.`);
  const load = benchLoad(process.env);
  const loadBefore = os.loadavg()[0] ?? 0;
  const concurrency = process.env["WRITE_CONCURRENCY"] ?? "8";
  const matches = expectedItems(load).length;
  process.stderr.write("bench: building the service (tsc)\n");
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: SERVICE, stdio: "inherit" });

  const run = await withProgress(`bench: ${load.posts} posts through the service into dynalite`, () => serviceRun(load, matches, concurrency));
  const ceiling = await withProgress(`bench: the ceiling, ${matches} items written straight into dynalite`, () => ceilingRun(concurrency));
  const burst = slowLoad(process.env);
  const slowMemory = process.env["BENCH_SLOW_MEMORY_BYTES"] ?? String(16 * MiB);
  const slowMs = duration("BENCH_SLOW_MS", 15_000);
  const failingMs = duration("BENCH_FAILING_MS", 10_000);
  const slow = await withProgress(`bench: ${burst.posts} posts while DynamoDB is slow, then failing`, () =>
    serviceRun(burst, expectedItems(burst).length, concurrency, {
      env: { QUEUE_MEMORY_BYTES: slowMemory },
      schedule: slowSchedule(slowMs, failingMs),
    }),
  );
  const storedShareOfCeiling = round(run.storedPerSecond / ceiling.perSecond, 2);
  const result = {
    main: {
      posts: load.posts,
      matches,
      writeConcurrency: Number(concurrency),
      ...run,
      ceilingPerSecond: ceiling.perSecond,
      ceilingDynaliteBoundPerSecond: ceiling.dynaliteBoundPerSecond,
      storedShareOfCeiling,
      storedShareOfDynaliteBound: round(run.storedPerSecond / run.dynaliteBoundPerSecond, 2),
    },
    slowDynamo: {
      posts: burst.posts,
      matches: expectedItems(burst).length,
      queueMemoryBytes: Number(slowMemory),
      schedule: { slow400msForMs: slowMs, failingForMs: failingMs },
      ...slow,
    },
    cpus: os.cpus().length,
    loadAverage1m: { before: round(loadBefore, 2), after: round(os.loadavg()[0] ?? 0, 2) },
  };
  const targets = {
    "main: stored >= 85% of ceiling": storedShareOfCeiling >= 0.85,
    "main: peak RSS < 200 MiB": run.peakRssMiB < 200,
    "main: lost 0": run.lost === 0,
    "slow DynamoDB: lost 0": slow.lost === 0,
    "slow DynamoDB: peak RSS < 300 MiB": slow.peakRssMiB < 300,
  };
  const crashed = run.serviceExitCode !== 0 || slow.serviceExitCode !== 0;
  process.stdout.write(`${JSON.stringify({ ...result, targets }, null, 2)}\n`);
  process.exit(run.lost > 0 || slow.lost > 0 || crashed ? 1 : 0);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

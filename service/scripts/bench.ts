/**
 * `npm run bench`: streams BENCH_POSTS generated posts (default 100,000, half matching) from the fake X server
 * through the real service process (built JS, as in the image) into dynalite, then measures the ceiling: the same
 * items written straight into a fresh dynalite with BatchWriteCommand, as many requests in flight as the service.
 * Each phase gets its own dynalite process, started empty. Prints one JSON object with the figures and the targets;
 * exits 1 when a target is missed. Not a test: timings vary with the machine and its load.
 *
 * `dynaliteBoundPerSecond` (each phase) is the items stored divided by the CPU-seconds dynalite spent storing them:
 * the rate dynalite could reach with a whole core to itself, never waiting for a request. dynalite is single-threaded,
 * so no client stores faster into it on this machine; it tells a limit of the stand-in from one of the service.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { renderPayload } from "../src/dev/fakePost";
import { startFakeXServer } from "../src/dev/fakeXServer";
import { containsPhrase } from "../src/dev/generator";
import { countItems, createPostsTable } from "../src/dev/localDynamo";
import { benchLoad, expectedItems, posts, type Load } from "./benchLoad";

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

function round(n: number, digits = 0): number {
  return Math.round(n * 10 ** digits) / 10 ** digits;
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

/** Runs the service until it has received every post and stored every match, then stops it with SIGTERM. */
async function serviceRun(load: Load, matches: number, concurrency: string) {
  const dynamo = await startDynamo();
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
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ACCESS_KEY_ID: "bench",
      AWS_SECRET_ACCESS_KEY: "bench",
      STATS_INTERVAL_MS: "100",
      WRITE_CONCURRENCY: concurrency,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const logs: Line[] = [];
  const exited = new Promise<number | null>((resolve) => service.on("exit", resolve));
  let onConnected: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => (onConnected = resolve));
  const finished = new Promise<void>((resolve) => {
    lines(service, (text) => {
      const line = JSON.parse(text) as Line;
      logs.push(line);
      if (line.event === "connected") onConnected();
      const done = line.event === "stats" && Number(line["received"]) >= load.posts && Number(line["stored"]) >= matches;
      if (done || line.event === "fatal") resolve();
    });
  });
  // The load is rendered before the clock starts, once the service is connected and its rule exists: the stand-in
  // for X must not take CPU from the service and dynalite during the measured window (X's servers are elsewhere).
  await Promise.race([connected, exited]);
  const rendered = renderLoad(load, x.rules());
  // dynalite's CPU is counted from here: before the clock it has only created the table.
  const dynaliteCpuBefore = cpuSeconds(dynamo.pid);
  const start = Date.now();
  x.enqueueSource(rendered);
  await Promise.race([finished, exited]);
  const dynaliteCpu = cpuSeconds(dynamo.pid) - dynaliteCpuBefore;
  const rss = peakRss(service.pid ?? 0);
  const benchCpu = process.cpuUsage(benchCpuBefore);
  const cpu = {
    service: cpuSeconds(service.pid ?? 0),
    dynalite: round(dynaliteCpu, 2),
    fakeX: round((benchCpu.user + benchCpu.system) / 1e6, 2),
  };
  service.kill("SIGTERM");
  const exitCode = await exited;
  await x.close();
  const stored = await countItems(dynamo.doc, TABLE);
  dynamo.stop();
  const at = (pred: (l: Line) => boolean): number => Date.parse(logs.find(pred)?.time ?? "");
  const receivedAt = at((l) => l.event === "stats" && Number(l["received"]) >= load.posts);
  const storedAt = at((l) => l.event === "stats" && Number(l["stored"]) >= matches);
  const stopped = logs.find((l) => l.event === "stopped");
  return {
    receivedPerSecond: round(load.posts / ((receivedAt - start) / 1000)),
    storedPerSecond: round(matches / ((storedAt - start) / 1000)),
    writeLatencyMs: stopped?.["writeLatencyMs"],
    peakRssMiB: round(rss / MiB, 1),
    storedInTable: stored,
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

async function main(): Promise<void> {
  const load = benchLoad(process.env);
  const loadBefore = os.loadavg()[0] ?? 0;
  const concurrency = process.env["WRITE_CONCURRENCY"] ?? "8";
  const matches = expectedItems(load).length;
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: SERVICE, stdio: "inherit" });

  const run = await serviceRun(load, matches, concurrency);
  const ceiling = await ceilingRun(concurrency);
  const result = {
    posts: load.posts,
    matches,
    writeConcurrency: Number(concurrency),
    ...run,
    ceilingPerSecond: ceiling.perSecond,
    ceilingDynaliteBoundPerSecond: ceiling.dynaliteBoundPerSecond,
    storedShareOfCeiling: round(run.storedPerSecond / ceiling.perSecond, 2),
    storedShareOfDynaliteBound: round(run.storedPerSecond / run.dynaliteBoundPerSecond, 2),
    lost: matches - run.storedInTable,
    cpus: os.cpus().length,
    loadAverage1m: { before: round(loadBefore, 2), after: round(os.loadavg()[0] ?? 0, 2) },
  };
  const targets = {
    "stored >= 70% of ceiling": run.storedPerSecond >= 0.7 * ceiling.perSecond,
    "stored >= 5000/s": run.storedPerSecond >= 5000,
    "peak RSS < 200 MiB": run.peakRssMiB < 200,
    "nothing lost": result.lost === 0,
    "service exit 0": run.serviceExitCode === 0,
  };
  process.stdout.write(`${JSON.stringify({ ...result, targets }, null, 2)}\n`);
  process.exit(Object.values(targets).every(Boolean) ? 0 : 1);
}

void main();

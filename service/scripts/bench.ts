/**
 * `npm run bench`: streams BENCH_POSTS generated posts (default 100,000, half matching) from the fake X server
 * through the real service process (built JS, as in the image) into dynalite, then measures the ceiling: the same
 * items written straight into the same dynalite with BatchWriteCommand. Prints one JSON object with the figures and
 * the targets; exits 1 when a target is missed. Not a test: timings vary with the machine.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { startFakeXServer } from "../src/dev/fakeXServer";
import { countItems, createPostsTable } from "../src/dev/localDynamo";
import { benchLoad, expectedItems, posts } from "./benchLoad";

const SERVICE = path.resolve(__dirname, "..");
const TSX = ["--no-warnings", "--import", "tsx"];
const MiB = 1024 * 1024;

type Line = Record<string, unknown> & { event: string; time: string };

function lines(child: ChildProcess, onLine: (line: string) => void): void {
  if (child.stdout !== null) readline.createInterface({ input: child.stdout }).on("line", onLine);
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => lines(child, resolve));
}

/** Peak resident set of a process, from /proc (VmHWM), in bytes. */
function peakRss(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  return Number(kb ?? 0) * 1024;
}

async function main(): Promise<void> {
  const load = benchLoad(process.env);
  const loadBefore = os.loadavg()[0];
  const concurrency = process.env["WRITE_CONCURRENCY"] ?? "8";
  const matches = expectedItems(load).length;
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: SERVICE, stdio: "inherit" });

  const dynaliteProcess = spawn(process.execPath, [...TSX, path.join(__dirname, "benchDynalite.ts")], { stdio: ["ignore", "pipe", "inherit"] });
  const { port } = JSON.parse(await firstLine(dynaliteProcess)) as { port: number };
  const endpoint = `http://127.0.0.1:${port}`;
  const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint, region: "us-east-1", credentials: { accessKeyId: "bench", secretAccessKey: "bench" } }));
  await createPostsTable(doc, "bench");
  await createPostsTable(doc, "ceiling");

  const x = await startFakeXServer({ consumerKey: "bench-key", consumerSecret: "bench-secret" });
  x.enqueueSource(posts(load));
  const service = spawn(process.execPath, ["--no-warnings", path.join(SERVICE, "dist/main.js")], {
    env: {
      PATH: process.env["PATH"] ?? "",
      DYNAMODBTABLE: "bench",
      AWSREGION: "us-east-1",
      FILTER: load.pattern,
      CONSUMERKEY: "bench-key",
      CONSUMERSECRETKEY: "bench-secret",
      X_API_BASE_URL: x.url,
      AWS_ENDPOINT_URL_DYNAMODB: endpoint,
      AWS_ACCESS_KEY_ID: "bench",
      AWS_SECRET_ACCESS_KEY: "bench",
      STATS_INTERVAL_MS: "250",
      WRITE_CONCURRENCY: concurrency,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const logs: Line[] = [];
  const exited = new Promise<number | null>((resolve) => service.on("exit", resolve));
  const finished = new Promise<void>((resolve) => {
    lines(service, (text) => {
      const line = JSON.parse(text) as Line;
      logs.push(line);
      if (line.event === "stats" && Number(line["received"]) >= load.posts && Number(line["stored"]) >= matches) resolve();
      if (line.event === "fatal") resolve();
    });
  });
  await Promise.race([finished, exited]);
  const rss = peakRss(service.pid ?? 0);
  service.kill("SIGTERM");
  const exitCode = await exited;
  const at = (pred: (l: Line) => boolean): number => Date.parse(logs.find(pred)?.time ?? "");
  const connected = at((l) => l.event === "connected");
  const receivedAt = at((l) => l.event === "stats" && Number(l["received"]) >= load.posts);
  const storedAt = at((l) => l.event === "stats" && Number(l["stored"]) >= matches);
  const stopped = logs.find((l) => l.event === "stopped") ?? { writeLatencyMs: {} };
  const stored = await countItems(doc, "bench");
  await x.close();

  const ceilingRun = spawn(process.execPath, [...TSX, path.join(__dirname, "benchCeiling.ts")], {
    env: { ...process.env, BENCH_ENDPOINT: endpoint, BENCH_TABLE: "ceiling", BENCH_CONCURRENCY: concurrency },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const ceiling = JSON.parse(await firstLine(ceilingRun)) as { items: number; seconds: number };
  doc.destroy();
  dynaliteProcess.kill("SIGTERM");

  const storedPerSecond = Math.round(matches / ((storedAt - connected) / 1000));
  const ceilingPerSecond = Math.round(ceiling.items / ceiling.seconds);
  const peakRssMiB = Math.round((rss / MiB) * 10) / 10;
  const result = {
    posts: load.posts,
    matches,
    writeConcurrency: Number(concurrency),
    receivedPerSecond: Math.round(load.posts / ((receivedAt - connected) / 1000)),
    storedPerSecond,
    writeLatencyMs: stopped["writeLatencyMs"],
    peakRssMiB,
    ceilingPerSecond,
    storedShareOfCeiling: Math.round((storedPerSecond / ceilingPerSecond) * 100) / 100,
    storedInTable: stored,
    lost: matches - stored,
    serviceExitCode: exitCode,
    cpus: os.cpus().length,
    loadAverage1m: { before: loadBefore, after: os.loadavg()[0] },
  };
  const targets = {
    "stored >= 70% of ceiling": storedPerSecond >= 0.7 * ceilingPerSecond,
    "stored >= 5000/s": storedPerSecond >= 5000,
    "peak RSS < 200 MiB": peakRssMiB < 200,
    "nothing lost": stored === matches,
    "service exit 0": exitCode === 0,
  };
  process.stdout.write(`${JSON.stringify({ ...result, targets }, null, 2)}\n`);
  process.exit(Object.values(targets).every(Boolean) ? 0 : 1);
}

void main();

import { expect } from "chai";
import { randomBytes } from "node:crypto";
import { containsPhrase, generatePosts } from "../dev/generator";
import { startFakeXServer, type FakeXServer } from "../dev/fakeXServer";
import { createPostsTable, startLocalDynamo, type LocalDynamo } from "../dev/localDynamo";
import { METRIC, METRIC_NAMES, METRICS_NAMESPACE, SKIP_REASONS, type MetricName } from "../src/metrics/names";
import { validateEmfLine } from "./emfValidator";
import { FAST, localEnv, ServiceProcess, waitFor, type LogLine } from "./harness";

const TABLE = "twitterStream";
const PATTERN = "climate change";
const SERVICE = "twitterstream-metrics-test";

interface Directive {
  Namespace: string;
  Dimensions: string[][];
  Metrics: Array<{ Name: MetricName; Unit: string }>;
}

function directives(line: LogLine): Directive[] {
  return (line["_aws"] as { CloudWatchMetrics: Directive[] }).CloudWatchMetrics;
}

function sum(lines: LogLine[], metric: MetricName): number {
  return lines.reduce((total, line) => total + Number(line[metric]), 0);
}

describe("EMF metrics in the service's real stats lines (fake X server and dynalite)", function () {
  this.timeout(60_000);
  let dynamo: LocalDynamo;
  let x: FakeXServer;
  let service: ServiceProcess;
  let secrets: string[];

  before(async () => {
    dynamo = await startLocalDynamo();
    await createPostsTable(dynamo.doc, TABLE);
    const creds = { CONSUMERKEY: `ck-${randomBytes(12).toString("hex")}`, CONSUMERSECRETKEY: `cs-${randomBytes(12).toString("hex")}` };
    x = await startFakeXServer({ consumerKey: creds.CONSUMERKEY, consumerSecret: creds.CONSUMERSECRETKEY, heartbeatIntervalMs: 200 });
    secrets = [...Object.values(creds), x.bearerToken];
    const posts = generatePosts({ count: 400, matchRatio: 0.4, pattern: PATTERN, seed: 29 });
    const matches = posts.filter((p) => containsPhrase(p.text, PATTERN)).length;
    service = new ServiceProcess({
      ...FAST,
      ...creds,
      ...localEnv(x.url, dynamo.endpoint, TABLE, PATTERN),
      METRICS_SERVICE: SERVICE,
      MAX_LINE_BYTES: "4096",
    });
    await service.waitForLog("connected");
    for (const p of posts.slice(0, 200)) x.post(p);
    x.enqueue("not json", "also not json", JSON.stringify({ data: { id: "1858000000000000777", text: "climate change" } }));
    for (const p of posts.slice(200)) x.post(p);
    await service.waitForLog("stats", (l) => l["stored"] === matches);
    // At least one whole period connected, and one more stats line, before stopping.
    await service.waitForLog("stats", (l) => l["StreamConnected"] === 1);
    service.kill("SIGTERM");
    expect(await service.exitCode()).to.equal(0);
    await waitFor("the last line", () => (service.events("stopped").length === 1 ? true : undefined));
  });

  after(async () => {
    await x.close();
    await dynamo.close();
  });

  function rawLines(event: string): string[] {
    return service.stdout.split("\n").filter((raw) => raw !== "" && (JSON.parse(raw) as LogLine).event === event);
  }

  it("writes every stats line as a valid EMF document, the stats_skipped lines too", () => {
    const lines = [...rawLines("stats"), ...rawLines("stats_skipped")];
    expect(rawLines("stats").length).to.be.greaterThan(2);
    expect(rawLines("stats_skipped").length).to.be.greaterThan(0);
    for (const raw of lines) expect(validateEmfLine(raw, Date.now()), raw).to.deep.equal([]);
  });

  it("names the contract's namespace, dimensions, metrics and units (names.ts)", () => {
    for (const line of service.events("stats")) {
      const [directive, ...others] = directives(line);
      expect(others).to.deep.equal([]);
      expect(directive?.Namespace).to.equal(METRICS_NAMESPACE);
      expect(directive?.Dimensions).to.deep.equal([["Service"]]);
      expect(line["Service"]).to.equal(SERVICE);
      const always = METRIC_NAMES.filter((name) => name !== "WriteLatency");
      const named = directive?.Metrics.map((m) => m.Name) ?? [];
      expect(named.filter((name) => name !== "WriteLatency")).to.deep.equal(always);
      for (const m of directive?.Metrics ?? []) expect(m.Unit, m.Name).to.equal(METRIC[m.Name].unit);
    }
    for (const line of service.events("stats_skipped")) {
      expect(directives(line)).to.deep.equal([
        { Namespace: METRICS_NAMESPACE, Dimensions: [["Service", "Reason"]], Metrics: [{ Name: "PostsSkipped", Unit: "Count" }] },
      ]);
      expect(SKIP_REASONS).to.include(line["Reason"]);
    }
  });

  it("keeps the readable fields, and the periods' deltas add up to the run's totals", () => {
    const stats = service.events("stats");
    const stopped = service.events("stopped")[0];
    expect(stats.at(-1)).to.include({ received: stopped["received"], matched: stopped["matched"], stored: stopped["stored"], skipped: 3 });
    expect(sum(stats, "PostsReceived")).to.equal(stopped["received"]);
    expect(sum(stats, "PostsMatched")).to.equal(stopped["matched"]);
    expect(sum(stats, "PostsStored")).to.equal(stopped["stored"]);
    expect(sum(stats, "PostsSkipped")).to.equal(3);
    expect(sum(stats, "Reconnects")).to.equal(0);
    expect(sum(stats, "PostsDropped")).to.equal(0);
    expect(sum(stats, "UsageCapExceeded")).to.equal(0);
    const byReason = Object.fromEntries(
      SKIP_REASONS.map((r) => [
        r,
        sum(
          service.events("stats_skipped").filter((l) => l["Reason"] === r),
          "PostsSkipped",
        ),
      ]),
    );
    expect(byReason).to.deep.equal(stopped["skippedByReason"]);
    expect(stats.at(-1)?.["PostsReadToday"]).to.equal((stopped["dailyReads"] as { posts: number }).posts);
  });

  it("gives the write latency of each period that wrote, the queue's high-water mark and the connection state", () => {
    const stats = service.events("stats");
    const latencies = stats.flatMap((l) => (l["WriteLatency"] === undefined ? [] : [l["WriteLatency"] as number[]]));
    expect(latencies.length).to.be.greaterThan(0);
    for (const values of latencies) expect(values.every((v) => v > 0)).to.equal(true);
    const run = service.events("stopped")[0]?.["writeLatencyMs"] as { count: number };
    expect(latencies.flat().length).to.be.within(1, run.count);
    expect(Math.max(...stats.map((l) => Number(l["QueueDepth"])))).to.be.greaterThan(0);
    expect(stats[0]?.["StreamConnected"]).to.equal(0);
    expect(stats.some((l) => l["StreamConnected"] === 1)).to.equal(true);
  });

  it("never writes a secret", () => {
    for (const value of secrets) expect(service.stdout).to.not.include(value);
  });
});

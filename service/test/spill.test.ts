/**
 * Nothing billed is lost while the task lives (issue 20): the service against a slowed or failing DynamoDB (the slow
 * DynamoDB double in front of dynalite) and the X double, which drops a reader that stops reading and loses what it
 * had buffered, as X does. The run (DynamoDB at 400 ms a request, a burst far over what memory holds) scaled
 * down to seconds: the same shape, a memory budget of 64 KiB instead of 64 MiB.
 */
import { expect } from "chai";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { containsPhrase, generatePosts } from "../dev/generator";
import { startFakeXServer, type FakePost, type FakeXServer } from "../dev/fakeXServer";
import { createPostsTable, scanItems, startLocalDynamo, type LocalDynamo } from "../dev/localDynamo";
import { startSlowDynamo, type SlowDynamo } from "../dev/slowDynamo";
import { FAST, localEnv, ServiceProcess, waitFor } from "./harness";

const TABLE = "twitterStream";
const PATTERN = "climate change";

/** Matching posts of about 600 bytes each: a 64 KiB memory budget holds about a hundred of them. */
function burst(count: number, seed: number): FakePost[] {
  return generatePosts({ count, matchRatio: 1, pattern: PATTERN, seed })
    .filter((p) => containsPhrase(p.text, PATTERN))
    .map((p) => ({ ...p, text: `${p.text} ${"x".repeat(300)}` }));
}

describe("service: a slow DynamoDB loses nothing", function () {
  this.timeout(90_000);
  let dynamo: LocalDynamo;
  let slow: SlowDynamo;
  let x: FakeXServer;
  let spillDir: string;
  let env: Record<string, string>;
  const services: ServiceProcess[] = [];

  beforeEach(async () => {
    dynamo = await startLocalDynamo();
    await createPostsTable(dynamo.doc, TABLE);
    slow = await startSlowDynamo(dynamo.endpoint);
    const creds = { CONSUMERKEY: `ck-${randomBytes(8).toString("hex")}`, CONSUMERSECRETKEY: `cs-${randomBytes(8).toString("hex")}` };
    // A reader that takes nothing for 1.5 s while posts wait is dropped, and what X buffered for it lost.
    x = await startFakeXServer({
      ...{ consumerKey: creds.CONSUMERKEY, consumerSecret: creds.CONSUMERSECRETKEY },
      heartbeatIntervalMs: 200,
      slowReaderTimeoutMs: 1_500,
    });
    spillDir = fs.mkdtempSync(path.join(os.tmpdir(), "service-spill-"));
    env = {
      ...FAST,
      ...creds,
      ...localEnv(x.url, slow.endpoint, TABLE, PATTERN),
      QUEUE_MEMORY_BYTES: String(64 * 1024),
      SPILL_DIR: spillDir,
      SKIP_LOG_INTERVAL_MS: "200",
    };
  });

  afterEach(async () => {
    for (const s of services) s.kill("SIGKILL");
    await Promise.all(services.splice(0).map((s) => s.exitCode()));
    await x.close();
    await slow.close();
    await dynamo.close();
    fs.rmSync(spillDir, { recursive: true, force: true });
  });

  function start(vars: Record<string, string> = env): ServiceProcess {
    const s = new ServiceProcess(vars);
    services.push(s);
    return s;
  }

  function most(s: ServiceProcess, field: string): number {
    return Math.max(0, ...s.events("stats").map((l) => Number(l[field] ?? 0)));
  }

  it("DynamoDB at 400 ms a request and a burst over the memory budget: spilled, replayed, every post stored, X never drops the reader", async () => {
    const s = start();
    await s.waitForLog("connected");
    slow.set({ delayMs: 400 });
    const posts = burst(3_000, 21);
    for (const p of posts) x.post(p);
    await waitFor("every post sent", () => (x.sentCount() === posts.length ? true : undefined), 30_000);
    const last = await s.waitForLog("stats", (l) => l["stored"] === posts.length, 60_000);
    expect(most(s, "queueMemoryBytes")).to.be.at.most(64 * 1024 + 16 * 1024);
    expect(most(s, "spilled")).to.be.greaterThan(posts.length / 2);
    expect(last).to.include({ received: posts.length, dropped: 0, spilled: 0, spillBytes: 0 });
    expect(x.slowReaderDrops()).to.equal(0);
    expect(x.lostIds().size).to.equal(0);
    const ids = new Set((await scanItems(dynamo.doc, TABLE)).map((i) => String(i["id"])));
    expect(ids).to.deep.equal(new Set(posts.map((p) => p.id)));
    expect(fs.readdirSync(spillDir)).to.deep.equal([]);
    s.kill("SIGTERM");
    expect(await s.exitCode()).to.equal(0);
  });

  it("on SIGTERM while behind, stops reading and writes what waits in memory and on disk, then exits 0", async () => {
    const s = start();
    await s.waitForLog("connected");
    slow.set({ delayMs: 400 });
    const posts = burst(1_500, 22);
    for (const p of posts) x.post(p);
    await waitFor("every post sent", () => (x.sentCount() === posts.length ? true : undefined), 30_000);
    await s.waitForLog("stats", (l) => l["received"] === posts.length && Number(l["spilled"]) > 0);
    s.kill("SIGTERM");
    const stopping = await s.waitForLog("stopping");
    expect(Number(stopping["spilled"])).to.be.greaterThan(0);
    expect(Number(stopping["queueInMemory"])).to.be.greaterThan(0);
    expect(await s.exitCode()).to.equal(0);
    const stopped = s.events("stopped")[0];
    // Every post X wrote to the socket was read: the reader never stopped.
    expect(stopped).to.include({ received: x.sentCount(), stored: posts.length, unwritten: 0, dropped: 0 });
    expect(Number(stopped["spillPeakBytes"])).to.be.greaterThan(0);
    expect(await scanItems(dynamo.doc, TABLE)).to.have.length(posts.length);
  });

  it("when the stop timeout passes first, logs how many posts remain, in memory and on disk, and exits 1", async () => {
    const s = start({ ...env, SHUTDOWN_TIMEOUT_MS: "1500" });
    await s.waitForLog("connected");
    slow.set({ failing: true });
    const posts = burst(600, 23);
    for (const p of posts) x.post(p);
    await s.waitForLog("stats", (l) => l["received"] === posts.length && Number(l["spilled"]) > 0);
    s.kill("SIGTERM");
    expect(await s.exitCode()).to.equal(1);
    const timeout = s.events("stop_timeout")[0];
    expect(timeout).to.include({ level: "error", unwritten: posts.length });
    expect(Number(timeout["spilled"])).to.be.greaterThan(0);
    expect(s.events("stopped")[0]).to.include({ unwritten: posts.length, stored: 0 });
  });

  it("drops only when both budgets are spent, counts each drop and logs it as an error with the count", async () => {
    const s = start({ ...env, SPILL_MAX_BYTES: String(128 * 1024) });
    await s.waitForLog("connected");
    slow.set({ failing: true });
    const posts = burst(1_500, 24);
    for (const p of posts) x.post(p);
    await waitFor("every post sent", () => (x.sentCount() === posts.length ? true : undefined), 30_000);
    await s.waitForLog("stats", (l) => l["received"] === posts.length && Number(l["dropped"]) > 0);
    slow.set({ failing: false });
    const last = await s.waitForLog("stats", (l) => Number(l["stored"]) + Number(l["dropped"]) === posts.length && l["queueDepth"] === 0, 30_000);
    const dropped = Number(last["dropped"]);
    expect(dropped).to.be.greaterThan(0).and.lessThan(posts.length);
    const lines = s.events("posts_dropped");
    expect(lines.every((l) => l.level === "error")).to.equal(true);
    expect(lines.reduce((sum, l) => sum + Number(l["count"]), 0)).to.equal(dropped);
    expect(most(s, "spillBytes")).to.be.at.most(128 * 1024);
    expect(await scanItems(dynamo.doc, TABLE)).to.have.length(posts.length - dropped);
    expect(x.slowReaderDrops()).to.equal(0);
    s.kill("SIGTERM");
    expect(await s.exitCode()).to.equal(0);
  });
});

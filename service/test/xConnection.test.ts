/**
 * The service against the X double's documented behaviours (issue 10): FILTER as X reads it, the reconnect policy
 * by kind of failure, and backfill (back-pressure: spill.test.ts). Each test fails on the service before them.
 */
import { expect } from "chai";
import { randomBytes } from "node:crypto";
import { TwitterApi } from "twitter-api-v2";
import { startFakeXServer, type FakePost, type FakeXServer, type FakeXServerOptions } from "../dev/fakeXServer";
import { createPostsTable, scanItems, startLocalDynamo, type LocalDynamo } from "../dev/localDynamo";
import { xApiClientSettings } from "../dev/xApiClient";
import { inStream, usageCapped } from "../dev/xProblems";
import { FAST, localEnv, ServiceProcess, waitFor } from "./harness";

const TABLE = "twitterStream";
const PATTERN = "climate change";

function post(id: number, text: string): FakePost {
  return {
    id: `18580000000000${String(id).padStart(5, "0")}`,
    text,
    authorId: "42",
    username: "ada",
    name: "Ada",
    createdAt: "2026-11-22T01:02:03.000Z",
  };
}

describe("service against X's documented behaviours", function () {
  this.timeout(60_000);
  let dynamo: LocalDynamo;
  let x: FakeXServer;
  let env: Record<string, string>;
  const services: ServiceProcess[] = [];
  const secrets: string[] = [];

  async function setUp(opts: FakeXServerOptions = {}, extra: Record<string, string> = {}): Promise<void> {
    const creds = { CONSUMERKEY: `ck-${randomBytes(8).toString("hex")}`, CONSUMERSECRETKEY: `cs-${randomBytes(8).toString("hex")}` };
    x = await startFakeXServer({
      consumerKey: creds.CONSUMERKEY,
      consumerSecret: creds.CONSUMERSECRETKEY,
      heartbeatIntervalMs: 200,
      heartbeatJitterMs: 50,
      ...opts,
    });
    secrets.push(...Object.values(creds), x.bearerToken);
    env = {
      ...FAST,
      ...creds,
      ...localEnv(x.url, dynamo.endpoint, TABLE, PATTERN),
      ...extra,
    };
  }

  function start(vars: Record<string, string> = env): ServiceProcess {
    const s = new ServiceProcess(vars);
    services.push(s);
    return s;
  }

  async function tableCount(n: number): Promise<Array<Record<string, unknown>>> {
    return waitFor(`${n} items in the table`, async () => {
      const items = await scanItems(dynamo.doc, TABLE);
      return items.length === n ? items : undefined;
    });
  }

  beforeEach(async () => {
    dynamo = await startLocalDynamo();
    await createPostsTable(dynamo.doc, TABLE);
  });

  afterEach(async () => {
    for (const s of services) s.kill("SIGKILL");
    await Promise.all(services.map((s) => s.exitCode()));
    for (const s of services.splice(0)) {
      for (const value of [...secrets, x.bearerToken]) expect(s.stdout, "stdout leaks a secret").to.not.include(value);
    }
    await x.close();
    await dynamo.close();
  });

  describe("FILTER as X reads it", () => {
    it("starts with FILTER=covid-19 and stores what X sends for the quoted rule", async () => {
      await setUp({ onlyMatching: true }, { FILTER: "covid-19" });
      x.post(post(1, "COVID-19 update"));
      const s = start();
      await tableCount(1);
      expect(x.rules().map((r) => r.value)).to.deep.equal(['"covid-19"']);
      expect(s.events("fatal")).to.deep.equal([]);
    });

    it("sends node.js quoted, so that X (which splits unquoted keywords at punctuation) delivers the post", async () => {
      await setUp({ onlyMatching: true }, { FILTER: "node.js, don't" });
      x.post(post(1, "I love Node.js"));
      x.post(post(2, "Don't panic"));
      start();
      await tableCount(2);
    });

    it("means by OR what X means: cats OR dogs stores a post about dogs", async () => {
      await setUp({ onlyMatching: true }, { FILTER: "cats OR dogs" });
      x.post(post(1, "my dogs"));
      const s = start();
      await tableCount(1);
      expect((await s.waitForLog("start"))["rule"]).to.equal("cats OR dogs");
    });

    it("refuses at start a FILTER longer than X_RULE_MAX_LENGTH: exit 2, one exact config_error", async () => {
      await setUp();
      const filter = Array.from({ length: 120 }, (_, i) => `word${i}`).join(", ");
      const s = start({ ...env, FILTER: filter });
      expect(await s.exitCode()).to.equal(2);
      expect(s.logs).to.have.length(1);
      expect(s.logs[0]).to.include({
        event: "config_error",
        variable: "FILTER",
        error:
          "FILTER makes an X rule of 1206 characters, over X_RULE_MAX_LENGTH (1024): use fewer terms, or set X_RULE_MAX_LENGTH=2048 on X's Enterprise plan",
      });
    });

    it("sends a rule of up to 2,048 characters to an Enterprise plan with X_RULE_MAX_LENGTH=2048", async () => {
      await setUp({ plan: "enterprise" });
      const filter = Array.from({ length: 120 }, (_, i) => `word${i}`).join(", ");
      const s = start({ ...env, FILTER: filter, X_RULE_MAX_LENGTH: "2048" });
      await s.waitForLog("connected");
    });
  });

  describe("reconnects", () => {
    it("is not tripped by a heartbeat 21 s late with the default stall timeout", async function () {
      this.timeout(40_000);
      await setUp({ heartbeatIntervalMs: 21_000, heartbeatJitterMs: 0 });
      const { STALL_TIMEOUT_MS: _default, ...rest } = env;
      const s = start(rest);
      await s.waitForLog("stats", (l) => Number(l["heartbeats"]) >= 1, 30_000);
      expect(s.events("reconnect")).to.deep.equal([]);
    });

    it("after its own drop, pauses, then retries a TooManyConnections quickly, not on the 1-minute schedule", async () => {
      await setUp({ slotReleaseMs: 700 }, { STALL_TIMEOUT_MS: "1000", RATE_LIMIT_BACKOFF_INITIAL_MS: "30000" });
      const s = start();
      await s.waitForLog("connected");
      x.silence(5_000);
      await waitFor("a second connection", () => (x.connections() === 2 ? true : undefined), 10_000);
      const reconnects = s.events("reconnect").map((l) => [l["cause"], l["delayMs"]]);
      expect(reconnects[0]).to.deep.equal(["stalled", 100]);
      expect(reconnects.slice(1).every(([cause, delay]) => cause === "too-many-connections" && Number(delay) < 1000)).to.equal(true);
      expect(reconnects.length).to.be.greaterThan(1);
    });

    it("waits until x-rate-limit-reset after a rate-limit 429", async () => {
      await setUp();
      x.failNextConnects("rate-limited");
      const s = start();
      const reconnect = await s.waitForLog("reconnect");
      expect(reconnect).to.include({ cause: "rate-limited", status: 429 });
      expect(Number(reconnect["delayMs"])).to.be.greaterThan(60_000);
    });

    it("logs usage_capped as an error and waits long", async () => {
      await setUp();
      x.failNextConnects("usage-capped");
      const s = start();
      const capped = await s.waitForLog("usage_capped");
      expect(capped).to.include({ level: "error", status: 429 });
      expect(Number(capped["delayMs"])).to.be.at.least(900_000);
    });

    it("acts on X's in-stream errors: an operational disconnect waits as an HTTP error, a usage cap as its 429", async () => {
      await setUp();
      const s = start();
      await s.waitForLog("connected");
      x.operationalDisconnect();
      const reconnect = await s.waitForLog("reconnect");
      expect(reconnect).to.include({ cause: "operational-disconnect", disconnectType: "UpstreamOperationalDisconnect", delayMs: 50 });
      expect(s.events("stream_error")[0]).to.include({ level: "warn", disconnectType: "UpstreamOperationalDisconnect" });
      await waitFor("a second connection", () => (x.connections() === 2 ? true : undefined));
      x.enqueue(JSON.stringify(inStream(usageCapped())));
      const capped = await s.waitForLog("usage_capped");
      expect(capped).to.include({ level: "error", disconnectType: "UsageCapExceeded" });
      expect(Number(capped["delayMs"])).to.be.at.least(900_000);
      expect(s.events("reconnect")[1]).to.include({ cause: "usage-capped", disconnectType: "UsageCapExceeded" });
    });

    it("gets a new token once after a 401, then streams", async () => {
      await setUp();
      const s = start();
      await s.waitForLog("connected");
      x.rotateBearerToken();
      secrets.push(x.bearerToken);
      x.dropConnection();
      await waitFor("a second connection", () => (x.connections() === 2 ? true : undefined));
      expect(s.events("reconnect").map((l) => l["cause"])).to.include("unauthorized");
      x.post(post(1, "climate change now"));
      await tableCount(1);
    });

    it("stops with exit 1 on a 401 when it has no key pair to get a new token", async () => {
      await setUp();
      const { CONSUMERKEY: _k, CONSUMERSECRETKEY: _s, ...rest } = env;
      const s = start({ ...rest, BEARERTOKEN: x.bearerToken });
      await s.waitForLog("connected");
      x.rotateBearerToken();
      x.dropConnection();
      expect(await s.exitCode()).to.equal(1);
      expect(String(s.events("fatal")[0]?.["error"])).to.include("X refused the bearer token (HTTP 401)");
    });

    it("stops with exit 1 on a 403, saying what to check", async () => {
      await setUp();
      x.failNextConnects(403);
      const s = start();
      expect(await s.exitCode()).to.equal(1);
      const fatal = String(s.events("fatal")[0]?.["error"]);
      expect(fatal).to.include("HTTP 403").and.include("plan").and.include("Project").and.include("permissions");
    });

    it("re-syncs the rules after a 409 (someone deleted them), then streams", async () => {
      await setUp();
      const s = start();
      await s.waitForLog("connected");
      const admin = new TwitterApi(x.bearerToken, xApiClientSettings(x.url));
      await admin.v2.updateStreamRules({ delete: { ids: x.rules().map((r) => r.id) } });
      x.dropConnection();
      await waitFor("a second connection", () => (x.connections() === 2 ? true : undefined));
      expect(x.rules().map((r) => r.value)).to.deep.equal([PATTERN]);
      expect(s.events("reconnect").map((l) => l["cause"])).to.include("no-rules");
    });
  });

  it("sends BACKFILL_MINUTES on reconnect, so that an Enterprise stream re-sends what it missed", async () => {
    await setUp({ plan: "enterprise", loseWhileDisconnected: true, slotReleaseMs: 0 }, { BACKFILL_MINUTES: "2", HTTP_BACKOFF_INITIAL_MS: "1500" });
    const s = start();
    await s.waitForLog("connected");
    x.post(post(1, "climate change one"));
    await tableCount(1);
    x.failNextConnects(503);
    x.dropConnection();
    await waitFor("the drop", () => (x.connected() ? undefined : true));
    x.post(post(2, "climate change two"));
    expect(x.lostIds().has(post(2, "").id)).to.equal(true);
    await tableCount(2);
    expect(x.lastStreamQuery()?.get("backfill_minutes")).to.equal("2");
    s.kill("SIGTERM");
    expect(await s.exitCode()).to.equal(0);
  });
});

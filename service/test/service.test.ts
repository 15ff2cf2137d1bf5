import { expect } from "chai";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { TwitterApi } from "twitter-api-v2";
import { baseUrlPlugin } from "../src/x/xApi";
import { containsPhrase, generatePosts } from "../dev/generator";
import { startFakeXServer, type FakePost, type FakeXServer } from "../dev/fakeXServer";
import { createPostsTable, scanItems, startLocalDynamo, type LocalDynamo } from "../dev/localDynamo";
import { FAST, localEnv, ServiceProcess, SwitchableProxy, waitFor } from "./harness";

const TABLE = "twitterStream";
const PATTERN = "climate change";

function secret(prefix: string): string {
  return `${prefix}-${randomBytes(12).toString("hex")}`;
}

interface World {
  dynamo: LocalDynamo;
  x: FakeXServer;
  env: Record<string, string>;
  secrets: string[];
  services: ServiceProcess[];
}

async function world(): Promise<World> {
  const dynamo = await startLocalDynamo();
  await createPostsTable(dynamo.doc, TABLE);
  const creds = { CONSUMERKEY: secret("ck"), CONSUMERSECRETKEY: secret("cs"), ACCESSTOKEN: secret("at"), ACCESSTOKENSECRET: secret("ats") };
  const x = await startFakeXServer({ consumerKey: creds.CONSUMERKEY, consumerSecret: creds.CONSUMERSECRETKEY, heartbeatIntervalMs: 200 });
  const env = {
    ...FAST,
    ...creds,
    ...localEnv(x.url, dynamo.endpoint, TABLE, PATTERN),
  };
  return { dynamo, x, env, secrets: [...Object.values(creds), x.bearerToken], services: [] };
}

function expectedItem(p: FakePost): Record<string, unknown> {
  return { user: p.authorId, date: `${p.createdAt}#${p.id}`, id: p.id, createdAt: p.createdAt, text: p.text, rule: PATTERN, username: p.username };
}

function byId(items: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  return [...items].sort((a, b) => String(a["id"]).localeCompare(String(b["id"])));
}

describe("service against the fake X server and dynalite", function () {
  this.timeout(60_000);
  let w: World;

  beforeEach(async () => {
    w = await world();
  });

  afterEach(async () => {
    for (const s of w.services) s.kill("SIGKILL");
    await Promise.all(w.services.map((s) => s.exitCode()));
    for (const s of w.services) {
      for (const value of w.secrets) {
        expect(s.stdout, "stdout leaks a secret").to.not.include(value);
        expect(s.stderr, "stderr leaks a secret").to.not.include(value);
      }
    }
    await w.x.close();
    await w.dynamo.close();
  });

  function startService(env: Record<string, string> = w.env): ServiceProcess {
    const s = new ServiceProcess(env);
    w.services.push(s);
    return s;
  }

  async function storedCount(s: ServiceProcess, n: number): Promise<void> {
    await s.waitForLog("stats", (l) => l["stored"] === n);
  }

  it("stores only the matching posts, with every attribute and the Unicode text intact", async () => {
    const posts = generatePosts({ count: 300, matchRatio: 0.3, pattern: PATTERN, seed: 7 });
    const unicode: FakePost = {
      id: "1858000000000000001",
      text: 'Climate change 🌍🔥 «東京» مرحبا 👩🏽‍💻 Ñandú & <b> \\ "q"',
      authorId: "4242",
      username: "zoë",
      name: "Zoë",
      createdAt: "2026-11-22T01:02:03.000Z",
    };
    for (const p of [...posts, unicode]) w.x.post(p);
    const matches = [...posts.filter((p) => containsPhrase(p.text, PATTERN)), unicode];
    const s = startService();
    await storedCount(s, matches.length);
    expect(byId(await scanItems(w.dynamo.doc, TABLE))).to.deep.equal(byId(matches.map(expectedItem)));
    const stats = s.events("stats").at(-1);
    // X delivers only the posts a rule of the app matches, each with `matching_rules`: all of them ours here.
    expect(stats).to.include({ received: matches.length, matched: matches.length, unmatched: 0, skipped: 0 });
    s.kill("SIGTERM");
    expect(await s.exitCode()).to.equal(0);
    expect(w.x.rules()).to.deep.equal([{ id: w.x.rules()[0]?.id, value: PATTERN, tag: "twitterstream" }]);
  });

  async function tableCount(n: number): Promise<Array<Record<string, unknown>>> {
    return waitFor(`${n} items in the table`, async () => {
      const items = await scanItems(w.dynamo.doc, TABLE);
      return items.length === n ? items : undefined;
    });
  }

  function matchesOf(posts: FakePost[]): FakePost[] {
    return posts.filter((p) => containsPhrase(p.text, PATTERN));
  }

  it("reconnects after drops mid-stream and mid-line, storing every post sent exactly once", async () => {
    // Every post matches: X delivers only those, and the rounds count posts delivered.
    const posts = generatePosts({ count: 800, matchRatio: 1, pattern: PATTERN, seed: 11 });
    const s = startService();
    await s.waitForLog("connected");
    const rounds = 4;
    const per = posts.length / rounds;
    for (let r = 0; r < rounds; r += 1) {
      for (const p of posts.slice(r * per, (r + 1) * per)) w.x.post(p);
      await waitFor("posts sent", () => (w.x.sentCount() >= (r + 1) * per ? true : undefined));
      if (r === rounds - 1) break;
      if (r === 1) w.x.replayOnNextConnect(30);
      for (let i = 0; i < 5; i += 1) w.x.post(posts[(r + 1) * per + i]);
      w.x.dropConnection({ partialLine: r === 0 });
      await waitFor("a new connection", () => (w.x.connections() >= r + 2 ? true : undefined));
    }
    const expected = matchesOf([...new Map(posts.map((p) => [p.id, p])).values()]);
    expect(w.x.sentIds().size).to.equal(posts.length);
    const items = await tableCount(expected.length);
    expect(byId(items)).to.deep.equal(byId(expected.map(expectedItem)));
    expect(s.events("reconnect").filter((l) => l["cause"] === "dropped")).to.have.length(rounds - 1);
    s.kill("SIGTERM");
    expect(await s.exitCode()).to.equal(0);
  });

  it("backs off by X's policy after 429 and HTTP errors on connect, then streams", async () => {
    w.x.failNextConnects(429, 429, 503);
    const posts = matchesOf(generatePosts({ count: 40, matchRatio: 1, pattern: PATTERN, seed: 3 }));
    for (const p of posts) w.x.post(p);
    const s = startService();
    await tableCount(posts.length);
    const reconnects = s
      .events("reconnect")
      .slice(0, 3)
      .map((l) => [l["cause"], l["status"], l["delayMs"]]);
    expect(reconnects).to.deep.equal([
      ["too-many-connections", 429, 100],
      ["too-many-connections", 429, 200],
      ["http", 503, 50],
    ]);
    expect(s.events("reconnect")[0]?.["body"]).to.include("TooManyConnections");
    expect(w.x.connections()).to.equal(1);
  });

  it("treats a connection silent past the stall timeout as dead and reconnects", async () => {
    const s = startService();
    await s.waitForLog("stats", (l) => Number(l["heartbeats"]) > 0);
    w.x.silence(10_000);
    const reconnect = await s.waitForLog("reconnect");
    expect(reconnect).to.include({ cause: "stalled", reason: "no data for 4000 ms", delayMs: 100 });
    await waitFor("a second connection", () => (w.x.connections() === 2 ? true : undefined));
    const [post] = matchesOf(generatePosts({ count: 5, matchRatio: 1, pattern: PATTERN, seed: 5 }));
    w.x.post(post);
    await tableCount(1);
  });

  it("skips and counts malformed lines, missing fields, error objects and oversized lines, and keeps going", async () => {
    const posts = matchesOf(generatePosts({ count: 20, matchRatio: 1, pattern: PATTERN, seed: 9 }));
    const good = (i: number): FakePost => posts[i];
    w.x.post(good(0));
    w.x.enqueue(
      "this is not json",
      JSON.stringify({ data: { id: "1858000000000000777", text: "climate change" } }),
      JSON.stringify({ includes: {} }),
      JSON.stringify({
        errors: [
          {
            title: "ConnectionException",
            detail: "This stream is currently at the maximum allowed connection limit.",
            type: "https://api.twitter.com/2/problems/streaming-connection",
          },
        ],
      }),
      JSON.stringify({ data: { id: "1", text: `climate change ${"x".repeat(5000)}` } }),
    );
    for (let i = 1; i < 10; i += 1) w.x.post(good(i));
    const s = startService({ ...w.env, MAX_LINE_BYTES: "4096" });
    await tableCount(10);
    w.x.operationalDisconnect();
    await s.waitForLog("reconnect");
    for (let i = 10; i < 20; i += 1) w.x.post(good(i));
    await tableCount(20);
    const stats = await s.waitForLog("stats", (l) => l["stored"] === 20);
    expect(stats["skippedByReason"]).to.deep.equal({ "not-json": 1, "missing-fields": 2, "stream-error": 2, oversized: 1 });
    expect(stats).to.include({ received: 26, matched: 20, skipped: 6 });
    const samples = s.events("skipped").map((l) => [l["reason"], l["sample"]]);
    expect(samples).to.deep.include(["not-json", "this is not json"]);
    expect(samples).to.deep.include(["missing-fields", "id 1858000000000000777"]);
    s.kill("SIGTERM");
    expect(await s.exitCode()).to.equal(0);
  });

  it("loses nothing while DynamoDB is unreachable", async () => {
    const proxy = await SwitchableProxy.start(w.dynamo.endpoint);
    const s = startService({ ...w.env, AWS_ENDPOINT_URL_DYNAMODB: proxy.endpoint });
    await s.waitForLog("connected");
    await proxy.down();
    const posts = matchesOf(generatePosts({ count: 300, matchRatio: 1, pattern: PATTERN, seed: 13 }));
    for (const p of posts) w.x.post(p);
    await s.waitForLog("stats", (l) => l["matched"] === posts.length && Number(l["retries"]) >= 3);
    await proxy.up();
    const items = await tableCount(posts.length);
    expect(byId(items)).to.deep.equal(byId(posts.map(expectedItem)));
    await proxy.down();
  });

  it("on SIGTERM writes everything already received and exits 0", async () => {
    const proxy = await SwitchableProxy.start(w.dynamo.endpoint);
    const s = startService({ ...w.env, AWS_ENDPOINT_URL_DYNAMODB: proxy.endpoint });
    await s.waitForLog("connected");
    await proxy.down();
    const posts = matchesOf(generatePosts({ count: 200, matchRatio: 1, pattern: PATTERN, seed: 17 }));
    for (const p of posts) w.x.post(p);
    await s.waitForLog("stats", (l) => l["matched"] === posts.length && l["stored"] === 0);
    s.kill("SIGTERM");
    const stopping = await s.waitForLog("stopping");
    expect(Number(stopping["queueDepth"]) + Number(stopping["batchesInFlight"])).to.be.greaterThan(0);
    await proxy.up();
    expect(await s.exitCode()).to.equal(0);
    expect(await scanItems(w.dynamo.doc, TABLE)).to.have.length(posts.length);
    expect(s.events("stopped")[0]).to.include({ exitCode: 0, stored: posts.length });
    await proxy.down();
  });

  it("keeps other apps' rules, replaces its own stale rule", async () => {
    const agent = new http.Agent();
    const admin = new TwitterApi(w.x.bearerToken, { httpAgent: agent, plugins: [baseUrlPlugin(new URL(w.x.url), 5_000)] });
    await admin.v2.updateStreamRules({
      add: [
        { value: "cats", tag: "other-app" },
        { value: "old pattern", tag: "twitterstream" },
      ],
    });
    const s = startService();
    await s.waitForLog("connected");
    const rules = w.x.rules().map((r) => [r.value, r.tag]);
    expect(rules).to.have.deep.members([
      ["cats", "other-app"],
      [PATTERN, "twitterstream"],
    ]);
    agent.destroy();
  });

  it("reads credentials from _FILE variables", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "secrets-"));
    const { CONSUMERKEY, CONSUMERSECRETKEY, ...rest } = w.env;
    fs.writeFileSync(path.join(dir, "ck"), `${CONSUMERKEY}\n`, { mode: 0o400 });
    fs.writeFileSync(path.join(dir, "cs"), `${CONSUMERSECRETKEY}\n`, { mode: 0o400 });
    const [post] = matchesOf(generatePosts({ count: 3, matchRatio: 1, pattern: PATTERN, seed: 19 }));
    w.x.post(post);
    const s = startService({ ...rest, CONSUMERKEY_FILE: path.join(dir, "ck"), CONSUMERSECRETKEY_FILE: path.join(dir, "cs") });
    await tableCount(1);
    s.kill("SIGTERM");
    expect(await s.exitCode()).to.equal(0);
    fs.rmSync(dir, { recursive: true });
  });

  it("uses BEARERTOKEN_FILE without a consumer key pair", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "secrets-"));
    fs.writeFileSync(path.join(dir, "bearer"), w.x.bearerToken, { mode: 0o400 });
    const { CONSUMERKEY: _k, CONSUMERSECRETKEY: _s, ...rest } = w.env;
    const [post] = matchesOf(generatePosts({ count: 3, matchRatio: 1, pattern: PATTERN, seed: 23 }));
    w.x.post(post);
    startService({ ...rest, BEARERTOKEN_FILE: path.join(dir, "bearer") });
    await tableCount(1);
    fs.rmSync(dir, { recursive: true });
  });

  it("exits 1 when X refuses the credentials, without echoing them", async () => {
    const s = startService({ ...w.env, CONSUMERSECRETKEY: `${w.env["CONSUMERSECRETKEY"]}-wrong` });
    w.secrets.push(`${w.env["CONSUMERSECRETKEY"]}-wrong`);
    expect(await s.exitCode()).to.equal(1);
    expect(s.events("fatal")[0]).to.include({ stage: "startup" });
    expect(String(s.events("fatal")[0]?.["error"])).to.include("403");
  });
});

describe("service configuration errors", function () {
  this.timeout(30_000);
  const env = {
    DYNAMODBTABLE: TABLE,
    AWSREGION: "us-east-1",
    FILTER: PATTERN,
    CONSUMERKEY: "CK-0123456789-secret",
    CONSUMERSECRETKEY: "CS-0123456789-secret",
    ACCESSTOKEN: "AT-0123456789-secret",
    ACCESSTOKENSECRET: "ATS-0123456789-secret",
  };
  const cases: Array<[string, Record<string, string>, string, string]> = [
    [
      "an empty FILTER",
      { ...env, FILTER: "" },
      "FILTER",
      'FILTER is empty: set it to comma-separated keywords or phrases, e.g. "cloud computing, #aws"',
    ],
    [
      "a missing table",
      { ...env, DYNAMODBTABLE: "" },
      "DYNAMODBTABLE",
      "DYNAMODBTABLE is not set: set it to the name of the DynamoDB table to write to",
    ],
    [
      "a credential and its _FILE twin",
      { ...env, CONSUMERKEY_FILE: "/run/secrets/ck" },
      "CONSUMERKEY",
      "CONSUMERKEY and CONSUMERKEY_FILE are both set: set only one",
    ],
  ];
  for (const [what, vars, variable, message] of cases) {
    it(`exits 2 on ${what}, with one line naming the variable, and no secret`, async () => {
      const s = new ServiceProcess(vars);
      expect(await s.exitCode()).to.equal(2);
      expect(s.logs).to.have.length(1);
      expect(s.logs[0]).to.include({ level: "error", event: "config_error", variable, error: message });
      expect(s.stderr).to.equal("");
      for (const value of Object.values(env).filter((v) => v.endsWith("-secret"))) expect(s.stdout).to.not.include(value);
    });
  }
});

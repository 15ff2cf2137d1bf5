import { expect } from "chai";
import { randomBytes } from "node:crypto";
import { containsPhrase, generatePosts } from "../src/dev/generator";
import { startFakeXServer, type FakePost, type FakeXServer } from "../src/dev/fakeXServer";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import {
  FAST,
  ServiceProcess,
  createPostsTable,
  scanAll,
  startDynalite,
  testDocumentClient,
  waitFor,
  type LocalDynamo,
} from "./harness";

const TABLE = "twitterStream";
const PATTERN = "climate change";

function secret(prefix: string): string {
  return `${prefix}-${randomBytes(12).toString("hex")}`;
}

interface World {
  dynamo: LocalDynamo;
  doc: DynamoDBDocumentClient;
  x: FakeXServer;
  env: Record<string, string>;
  secrets: string[];
  services: ServiceProcess[];
}

async function world(): Promise<World> {
  const dynamo = await startDynalite();
  const doc = testDocumentClient(dynamo.endpoint);
  await createPostsTable(doc, TABLE);
  const creds = { CONSUMERKEY: secret("ck"), CONSUMERSECRETKEY: secret("cs"), ACCESSTOKEN: secret("at"), ACCESSTOKENSECRET: secret("ats") };
  const x = await startFakeXServer({ consumerKey: creds.CONSUMERKEY, consumerSecret: creds.CONSUMERSECRETKEY, heartbeatIntervalMs: 200 });
  const env = {
    ...FAST,
    ...creds,
    DYNAMODBTABLE: TABLE,
    AWSREGION: "us-east-1",
    FILTER: PATTERN,
    X_API_BASE_URL: x.url,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
  };
  return { dynamo, doc, x, env, secrets: [...Object.values(creds), x.bearerToken], services: [] };
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
    w.doc.destroy();
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
      text: "Climate change 🌍🔥 «東京» مرحبا 👩🏽‍💻 Ñandú & <b> \\ \"q\"",
      authorId: "4242",
      username: "zoë",
      name: "Zoë",
      createdAt: "2026-11-22T01:02:03.000Z",
    };
    for (const p of [...posts, unicode]) w.x.post(p);
    const matches = [...posts.filter((p) => containsPhrase(p.text, PATTERN)), unicode];
    const s = startService();
    await storedCount(s, matches.length);
    expect(byId(await scanAll(w.doc, TABLE))).to.deep.equal(byId(matches.map(expectedItem)));
    const stats = s.events("stats").at(-1);
    expect(stats).to.include({ received: posts.length + 1, matched: matches.length, unmatched: posts.length + 1 - matches.length, skipped: 0 });
    s.kill("SIGTERM");
    expect(await s.exitCode()).to.equal(0);
    expect(w.x.rules()).to.deep.equal([{ id: w.x.rules()[0]?.id, value: PATTERN, tag: "twitterstream" }]);
  });
});

/**
 * Issue 20, part 1: X decides what matched. The real service against the X double, whose matcher attributes posts to
 * rules (`matching_rules`) as X does: scripts without spaces by containment, composed and decomposed text alike, a
 * retweet by its `RT @user:` text, operators. Each case fails on a service that re-matches the text locally.
 */
import { expect } from "chai";
import { randomBytes } from "node:crypto";
import { TwitterApi } from "twitter-api-v2";
import { startFakeXServer, type FakePost, type FakeXServer } from "../dev/fakeXServer";
import { createPostsTable, scanItems, startLocalDynamo, type LocalDynamo } from "../dev/localDynamo";
import { retweetOf } from "../dev/postKinds";
import { xApiClientSettings } from "../dev/xApiClient";
import { FAST, localEnv, ServiceProcess, waitFor } from "./harness";

const TABLE = "twitterStream";

function post(n: number, text: string, more: Partial<FakePost> = {}): FakePost {
  return {
    id: `18580000000000${String(n).padStart(5, "0")}`,
    text,
    authorId: "42",
    username: "ada",
    name: "Ada",
    createdAt: "2026-11-22T01:02:03.000Z",
    ...more,
  };
}

describe("service: X's matching_rules decide what is stored", function () {
  this.timeout(60_000);
  let dynamo: LocalDynamo;
  let x: FakeXServer;
  const services: ServiceProcess[] = [];

  beforeEach(async () => {
    dynamo = await startLocalDynamo();
    await createPostsTable(dynamo.doc, TABLE);
    x = await startFakeXServer({ heartbeatIntervalMs: 200 });
  });

  afterEach(async () => {
    for (const s of services) s.kill("SIGKILL");
    await Promise.all(services.splice(0).map((s) => s.exitCode()));
    await x.close();
    await dynamo.close();
  });

  function start(filter: string, extra: Record<string, string> = {}): ServiceProcess {
    const creds = { CONSUMERKEY: `ck-${randomBytes(8).toString("hex")}`, CONSUMERSECRETKEY: `cs-${randomBytes(8).toString("hex")}` };
    const s = new ServiceProcess({ ...FAST, ...creds, ...localEnv(x.url, dynamo.endpoint, TABLE, filter), ...extra });
    services.push(s);
    return s;
  }

  async function storedIds(n: number): Promise<string[]> {
    const items = await waitFor(`${n} items in the table`, async () => {
      const found = await scanItems(dynamo.doc, TABLE);
      return found.length >= n ? found : undefined;
    });
    return items.map((i) => String(i["id"])).sort();
  }

  it("stores what X attributes to the rule: 東京 in running Japanese, Thai, café decomposed, @XDevelopers on a retweet", async () => {
    const original = post(10, "Hello from the X API team", { username: "XDevelopers" });
    const posts = [
      post(1, "今日は東京に行きました"),
      post(2, "ไปเที่ยวกรุงเทพเมื่อวานนี้"),
      post(3, "un cafe\u0301 noir"),
      retweetOf(original, post(4, "")),
    ];
    for (const p of posts) x.post(p);
    const s = start("café, 東京, กรุงเทพ, @XDevelopers");
    expect(await storedIds(4)).to.deep.equal(posts.map((p) => p.id));
    expect(s.events("fatal")).to.deep.equal([]);
  });

  it("passes X's operators to X and stores what X delivers for them: lang:, -is:retweet", async () => {
    const original = post(10, "climate news", { lang: "en" });
    x.post(post(1, "climate en français", { lang: "fr" }));
    x.post(post(2, "climate in English", { lang: "en" }));
    x.post(retweetOf(original, post(3, "", { lang: "fr" })));
    x.post(post(4, "climat, le dernier", { lang: "fr" }));
    const s = start("(climate OR climat) lang:fr -is:retweet");
    expect(await storedIds(2)).to.deep.equal([post(1, "").id, post(4, "").id]);
    expect((await s.waitForLog("start"))["rule"]).to.equal("(climate OR climat) lang:fr -is:retweet");
    expect(x.rules().map((r) => r.value)).to.deep.equal(["(climate OR climat) lang:fr -is:retweet"]);
  });

  it("counts, with their cost, and does not store, the posts only another rule of the app matched", async () => {
    const admin = new TwitterApi(x.bearerToken, xApiClientSettings(x.url));
    await admin.v2.updateStreamRules({ add: [{ value: "cats", tag: "another-stack" }] });
    x.post(post(1, "cats and climate"));
    x.post(post(2, "only cats"));
    x.post(post(3, "only climate"));
    const s = start("climate");
    expect(await storedIds(2)).to.deep.equal([post(1, "").id, post(3, "").id]);
    const stats = await s.waitForLog("stats", (l) => l["received"] === 3);
    expect(stats).to.include({ matched: 2, unmatched: 1, unmatchedUsd: 0.005 });
  });

  it("refuses at start a FILTER X would refuse: exit 2, one config_error naming the fix", async () => {
    const s = start("-is:retweet lang:en");
    expect(await s.exitCode()).to.equal(2);
    expect(s.logs).to.have.length(1);
    expect(s.logs[0]).to.include({ event: "config_error", variable: "FILTER" });
    expect(String(s.logs[0]?.["error"])).to.include("standalone operator");
    expect(x.rules()).to.deep.equal([]);
  });
});

/**
 * Issue 10, content: what the user saw is stored, as X matched it. The real service process against the fake X
 * server (which renders note_tweet, referenced_tweets, includes.tweets and edit histories as X does) and dynalite.
 */
import { expect } from "chai";
import { startFakeXServer, type FakePost, type FakeXServer } from "../dev/fakeXServer";
import { createPostsTable, scanItems, startLocalDynamo, type LocalDynamo } from "../dev/localDynamo";
import { editOf, postOf, quoteOf, retweetOf, type Posting } from "../dev/postKinds";
import { FAST, localEnv, ServiceProcess, waitFor } from "./harness";

const TABLE = "twitterStream";
const FILTER = "climate change";

let serial = 0;
/** A posting by author `n` at 2026-11-22T01:02:<serial>. */
function posting(n: number): Posting {
  serial += 1;
  return {
    id: `18580000000000${String(10_000 + serial)}`,
    authorId: String(1_204_000_000 + n),
    username: `user${n}`,
    name: `User ${n}`,
    createdAt: `2026-11-22T01:02:${String(serial % 60).padStart(2, "0")}.000Z`,
  };
}

const LONG = `${"Lorem ipsum dolor sit amet, ".repeat(12)}and at the very end: climate change 🌍`;

describe("content: retweets, quotes, long posts and edits against the fake X server and dynalite", function () {
  this.timeout(60_000);
  let dynamo: LocalDynamo;
  let x: FakeXServer;
  let env: Record<string, string>;
  const services: ServiceProcess[] = [];

  beforeEach(async () => {
    dynamo = await startLocalDynamo();
    await createPostsTable(dynamo.doc, TABLE);
    x = await startFakeXServer({ heartbeatIntervalMs: 200 });
    env = {
      ...FAST,
      BEARERTOKEN: x.bearerToken,
      ...localEnv(x.url, dynamo.endpoint, TABLE, FILTER),
    };
  });

  afterEach(async () => {
    for (const s of services.splice(0)) {
      s.kill("SIGKILL");
      await s.exitCode();
    }
    await x.close();
    await dynamo.close();
  });

  function start(extra: Record<string, string> = {}): ServiceProcess {
    const s = new ServiceProcess({ ...env, ...extra });
    services.push(s);
    return s;
  }

  async function items(n: number): Promise<Array<Record<string, unknown>>> {
    return waitFor(`${n} items`, async () => {
      const all = await scanItems(dynamo.doc, TABLE);
      return all.length === n ? all.sort((a, b) => String(a["id"]).localeCompare(String(b["id"]))) : undefined;
    });
  }

  it("stores a retweet of a long post with the original's whole text, and keeps the reference", async () => {
    const original = postOf(posting(1), LONG);
    const retweet = retweetOf(original, posting(2));
    expect(retweet.text).to.not.include("climate change");
    const s = start();
    await s.waitForLog("connected");
    x.post(retweet);
    const [item] = await items(1);
    expect(item).to.deep.include({ id: retweet.id, user: retweet.authorId, text: LONG, refType: "retweeted", refId: original.id });
  });

  it("stores a quote whose quoted post matched X's rule, with the quoted text beside its own", async () => {
    const quoted = postOf(posting(3), "A thread on climate change policy");
    const quote = quoteOf(quoted, posting(4), "This, exactly 👇");
    const other = quoteOf(postOf(posting(5), "lunch"), posting(6), "nothing here");
    const s = start();
    await s.waitForLog("connected");
    x.post(quote);
    x.post(other);
    await s.waitForLog("stats", (l) => l["received"] === 1 && l["stored"] === 1);
    const [item] = await items(1);
    expect(item).to.deep.include({ id: quote.id, text: "This, exactly 👇", quotedText: quoted.text, refType: "quoted", refId: quoted.id });
  });

  it("replaces the earlier versions of an edited post", async () => {
    const first = postOf(posting(7), "climate change: first draft");
    const second = editOf(first, posting(7), "climate change: second draft");
    const third = editOf(second, posting(7), "climate change: final");
    const s = start();
    await s.waitForLog("connected");
    x.post(first);
    await items(1);
    x.post(second);
    x.post(third);
    const item = await waitFor("only the last version stored", async () => {
      const all = await scanItems(dynamo.doc, TABLE);
      return all.length === 1 && all[0]?.["id"] === third.id ? all[0] : undefined;
    });
    expect(item).to.deep.include({ text: "climate change: final", editOf: [first.id, second.id] });
    expect(item).to.not.have.property("replaces");
  });

  it("excludes retweets when EXCLUDE_RETWEETS=true: -is:retweet in X's rule, and none stored", async () => {
    const original = postOf(posting(8), "climate change is real");
    const s = start({ EXCLUDE_RETWEETS: "true" });
    await s.waitForLog("connected");
    expect(x.rules().map((r) => r.value)).to.deep.equal([`(${FILTER}) -is:retweet`]);
    x.post(retweetOf(original, posting(9)));
    x.post(original);
    // X delivers no retweet for a rule that excludes them (the double's only rule here).
    await s.waitForLog("stats", (l) => l["received"] === 1 && l["stored"] === 1);
    expect((await items(1)).map((i) => i["id"])).to.deep.equal([original.id]);
  });

  it("counts the posts read in the UTC day, what X bills, in the stats line", async () => {
    const s = start();
    await s.waitForLog("connected");
    const posts: FakePost[] = [postOf(posting(10), "climate change"), postOf(posting(11), "more on climate change")];
    for (const p of posts) x.post(p);
    const line = await s.waitForLog("stats", (l) => l["received"] === 2);
    expect(line["dailyReads"]).to.deep.equal({ day: new Date().toISOString().slice(0, 10), posts: 2 });
  });
});

import { expect } from "chai";
import { request, type IncomingMessage } from "node:http";
import {
  ApiResponseError,
  ETwitterStreamEvent,
  TwitterApi,
  type TweetSearchV2StreamParams,
  type TweetStream,
  type TweetV2SingleStreamResult,
  type TwitterApiReadOnly,
} from "twitter-api-v2";
import { startFakeXServer, type FakePost, type FakeXServer } from "../dev/fakeXServer";
import { generatePostStream } from "../dev/generator";
import { xApiClientSettings } from "../dev/xApiClient";
import { waitFor } from "./harness";

const KEY = "consumer-key";
const SECRET = "consumer secret/with+symbols";
const FIELDS: Partial<TweetSearchV2StreamParams> = {
  expansions: ["author_id"],
  "tweet.fields": ["created_at"],
  "user.fields": ["username"],
};

const POST: FakePost = {
  id: "1900478732295868416",
  text: "Über «Climate Change» — 気候変動 🌍 مرحبا",
  authorId: "1204000000",
  username: "mjnunez",
  name: "María José Núñez",
  createdAt: "2025-03-14T09:26:53.623Z",
};
const OTHER: FakePost = { ...POST, id: "1900478732295868417", text: "Rain again today ☔" };

/** Waits (polling) until `check` holds; fails naming what it waited for after 10 s, scaled to the load (harness.ts). */
async function eventually(check: () => boolean, what: string): Promise<void> {
  await waitFor(what, () => (check() ? true : undefined), 10_000);
}

function collect(stream: TweetStream<TweetV2SingleStreamResult>): TweetV2SingleStreamResult[] {
  const received: TweetV2SingleStreamResult[] = [];
  stream.on(ETwitterStreamEvent.Data, (payload) => received.push(payload));
  return received;
}

async function refusal(attempt: Promise<unknown>): Promise<ApiResponseError> {
  try {
    await attempt;
  } catch (error) {
    if (error instanceof ApiResponseError) return error;
    throw error;
  }
  throw new Error("expected the request to be refused");
}

describe("fake X server, driven by twitter-api-v2", function () {
  this.timeout(30_000);
  let fake: FakeXServer;
  let client: TwitterApiReadOnly;
  const streams: Array<TweetStream<TweetV2SingleStreamResult>> = [];

  async function connect(params: Partial<TweetSearchV2StreamParams> = FIELDS): Promise<TweetStream<TweetV2SingleStreamResult>> {
    const stream = await client.v2.searchStream(params);
    streams.push(stream);
    return stream;
  }

  beforeEach(async () => {
    // The stream tests below connect without rules, reconnect at once, and see every post (not only the matching
    // ones); the behaviours these three options turn off have tests of their own ("X's limits and failures").
    fake = await startFakeXServer({
      consumerKey: KEY,
      consumerSecret: SECRET,
      heartbeatIntervalMs: 20,
      requireRules: false,
      slotReleaseMs: 0,
      onlyMatching: false,
    });
    client = (await new TwitterApi({ appKey: KEY, appSecret: SECRET }, xApiClientSettings(fake.url)).appLogin()).readOnly;
  });

  afterEach(async () => {
    for (const stream of streams.splice(0)) stream.close();
    await fake.close();
  });

  describe("POST /oauth2/token", () => {
    it("issues the server's bearer token for the configured consumer key and secret", () => {
      expect(client.getActiveTokens()).to.deep.equal({ type: "oauth2", bearerToken: fake.bearerToken });
    });

    it("refuses a wrong consumer secret with X's 403 code 99", async () => {
      const wrong = new TwitterApi({ appKey: KEY, appSecret: "nope" }, xApiClientSettings(fake.url));
      const error = await refusal(wrong.appLogin());
      expect(error.code).to.equal(403);
      expect(error.data).to.deep.equal({
        errors: [{ code: 99, message: "Unable to verify your credentials", label: "authenticity_token_error" }],
      });
    });
  });

  describe("stream rules", () => {
    it("adds rules with tags and string ids, lists and deletes them", async () => {
      const added = await client.v2.updateStreamRules({
        add: [{ value: '"climate change"', tag: "twitterstream:cc" }, { value: "café OR kaffee" }],
      });
      expect(added.meta.summary).to.deep.equal({ created: 2, not_created: 0, valid: 2, invalid: 0 });
      const ids = (added.data ?? []).map((rule) => rule.id);
      expect(ids).to.have.length(2);
      for (const id of ids) expect(id).to.match(/^\d{19}$/);

      const listed = await client.v2.streamRules();
      expect(listed.data).to.deep.equal([
        { id: ids[0], value: '"climate change"', tag: "twitterstream:cc" },
        { id: ids[1], value: "café OR kaffee" },
      ]);
      expect(listed.meta).to.include({ result_count: 2 });

      const deleted = await client.v2.updateStreamRules({ delete: { ids } });
      expect(deleted.meta.summary).to.deep.equal({ deleted: 2, not_deleted: 0 });
      const empty = await client.v2.streamRules();
      expect(empty.data).to.equal(undefined);
      expect(empty.meta).to.include({ result_count: 0 });
    });

    it("reports a duplicate rule as X does and creates nothing of that request", async () => {
      const first = await client.v2.updateStreamRules({ add: [{ value: "aws", tag: "a" }] });
      const again = await client.v2.updateStreamRules({ add: [{ value: "aws", tag: "b" }, { value: "gcp" }] });
      expect(again.errors).to.deep.equal([
        { value: "aws", id: first.data[0].id, title: "DuplicateRule", type: "https://api.twitter.com/2/problems/duplicate-rules" },
      ]);
      expect(again.meta.summary).to.deep.equal({ created: 0, not_created: 2, valid: 1, invalid: 1 });
      expect(fake.rules().map((rule) => rule.value)).to.deep.equal(["aws"]);
      const twice = await client.v2.updateStreamRules({ add: [{ value: "gcp" }, { value: "gcp" }] });
      expect(twice.errors).to.deep.equal([{ value: "gcp", title: "DuplicateRule", type: "https://api.twitter.com/2/problems/duplicate-rules" }]);
    });

    it("rejects an invalid rule with an invalid-rules error", async () => {
      const result = await client.v2.updateStreamRules({ add: [{ value: "-aws" }, { value: "nope:x" }] });
      expect(result.errors?.map((error) => [error.value, error.type])).to.deep.equal([
        ["-aws", "https://api.twitter.com/2/problems/invalid-rules"],
        ["nope:x", "https://api.twitter.com/2/problems/invalid-rules"],
      ]);
      expect(fake.rules()).to.deep.equal([]);
    });

    it("validates without storing on dry_run", async () => {
      const result = await client.v2.updateStreamRules({ add: [{ value: "aws" }] }, { dry_run: true });
      expect(result.meta.summary).to.deep.equal({ created: 0, not_created: 1, valid: 1, invalid: 0 });
      expect(fake.rules()).to.deep.equal([]);
    });

    it("counts ids it does not know as not deleted", async () => {
      const result = await client.v2.updateStreamRules({ delete: { ids: ["1"] } });
      expect(result.meta.summary).to.deep.equal({ deleted: 0, not_deleted: 1 });
    });

    it("refuses rule ids sent as numbers with a 400", async () => {
      const body = { delete: { ids: [1] } } as unknown as { delete: { ids: string[] } };
      const error = await refusal(client.v2.updateStreamRules(body));
      expect(error.code).to.equal(400);
      expect(error.data).to.include({ type: "https://api.x.com/2/problems/invalid-request" });
    });
  });

  describe("GET /2/tweets/search/stream", () => {
    it("delivers posts with includes.users, created_at and the matching rules", async () => {
      const added = await client.v2.updateStreamRules({ add: [{ value: '"climate change"', tag: "cc" }] });
      const received = collect(await connect());
      fake.post(POST);
      fake.post(OTHER);
      await eventually(() => received.length === 2, "two posts");
      expect(received[0]).to.deep.equal({
        data: {
          id: POST.id,
          text: POST.text,
          edit_history_tweet_ids: [POST.id],
          author_id: POST.authorId,
          created_at: POST.createdAt,
        },
        includes: { users: [{ id: POST.authorId, name: POST.name, username: POST.username }] },
        matching_rules: [{ id: added.data[0].id, tag: "cc" }],
      });
      expect(received[1].matching_rules).to.deep.equal([]);
      expect(fake.sentCount()).to.equal(2);
    });

    it("sends includes and created_at only when the query asks for them", async () => {
      const received = collect(await connect({}));
      fake.post(POST);
      await eventually(() => received.length === 1, "a post");
      expect(received[0]).to.deep.equal({
        data: { id: POST.id, text: POST.text, edit_history_tweet_ids: [POST.id] },
        matching_rules: [],
      });
    });

    it("holds posts queued before the connection and writes raw lines as they are", async () => {
      fake.post(POST);
      fake.enqueue("not json", JSON.stringify({ data: { id: "1" } }));
      const stream = await connect();
      const received = collect(stream);
      let parseErrors = 0;
      stream.on(ETwitterStreamEvent.TweetParseError, () => (parseErrors += 1));
      await eventually(() => received.length === 2 && parseErrors === 1, "a post, a bad line and a bare object");
      expect(received.map((payload) => payload.data.id)).to.deep.equal([POST.id, "1"]);
    });

    it("sends a \\r\\n heartbeat while idle", async () => {
      const stream = await connect();
      let heartbeats = 0;
      stream.on(ETwitterStreamEvent.DataKeepAlive, () => (heartbeats += 1));
      await eventually(() => heartbeats >= 2, "two heartbeats");
    });

    it("answers a second concurrent connection with 429 TooManyConnections", async () => {
      await connect();
      const error = await refusal(client.v2.searchStream());
      expect(error.code).to.equal(429);
      expect(error.data).to.deep.equal({
        title: "ConnectionException",
        detail: "This stream is currently at the maximum allowed connection limit.",
        connection_issue: "TooManyConnections",
        type: "https://api.x.com/2/problems/streaming-connection",
      });
      expect(fake.connections()).to.equal(1);
    });

    it("fails the next connects with the statuses asked for, then accepts", async () => {
      fake.failNextConnects(503, 429);
      expect((await refusal(client.v2.searchStream())).data).to.deep.equal({
        title: "Service Unavailable",
        detail: "Service Unavailable",
        type: "about:blank",
        status: 503,
      });
      expect((await refusal(client.v2.searchStream())).data).to.include({ connection_issue: "TooManyConnections" });
      await connect();
      expect(fake.connections()).to.equal(1);
    });

    it("requires the bearer token", async () => {
      const anonymous = new TwitterApi("wrong-token", xApiClientSettings(fake.url));
      const error = await refusal(anonymous.v2.searchStream());
      expect(error.code).to.equal(401);
    });

    it("refuses OAuth 1.0a user context as X does", async () => {
      const user = new TwitterApi({ appKey: KEY, appSecret: SECRET, accessToken: "token", accessSecret: "secret" }, xApiClientSettings(fake.url));
      const error = await refusal(user.v2.searchStream());
      expect(error.code).to.equal(403);
      expect(error.data).to.include({ type: "https://api.x.com/2/problems/unsupported-authentication" });
    });

    it("refuses unknown query parameters and field values with a 400", async () => {
      const error = await refusal(client.v2.searchStream({ "tweet.fields": "created_at,mood" }));
      expect(error.code).to.equal(400);
      expect(error.data).to.include({ title: "Invalid Request" });
    });

    it("drops the connection mid-stream; a post queued meanwhile goes to the next connection", async () => {
      const first = await connect();
      const before = collect(first);
      let closed = false;
      first.on(ETwitterStreamEvent.ConnectionClosed, () => (closed = true));
      fake.post(POST);
      await eventually(() => before.length === 1, "the first post");
      fake.dropConnection();
      await eventually(() => closed, "the client to see the drop");
      fake.post(OTHER);
      const after = collect(await connect());
      await eventually(() => after.length === 1, "the post queued while disconnected");
      expect(after[0].data.id).to.equal(OTHER.id);
      expect(fake.connections()).to.equal(2);
      expect([...fake.sentIds()]).to.deep.equal([POST.id, OTHER.id]);
    });

    it("cut in the middle of a post, delivers that post whole on the next connection", async () => {
      const first = await connect();
      const before = collect(first);
      let closed = false;
      first.on(ETwitterStreamEvent.ConnectionClosed, () => (closed = true));
      fake.silence(60_000);
      fake.post(POST);
      fake.dropConnection({ partialLine: true });
      await eventually(() => closed, "the client to see the drop");
      expect(before).to.deep.equal([]);
      expect(fake.sentCount()).to.equal(0);
      const after = collect(await connect());
      await eventually(() => after.length === 1, "the post cut in half");
      expect(after[0].data.text).to.equal(POST.text);
      expect(fake.sentCount()).to.equal(1);
    });

    it("re-sends the last posts after a reconnect when asked to", async () => {
      const first = await connect();
      const before = collect(first);
      fake.post(POST);
      await eventually(() => before.length === 1, "the post");
      fake.replayOnNextConnect(1);
      fake.dropConnection();
      await eventually(() => fake.connections() === 1 && before.length === 1, "nothing more");
      const after = collect(await connect());
      await eventually(() => after.length === 1, "the replayed post");
      expect(after[0].data.id).to.equal(POST.id);
      expect(fake.sentCount()).to.equal(2);
      expect(fake.sentIds().size).to.equal(1);
    });

    it("goes silent, so that a client's keep-alive timeout fires", async () => {
      const stream = client.v2.searchStream({ ...FIELDS, autoConnect: false });
      streams.push(stream);
      let lost = false;
      stream.on(ETwitterStreamEvent.ConnectionLost, () => (lost = true));
      await stream.connect({ autoReconnect: false, keepAliveTimeout: 200 });
      fake.silence(60_000);
      await eventually(() => lost, "the client to declare the connection lost");
    });

    it("sends an operational-disconnect error object, then ends the stream", async () => {
      const stream = await connect();
      const errors: unknown[] = [];
      let closed = false;
      stream.on(ETwitterStreamEvent.DataError, (payload) => errors.push(payload));
      stream.on(ETwitterStreamEvent.ConnectionClosed, () => (closed = true));
      fake.operationalDisconnect();
      await eventually(() => closed && errors.length === 1, "the error object and the end");
      expect(errors[0]).to.deep.equal({
        errors: [
          {
            title: "operational-disconnect",
            disconnect_type: "UpstreamOperationalDisconnect",
            detail: "This stream has been disconnected upstream for operational reasons.",
            type: "https://api.x.com/2/problems/operational-disconnect",
          },
        ],
      });
    });

    it("reads a lazy source only as fast as the client reads the socket", async () => {
      const total = 60_000;
      let taken = 0;
      const source = (function* () {
        for (const post of generatePostStream({ count: total, matchRatio: 0.1, pattern: "climate change" })) {
          taken += 1;
          yield post;
        }
      })();
      const { statusCode, body } = await openRawStream(fake);
      expect(statusCode).to.equal(200);
      body.pause();
      fake.enqueueSource(source);
      let last = -1;
      await eventually(() => {
        const stable = taken === last;
        last = taken;
        return stable && taken > 0;
      }, "the writer to stop at the full socket");
      expect(taken).to.be.lessThan(total);
      body.resume();
      await eventually(() => fake.sentCount() === total, "every post written");
      expect(taken).to.equal(total);
      body.destroy();
    });
  });
});

describe("fake X server: X's limits and failures", function () {
  this.timeout(30_000);
  const fakes: FakeXServer[] = [];

  async function fake(opts: Parameters<typeof startFakeXServer>[0] = {}): Promise<FakeXServer> {
    const x = await startFakeXServer({ onlyMatching: false, ...opts });
    fakes.push(x);
    return x;
  }

  async function addRule(x: FakeXServer, value: string): Promise<void> {
    const admin = new TwitterApi(x.bearerToken, xApiClientSettings(x.url));
    await admin.v2.updateStreamRules({ add: [{ value }] });
  }

  afterEach(async () => {
    for (const x of fakes.splice(0)) await x.close();
  });

  it("answers 409 when the stream has no rules", async () => {
    const x = await fake();
    const { statusCode, body } = await openRawStream(x);
    expect(statusCode).to.equal(409);
    expect(JSON.parse(await text(body))).to.include({
      title: "ConnectionException",
      type: "https://api.x.com/2/problems/streaming-connection",
    });
  });

  it("sends x-rate-limit headers, and a 429 about:blank with none remaining once the connect window is spent", async () => {
    const x = await fake({ connectLimit: 2, connectWindowMs: 60_000 });
    await addRule(x, "cats");
    const first = await openRawStream(x);
    expect(first.statusCode).to.equal(200);
    expect(first.body.headers).to.include({ "x-rate-limit-limit": "2", "x-rate-limit-remaining": "1" });
    first.body.destroy();
    await x.close();
    const y = await fake({ connectLimit: 1, connectWindowMs: 60_000, slotReleaseMs: 0 });
    await addRule(y, "cats");
    (await openRawStream(y)).body.destroy();
    await eventually(() => !y.connected(), "the first connection to close");
    const limited = await openRawStream(y);
    expect(limited.statusCode).to.equal(429);
    expect(limited.body.headers["x-rate-limit-remaining"]).to.equal("0");
    expect(Number(limited.body.headers["x-rate-limit-reset"]) * 1000).to.be.greaterThan(Date.now());
    expect(JSON.parse(await text(limited.body))).to.include({ type: "about:blank", status: 429 });
  });

  it("answers a scripted usage cap with the usage-capped problem", async () => {
    const x = await fake();
    await addRule(x, "cats");
    x.failNextConnects("usage-capped");
    const { statusCode, body } = await openRawStream(x);
    expect(statusCode).to.equal(429);
    expect(body.headers).to.have.property("x-rate-limit-reset");
    expect(JSON.parse(await text(body))).to.include({ title: "UsageCapExceeded", type: "https://api.x.com/2/problems/usage-capped" });
  });

  it("keeps counting a connection the client closed for slotReleaseMs (429 TooManyConnections)", async () => {
    const x = await fake({ slotReleaseMs: 500 });
    await addRule(x, "cats");
    (await openRawStream(x)).body.destroy();
    await eventually(() => !x.connected(), "the server to see the close");
    const early = await openRawStream(x);
    expect(early.statusCode).to.equal(429);
    expect(JSON.parse(await text(early.body))).to.include({ connection_issue: "TooManyConnections" });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await openRawStream(x)).statusCode).to.equal(200);
  });

  it("sends heartbeats at the interval plus jitter", async () => {
    const x = await fake({ heartbeatIntervalMs: 100, heartbeatJitterMs: 100 });
    await addRule(x, "cats");
    const { body } = await openRawStream(x);
    const at: number[] = [];
    body.on("data", () => at.push(performance.now()));
    await eventually(() => at.length >= 6, "six heartbeats");
    body.destroy();
    const gaps = at.slice(1).map((t, i) => t - at[i]);
    for (const gap of gaps) expect(gap).to.be.within(90, 230);
  });

  it("drops a client that stops reading, losing what it had buffered", async () => {
    const x = await fake({ slowReaderTimeoutMs: 300 });
    await addRule(x, "climate");
    const { body } = await openRawStream(x);
    body.pause();
    x.enqueueSource(generatePostStream({ count: 100_000, matchRatio: 0.5, pattern: "climate change" }));
    await eventually(() => x.slowReaderDrops() === 1, "the slow reader to be dropped");
    expect(x.lostIds().size).to.be.greaterThan(0);
    for (const id of x.lostIds()) expect(x.sentIds().has(id)).to.equal(false);
  });

  it("delivers only posts some rule matches, by default, with the matching rules: as X does", async () => {
    const x = await startFakeXServer({});
    fakes.push(x);
    const admin = new TwitterApi(x.bearerToken, xApiClientSettings(x.url));
    const tags: Array<[string, string]> = [
      ["東京", "cjk"],
      ["กรุงเทพ", "thai"],
      ["café", "nfc"],
      ["@XDevelopers", "mention"],
      ["climate lang:fr", "french"],
      ["climate -is:retweet", "no-retweets"],
      ["quoted", "quote"],
    ];
    await admin.v2.updateStreamRules({ add: tags.map(([value, tag]) => ({ value, tag })) });
    const client = await admin.v2.searchStream(FIELDS);
    const received = collect(client);
    const at = (id: string, text: string, more: Partial<FakePost> = {}): FakePost => ({ ...POST, id, text, ...more });
    const original = at("1900478732295868500", "news", { username: "XDevelopers" });
    const quoted = at("1900478732295868499", "the quoted post");
    x.post(at("1900478732295868501", "今日は東京に行きました"));
    x.post(at("1900478732295868502", "ไปกรุงเทพเมื่อวาน"));
    x.post(at("1900478732295868503", "un cafe\u0301 noir"));
    x.post(at("1900478732295868504", "RT @XDevelopers: news", { references: [{ type: "retweeted", post: original }] }));
    x.post(at("1900478732295868505", "climate", { lang: "fr", references: [{ type: "retweeted", post: original }] }));
    x.post(at("1900478732295868506", "a quote", { references: [{ type: "quoted", post: quoted }] }));
    x.post(at("1900478732295868507", "nothing any rule wants"));
    x.post(at("1900478732295868508", "the last one: climate"));
    await eventually(() => received.some((p) => p.data.id === "1900478732295868508"), "the last post");
    expect(received.map((p) => [p.data.id.slice(-1), p.matching_rules.map((r) => r.tag)])).to.deep.equal([
      ["1", ["cjk"]],
      ["2", ["thai"]],
      ["3", ["nfc"]],
      ["4", ["mention"]],
      ["5", ["french"]],
      ["6", ["quote"]],
      ["8", ["no-retweets"]],
    ]);
    client.close();
  });

  it("matches an unquoted keyword with punctuation against nothing, the quoted one as a phrase", async () => {
    const x = await fake({ onlyMatching: true });
    const admin = new TwitterApi(x.bearerToken, xApiClientSettings(x.url));
    await admin.v2.updateStreamRules({
      add: [
        { value: "node.js", tag: "bare" },
        { value: '"node.js"', tag: "quoted" },
      ],
    });
    const client = await admin.v2.searchStream(FIELDS);
    const received = collect(client);
    x.post({ ...POST, text: "I love Node.js" });
    await eventually(() => received.length === 1, "the post");
    expect(received[0]?.matching_rules.map((r) => r.tag)).to.deep.equal(["quoted"]);
    client.close();
  });

  it("refuses rules over the plan's length: 1,024 on pay-per-use, 2,048 on Enterprise", async () => {
    const value = `"${"a".repeat(1100)}"`;
    for (const [plan, created] of [
      ["pay-per-use", 0],
      ["enterprise", 1],
    ] as const) {
      const x = await fake({ plan });
      const admin = new TwitterApi(x.bearerToken, xApiClientSettings(x.url));
      const result = await admin.v2.updateStreamRules({ add: [{ value }] });
      expect(result.meta.summary.created).to.equal(created);
    }
  });

  it("re-sends the posts of the last backfill_minutes on an Enterprise connect, missed ones included", async () => {
    const x = await fake({ plan: "enterprise", loseWhileDisconnected: true });
    await addRule(x, "cats");
    const first = await openRawStream(x);
    x.post(POST);
    await eventually(() => x.sentCount() === 1, "the first post");
    first.body.destroy();
    await eventually(() => !x.connected(), "the close");
    x.post(OTHER);
    expect([...x.lostIds()]).to.deep.equal([OTHER.id]);
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    const again = await openRawStream(x, "?backfill_minutes=1");
    let seen = "";
    again.body.on("data", (chunk: Buffer) => (seen += chunk.toString("utf8")));
    await eventually(() => seen.includes(OTHER.id) && seen.includes(POST.id), "both posts again");
    again.body.destroy();
  });

  it("issues a new token after rotation; the old one gets 401", async () => {
    const x = await fake();
    const old = x.bearerToken;
    x.rotateBearerToken();
    expect(x.bearerToken).to.not.equal(old);
    const error = await refusal(new TwitterApi(old, xApiClientSettings(x.url)).v2.streamRules());
    expect(error.code).to.equal(401);
  });
});

function text(body: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let out = "";
    body.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
    body.on("end", () => resolve(out));
  });
}

/** A bare HTTP stream connection, so that the test controls when the socket is read. */
function openRawStream(fake: FakeXServer, query = ""): Promise<{ statusCode: number | undefined; body: IncomingMessage }> {
  return new Promise((resolve, reject) => {
    const req = request(`${fake.url}/2/tweets/search/stream${query}`, { headers: { authorization: `Bearer ${fake.bearerToken}` } });
    req.on("response", (body) => resolve({ statusCode: body.statusCode, body }));
    req.on("error", reject);
    req.end();
  });
}

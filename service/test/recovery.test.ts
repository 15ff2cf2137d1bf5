/**
 * Recovering never kills the service (issue 20): transient failures of the token request and the rules sync, at
 * start and while recovering from a 401 or a 409, are retried on X's schedule; only answers no retry changes stop it.
 */
import { expect } from "chai";
import { randomBytes } from "node:crypto";
import { ApiRequestError, ApiResponseError, TwitterApi } from "twitter-api-v2";
import { startFakeXServer, type FakePost, type FakeXServer } from "../dev/fakeXServer";
import { createPostsTable, scanItems, startLocalDynamo, type LocalDynamo } from "../dev/localDynamo";
import { xApiClientSettings } from "../dev/xApiClient";
import { retrying, StoppedError, transientCause } from "../src/x/recovery";
import { FAST, localEnv, ServiceProcess, waitFor } from "./harness";
import { X_SCHEDULE } from "./xSchedule";

const TABLE = "twitterStream";
const PATTERN = "climate change";
const NOW = 1_800_000_000_000;

/** An ApiResponseError as twitter-api-v2 builds it for an HTTP error answer. */
function answered(code: number, reset?: number): ApiResponseError {
  const rateLimit = reset === undefined ? undefined : { limit: 450, remaining: 0, reset };
  return new ApiResponseError(`Request failed with code ${code}`, {
    code,
    request: undefined as never,
    response: undefined as never,
    headers: {},
    data: { title: "x", detail: "x", type: "about:blank" },
    ...(rateLimit === undefined ? {} : { rateLimit }),
  });
}

function failedBelowHttp(): ApiRequestError {
  return new ApiRequestError("Request failed.", { request: undefined as never, error: new Error("Request timeout.") });
}

describe("transient X failures", () => {
  it("retries timeouts and network errors linearly, 5xx exponentially, a 429 until X's reset", () => {
    expect(transientCause(failedBelowHttp(), NOW)).to.deep.equal({ cause: "network" });
    expect(transientCause(answered(503), NOW)).to.deep.equal({ cause: "http" });
    expect(transientCause(answered(429, NOW / 1000 + 30), NOW)).to.deep.equal({ cause: "rate-limited", resetInMs: 30_000 });
    expect(transientCause(answered(429), NOW)).to.deep.equal({ cause: "rate-limited" });
  });

  it("gives up on answers no retry changes: 400, 401, 403, and errors that are not X's", () => {
    for (const code of [400, 401, 403, 404]) expect(transientCause(answered(code), NOW), String(code)).to.equal(undefined);
    expect(transientCause(new Error("X refused the rule"), NOW)).to.equal(undefined);
  });

  it("waits X's schedule between tries, then returns the answer", async () => {
    const failures: Error[] = [answered(503), answered(502), failedBelowHttp()];
    const waits: number[] = [];
    const sleep = (ms: number): Promise<void> => {
      waits.push(ms);
      return Promise.resolve();
    };
    const result = await retrying(
      () => {
        const next = failures.shift();
        return next === undefined ? Promise.resolve("ok") : Promise.reject(next);
      },
      { policy: X_SCHEDULE, sleep, stopped: () => false, onRetry: () => undefined, now: () => NOW },
    );
    expect(result).to.equal("ok");
    expect(waits).to.deep.equal([5_000, 10_000, 250]);
  });

  it("throws a failure to give up on at once, and stops retrying once the service stops", async () => {
    let tries = 0;
    const refused = retrying(() => Promise.reject(answered(403, undefined)).finally(() => (tries += 1)), {
      policy: X_SCHEDULE,
      sleep: () => Promise.resolve(),
      stopped: () => false,
      onRetry: () => undefined,
    });
    await refused.then(
      () => expect.fail("resolved"),
      (error: unknown) => expect(error).to.be.instanceOf(ApiResponseError),
    );
    expect(tries).to.equal(1);
    let stopped = false;
    const stopping = retrying(() => Promise.reject(answered(503)), {
      policy: X_SCHEDULE,
      sleep: () => {
        stopped = true;
        return Promise.resolve();
      },
      stopped: () => stopped,
      onRetry: () => undefined,
    });
    await stopping.then(
      () => expect.fail("resolved"),
      (error: unknown) => expect(error).to.be.instanceOf(StoppedError),
    );
  });
});

describe("service recovering from transient X failures", function () {
  this.timeout(60_000);
  let dynamo: LocalDynamo;
  let x: FakeXServer;
  let env: Record<string, string>;
  const services: ServiceProcess[] = [];

  function post(id: number): FakePost {
    return {
      id: `18590000000000${String(id).padStart(5, "0")}`,
      text: `${PATTERN} ${id}`,
      authorId: "42",
      username: "ada",
      name: "Ada",
      createdAt: "2026-11-22T01:02:03.000Z",
    };
  }

  function start(): ServiceProcess {
    const s = new ServiceProcess(env);
    services.push(s);
    return s;
  }

  async function stored(n: number): Promise<void> {
    await waitFor(`${n} items in the table`, async () => ((await scanItems(dynamo.doc, TABLE)).length === n ? true : undefined));
  }

  beforeEach(async () => {
    dynamo = await startLocalDynamo();
    await createPostsTable(dynamo.doc, TABLE);
    const creds = { CONSUMERKEY: `ck-${randomBytes(8).toString("hex")}`, CONSUMERSECRETKEY: `cs-${randomBytes(8).toString("hex")}` };
    x = await startFakeXServer({ ...{ consumerKey: creds.CONSUMERKEY, consumerSecret: creds.CONSUMERSECRETKEY }, heartbeatIntervalMs: 200 });
    env = { ...FAST, ...creds, ...localEnv(x.url, dynamo.endpoint, TABLE, PATTERN), X_REQUEST_TIMEOUT_MS: "300" };
  });

  afterEach(async () => {
    for (const s of services) s.kill("SIGKILL");
    await Promise.all(services.splice(0).map((s) => s.exitCode()));
    await x.close();
    await dynamo.close();
  });

  it("starts through a 503, a reset and a timeout of the token request and of the rules sync", async () => {
    x.failNextRequests("token", 503, "reset", "hang");
    x.failNextRequests("rules", 502, "hang");
    x.post(post(1));
    const s = start();
    await stored(1);
    expect(s.events("fatal")).to.deep.equal([]);
    const retries = s.events("x_retry").map((l) => [l["stage"], l["attempt"], l["delayMs"]]);
    // 503: HTTP schedule; reset and timeout: network schedule, from the first of that kind.
    expect(retries).to.deep.equal([
      ["token", 1, 50],
      ["token", 2, 20],
      ["token", 3, 40],
      ["rules", 1, 50],
      ["rules", 2, 20],
    ]);
    expect(x.rules().map((r) => r.value)).to.deep.equal([PATTERN]);
  });

  it("re-syncs after a 409 through transient failures of the rules requests, and streams again", async () => {
    const s = start();
    await s.waitForLog("connected");
    const admin = new TwitterApi(x.bearerToken, xApiClientSettings(x.url));
    await admin.v2.updateStreamRules({ delete: { ids: x.rules().map((r) => r.id) } });
    x.failNextRequests("rules", 503, "reset", 500);
    x.dropConnection();
    await waitFor("a second connection", () => (x.connections() === 2 ? true : undefined));
    x.post(post(2));
    await stored(1);
    expect(s.events("x_retry").map((l) => l["stage"])).to.deep.equal(["rules", "rules", "rules"]);
    expect(s.events("fatal")).to.deep.equal([]);
  });

  it("gets a new token after a 401 through transient failures of the token request", async () => {
    const s = start();
    await s.waitForLog("connected");
    x.rotateBearerToken();
    x.failNextRequests("token", 500, "hang");
    x.dropConnection();
    await waitFor("a second connection", () => (x.connections() === 2 ? true : undefined));
    x.post(post(3));
    await stored(1);
    expect(s.events("x_retry").map((l) => l["stage"])).to.deep.equal(["token", "token"]);
    expect(s.events("reauthenticated")).to.have.length(1);
  });

  it("still stops with exit 1 when X answers the rules sync with a refusal no retry changes (403)", async () => {
    x.failNextRequests("rules", 403);
    const s = start();
    expect(await s.exitCode()).to.equal(1);
    expect(s.events("fatal")[0]).to.include({ stage: "startup" });
    expect(s.events("x_retry")).to.deep.equal([]);
  });

  it("stops at once with exit 0 on SIGTERM while retrying", async () => {
    x.failNextRequests("token", ...Array<number>(50).fill(503));
    const s = start();
    await s.waitForLog("x_retry");
    s.kill("SIGTERM");
    expect(await s.exitCode()).to.equal(0);
  });
});

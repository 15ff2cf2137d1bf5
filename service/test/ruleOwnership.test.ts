/**
 * Issue 20, part 2: our rule, our stack. Two stacks on one X app (each with the RULE_TAG and METRICS_SERVICE the stack
 * sets), the DuplicateRule case, and a rule deleted behind the service's back while another rule remains (no 409).
 */
import { expect } from "chai";
import { randomBytes } from "node:crypto";
import { TwitterApi } from "twitter-api-v2";
import { startFakeXServer, type FakePost, type FakeXServer } from "../dev/fakeXServer";
import { createPostsTable, scanItems, startLocalDynamo, type LocalDynamo } from "../dev/localDynamo";
import { xApiClientSettings } from "../dev/xApiClient";
import { FAST, localEnv, ServiceProcess, waitFor } from "./harness";

const TABLE = "twitterStream";

function post(n: number, text: string): FakePost {
  return {
    id: `18580000000000${String(n).padStart(5, "0")}`,
    text,
    authorId: "42",
    username: "ada",
    name: "Ada",
    createdAt: "2026-11-22T01:02:03.000Z",
  };
}

describe("service: its rule, its stack", function () {
  this.timeout(60_000);
  let dynamo: LocalDynamo;
  let x: FakeXServer;
  let admin: TwitterApi;
  const services: ServiceProcess[] = [];

  beforeEach(async () => {
    dynamo = await startLocalDynamo();
    await createPostsTable(dynamo.doc, TABLE);
    x = await startFakeXServer({ heartbeatIntervalMs: 200 });
    admin = new TwitterApi(x.bearerToken, xApiClientSettings(x.url));
  });

  afterEach(async () => {
    for (const s of services) s.kill("SIGKILL");
    await Promise.all(services.splice(0).map((s) => s.exitCode()));
    await x.close();
    await dynamo.close();
  });

  /** The service as stack `stack` runs it: RULE_TAG and METRICS_SERVICE `twitterstream-<stack>`. */
  function stack(name: string, filter: string, extra: Record<string, string> = {}): ServiceProcess {
    const creds = { CONSUMERKEY: `ck-${randomBytes(8).toString("hex")}`, CONSUMERSECRETKEY: `cs-${randomBytes(8).toString("hex")}` };
    const label = `twitterstream-${name}`;
    const s = new ServiceProcess({
      ...FAST,
      ...creds,
      ...localEnv(x.url, dynamo.endpoint, TABLE, filter),
      RULE_TAG: label,
      METRICS_SERVICE: label,
      ...extra,
    });
    services.push(s);
    return s;
  }

  it("two stacks on one app: B leaves A's rule alone and reports it, A keeps storing", async () => {
    const a = stack("a", "climate");
    await a.waitForLog("connected");
    const b = stack("b", "cats");
    const others = await b.waitForLog("other_rules");
    expect(others).to.include({ level: "warn", count: 1 });
    expect(others["rules"]).to.deep.equal([{ id: x.rules()[0]?.id, tag: "twitterstream-a", value: "climate" }]);
    await b.waitForLog("rules");
    expect(x.rules().map((r) => [r.value, r.tag])).to.have.deep.members([
      ["climate", "twitterstream-a"],
      ["cats", "twitterstream-b"],
    ]);
    x.post(post(1, "climate news"));
    await waitFor("A's post stored", async () => ((await scanItems(dynamo.doc, TABLE)).length === 1 ? true : undefined));
    expect(a.events("fatal")).to.deep.equal([]);
  });

  it("refuses to run with a rule value another tag holds (DuplicateRule): exit 2, naming that tag and what to do", async () => {
    const a = stack("a", "climate");
    await a.waitForLog("connected");
    const b = stack("b", "climate");
    expect(await b.exitCode()).to.equal(2);
    const error = b.events("config_error")[0];
    expect(error).to.include({ level: "error", variable: "RULE_TAG" });
    expect(String(error?.["error"])).to.include('the rule tagged "twitterstream-a"').and.include("another FILTER");
    expect(x.rules().map((r) => [r.value, r.tag])).to.deep.equal([["climate", "twitterstream-a"]]);
  });

  it("puts its rule back within the check period when it is deleted mid-stream while another rule remains", async () => {
    await admin.v2.updateStreamRules({ add: [{ value: "cats", tag: "another-app" }] });
    const s = stack("a", "climate", { RULE_CHECK_INTERVAL_MS: "300" });
    await s.waitForLog("connected");
    const ours = x.rules().find((r) => r.tag === "twitterstream-a");
    await admin.v2.updateStreamRules({ delete: { ids: [ours?.id ?? ""] } });
    const readded = await s.waitForLog("rule_readded");
    expect(readded).to.include({ level: "error", rule: "climate", ruleTag: "twitterstream-a" });
    expect(x.rules().map((r) => [r.value, r.tag])).to.have.deep.members([
      ["cats", "another-app"],
      ["climate", "twitterstream-a"],
    ]);
    x.post(post(1, "climate news"));
    await waitFor("the post stored", async () => ((await scanItems(dynamo.doc, TABLE)).length === 1 ? true : undefined));
    const metric = await s.waitForLog("stats", (l) => Number(l["RuleReadded"]) >= 1);
    expect(metric["Service"]).to.equal("twitterstream-a");
    expect(s.events("reconnect")).to.deep.equal([]);
  });
});

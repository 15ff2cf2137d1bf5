/**
 * Issues 10 and 20, deletions: the compliance command as a child process against the fake X server's batch compliance
 * endpoints and dynalite (own ids and the retweeted and quoted posts' ids, a failed job that does not end the sweep, a
 * sweep resumed with its job, X's one active job per type); and its pure parts.
 */
import { expect } from "chai";
import { spawn } from "node:child_process";
import path from "node:path";
import { BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
import { TwitterApi } from "twitter-api-v2";
import { readResults } from "../src/compliance/results";
import { awaitJob, createJob, type ComplianceApi, type ComplianceJob } from "../src/compliance/xJobs";
import { xApiClientSettings } from "../dev/xApiClient";
import { startFakeXServer, type FakeXServer } from "../dev/fakeXServer";
import { createPostsTable, scanItems, startLocalDynamo, type LocalDynamo } from "../dev/localDynamo";
import type { PostItem } from "../src/intake/item";
import { localEnv } from "./harness";

const REPO = path.resolve(__dirname, "../..");
const COMMAND = path.join(REPO, "service/src/compliance/main.ts");
const TABLE = "twitterStream";

function item(n: number): PostItem {
  const id = String(1_858_000_000_000_000_000n + BigInt(n));
  const createdAt = `2026-11-22T01:02:${String(n % 60).padStart(2, "0")}.000Z`;
  return { user: String(1000 + (n % 4)), date: `${createdAt}#${id}`, id, createdAt, text: `post ${n}`, rule: "r" };
}

/** The id of a post the table does not hold itself: an original that stored posts retweet or quote. */
function original(n: number): string {
  return String(1_857_000_000_000_000_000n + BigInt(n));
}

/** A retweet of `original(n)`: its item holds the original's text. */
function retweet(n: number, of: number): PostItem {
  return { ...item(n), text: `the original ${of}`, refType: "retweeted", refId: original(of) };
}

/** A quote of `original(n)`, with the quoted post's text. */
function quote(n: number, of: number): PostItem {
  return { ...item(n), text: `my take ${n}`, refType: "quoted", refId: original(of), quotedText: `the quoted ${of}` };
}

interface Run {
  code: number | null;
  logs: Array<Record<string, unknown>>;
  output: string;
}

function runCommand(env: Record<string, string>): Promise<Run> {
  const child = spawn(process.execPath, ["--no-warnings", "--import", "tsx", COMMAND], {
    cwd: REPO,
    env: { PATH: process.env["PATH"] ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (c: string) => (output += c));
  child.stderr.setEncoding("utf8").on("data", (c: string) => (output += c));
  return new Promise((resolve) =>
    child.on("exit", (code) => {
      const logs = output
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      resolve({ code, logs, output });
    }),
  );
}

describe("compliance command against the fake X server and dynalite", function () {
  this.timeout(60_000);
  let dynamo: LocalDynamo;
  let x: FakeXServer;
  let env: Record<string, string>;
  const stored = Array.from({ length: 30 }, (_, i) => item(i + 1));

  async function put(items: readonly PostItem[]): Promise<void> {
    for (let at = 0; at < items.length; at += 25) {
      const batch = items.slice(at, at + 25).map((Item) => ({ PutRequest: { Item } }));
      await dynamo.doc.send(new BatchWriteCommand({ RequestItems: { [TABLE]: batch } }));
    }
  }

  /** The posts in the table (not the sweep's position item). */
  async function posts(): Promise<Array<Record<string, unknown>>> {
    return (await scanItems(dynamo.doc, TABLE)).filter((i) => typeof i["id"] === "string");
  }

  async function ids(): Promise<string[]> {
    return (await posts()).map((i) => String(i["id"])).sort();
  }

  beforeEach(async () => {
    dynamo = await startLocalDynamo();
    await createPostsTable(dynamo.doc, TABLE);
    await put(stored);
    x = await startFakeXServer({ consumerKey: "ck-compliance", consumerSecret: "cs-compliance-secret" });
    env = {
      CONSUMERKEY: "ck-compliance",
      CONSUMERSECRETKEY: "cs-compliance-secret",
      ...localEnv(x.url, dynamo.endpoint, TABLE, "climate change"),
      COMPLIANCE_POLL_MS: "20",
      COMPLIANCE_IDS_PER_JOB: "12",
    };
  });

  afterEach(async () => {
    await x.close();
    await dynamo.close();
  });

  it("submits every stored id, in jobs of COMPLIANCE_IDS_PER_JOB, and deletes exactly the posts X reports", async () => {
    const [deleted, suspended, geo] = [[3, 14, 29], [7], [20]].map((ns) => ns.map((n) => item(n).id));
    x.compliance.report(deleted, "deleted");
    x.compliance.report(suspended, "suspended");
    x.compliance.report(geo, "scrub_geo");
    const run = await runCommand(env);
    expect(run.code, run.output).to.equal(0);
    const jobs = x.compliance.jobs();
    expect(jobs.map((j) => [j.type, j.status, j.uploaded.length])).to.deep.equal([
      ["tweets", "complete", 12],
      ["tweets", "complete", 12],
      ["tweets", "complete", 6],
    ]);
    expect(jobs.flatMap((j) => j.uploaded).sort()).to.deep.equal(stored.map((i) => i.id).sort());
    const gone = new Set([...deleted, ...suspended]);
    expect(await ids()).to.deep.equal(
      stored
        .map((i) => i.id)
        .filter((id) => !gone.has(id))
        .sort(),
    );
    expect(run.logs.find((l) => l["event"] === "compliance_done")).to.deep.include({ checked: 30, jobs: 3, deleted: 4, failedJobs: 0 });
    expect(run.output).to.not.include("cs-compliance-secret");
  });

  it("checks the retweeted and quoted posts too: a retweet of a deleted post goes, a quote of one loses the quoted text", async () => {
    const rt = retweet(101, 1);
    const kept = retweet(102, 2);
    const q = quote(103, 3);
    await put([rt, kept, q]);
    x.compliance.report([original(1), original(3)], "deleted");
    const run = await runCommand(env);
    expect(run.code, run.output).to.equal(0);
    expect(x.compliance.jobs().flatMap((j) => j.uploaded)).to.include.members([original(1), original(2), original(3)]);
    const left = await posts();
    expect(left.map((i) => i["id"])).to.not.include(rt.id);
    expect(left.map((i) => i["id"])).to.include(kept.id);
    const redacted = left.find((i) => i["id"] === q.id);
    expect(redacted).to.include({ text: q.text, quotedRemoved: "deleted", refId: original(3) });
    expect(redacted).to.not.have.property("quotedText");
    expect(run.logs.find((l) => l["event"] === "compliance_done")).to.deep.include({ deleted: 1, redacted: 1 });
  });

  it("acts on X's rehydrate (an edited post): the stale copy goes, a quote of it loses the quoted text", async () => {
    const q = quote(104, 4);
    await put([q]);
    x.compliance.report([item(5).id, original(4)], "rehydrate");
    const run = await runCommand(env);
    expect(run.code, run.output).to.equal(0);
    const left = await posts();
    expect(left.map((i) => i["id"])).to.not.include(item(5).id);
    expect(left.find((i) => i["id"] === q.id))
      .to.include({ quotedRemoved: "rehydrate" })
      .and.not.have.property("quotedText");
  });

  it("goes on past a job that ends failed: the other chunks are acted on, exit 1 names it", async () => {
    x.compliance.report([item(1).id, item(2).id, item(29).id]);
    x.compliance.failNextJobs("failed");
    const run = await runCommand(env);
    expect(run.code).to.equal(1);
    expect(x.compliance.jobs().map((j) => j.status)).to.deep.equal(["failed", "complete", "complete"]);
    const failed = run.logs.find((l) => l["event"] === "compliance_job" && l["status"] === "failed");
    expect(failed).to.deep.include({ level: "error", unchecked: 12 });
    expect(run.logs.find((l) => l["event"] === "compliance_done")).to.deep.include({ jobs: 3, failedJobs: 1, checked: 18 });
    const unchecked = new Set(x.compliance.jobs()[0].uploaded);
    const reported = [1, 2, 29].map((n) => item(n).id);
    const gone = new Set(reported.filter((id) => !unchecked.has(id)));
    expect(gone.size, "a reported post outside the failed job").to.be.greaterThan(0);
    expect(await ids()).to.deep.equal(
      stored
        .map((i) => i.id)
        .filter((id) => !gone.has(id))
        .sort(),
    );
  });

  it("resumes the job a timed-out run left in progress, instead of being blocked by it", async () => {
    x.compliance.report([item(1).id, item(2).id]);
    x.compliance.setPollsUntilComplete(100_000);
    const first = await runCommand({ ...env, COMPLIANCE_TIMEOUT_MS: "1000" });
    expect(first.code).to.equal(1);
    expect(String(first.logs.find((l) => l["event"] === "fatal")?.["error"])).to.include("resumed by the next run");
    expect(x.compliance.jobs().map((j) => j.status)).to.deep.equal(["in_progress"]);
    x.compliance.setPollsUntilComplete(1);
    const second = await runCommand(env);
    expect(second.code, second.output).to.equal(0);
    const jobs = x.compliance.jobs();
    expect(jobs).to.have.length(3);
    expect(jobs.every((j) => j.status === "complete")).to.equal(true);
    expect(second.logs.find((l) => l["event"] === "compliance_done")).to.deep.include({ resumedJob: jobs[0].id, jobs: 3, checked: 30, deleted: 2 });
    const third = await runCommand(env);
    expect(third.code).to.equal(0);
    expect(third.logs.find((l) => l["event"] === "compliance_done")).to.not.have.property("resumedJob");
  });

  it("waits for another active tweets job on the app before creating its own (X: one active job per type)", async () => {
    const other = new TwitterApi(x.bearerToken, xApiClientSettings(x.url));
    const { data } = await other.v2.post<{ data: ComplianceJob }>("compliance/jobs", { type: "tweets", name: "someone else" });
    const conflict = await other.v2.post("compliance/jobs", { type: "tweets" }).then(
      () => 0,
      (e: { code?: number }) => e.code,
    );
    expect(conflict).to.equal(409);
    const response = await fetch(data.upload_url, { method: "PUT", headers: { authorization: `Bearer ${x.bearerToken}` }, body: "1\n" });
    expect(response.status).to.equal(200);
    const run = await runCommand(env);
    expect(run.code, run.output).to.equal(0);
    expect(run.logs.find((l) => l["event"] === "compliance_wait")).to.deep.include({ jobId: data.id, name: "someone else" });
    expect(x.compliance.jobs().map((j) => j.status)).to.deep.equal(["complete", "complete", "complete", "complete"]);
  });

  it("retries transient failures of X's requests instead of ending the run", async () => {
    x.failNextRequests("token", 503, "reset");
    const run = await runCommand({ ...env, HTTP_BACKOFF_INITIAL_MS: "20", NETWORK_BACKOFF_STEP_MS: "20" });
    expect(run.code, run.output).to.equal(0);
    expect(run.logs.filter((l) => l["event"] === "x_retry").map((l) => l["stage"])).to.deep.equal(["compliance", "compliance"]);
    expect(run.logs.find((l) => l["event"] === "compliance_done")).to.deep.include({ checked: 30, failedJobs: 0 });
  });

  it("refuses a bad setting with exit 2 and one config_error line", async () => {
    const run = await runCommand({ ...env, COMPLIANCE_IDS_PER_JOB: "0" });
    expect(run.code).to.equal(2);
    expect(run.logs).to.deep.equal([
      {
        ...run.logs[0],
        level: "error",
        event: "config_error",
        variable: "COMPLIANCE_IDS_PER_JOB",
        error: 'COMPLIANCE_IDS_PER_JOB must be a whole number from 1 to 1000000, got "0"',
      },
    ]);
  });
});

describe("compliance results", () => {
  it("acts on every delete action but scrub_geo and on rehydrate, and counts reasons and malformed lines", () => {
    const text = [
      '{"id":"1","action":"delete","created_at":"2024-01-10T12:00:00.000Z","redacted_at":"2024-01-12T08:30:00.000Z","reason":"deleted"}',
      '{"id":"2","action":"delete","reason":"suspended"}',
      '{"id":"3","action":"delete","reason":"scrub_geo"}',
      '{"id":"4","action":"scrub_geo","reason":"scrub_geo"}',
      '{"id":"5","action":"rehydrate","created_at":"2024-01-10T12:00:00.000Z"}',
      '{"id":"not_a_valid_id","error":"invalid_id"}',
      "not json",
      "",
    ].join("\n");
    expect(readResults(text)).to.deep.equal({
      act: [
        { id: "1", reason: "deleted" },
        { id: "2", reason: "suspended" },
        { id: "5", reason: "rehydrate" },
      ],
      byReason: { deleted: 1, suspended: 1, scrub_geo: 2, rehydrate: 1 },
      malformed: 2,
    });
  });
});

describe("one compliance job", () => {
  function fakeApi(statuses: ComplianceJob["status"][], active: ComplianceJob[] = []): ComplianceApi & { created: number } {
    const job = (status: ComplianceJob["status"]): ComplianceJob => ({ id: "9", status, upload_url: "u", download_url: "d" });
    const api = {
      created: 0,
      createJob: async () => {
        api.created += 1;
        return job("created");
      },
      job: async (id: string) => ({ ...job(statuses.shift() ?? "complete"), id }),
      jobs: async () => active.splice(0),
      upload: async () => undefined,
      download: async () => "results",
    };
    return api;
  }
  const timing = (now: () => number) => ({ pollMs: 5, timeoutMs: 100, sleep: async () => undefined, now });

  it("polls until the job ends, whatever the end", async () => {
    const running: ComplianceJob = { id: "9", status: "in_progress", upload_url: "u", download_url: "d" };
    expect(
      await awaitJob(
        fakeApi(["in_progress", "complete"]),
        running,
        timing(() => 0),
      ),
    ).to.include({ status: "complete" });
    expect(
      await awaitJob(
        fakeApi(["expired"]),
        running,
        timing(() => 0),
      ),
    ).to.include({ status: "expired" });
  });

  it("gives up after the time limit, saying the next run resumes the job and naming the setting", async () => {
    let t = 0;
    const running: ComplianceJob = { id: "9", status: "in_progress", upload_url: "u", download_url: "d" };
    await awaitJob(
      fakeApi(["in_progress", "in_progress"]),
      running,
      timing(() => (t += 60)),
    ).then(
      () => expect.fail("resolved"),
      (e: Error) =>
        expect(e.message).to.equal(
          "compliance job 9 not complete after 100 ms (status in_progress): it is resumed by the next run; raise COMPLIANCE_TIMEOUT_MS to wait longer",
        ),
    );
  });

  it("waits out an active job before creating its own", async () => {
    const other: ComplianceJob = { id: "7", status: "in_progress", upload_url: "u", download_url: "d" };
    const api = fakeApi(["in_progress", "complete"], [other]);
    const waited: string[] = [];
    const job = await createJob(
      api,
      "n",
      timing(() => 0),
      (j) => waited.push(j.id),
    );
    expect(waited).to.deep.equal(["7"]);
    expect(job).to.include({ status: "created" });
    expect(api.created).to.equal(1);
  });
});

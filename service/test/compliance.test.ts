/**
 * Issue 10, deletions: the compliance command as a child process against the fake X server's batch compliance
 * endpoints and dynalite; and its pure parts.
 */
import { expect } from "chai";
import { spawn } from "node:child_process";
import path from "node:path";
import { BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
import { readResults } from "../src/compliance/results";
import { runJob, type ComplianceApi, type ComplianceJob } from "../src/compliance/xJobs";
import { startFakeXServer, type FakeXServer } from "../src/dev/fakeXServer";
import { createPostsTable, scanItems, startLocalDynamo, type LocalDynamo } from "../src/dev/localDynamo";
import type { PostItem } from "../src/item";
import { localEnv } from "./harness";

const REPO = path.resolve(__dirname, "../..");
const COMMAND = path.join(REPO, "service/src/compliance/main.ts");
const TABLE = "twitterStream";

function item(n: number): PostItem {
  const id = String(1_858_000_000_000_000_000n + BigInt(n));
  const createdAt = `2026-11-22T01:02:${String(n % 60).padStart(2, "0")}.000Z`;
  return { user: String(1000 + (n % 4)), date: `${createdAt}#${id}`, id, createdAt, text: `post ${n}`, rule: "r" };
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

  beforeEach(async () => {
    dynamo = await startLocalDynamo();
    await createPostsTable(dynamo.doc, TABLE);
    for (let at = 0; at < stored.length; at += 25) {
      const batch = stored.slice(at, at + 25).map((Item) => ({ PutRequest: { Item } }));
      await dynamo.doc.send(new BatchWriteCommand({ RequestItems: { [TABLE]: batch } }));
    }
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
    const left = (await scanItems(dynamo.doc, TABLE)).map((i) => i["id"]).sort();
    expect(left).to.deep.equal(
      stored
        .map((i) => i.id)
        .filter((id) => !gone.has(id))
        .sort(),
    );
    expect(run.logs.find((l) => l["event"] === "compliance_done")).to.deep.include({ checked: 30, jobs: 3, deleted: 4 });
    expect(run.output).to.not.include("cs-compliance-secret");
  });

  it("deletes nothing and exits 1 when a job fails", async () => {
    x.compliance.report([item(1).id]);
    x.compliance.failNextJobs("failed");
    const run = await runCommand(env);
    expect(run.code).to.equal(1);
    expect(run.logs.find((l) => l["event"] === "fatal")).to.deep.include({ stage: "compliance", errorName: "ComplianceJobError" });
    expect(await scanItems(dynamo.doc, TABLE)).to.have.length(stored.length);
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
  it("removes every delete action but scrub_geo, and counts reasons and malformed lines", () => {
    const text = [
      '{"id":"1","action":"delete","created_at":"2024-01-10T12:00:00.000Z","redacted_at":"2024-01-12T08:30:00.000Z","reason":"deleted"}',
      '{"id":"2","action":"delete","reason":"suspended"}',
      '{"id":"3","action":"delete","reason":"scrub_geo"}',
      '{"id":"4","action":"scrub_geo","reason":"scrub_geo"}',
      "not json",
      "",
    ].join("\n");
    expect(readResults(text)).to.deep.equal({ remove: ["1", "2"], byReason: { deleted: 1, suspended: 1, scrub_geo: 2 }, malformed: 1 });
  });
});

describe("one compliance job", () => {
  function fakeApi(statuses: ComplianceJob["status"][]): ComplianceApi & { uploads: string[] } {
    const job = (status: ComplianceJob["status"]): ComplianceJob => ({ id: "9", status, upload_url: "u", download_url: "d" });
    const uploads: string[] = [];
    return {
      uploads,
      createJob: async () => job("created"),
      job: async () => job(statuses.shift() ?? "complete"),
      upload: async (_url, body) => void uploads.push(body),
      download: async () => "results",
    };
  }
  const timing = (now: () => number) => ({ pollMs: 5, timeoutMs: 100, sleep: async () => undefined, now });

  it("uploads the ids one per line and polls until complete", async () => {
    const api = fakeApi(["in_progress", "in_progress", "complete"]);
    expect(
      await runJob(
        api,
        "n",
        ["1", "2"],
        timing(() => 0),
      ),
    ).to.deep.equal({ jobId: "9", results: "results" });
    expect(api.uploads).to.deep.equal(["1\n2\n"]);
  });

  it("fails on an expired job and after the time limit, naming the setting", async () => {
    await runJob(
      fakeApi(["expired"]),
      "n",
      ["1"],
      timing(() => 0),
    ).then(
      () => expect.fail("resolved"),
      (e: Error) => expect(e.message).to.equal("compliance job 9 ended expired"),
    );
    let t = 0;
    await runJob(
      fakeApi(["in_progress", "in_progress"]),
      "n",
      ["1"],
      timing(() => (t += 60)),
    ).then(
      () => expect.fail("resolved"),
      (e: Error) => expect(e.message).to.equal("compliance job 9 not complete after 100 ms (status in_progress): raise COMPLIANCE_TIMEOUT_MS"),
    );
  });
});

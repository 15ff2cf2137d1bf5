/**
 * `npm run doctor` as users run it: `node --import tsx tools/doctor/main.ts` in a child process, the AWS SDK's own
 * configuration from the environment (endpoints via `AWS_ENDPOINT_URL_<SERVICE>`, credentials, none at all).
 */
import { expect } from "chai";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { startFakeAws, type FakeAws } from "./fakeAws";
import { healthy, stackFlags, stackOutputs } from "./scenarios";

const REPO = path.resolve(__dirname, "..", "..", "..");
const MAIN = path.join("tools", "doctor", "main.ts");

/** Runs the CLI with `args`, writing `stdin` (then closing it) unless it is undefined, which leaves stdin open. */
function cli(args: readonly string[], env: NodeJS.ProcessEnv, stdin?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", MAIN, ...args], { cwd: REPO, env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    if (stdin !== undefined) child.stdin.end(stdin);
  });
}

describe("doctor CLI (child process)", () => {
  let fake: FakeAws;
  let home: string;

  before(async () => {
    fake = await startFakeAws(healthy(Date.now()));
    home = fs.mkdtempSync(path.join(os.tmpdir(), "doctor-home-"));
    fs.writeFileSync(path.join(home, "config"), "");
    fs.writeFileSync(path.join(home, "credentials"), "");
  });
  after(async () => {
    await fake.close();
    fs.rmSync(home, { recursive: true, force: true });
  });

  /** An environment with no AWS settings but the fake's endpoints and, when asked, static credentials. */
  function env(credentials: boolean): NodeJS.ProcessEnv {
    return {
      PATH: process.env["PATH"],
      HOME: home,
      AWS_CONFIG_FILE: path.join(home, "config"),
      AWS_SHARED_CREDENTIALS_FILE: path.join(home, "credentials"),
      AWS_EC2_METADATA_DISABLED: "true",
      AWS_ENDPOINT_URL_ECS: fake.url,
      AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: fake.url,
      AWS_ENDPOINT_URL_DYNAMODB: fake.url,
      AWS_MAX_ATTEMPTS: "1",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      ...(credentials ? { AWS_ACCESS_KEY_ID: "AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY: "fake-secret" } : {}),
    };
  }

  it("GIVEN `pulumi stack output --json` piped in THEN it reports a healthy deployment and exits 0", async () => {
    const { code, stdout, stderr } = await cli([], env(true), JSON.stringify(stackOutputs(), null, 2));
    expect(stderr).to.equal("");
    expect(code).to.equal(0);
    const lines = stdout.split("\n");
    expect(lines[0]).to.equal(
      `Doctor: service ${String(stackOutputs()["serviceName"])} in cluster ${String(stackOutputs()["clusterName"])} (us-east-1)`,
    );
    expect(lines).to.include.members(["[ok]   the service runs the stack's task definition twitterstream:4", "[ok]   running 1 of 1"]);
    expect(lines.filter((l) => l !== "").pop()).to.equal("Result: healthy: the service runs the stack's revision");
  });

  it("GIVEN every output as a flag THEN it does not wait for stdin", async () => {
    const { code, stdout } = await cli(stackFlags(), env(true));
    expect(code).to.equal(0);
    expect(stdout).to.include("Result: healthy");
  });

  it("GIVEN no AWS credentials anywhere THEN one clear line and exit 2, no stack trace", async () => {
    const calls = fake.calls.length;
    const { code, stdout, stderr } = await cli([], env(false), JSON.stringify(stackOutputs()));
    expect(code).to.equal(2);
    expect(stdout).to.equal("");
    expect(stderr).to.equal(
      "doctor: no AWS credentials found (Could not load credentials from any providers): run `aws configure` or `aws sso login`, " +
        "set AWS_PROFILE, or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, then run the doctor again\n",
    );
    expect(fake.calls.length).to.equal(calls);
  });

  it("GIVEN AWS unreachable (nothing listens at the endpoints) THEN one line naming the network error, exit 2, not 1", async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const endpoint = `http://127.0.0.1:${closed}`;
    const { code, stdout, stderr } = await cli(stackFlags(), {
      ...env(true),
      AWS_ENDPOINT_URL_ECS: endpoint,
      AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: endpoint,
      AWS_ENDPOINT_URL_DYNAMODB: endpoint,
    });
    expect(stdout).to.equal("");
    expect(stderr).to.match(/^doctor: AWS could not be reached \(.*ECONNREFUSED.*\): check the network, .*\n$/);
    expect(stderr.split("\n")).to.have.length(2);
    expect(code).to.equal(2);
  });

  it("GIVEN an empty stdin THEN exit 2 naming the missing outputs", async () => {
    const { code, stderr } = await cli([], env(true), "");
    expect(code).to.equal(2);
    expect(stderr).to.match(/^doctor: missing stack output `clusterName` \(or `--cluster`\), .*: no stack outputs on stdin; /);
  });
});

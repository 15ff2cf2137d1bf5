import { expect } from "chai";
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startFakeXServer, type FakeXServer } from "../dev/fakeXServer";
import { createPostsTable, startLocalDynamo, type LocalDynamo } from "../dev/localDynamo";
import { FAST, localEnv, ServiceProcess, SwitchableProxy, waitFor } from "./harness";

const REPO = path.resolve(__dirname, "../..");
const TABLE = "twitterStream";

/**
 * A policy whose bound is short (heartbeat.ts: stall 1000 + longest wait 400 + stall 1000 = 2400 ms), so that a dead
 * stream turns the check unhealthy quickly; the fake X server sends a keep-alive every 200 ms.
 */
const SHORT_POLICY = {
  ...FAST,
  STALL_TIMEOUT_MS: "1000",
  RATE_LIMIT_BACKOFF_INITIAL_MS: "100",
  RATE_LIMIT_BACKOFF_MAX_MS: "300",
  USAGE_CAP_WAIT_MS: "300",
  RECONNECT_PAUSE_MS: "100",
};

interface Check {
  code: number;
  output: string;
}

describe("container health check against the fake X server (the compiled dist/health.js)", function () {
  this.timeout(180_000);
  let dir: string;
  let health: string;
  let dynamo: LocalDynamo;
  let x: FakeXServer;
  let proxy: SwitchableProxy;
  let env: Record<string, string>;
  let service: ServiceProcess | undefined;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "health-"));
    // Compile as the image's build stage does (service/tsconfig.build.json), so the command under test is the one
    // the Dockerfile ships: dist/health.js, run by node without tsx.
    const tsc = path.join(REPO, "node_modules/typescript/bin/tsc");
    await new Promise<void>((resolve, reject) =>
      execFile(
        process.execPath,
        [tsc, "-p", path.join(REPO, "service/tsconfig.build.json"), "--outDir", path.join(dir, "dist")],
        (error, stdout) => (error ? reject(new Error(`${String(error)}\n${stdout}`)) : resolve()),
      ),
    );
    health = path.join(dir, "dist/health.js");
    dynamo = await startLocalDynamo();
    await createPostsTable(dynamo.doc, TABLE);
    x = await startFakeXServer({ consumerKey: "ck", consumerSecret: "cs", heartbeatIntervalMs: 200, heartbeatJitterMs: 0 });
    proxy = await SwitchableProxy.start(x.url);
    env = {
      ...SHORT_POLICY,
      ...localEnv(proxy.endpoint, dynamo.endpoint, TABLE, "climate change"),
      CONSUMERKEY: "ck",
      CONSUMERSECRETKEY: "cs",
      HEARTBEAT_FILE: path.join(dir, "heartbeat"),
    };
  });

  after(async () => {
    service?.kill("SIGKILL");
    await service?.exitCode();
    await proxy.down();
    await x.close();
    await dynamo.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Runs `node dist/health.js` with the service's environment, as ECS runs the container's health check. */
  function check(serviceEnv: Record<string, string> = env): Promise<Check> {
    return new Promise((resolve) => {
      execFile(process.execPath, [health], { env: { PATH: process.env["PATH"] ?? "", ...serviceEnv } }, (error, stdout) =>
        resolve({ code: error === null ? 0 : Number(error.code), output: stdout.trim() }),
      );
    });
  }

  function until(state: "healthy" | "unhealthy"): Promise<Check> {
    return waitFor(
      `health check ${state}`,
      async () => {
        const result = await check();
        return result.output.startsWith(`${state}:`) ? result : undefined;
      },
      60_000,
    );
  }

  it("is unhealthy before the service has written a heartbeat", async () => {
    expect(await check()).to.deep.equal({ code: 1, output: "unhealthy: no heartbeat file: the service has not started, or cannot write it" });
  });

  it("is unhealthy while the stream has not connected since the start, though the service runs and the bound is far off", async () => {
    // X refuses the first connect with 429 TooManyConnections (another consumer still holds the app's one connection),
    // and the policy waits 10 minutes before the next attempt: the bound of a live stream is 602 s, so only the
    // start-up rule can call this task unhealthy now.
    x.failNextConnects(429);
    const slowEnv = { ...env, RATE_LIMIT_BACKOFF_INITIAL_MS: "600000", RATE_LIMIT_BACKOFF_MAX_MS: "600000" };
    const waiting = new ServiceProcess(slowEnv);
    try {
      await waiting.waitForLog("reconnect");
      const starting = await check(slowEnv);
      expect(starting.code).to.equal(1);
      expect(starting.output).to.match(
        /^unhealthy: starting: no data from the stream yet, \d+ ms after start, within the start-up bound of 602000 ms$/,
      );
      expect(waiting.events("connected")).to.deep.equal([]);
    } finally {
      waiting.kill("SIGKILL");
      await waiting.exitCode();
    }
  });

  it("is unhealthy while an accepted stream has sent no line yet: an HTTP 200 alone is not a live stream", async () => {
    // A second double that answers the connect and then sends nothing for 10 minutes, not even a keep-alive; the stall
    // timeout (and so the bounds) is long, so the service sits on that connection.
    const mute = await startFakeXServer({ consumerKey: "ck", consumerSecret: "cs", heartbeatIntervalMs: 600_000, heartbeatJitterMs: 0 });
    const muteEnv = { ...env, X_API_BASE_URL: mute.url, STALL_TIMEOUT_MS: "600000" };
    const waiting = new ServiceProcess(muteEnv);
    try {
      await waiting.waitForLog("connected");
      const accepted = await check(muteEnv);
      expect(accepted.code).to.equal(1);
      expect(accepted.output).to.match(
        /^unhealthy: starting: no data from the stream yet, \d+ ms after start, within the start-up bound of \d+ ms$/,
      );
      // Its first line, a keep-alive, makes it healthy.
      mute.enqueue("");
      const fed = await waitFor(
        "health check healthy",
        async () => {
          const result = await check(muteEnv);
          return result.code === 0 ? result : undefined;
        },
        60_000,
      );
      expect(fed.output).to.match(/^healthy: last heartbeat \d+ ms ago, within the bound of \d+ ms$/);
    } finally {
      waiting.kill("SIGKILL");
      await waiting.exitCode();
      await mute.close();
    }
  });

  it("is healthy while the stream sends keep-alives, unhealthy once it is dead past the bound, healthy again after the reconnect", async () => {
    service = new ServiceProcess(env);
    await service.waitForLog("connected");
    // The first keep-alive (every 200 ms from this double) is the first sign of a live stream.
    const streaming = await until("healthy");
    expect(streaming.code).to.equal(0);
    expect(streaming.output).to.match(/^healthy: last heartbeat \d+ ms ago, within the bound of 2400 ms$/);

    // The X double stops sending: the connection is reset and new ones are refused.
    await proxy.down();
    const dead = await until("unhealthy");
    expect(dead.code).to.equal(1);
    expect(dead.output).to.match(/^unhealthy: last heartbeat \d+ ms ago, over the bound of 2400 ms$/);
    expect(service.events("reconnect").length).to.be.greaterThan(0);

    await proxy.up();
    const back = await until("healthy");
    expect(back.code).to.equal(0);
    expect(service.events("connected").length).to.be.greaterThan(1);
  });

  it("reports an invalid policy variable as unhealthy, naming it", async () => {
    const result = await new Promise<Check>((resolve) =>
      execFile(process.execPath, [health], { env: { STALL_TIMEOUT_MS: "soon" } }, (error, stdout) =>
        resolve({ code: error === null ? 0 : Number(error.code), output: stdout.trim() }),
      ),
    );
    expect(result).to.deep.equal({ code: 1, output: 'unhealthy: STALL_TIMEOUT_MS must be a whole number from 1 to 3600000, got "soon"' });
  });
});

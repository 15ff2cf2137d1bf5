/**
 * The two images run as ECS runs the twitterstream task with file delivery: ECS reads the init container's `secrets`
 * from a loopback Secrets Manager with the execution role and sets them in that container alone; the secrets init
 * container runs first, with the task's user and a read-only root, and writes them to the shared volume; then the service,
 * with the flags its container definition gives (read-only root, the task's /tmp volume, an init process, the stop
 * timeout), on the host network against dynalite and the fake X API. Prints the figures the READMEs quote.
 */
import { expect } from "chai";
import { EXIT } from "../../packages/secure-fargate-task/init/src/exitCodes";
import { serializeSpec, SPEC_ENV_VAR, type SecretFile } from "../../packages/secure-fargate-task/init/src/spec";
import type { ContainerDefinition } from "../../packages/secure-fargate-task/src/ecs/containerDefinition";
import { SECRETS } from "@twitterstream/test-kit/secrets";
import type { FakeAws } from "@twitterstream/test-kit/fakeAwsServer";
import { startFakeXServer, type FakeXServer } from "../../service/dev/fakeXServer";
import { containsPhrase, generatePosts } from "../../service/dev/generator";
import { countItems, createPostsTable, scanItems, startLocalDynamo, type LocalDynamo } from "../../service/dev/localDynamo";
import { containerState, docker, dockerOk, INIT_IMAGE, inspectImage, runFlags, SERVICE_IMAGE } from "./docker";
import { ecsReadsSecrets, parseValueFrom } from "./ecsSecrets";
import { startSecretsWorld } from "./secretsWorld";
import { FILTER, serviceTask, TABLE, type Task } from "./task";

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` every `everyMs` until it returns a value, or throws after `withinMs` (generous: the machine is shared). */
async function eventually<T>(what: string, probe: () => Promise<T | undefined>, withinMs = 180_000, everyMs = 250): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${withinMs} ms`);
    await sleep(everyMs);
  }
}

/** What ECS gives a container that the task definition does not hold: credentials (the task role's) and endpoints. */
function awsSide(endpoints: Record<string, string>): string[] {
  const env = { AWS_ACCESS_KEY_ID: "local", AWS_SECRET_ACCESS_KEY: "local", AWS_EC2_METADATA_DISABLED: "true", ...endpoints };
  return Object.entries(env).flatMap(([name, value]) => ["-e", `${name}=${value}`]);
}

/** The fake X API: it accepts only the key and secret the component stored, which the service reads from its files. */
const X_OPTIONS = {
  consumerKey: SECRETS.CONSUMERKEY,
  consumerSecret: SECRETS.CONSUMERSECRETKEY,
  heartbeatIntervalMs: 200,
  heartbeatJitterMs: 0,
  slotReleaseMs: 200,
};

describe("the images, run as ECS runs the task (file delivery, read-only roots, the task's volumes)", function () {
  this.timeout(600_000);
  const prefix = `twitterstream-images-${process.pid}`;
  const containers: string[] = [];
  const volumeNames: string[] = [];
  let dynamo: LocalDynamo;
  let x: FakeXServer;
  let aws: FakeAws;
  let task: Task;
  let volumes: Record<string, string>;
  const service = `${prefix}-service`;
  const init = `${prefix}-init`;
  let initExit: number;
  /** The values ECS read for the init container's `secrets`, by variable name. */
  let injected: Record<string, string>;
  /** The calls the loopback AWS received while the init container ran. */
  let initCalls: FakeAws["calls"];
  let firstStoredAtMs: number;

  async function createVolumes(suffix: string): Promise<Record<string, string>> {
    const names: Record<string, string> = {};
    for (const volume of task.volumes) {
      names[volume] = `${prefix}-${suffix}-${volume}`;
      volumeNames.push(names[volume]);
      await dockerOk(["volume", "create", names[volume]]);
    }
    return names;
  }

  /**
   * Runs an init container to its end, with `values` as what ECS injected and the task role's endpoints at `world`;
   * resolves with its exit code.
   */
  async function runInit(
    name: string,
    definition: ContainerDefinition,
    taskVolumes: Record<string, string>,
    values: Record<string, string>,
    world: FakeAws,
  ): Promise<number> {
    containers.push(name);
    const flags = [
      ...runFlags(definition, taskVolumes, values),
      ...awsSide({ AWS_ENDPOINT_URL_SECRETS_MANAGER: world.endpoint, AWS_ENDPOINT_URL_SSM: world.endpoint }),
    ];
    return (await docker(["run", "--name", name, ...flags, INIT_IMAGE])).code;
  }

  /** The names in the task's secrets volume `volume`, as a container of the task user sees them. */
  async function filesIn(volume: string): Promise<string[]> {
    const listing = await dockerOk([
      "run",
      "--rm",
      "--user",
      task.init.user,
      "--read-only",
      "--mount",
      `type=volume,source=${volume},target=/secrets,readonly`,
      "--entrypoint",
      "node",
      INIT_IMAGE,
      "-e",
      `console.log(JSON.stringify(require("fs").readdirSync("/secrets")))`,
    ]);
    return JSON.parse(listing) as string[];
  }

  /** `docker inspect`'s environment of a container. */
  async function containerEnv(container: string): Promise<string[]> {
    return (JSON.parse(await dockerOk(["container", "inspect", container])) as Array<{ Config: { Env: string[] | null } }>)[0].Config.Env ?? [];
  }

  before(async function () {
    dynamo = await startLocalDynamo();
    await createPostsTable(dynamo.doc, TABLE);
    x = await startFakeXServer(X_OPTIONS);
    task = await serviceTask({ DYNAMODBTABLE: TABLE, AWSREGION: "us-east-1", FILTER, X_API_BASE_URL: x.url });
    aws = await startSecretsWorld(task.init, task.spec, task.secretValues);
    volumes = await createVolumes("task");

    injected = await ecsReadsSecrets(task.init, aws.endpoint);
    const callsBefore = aws.calls.length;
    initExit = await runInit(init, task.init, volumes, injected, aws);
    initCalls = aws.calls.slice(callsBefore);
    const initState = await containerState(init);
    const initMs = Date.parse(initState.FinishedAt) - Date.parse(initState.StartedAt);
    console.log(`      figure: secrets init container, start to exit: ${(initMs / 1000).toFixed(1)} s`);

    containers.push(service);
    await dockerOk([
      "run",
      "-d",
      "--name",
      service,
      ...runFlags(task.app, volumes),
      ...awsSide({ AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint }),
      SERVICE_IMAGE,
    ]);
  });

  after(async function () {
    for (const name of containers) await docker(["rm", "-f", "-v", name]);
    for (const name of volumeNames) await docker(["volume", "rm", "-f", name]);
    await Promise.all([x?.close(), dynamo?.close(), aws?.close()]);
  });

  it("the init container writes each secret to the shared volume, 0400 and the task user's, and exits 0", async function () {
    expect(initExit).to.equal(0);
    // Every value came from ECS: the init container itself called no AWS API.
    expect(initCalls).to.deep.equal([]);
    const listing = await dockerOk([
      "exec",
      service,
      "node",
      "-e",
      `const fs = require("fs"); const dir = ${JSON.stringify(task.spec.targetDir)};
       console.log(JSON.stringify(fs.readdirSync(dir).map((name) => { const s = fs.statSync(dir + "/" + name); return { name, mode: s.mode & 0o777, owner: s.uid + ":" + s.gid }; })));`,
    ]);
    const files = JSON.parse(listing) as Array<{ name: string; mode: number; owner: string }>;
    expect(files.map((f) => f.name).sort()).to.deep.equal(task.spec.files.map((f) => f.name).sort());
    for (const file of files) expect(file).to.include({ mode: 0o400, owner: task.init.user });
    const logs = await docker(["logs", init]);
    for (const value of Object.values(task.secretValues)) expect(logs.stdout + logs.stderr).not.to.include(value);
  });

  it("the service, started after it, reads <NAME>_FILE (the fake X checks the key and secret) and stores the matching posts", async function () {
    const posts = generatePosts({ count: 40, matchRatio: 0.5, pattern: FILTER, seed: 21 });
    for (const post of posts) x.post(post);
    firstStoredAtMs = await eventually("the first stored post", async () => ((await countItems(dynamo.doc, TABLE)) > 0 ? Date.now() : undefined));
    const startedAt = Date.parse((await containerState(service)).StartedAt);
    console.log(`      figure: service container, start to first stored post: ${((firstStoredAtMs - startedAt) / 1000).toFixed(1)} s`);

    const matching = posts.filter((p) => containsPhrase(p.text, FILTER)).map((p) => p.id);
    await eventually("every matching post stored", async () => ((await countItems(dynamo.doc, TABLE)) >= matching.length ? true : undefined));
    const stored = (await scanItems(dynamo.doc, TABLE)).map((item) => String(item.id));
    expect(stored.sort()).to.deep.equal([...matching].sort());
    const logs = await docker(["logs", service]);
    for (const value of Object.values(task.secretValues)) expect(logs.stdout + logs.stderr).not.to.include(value);
  });

  it("only the init container's environment holds the secret values, as ECS injects them: the service's holds their files' paths", async function () {
    const secretNames = (task.init.secrets ?? []).map((s) => s.name);
    expect(secretNames.length).to.be.greaterThan(0);
    const initEnv = await containerEnv(init);
    for (const name of secretNames) expect(initEnv).to.include(`${name}=${injected[name]}`);
    const serviceEnv = await containerEnv(service);
    for (const value of Object.values(task.secretValues)) expect(serviceEnv.filter((e) => e.includes(value))).to.deep.equal([]);
    for (const name of Object.keys(task.secretValues)) expect(serviceEnv).to.include(`${name}_FILE=${task.spec.targetDir}/${name}`);
    expect(task.app.secrets ?? []).to.deep.equal([]);
  });

  it("runs with a read-only root and writes only to the task's /tmp volume, which has the image's mode 1777", async function () {
    const probe = await dockerOk([
      "exec",
      service,
      "node",
      "-e",
      `const fs = require("fs"); let root;
       try { fs.writeFileSync("/app/probe", "x"); root = "written"; } catch (e) { root = e.code; }
       console.log(JSON.stringify({ root, tmpMode: fs.statSync("/tmp").mode & 0o7777, uid: process.getuid() }));`,
    ]);
    const [uid] = task.app.user.split(":");
    expect(JSON.parse(probe)).to.deep.equal({ root: "EROFS", tmpMode: 0o1777, uid: Number(uid) });
  });

  it("its health check command passes while the stream is live", async function () {
    const [kind, ...command] = task.app.healthCheck?.command ?? [];
    expect(kind).to.equal("CMD");
    const result = await docker(["exec", service, ...command]);
    expect(result.stdout).to.match(/^healthy: /);
    expect(result.code).to.equal(0);
  });

  it("its health check command fails once the stream has stalled longer than the reconnect policy allows", async function () {
    const [, ...command] = task.app.healthCheck?.command ?? [];
    x.failNextConnects(...Array<number>(10_000).fill(503));
    x.silence(600_000);
    const failed = await eventually("the health check to fail", async () => {
      const result = await docker(["exec", service, ...command]);
      return result.code !== 0 ? result : undefined;
    });
    expect(failed.code).to.equal(1);
    expect(failed.stdout).to.match(/^unhealthy: last heartbeat \d+ ms ago, over the bound/);
  });

  it("SIGTERM drains it and it exits 0 within the task's stop timeout", async function () {
    const stopTimeout = task.app.stopTimeout ?? 30;
    // `docker stop` sends the image's STOPSIGNAL (SIGTERM), then SIGKILL after the timeout, as ECS does.
    await dockerOk(["stop", "--time", String(stopTimeout), service]);
    const state = await containerState(service);
    expect(state.ExitCode).to.equal(0);
    const events = (await docker(["logs", service])).stdout
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as { event?: string; reason?: string; exitCode?: number });
    expect(events.find((e) => e.event === "stopping")).to.include({ reason: "SIGTERM" });
    expect(events.find((e) => e.event === "stopped")).to.include({ exitCode: 0 });
  });

  it("without ECS's init process, node itself is PID 1, and SIGTERM still drains what it received into the table, exit 0", async function () {
    // A live X double of its own: the first one stalls for good in the test above.
    const live = await startFakeXServer(X_OPTIONS);
    try {
      const name = `${prefix}-service-pid1`;
      containers.push(name);
      const definition = {
        ...task.app,
        linuxParameters: { initProcessEnabled: false },
        environment: task.app.environment.map((e) => (e.name === "X_API_BASE_URL" ? { name: e.name, value: live.url } : e)),
      };
      const flags = [...runFlags(definition, volumes), ...awsSide({ AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint })];
      await dockerOk(["run", "-d", "--name", name, ...flags, SERVICE_IMAGE]);
      const pid1 = await eventually("the service to be up", async () => {
        const cmdline = `require("fs").readFileSync("/proc/1/cmdline", "utf8").split("\\0").join(" ").trim()`;
        const result = await docker(["exec", name, "node", "-p", cmdline]);
        return result.code === 0 ? result.stdout.trim() : undefined;
      });
      expect(pid1).to.equal((await inspectImage(SERVICE_IMAGE)).Config.Cmd?.join(" "));

      // SIGTERM as soon as the double has handed every matching post to the socket: some are still being read or written.
      const posts = generatePosts({ count: 400, matchRatio: 0.5, pattern: FILTER, seed: 22, startMs: Date.parse("2026-06-01T00:00:00Z") });
      const matching = posts.filter((p) => containsPhrase(p.text, FILTER)).map((p) => p.id);
      for (const post of posts) live.post(post);
      await eventually("every matching post sent", async () => (matching.every((id) => live.sentIds().has(id)) ? true : undefined), 180_000, 10);
      await dockerOk(["stop", "--time", String(task.app.stopTimeout ?? 30), name]);
      expect((await containerState(name)).ExitCode).to.equal(0);
      const stored = new Set((await scanItems(dynamo.doc, TABLE)).map((item) => String(item.id)));
      expect(matching.filter((id) => !stored.has(id))).to.deep.equal([]);
    } finally {
      await live.close();
    }
  });

  /**
   * Runs the init container of the task with `definition`, `values` as what ECS injected and `world` as the task
   * role's AWS, into fresh volumes; resolves with its exit code, its logs and the files it left.
   */
  async function failingInit(suffix: string, definition: ContainerDefinition, values: Record<string, string>, world: FakeAws) {
    const failVolumes = await createVolumes(suffix);
    const name = `${prefix}-init-${suffix}`;
    const code = await runInit(name, definition, failVolumes, values, world);
    const logs = await docker(["logs", name]);
    return { code, logs: logs.stdout + logs.stderr, left: await filesIn(failVolumes[task.init.mountPoints[0].sourceVolume]) };
  }

  /** The init container's definition with these files added to its spec (after the task's, in name order). */
  function withFiles(definition: ContainerDefinition, files: SecretFile[]): ContainerDefinition {
    const spec = serializeSpec({ targetDir: task.spec.targetDir, files: [...task.spec.files, ...files] });
    return { ...definition, environment: definition.environment.map((e) => (e.name === SPEC_ENV_VAR ? { name: e.name, value: spec } : e)) };
  }

  it("when ECS cannot read a secret with the execution role, the task does not start (ResourceInitializationError)", async function () {
    // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html: ECS reads the values
    // before it starts the container; no init container runs, so none can write a file.
    const [first] = task.init.secrets ?? [];
    const from = parseValueFrom(first.valueFrom);
    const denied = from.type === "secretsmanager" ? from.arn : from.name;
    const world = await startSecretsWorld(task.init, task.spec, task.secretValues, [denied]);
    try {
      const error = await ecsReadsSecrets(task.init, world.endpoint).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(Error);
      expect((error as Error).message).to.match(/^ResourceInitializationError: unable to pull secrets/);
      expect((error as Error).message)
        .to.include(denied)
        .and.include("AccessDenied");
    } finally {
      await world.close();
    }
  });

  it("when a value ECS should have injected is missing, the init container exits 65 (InjectedValueMissing) and leaves no file", async function () {
    // A spec naming one more injected file than the definition's `secrets` give: a fail-open init would write the others.
    const definition = withFiles(task.init, [{ name: "ZMISSING", source: { type: "environment", variable: "SECRET_VALUE_ZMISSING" } }]);
    const { code, logs, left } = await failingInit("missing", definition, injected, aws);
    expect(code).to.equal(EXIT.unusableValue);
    expect(logs).to.include("InjectedValueMissing");
    expect(left).to.deep.equal([]);
    for (const value of Object.values(task.secretValues)) expect(logs).not.to.include(value);
  });

  it("when its own fetch fails (a Secrets Manager secret the task role may not read), the init container exits 69 and leaves no file", async function () {
    // A secret beside the task's, in the same account and region, that the loopback AWS denies.
    const [first] = task.init.secrets ?? [];
    const from = parseValueFrom(first.valueFrom);
    const arnPrefix = from.type === "secretsmanager" ? from.arn.split(":secret:")[0] : "";
    expect(arnPrefix).to.match(/^arn:aws:secretsmanager:/);
    const denied = `${arnPrefix}:secret:proj/dev/app/denied-XyZ123`;
    const definition = withFiles(task.init, [{ name: "DENIED", source: { type: "secretsmanager", secretId: denied } }]);
    const failing = await startSecretsWorld(task.init, task.spec, task.secretValues, [denied]);
    try {
      const { code, logs, left } = await failingInit("denied", definition, injected, failing);
      expect(code).to.equal(EXIT.fetchFailed);
      expect(logs).to.include("AccessDenied");
      expect(left).to.deep.equal([]);
      expect(failing.calls.map((c) => c.body.SecretId)).to.deep.equal([denied]);
    } finally {
      await failing.close();
    }
  });
});

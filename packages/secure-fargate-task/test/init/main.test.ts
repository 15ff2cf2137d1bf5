import { expect } from "chai";
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { injectedVariable, serializeSpec, type SecretFile } from "../../init/src/spec";
import { runInit, type InitRun } from "./runInit";
import { SECRET_VALUES, startWorld, WORLD, type World } from "./world";

const apiToken: SecretFile = { name: "API_TOKEN", source: { type: "secretsmanager", secretId: WORLD.token.arn } };
const dbPassword: SecretFile = {
  name: "DB_PASSWORD",
  source: { type: "secretsmanager", secretId: WORLD.db.arn, jsonKey: "password" },
};
const keystore: SecretFile = { name: "KEYSTORE", source: { type: "secretsmanager", secretId: WORLD.binary.arn } };
const bearer: SecretFile = { name: "BEARER", source: { type: "ssm", name: WORLD.bearer.name, withDecryption: true } };
const caPem: SecretFile = { name: "CA_PEM", source: { type: "s3", bucket: WORLD.object.bucket, key: WORLD.object.key } };

describe("secrets init program (real process, real AWS SDK, loopback servers)", function () {
  let world: World;
  let targetDir: string;

  before(async function () {
    world = await startWorld();
  });
  after(async function () {
    await world.stop();
  });
  beforeEach(async function () {
    targetDir = await mkdtemp(join(tmpdir(), "secrets-"));
  });
  afterEach(async function () {
    await rm(targetDir, { recursive: true, force: true });
  });

  /** Runs the program on `files`; whatever happens, no secret value may appear in its output. */
  async function init(files: SecretFile[], env: Record<string, string> = {}): Promise<InitRun> {
    const run = await runInit({ ...world.env, SECRET_FILES_SPEC: serializeSpec({ targetDir, files }), ...env });
    for (const value of SECRET_VALUES) {
      expect(run.stdout + run.stderr).not.to.include(value);
    }
    return run;
  }

  async function expectFile(name: string, content: string | Uint8Array): Promise<void> {
    const path = join(targetDir, name);
    expect(await readFile(path)).to.deep.equal(Buffer.from(content));
    const info = await stat(path);
    expect(info.mode & 0o777).to.equal(0o400);
    expect(info.uid).to.equal(process.getuid?.());
  }

  it("writes one 0400 file per secret from every source, owned by the running user, and exits 0", async function () {
    const run = await init([apiToken, dbPassword, keystore, bearer, caPem]);

    expect(run.exitCode).to.equal(0);
    expect(run.stderr).to.equal("");
    expect(await readdir(targetDir)).to.have.members(["API_TOKEN", "BEARER", "CA_PEM", "DB_PASSWORD", "KEYSTORE"]);
    await expectFile("API_TOKEN", WORLD.token.value);
    await expectFile("DB_PASSWORD", WORLD.db.newPassword);
    await expectFile("KEYSTORE", WORLD.binary.value);
    await expectFile("BEARER", WORLD.bearer.value);
    await expectFile("CA_PEM", WORLD.object.value);
    expect(run.lines).to.have.length(1);
    expect(run.lines[0]).to.include({ level: "info", event: "secret_files_written", targetDir });
    expect(run.lines[0]?.files).to.deep.equal(["API_TOKEN", "BEARER", "CA_PEM", "DB_PASSWORD", "KEYSTORE"]);
  });

  it("writes a JSON key's value that is not a string as its JSON text", async function () {
    const port: SecretFile = { name: "DB_PORT", source: { type: "secretsmanager", secretId: WORLD.db.arn, jsonKey: "port" } };
    const run = await init([port]);

    expect(run.exitCode).to.equal(0);
    await expectFile("DB_PORT", "5432");
  });

  it("fetches the pinned version, by id or by stage, not the current one", async function () {
    const byId: SecretFile = {
      name: "BY_ID",
      source: { type: "secretsmanager", secretId: WORLD.db.arn, versionId: WORLD.db.oldVersionId, jsonKey: "password" },
    };
    const byStage: SecretFile = {
      name: "BY_STAGE",
      source: { type: "secretsmanager", secretId: WORLD.db.arn, versionStage: "AWSPREVIOUS", jsonKey: "password" },
    };
    const run = await init([byId, byStage]);

    expect(run.exitCode).to.equal(0);
    await expectFile("BY_ID", WORLD.db.oldPassword);
    await expectFile("BY_STAGE", WORLD.db.oldPassword);
    expect(world.aws.calls.map((call) => call.body)).to.deep.include.members([
      { SecretId: WORLD.db.arn, VersionId: WORLD.db.oldVersionId },
      { SecretId: WORLD.db.arn, VersionStage: "AWSPREVIOUS" },
    ]);
  });

  const failures: Array<{ title: string; file: SecretFile; exitCode: number; errorCode: string }> = [
    {
      title: "a missing secret",
      file: { name: "MISSING", source: { type: "secretsmanager", secretId: WORLD.missing.arn } },
      exitCode: 69,
      errorCode: "ResourceNotFoundException",
    },
    {
      title: "a missing version",
      file: {
        name: "MISSING",
        source: { type: "secretsmanager", secretId: WORLD.db.arn, versionId: "44444444-4444-4444-8444-444444444444" },
      },
      exitCode: 69,
      errorCode: "ResourceNotFoundException",
    },
    {
      title: "a denied call",
      file: { name: "DENIED", source: { type: "secretsmanager", secretId: WORLD.denied.arn } },
      exitCode: 69,
      errorCode: "AccessDeniedException",
    },
    {
      title: "a missing parameter",
      file: { name: "MISSING", source: { type: "ssm", name: "/app/nothing-here", withDecryption: true } },
      exitCode: 69,
      errorCode: "ParameterNotFound",
    },
    {
      title: "a missing S3 object",
      file: { name: "MISSING", source: { type: "s3", bucket: WORLD.object.bucket, key: "certs/none.pem" } },
      exitCode: 69,
      errorCode: "NoSuchKey",
    },
    {
      title: "a missing JSON key",
      file: { name: "MISSING", source: { type: "secretsmanager", secretId: WORLD.db.arn, jsonKey: "token" } },
      exitCode: 65,
      errorCode: "JsonKeyNotFound",
    },
    {
      title: "a JSON key of a secret that is not JSON",
      file: { name: "PLAIN", source: { type: "secretsmanager", secretId: WORLD.notJson.arn, jsonKey: "password" } },
      exitCode: 65,
      errorCode: "SecretStringNotJsonObject",
    },
    {
      title: "a SecureString read without decryption",
      file: { name: "CIPHERTEXT", source: { type: "ssm", name: WORLD.bearer.name } },
      exitCode: 65,
      errorCode: "SecureStringNotDecrypted",
    },
  ];

  for (const { title, file, exitCode, errorCode } of failures) {
    it(`exits ${exitCode} on ${title}, naming it, and leaves no file, not even the secrets fetched fine`, async function () {
      const run = await init([apiToken, caPem, file, bearer]);

      expect(run.exitCode).to.equal(exitCode);
      expect(await readdir(targetDir)).to.deep.equal([]);
      expect(run.lines).to.have.length(1);
      expect(run.lines[0]).to.include({ level: "error", event: "fetch_failed", file: file.name, errorCode, exitCode });
      expect(run.lines[0]?.source).to.deep.equal(file.source);
    });
  }

  it("exits 73 when a file cannot be written and removes the files already written", async function () {
    await mkdir(join(targetDir, "CA_PEM"));
    const run = await init([apiToken, bearer, caPem, dbPassword]);

    expect(run.exitCode).to.equal(73);
    expect(await readdir(targetDir)).to.deep.equal(["CA_PEM"]);
    expect(await readdir(join(targetDir, "CA_PEM"))).to.deep.equal([]);
    expect(run.lines).to.have.length(1);
    expect(run.lines[0]).to.include({ level: "error", event: "write_failed", file: "CA_PEM", errorCode: "EISDIR", exitCode: 73 });
  });

  it("writes a value ECS injected into its environment, calling no AWS API for it, beside an S3 object it fetches", async function () {
    const callsBefore = world.aws.calls.length;
    const injected: SecretFile = { name: "API_TOKEN", source: { type: "environment", variable: injectedVariable("API_TOKEN") } };
    const run = await init([injected, caPem], { [injectedVariable("API_TOKEN")]: WORLD.token.value });

    expect(run.exitCode).to.equal(0);
    await expectFile("API_TOKEN", WORLD.token.value);
    await expectFile("CA_PEM", WORLD.object.value);
    expect(world.aws.calls.length).to.equal(callsBefore);
  });

  it("exits 65 when an injected value is missing, naming the file, and writes nothing", async function () {
    const injected: SecretFile = { name: "API_TOKEN", source: { type: "environment", variable: injectedVariable("API_TOKEN") } };
    const run = await init([injected, bearer]);

    expect(run.exitCode).to.equal(65);
    expect(run.lines[0]).to.include({ level: "error", event: "fetch_failed", file: "API_TOKEN", errorCode: "InjectedValueMissing", exitCode: 65 });
    expect(await readdir(targetDir)).to.deep.equal([]);
  });

  it("exits 64 with a one-line message when the spec is invalid, and calls nothing", async function () {
    const callsBefore = world.aws.calls.length;
    const spec = JSON.stringify({ targetDir, files: [{ name: "1BAD", source: { type: "ssm", name: "/x" } }] });
    const run = await runInit({ ...world.env, SECRET_FILES_SPEC: spec });

    expect(run.exitCode).to.equal(64);
    expect(run.lines).to.have.length(1);
    expect(run.lines[0]).to.include({
      level: "error",
      event: "invalid_config",
      message:
        "invalid secret files spec: `files[0].name` must be an environment variable name (letters, digits and `_`, " +
        'not starting with a digit, at most 128 characters), got "1BAD"',
      exitCode: 64,
    });
    expect(world.aws.calls.length).to.equal(callsBefore);
  });

  it("exits 64 when SECRET_FILES_SPEC or AWS_REGION is missing", async function () {
    const withoutSpec = await runInit(world.env);
    const spec = serializeSpec({ targetDir, files: [apiToken] });
    const withoutRegion = await runInit({ ...world.env, AWS_REGION: "", SECRET_FILES_SPEC: spec });

    expect(withoutSpec.exitCode).to.equal(64);
    expect(withoutSpec.lines[0]?.message).to.equal("invalid secret files spec: SECRET_FILES_SPEC is not set");
    expect(withoutRegion.exitCode).to.equal(64);
    expect(withoutRegion.lines[0]?.message).to.equal("AWS_REGION is not set");
    expect(await readdir(targetDir)).to.deep.equal([]);
  });
});

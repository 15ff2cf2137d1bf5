/**
 * The two images as built, checked against what the task definition expects of them: the user, the command ECS runs
 * (the container definitions set none, so the image's own), the declared VOLUMEs, a health check that needs no shell;
 * what they must not hold: development files, npm, a secret in any layer or in the build history. Prints their sizes.
 */
import { expect } from "chai";
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { ContainerDefinition } from "../../packages/secure-fargate-task/src/ecs/containerDefinition";
import { docker, dockerOk, inspectImage, INIT_IMAGE, megabytes, SERVICE_IMAGE, type ImageConfig } from "./docker";
import { FILTER, serviceTask, TABLE, type Task } from "./task";

const run = promisify(execFile);

/**
 * What no file may hold: a private key, an AWS access key id (long-term AKIA, temporary ASIA; not AWS's documentation
 * placeholders such as AKIAIOSFODNN7EXAMPLE, which the SDK's type comments quote:
 * as the AWS CLI guide does: https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html), an npm token.
 */
const SECRET_PATTERNS: readonly RegExp[] = [
  /-----BEGIN ((RSA|EC|DSA|OPENSSH|ENCRYPTED) )?PRIVATE KEY-----/,
  /\b(AKIA|ASIA)(?![0-9A-Z]{9}EXAMPLE)[0-9A-Z]{16}\b/,
  /_authToken\s*=/,
];
/** What the build history and the image's environment may not hold either: a credential given a value. */
const SETTING_PATTERNS: readonly RegExp[] = [...SECRET_PATTERNS, /\b[A-Z_]*(TOKEN|PASSWORD|SECRET_?KEY|ACCESS_?KEY)[A-Z_]*=\S/];
/** File names that hold credentials. */
const SECRET_FILES = /(^|\/)(\.npmrc|\.env|id_rsa|id_ed25519|credentials|\.git-credentials)$/;

/** One image under test, with its package.json and the container definition that runs it. */
interface Subject {
  readonly image: string;
  readonly packageJson: string;
  readonly definition: (task: Task) => ContainerDefinition;
}

const SUBJECTS: readonly Subject[] = [
  { image: SERVICE_IMAGE, packageJson: "service/package.json", definition: (task) => task.app },
  { image: INIT_IMAGE, packageJson: "packages/secure-fargate-task/init/package.json", definition: (task) => task.init },
];

interface PackageJson {
  readonly main?: string;
  readonly scripts?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
}

/** Every path of the image's file system as a container sees it (`docker export` of a container never started). */
async function fileList(image: string): Promise<string[]> {
  const id = (await dockerOk(["create", image])).trim();
  try {
    const { stdout } = await run("bash", ["-c", `docker export ${id} | tar -t`], { maxBuffer: 256 * 1024 * 1024 });
    return stdout
      .split("\n")
      .filter((p) => p !== "")
      .map((p) => p.replace(/\/$/, ""));
  } finally {
    await docker(["rm", "-f", "-v", id]);
  }
}

/** Each layer the image adds to its base, extracted into a folder: calls `visit` with every regular file's path. */
async function addedLayers(config: ImageConfig, base: ImageConfig, image: string, visit: (file: string, content: Buffer) => void): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), "image-layers-"));
  try {
    await run("bash", ["-c", `docker save ${image} | tar -x -C ${dir}`]);
    const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as Array<{ Layers: string[] }>;
    const layers = manifest[0].Layers;
    expect(layers).to.have.length(config.RootFS.Layers.length);
    expect(config.RootFS.Layers.slice(0, base.RootFS.Layers.length)).to.deep.equal(base.RootFS.Layers);
    const added = layers.slice(base.RootFS.Layers.length);
    for (const [i, layer] of added.entries()) {
      const into = join(dir, `added-${i}`);
      await run("mkdir", ["-p", into]);
      await run("tar", ["-x", "--no-same-owner", "-f", join(dir, layer), "-C", into]);
      for (const entry of await readdir(into, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile()) continue;
        const path = join(entry.parentPath, entry.name);
        visit(path.slice(into.length), await readFile(path));
      }
    }
    return added.length;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe("the images as built (images/run.sh)", function () {
  this.timeout(600_000);
  let task: Task;
  let base: ImageConfig;

  before(async function () {
    task = await serviceTask({ DYNAMODBTABLE: TABLE, AWSREGION: "us-east-1", FILTER });
    base = await inspectImage(process.env.BASE_IMAGE ?? "twitterstream-node-standin:22-bookworm-slim");
  });

  for (const subject of SUBJECTS) {
    describe(subject.image, function () {
      let config: ImageConfig;
      let pkg: PackageJson;

      before(async function () {
        config = await inspectImage(subject.image);
        pkg = JSON.parse(await readFile(subject.packageJson, "utf8")) as PackageJson;
        const added = megabytes(config.Size - base.Size);
        console.log(`      figure: ${subject.image} image size: ${megabytes(config.Size)}, of which ${added} on top of the base`);
      });

      it("runs as a numeric non-root user, the task definition's", function () {
        expect(config.Config.User).to.match(/^\d+:\d+$/);
        expect(config.Config.User.split(":")[0]).to.not.equal("0");
        expect(config.Config.User).to.equal(subject.definition(task).user);
      });

      it("declares as VOLUMEs the paths the container definition mounts writable (ECS copies their content and mode in)", function () {
        const writable = subject
          .definition(task)
          .mountPoints.filter((m) => !m.readOnly)
          .map((m) => m.containerPath);
        expect(Object.keys(config.Config.Volumes ?? {}).sort()).to.deep.equal(writable.sort());
      });

      it("holds no development file: sources, tests, TypeScript, dev dependencies, npm", async function () {
        const files = await fileList(subject.image);
        const app = files.filter((p) => p.startsWith(`${config.Config.WorkingDir.slice(1)}/`));
        expect(app.length).to.be.greaterThan(0);
        expect(app.filter((p) => /\.[mc]?ts$/.test(p) && !/\.d\.[mc]?ts$/.test(p))).to.deep.equal([]);
        expect(app.filter((p) => /^app\/(src|test|tests|scripts)(\/|$)|^app\/tsconfig[^/]*\.json$/.test(p))).to.deep.equal([]);
        const devDependencies = Object.keys(pkg.devDependencies ?? {});
        expect(devDependencies.length).to.be.greaterThan(0);
        for (const dependency of devDependencies) expect(files).to.not.include(`app/node_modules/${dependency}`);
        for (const tool of ["tsx", "typescript", "ts-node"]) expect(files).to.not.include(`app/node_modules/${tool}`);
        const npm = ["usr/local/lib/node_modules/npm", "usr/local/bin/npm", "usr/local/bin/npx", "usr/local/bin/corepack"];
        expect(files.filter((p) => npm.includes(p))).to.deep.equal([]);
      });

      it("holds no secret in any layer it adds, nor in its build history or configuration", async function () {
        const found: string[] = [];
        const added = await addedLayers(config, base, subject.image, (file, content) => {
          if (SECRET_FILES.test(file)) found.push(`${file}: a credentials file`);
          const text = content.toString("latin1");
          for (const pattern of SECRET_PATTERNS) if (pattern.test(text)) found.push(`${file}: ${String(pattern)}`);
          for (const value of Object.values(task.secretValues)) if (text.includes(value)) found.push(`${file}: a task secret`);
        });
        expect(added).to.be.greaterThan(0);
        const history = await dockerOk(["history", "--no-trunc", "--format", "{{.CreatedBy}}", subject.image]);
        const settings = [...(config.Config.Env ?? []), history];
        for (const text of settings) for (const pattern of SETTING_PATTERNS) if (pattern.test(text)) found.push(`config: ${String(pattern)}`);
        expect(found).to.deep.equal([]);
      });
    });
  }

  it("the service's command is its package's start script, which ECS runs (the container definition sets none)", async function () {
    expect(task.app.command).to.equal(undefined);
    const pkg = JSON.parse(await readFile("service/package.json", "utf8")) as PackageJson;
    const config = await inspectImage(SERVICE_IMAGE);
    expect(config.Config.Cmd).to.deep.equal(pkg.scripts?.start?.split(" "));
    // Inherited from the base: the official image's docker-entrypoint.sh, which execs the command.
    expect(config.Config.Entrypoint).to.deep.equal(base.Config.Entrypoint);
  });

  it("the init image's entrypoint is node on its package's main file, with no command (the container definition sets none)", async function () {
    expect(task.init.command).to.equal(undefined);
    const pkg = JSON.parse(await readFile("packages/secure-fargate-task/init/package.json", "utf8")) as PackageJson;
    const config = await inspectImage(INIT_IMAGE);
    expect(config.Config.Entrypoint).to.deep.equal(["node", `${config.Config.WorkingDir}/${pkg.main}`]);
    expect(config.Config.Cmd).to.equal(null);
  });

  it("the service's health check command runs with no shell in the image (CMD form; /bin and /usr/bin hidden)", async function () {
    const [kind, executable, ...args] = task.app.healthCheck?.command ?? [];
    expect(kind).to.equal("CMD");
    const noShell = ["--rm", "--read-only", "--user", task.app.user, "--tmpfs", "/usr/bin", "--entrypoint", executable, SERVICE_IMAGE];
    const shells = await dockerOk([
      "run",
      ...noShell,
      "-p",
      `JSON.stringify(["/bin/sh", "/bin/bash", "/usr/bin/sh"].filter((p) => require("fs").existsSync(p)))`,
    ]);
    expect(JSON.parse(shells.trim())).to.deep.equal([]);
    // No heartbeat yet: the command runs and answers unhealthy, which only node itself can print.
    const result = await docker(["run", ...noShell, ...args]);
    expect(result.stdout).to.match(/^unhealthy: no heartbeat file/);
    expect(result.code).to.equal(1);
  });
});

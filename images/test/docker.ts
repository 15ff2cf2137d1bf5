/**
 * The Docker CLI for the image tests, and the `docker run` flags that play an ECS container definition: what ECS sets
 * for a container on Fargate, translated to the engine's own flags.
 */
import { execFile } from "node:child_process";
import type { ContainerDefinition } from "../../packages/secure-fargate-task/src/ecs/containerDefinition";

/** The images under test, as images/run.sh tags them. */
export const SERVICE_IMAGE = process.env.SERVICE_IMAGE ?? "twitterstream-service:ci";
export const INIT_IMAGE = process.env.INIT_IMAGE ?? "secure-fargate-task-init:ci";

/** What one docker command produced. */
export interface DockerResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `docker <args>` and resolves with its exit code and output, whatever the code. */
export function docker(args: readonly string[]): Promise<DockerResult> {
  return new Promise((resolve, reject) => {
    execFile("docker", args, { maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== "number") {
        reject(new Error(`docker ${args[0]} could not run: ${error.message}`));
        return;
      }
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

/** Runs `docker <args>` and resolves with its stdout; rejects, with its stderr, when it exits non-zero. */
export async function dockerOk(args: readonly string[]): Promise<string> {
  const result = await docker(args);
  if (result.code !== 0) throw new Error(`docker ${args.join(" ")} exited ${result.code}: ${result.stderr.trim()}`);
  return result.stdout;
}

/** `docker image inspect`'s fields the tests read. */
export interface ImageConfig {
  readonly Size: number;
  readonly Config: {
    readonly User: string;
    readonly Entrypoint: string[] | null;
    readonly Cmd: string[] | null;
    readonly Env: string[] | null;
    readonly Volumes: Record<string, unknown> | null;
    readonly WorkingDir: string;
  };
  readonly RootFS: { readonly Layers: string[] };
}

export async function inspectImage(image: string): Promise<ImageConfig> {
  return (JSON.parse(await dockerOk(["image", "inspect", image])) as ImageConfig[])[0];
}

/**
 * The `docker run` flags for a container definition, as ECS would run it on Fargate:
 * - `user`, `readonlyRootFilesystem` (`--read-only`), `privileged`, `linuxParameters.initProcessEnabled` (`--init`:
 *   an init process as PID 1), `stopTimeout` (seconds between SIGTERM and SIGKILL), `memory` (the hard limit, MiB);
 * - `environment`, one `-e` each, then `secrets`, one `-e` each with the value ECS read for it before starting the
 *   container (`injected`, by variable name: ecsSecrets.ts): ECS sets them in this container's environment alone
 *   (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html);
 * - each mount point, from the named Docker volume that plays the task volume (`volumes` maps task volume names to
 *   Docker volume names): a task volume without a host path is, like a Docker named volume, empty storage that the
 *   image's content at a path declared as a VOLUME is copied into
 *   (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/bind-mounts.html);
 * - the host network, where the loopback doubles listen (awsvpc gives the task its own network namespace).
 * Not played: cpu shares, logging (the tests read `docker logs`), health checks (the tests run the command with
 * `docker exec`, as the agent does), dependsOn (the tests start containers in that order).
 */
export function runFlags(
  definition: ContainerDefinition,
  volumes: Readonly<Record<string, string>>,
  injected: Readonly<Record<string, string>> = {},
): string[] {
  const flags = ["--network", "host", "--user", definition.user, "--memory", `${definition.memory}m`];
  if (definition.readonlyRootFilesystem) flags.push("--read-only");
  if (definition.privileged) flags.push("--privileged");
  if (definition.linuxParameters?.initProcessEnabled) flags.push("--init");
  if (definition.stopTimeout !== undefined) flags.push("--stop-timeout", String(definition.stopTimeout));
  for (const { name, value } of definition.environment) flags.push("-e", `${name}=${value}`);
  for (const { name } of definition.secrets ?? []) {
    const value = injected[name];
    if (value === undefined) throw new Error(`no value read for the secret ${name}: ECS would not start the container`);
    flags.push("-e", `${name}=${value}`);
  }
  for (const mount of definition.mountPoints) {
    const volume = volumes[mount.sourceVolume];
    if (volume === undefined) throw new Error(`no Docker volume plays the task volume ${mount.sourceVolume}`);
    flags.push("--mount", `type=volume,source=${volume},target=${mount.containerPath}${mount.readOnly ? ",readonly" : ""}`);
  }
  return flags;
}

/** A container's state, as `docker inspect` gives it. */
export interface ContainerState {
  readonly Status: string;
  readonly ExitCode: number;
  readonly StartedAt: string;
  readonly FinishedAt: string;
}

export async function containerState(container: string): Promise<ContainerState> {
  return (JSON.parse(await dockerOk(["container", "inspect", container])) as Array<{ State: ContainerState }>)[0].State;
}

/** Bytes as MB (10^6), one decimal, as `docker images` shows sizes. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

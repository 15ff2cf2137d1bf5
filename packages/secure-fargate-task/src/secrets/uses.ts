import * as pulumi from "@pulumi/pulumi";
import type { RegistryCredentialsArgs } from "../image/args";
import type { SecretDelivery, SecretLayout } from "../args";
import type { ChildContext } from "../context";
import { resolveSecrets } from "./resolveSecrets";
import { storeRegistryCredentials } from "./secrets";
import type { ResolvedSecret, SecretReader } from "./source";
import { deliveredAsFile, injectable, type SecretSpec } from "./registry";
import { lookupSecret, secretsManagerArns } from "./sources/secretsManager";

/** The secret settings the component resolves, after validation. */
export interface SecretSettings {
  /** The app's secrets, sorted by name. */
  secrets: readonly SecretSpec[];
  secretLayout: SecretLayout;
  secretDelivery: SecretDelivery;
  /** The log driver's secret options, sorted by name. */
  logOptions: readonly SecretSpec[];
  /** Each sidecar's name and secrets, in order. */
  sidecars: ReadonlyArray<{ name: string; secrets: readonly SecretSpec[] }>;
  /** Credentials of a private registry of a prebuilt image. */
  repositoryCredentials: RegistryCredentialsArgs | undefined;
}

/** Where a secret goes: the app (an environment variable, or a file), a sidecar's variable, a log option, the pull. */
export type SecretTarget = { to: "app"; file: boolean } | { to: "sidecar"; index: number } | { to: "logOption" } | { to: "repositoryCredentials" };

/** One secret and its use: the record the roles are granted from and the task definition is built from. */
export interface SecretUse {
  secret: ResolvedSecret;
  target: SecretTarget;
  /** Who reads it: ECS's agent (execution role) or the init container (task role). */
  reader: SecretReader;
}

/**
 * Resolves every secret of the task once (each group's values in secrets of their own, named by its stem: the app's
 * and a sidecar's keys may share a name, and rotate apart) into the records the roles and the task definition share.
 */
export function resolveSecretUses(ctx: ChildContext, settings: SecretSettings, kmsKeyArn: pulumi.Output<string>): pulumi.Output<SecretUse[]> {
  const store = (stem: { single: string; each: string; field: string }) => ({ layout: settings.secretLayout, stem, kmsKeyArn });
  const files = new Set(settings.secrets.filter((s) => deliveredAsFile(s, settings.secretDelivery)).map((s) => s.name));
  const app = resolveSecrets(ctx, settings.secrets, store({ single: "secrets", each: "secret", field: "secrets" })).apply((list) =>
    list.map((secret): SecretUse => {
      // A file's value ECS can inject goes to the init container's environment, read by the agent; only the rest
      // (S3 objects) does the init container read itself.
      const file = files.has(secret.name);
      return { secret, target: { to: "app", file }, reader: file && !injectable(secret) ? "init" : "agent" };
    }),
  );
  const log = resolveSecrets(ctx, settings.logOptions, store({ single: "log-secrets", each: "log-secret", field: "logging.secretOptions" })).apply(
    (list) => list.map((secret): SecretUse => ({ secret, target: { to: "logOption" }, reader: "agent" })),
  );
  const sidecars = settings.sidecars.map((sc, index) =>
    resolveSecrets(
      ctx,
      sc.secrets,
      store({ single: `sidecar-${sc.name}-secrets`, each: `sidecar-${sc.name}-secret`, field: `sidecars[${index}].secrets` }),
    ).apply((list) => list.map((secret): SecretUse => ({ secret, target: { to: "sidecar", index }, reader: "agent" }))),
  );
  const credentials = registryCredentials(ctx, settings.repositoryCredentials, kmsKeyArn).apply((secret): SecretUse[] =>
    secret ? [{ secret, target: { to: "repositoryCredentials" }, reader: "agent" }] : [],
  );
  return pulumi.all([app, log, credentials, ...sidecars]).apply((lists) => lists.flat());
}

/** Private registry credentials: stored by the component, or an existing secret looked up by ARN or name. */
function registryCredentials(
  ctx: ChildContext,
  credentials: RegistryCredentialsArgs | undefined,
  kmsKeyArn: pulumi.Output<string>,
): pulumi.Output<ResolvedSecret | undefined> {
  if (credentials === undefined) return pulumi.output(undefined);
  if (credentials.secretsManager !== undefined) {
    // ECS reads repositoryCredentials by ARN only: the grant and the task definition use just the secret's ARN.
    return lookupSecret(ctx, { name: "repositoryCredentials", ref: credentials.secretsManager, kmsKeyArn: credentials.kmsKeyArn });
  }
  // Validation made sure both are there.
  return storeRegistryCredentials(ctx, { username: credentials.username!, password: credentials.password! }, kmsKeyArn);
}

/** The secrets one reader reads, in the records' order. */
export function readBy(uses: readonly SecretUse[], reader: SecretReader): ResolvedSecret[] {
  return uses.filter((u) => u.reader === reader).map((u) => u.secret);
}

/** The task definition's view of the records: per container and role, each in name order. */
export interface ContainerSecrets {
  /** The app's secrets ECS injects as environment variables. */
  environmentSecrets: ResolvedSecret[];
  /** The app's secrets the init container writes to files. */
  fileSecrets: ResolvedSecret[];
  logSecrets: ResolvedSecret[];
  registryCredentials: ResolvedSecret | undefined;
  /** Each sidecar's, by index. */
  sidecarSecrets: ResolvedSecret[][];
}

/** Splits the records by where each goes. */
export function containerSecrets(uses: readonly SecretUse[], sidecarCount: number): ContainerSecrets {
  const where = (test: (t: SecretTarget) => boolean) => uses.filter((u) => test(u.target)).map((u) => u.secret);
  return {
    environmentSecrets: where((t) => t.to === "app" && !t.file),
    fileSecrets: where((t) => t.to === "app" && t.file),
    logSecrets: where((t) => t.to === "logOption"),
    registryCredentials: where((t) => t.to === "repositoryCredentials")[0],
    sidecarSecrets: Array.from({ length: sidecarCount }, (_, i) => where((t) => t.to === "sidecar" && t.index === i)),
  };
}

/** The ARNs of the Secrets Manager secrets the task reads, and of those whose rotation the service follows. */
export function secretArns(uses: readonly SecretUse[], followedOnly = false): string[] {
  return secretsManagerArns(uses.map((u) => u.secret).filter((s) => !followedOnly || s.followRotation));
}

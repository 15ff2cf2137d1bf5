import { GetObjectCommand } from "@aws-sdk/client-s3";
import { GetSecretValueCommand } from "@aws-sdk/client-secrets-manager";
import { GetParameterCommand } from "@aws-sdk/client-ssm";
import type { Clients } from "./clients";
import { EXIT } from "./exitCodes";
import { unusable, type Fetched } from "./fetched";
import { extractJsonKey } from "./jsonKey";
import { errorFacts } from "./log";
import type { SecretFileSource } from "./spec";

/**
 * Fetches one source at its pinned version, or reads the value ECS injected into `env`. Never throws: every failure
 * becomes a {@link Fetched} with `ok: false`.
 */
export async function fetchSource(clients: Clients, source: SecretFileSource, env: NodeJS.ProcessEnv): Promise<Fetched> {
  try {
    switch (source.type) {
      case "environment":
        return fromEnvironment(env, source);
      case "secretsmanager":
        return await fromSecretsManager(clients, source);
      case "ssm":
        return await fromSsm(clients, source);
      case "s3":
        return await fromS3(clients, source);
    }
  } catch (error) {
    return { ok: false, exitCode: EXIT.fetchFailed, facts: errorFacts(error) };
  }
}

/** A value ECS injected when the task started; ECS refuses to start the container when it cannot read one. */
function fromEnvironment(env: NodeJS.ProcessEnv, source: Source<"environment">): Fetched {
  const value = env[source.variable];
  return value === undefined || value === "" ? unusable("InjectedValueMissing") : { ok: true, bytes: Buffer.from(value, "utf8") };
}

type Source<T extends SecretFileSource["type"]> = Extract<SecretFileSource, { type: T }>;

async function fromSecretsManager(clients: Clients, source: Source<"secretsmanager">): Promise<Fetched> {
  const secret = await clients.secretsManager().send(
    new GetSecretValueCommand({
      SecretId: source.secretId,
      VersionId: source.versionId,
      VersionStage: source.versionStage,
    }),
  );
  if (source.jsonKey !== undefined) {
    return secret.SecretString === undefined ? unusable("JsonKeyNeedsSecretString") : extractJsonKey(secret.SecretString, source.jsonKey);
  }
  if (secret.SecretString !== undefined) {
    return { ok: true, bytes: Buffer.from(secret.SecretString, "utf8") };
  }
  return secret.SecretBinary === undefined ? unusable("EmptySecretValue") : { ok: true, bytes: secret.SecretBinary };
}

async function fromSsm(clients: Clients, source: Source<"ssm">): Promise<Fetched> {
  const withDecryption = source.withDecryption === true;
  const { Parameter } = await clients.ssm().send(new GetParameterCommand({ Name: source.name, WithDecryption: withDecryption }));
  if (Parameter?.Type === "SecureString" && !withDecryption) {
    return unusable("SecureStringNotDecrypted");
  }
  return Parameter?.Value === undefined ? unusable("EmptySecretValue") : { ok: true, bytes: Buffer.from(Parameter.Value, "utf8") };
}

async function fromS3(clients: Clients, source: Source<"s3">): Promise<Fetched> {
  const object = await clients.s3().send(new GetObjectCommand({ Bucket: source.bucket, Key: source.key, VersionId: source.versionId }));
  return object.Body === undefined ? unusable("EmptySecretValue") : { ok: true, bytes: await object.Body.transformToByteArray() };
}

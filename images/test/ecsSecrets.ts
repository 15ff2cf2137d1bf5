/**
 * What ECS does with a container definition's `secrets` before the container starts: it reads each `valueFrom` from
 * Secrets Manager or Parameter Store with the task's execution role and sets the value as the entry's environment
 * variable in that container alone; when it cannot read one, the task does not start
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html). The tests read the
 * loopback double of secretsWorld.ts, whose `deny` list plays what the execution role may not read.
 */
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { GetParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import type { ContainerDefinition } from "../../packages/secure-fargate-task/src/ecs/containerDefinition";

/** One `valueFrom`, as ECS reads it. */
export type ValueFrom =
  | {
      readonly type: "secretsmanager";
      readonly arn: string;
      readonly jsonKey?: string;
      readonly versionStage?: string;
      readonly versionId?: string;
    }
  | { readonly type: "ssm"; readonly name: string };

/** The seven fields of a secret ARN: `arn:<partition>:secretsmanager:<region>:<account>:secret:<name>-<6 chars>`. */
const SECRET_ARN_FIELDS = 7;

/**
 * Parses a `valueFrom`: a Secrets Manager ARN, optionally followed by `:<json-key>:<version-stage>:<version-id>` (each
 * may be empty) (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html); else
 * a Parameter Store parameter, by ARN or by name
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-ssm-paramstore.html).
 */
export function parseValueFrom(valueFrom: string): ValueFrom {
  const fields = valueFrom.split(":");
  if (fields[2] !== "secretsmanager") return { type: "ssm", name: valueFrom };
  const [jsonKey, versionStage, versionId] = fields.slice(SECRET_ARN_FIELDS);
  return {
    type: "secretsmanager",
    arn: fields.slice(0, SECRET_ARN_FIELDS).join(":"),
    ...(jsonKey ? { jsonKey } : {}),
    ...(versionStage ? { versionStage } : {}),
    ...(versionId ? { versionId } : {}),
  };
}

/** The execution role's credentials in the tests: the double requires a signature, not a particular key. */
const EXECUTION_ROLE = { accessKeyId: "execution-role", secretAccessKey: "local" };

/**
 * Reads every entry of `definition.secrets` from the double at `endpoint`, as ECS does with the execution role, and
 * resolves with the values by variable name: what ECS sets in that container's environment.
 * @throws the stopped reason ECS gives (ResourceInitializationError) when a value cannot be read: the task does not start.
 */
export async function ecsReadsSecrets(definition: ContainerDefinition, endpoint: string): Promise<Record<string, string>> {
  const common = { region: "us-east-1", endpoint, credentials: EXECUTION_ROLE, maxAttempts: 1 };
  const secretsManager = new SecretsManagerClient(common);
  const ssm = new SSMClient(common);
  try {
    const values: Record<string, string> = {};
    for (const { name, valueFrom } of definition.secrets ?? []) {
      const source = parseValueFrom(valueFrom);
      try {
        values[name] = source.type === "secretsmanager" ? await readSecret(secretsManager, source) : await readParameter(ssm, source.name);
      } catch (error) {
        const service = source.type === "secretsmanager" ? "asm" : "ssm";
        throw new Error(
          `ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: ` +
            `unable to retrieve secret from ${service}: ${valueFrom}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
        );
      }
    }
    return values;
  } finally {
    secretsManager.destroy();
    ssm.destroy();
  }
}

async function readSecret(client: SecretsManagerClient, source: Extract<ValueFrom, { type: "secretsmanager" }>): Promise<string> {
  const secret = await client.send(
    new GetSecretValueCommand({ SecretId: source.arn, VersionId: source.versionId, VersionStage: source.versionStage }),
  );
  // ECS injects only a SecretString; with a JSON key, that key's value.
  if (secret.SecretString === undefined) throw new Error(`${source.arn} has no SecretString`);
  if (source.jsonKey === undefined) return secret.SecretString;
  const value = (JSON.parse(secret.SecretString) as Record<string, unknown>)[source.jsonKey];
  if (typeof value !== "string") throw new Error(`${source.arn} has no string field ${source.jsonKey}`);
  return value;
}

async function readParameter(client: SSMClient, name: string): Promise<string> {
  // ECS decrypts a SecureString parameter (with the execution role's kms:Decrypt).
  const { Parameter } = await client.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
  if (Parameter?.Value === undefined) throw new Error(`${name} has no value`);
  return Parameter.Value;
}

/**
 * The loopback Secrets Manager and Parameter Store of the image tests: the component tests' double
 * (test-kit's fakeAwsServer), holding what the component stored for each secret the init container's definition names:
 * the `valueFrom` of each of its `secrets`, which ECS reads before it starts the container (ecsSecrets.ts), and any
 * Secrets Manager source of its spec, which the init program reads itself.
 */
import { randomUUID } from "node:crypto";
import type { ContainerDefinition } from "../../packages/secure-fargate-task/src/ecs/containerDefinition";
import type { SecretFilesSpec } from "../../packages/secure-fargate-task/init/src/spec";
import { startFakeAws, type FakeAws, type FakeParameter, type FakeSecret } from "@twitterstream/test-kit/fakeAwsServer";
import { parseValueFrom } from "./ecsSecrets";

/** One secret's fields at one version: a JSON SecretString, as the component's managed secret holds them. */
interface StoredSecret {
  readonly versionId: string;
  readonly fields: Record<string, string>;
}

/**
 * Starts the double with the value of each file of `spec` (from `values`, by file name): where ECS injects it, at the
 * `valueFrom` of the init container's `secrets` entry the file's `environment` source names; where the init program
 * reads Secrets Manager itself, at the source's ARN. `deny` ARNs (or names) answer AccessDenied.
 */
export async function startSecretsWorld(
  init: ContainerDefinition,
  spec: SecretFilesSpec,
  values: Readonly<Record<string, string>>,
  deny: string[] = [],
): Promise<FakeAws> {
  const secrets = new Map<string, StoredSecret>();
  const parameters: FakeParameter[] = [];
  const store = (arn: string, versionId: string | undefined, field: string, value: string): void => {
    const entry = secrets.get(arn) ?? { versionId: versionId ?? randomUUID(), fields: {} };
    entry.fields[field] = value;
    secrets.set(arn, entry);
  };
  for (const file of spec.files) {
    const value = values[file.name];
    if (value === undefined) throw new Error(`no value for ${file.name}`);
    const { source } = file;
    if (source.type === "secretsmanager") {
      store(source.secretId, source.versionId, source.jsonKey ?? file.name, value);
      continue;
    }
    if (source.type !== "environment") throw new Error(`only Secrets Manager and injected sources are played here: ${file.name}`);
    const injected = (init.secrets ?? []).find((s) => s.name === source.variable);
    if (injected === undefined) throw new Error(`the init container's secrets have no ${source.variable} for ${file.name}`);
    const from = parseValueFrom(injected.valueFrom);
    if (from.type === "secretsmanager") store(from.arn, from.versionId, from.jsonKey ?? file.name, value);
    else parameters.push({ name: from.name, arn: from.name, type: "SecureString", value, version: 1 });
  }
  const fakeSecrets: FakeSecret[] = [...secrets].map(([arn, { versionId, fields }]) => ({
    arn,
    name: arn.split(":secret:")[1] ?? arn,
    versions: [{ versionId, stages: ["AWSCURRENT"], secretString: JSON.stringify(fields), createdDate: new Date("2026-01-01T00:00:00Z") }],
  }));
  return startFakeAws({ secrets: fakeSecrets, parameters, deny });
}

/**
 * The loopback Secrets Manager the init image reads in the tests: the component tests' double (test/init/fakeAws.ts),
 * holding what the component stored for each secret the init container's spec names, at the version it pins.
 */
import { randomUUID } from "node:crypto";
import type { SecretFilesSpec } from "../../packages/secure-fargate-task/init/src/spec";
import { startFakeAws, type FakeAws, type FakeSecret } from "@twitterstream/test-kit/fakeAwsServer";

/**
 * Starts the double with one secret per ARN in `spec`: a JSON SecretString of each file's `jsonKey` and its value
 * (from `values`, by file name), as the component's managed secret holds them; `deny` ARNs answer AccessDenied.
 */
export async function startSecretsWorld(spec: SecretFilesSpec, values: Readonly<Record<string, string>>, deny: string[] = []): Promise<FakeAws> {
  const secrets = new Map<string, { versionId: string; fields: Record<string, string> }>();
  for (const file of spec.files) {
    if (file.source.type !== "secretsmanager") throw new Error(`only Secrets Manager sources are played here: ${file.name}`);
    const value = values[file.name];
    if (value === undefined) throw new Error(`no value for ${file.name}`);
    const entry = secrets.get(file.source.secretId) ?? { versionId: file.source.versionId ?? randomUUID(), fields: {} };
    entry.fields[file.source.jsonKey ?? file.name] = value;
    secrets.set(file.source.secretId, entry);
  }
  const fakeSecrets: FakeSecret[] = [...secrets].map(([arn, { versionId, fields }]) => ({
    arn,
    name: arn.split(":secret:")[1] ?? arn,
    versions: [{ versionId, stages: ["AWSCURRENT"], secretString: JSON.stringify(fields), createdDate: new Date("2026-01-01T00:00:00Z") }],
  }));
  return startFakeAws({ secrets: fakeSecrets, parameters: [], deny });
}

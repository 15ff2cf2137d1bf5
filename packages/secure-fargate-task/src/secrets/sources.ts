import * as pulumi from "@pulumi/pulumi";
import type { SecretFileSource } from "../../init/src/spec";
import type { SecretRefArgs } from "../args";
import { secretValueFrom } from "../ecs/containerDefinition";
import type { AwsScope } from "../iam/policies";

/** A secret source after validation: what kind it is and what it needs. */
export type SecretSpec =
  | { name: string; kind: "value"; value: pulumi.Output<string> }
  | {
      name: string;
      kind: "secretsManager";
      ref: pulumi.Input<string>;
      jsonKey: string | undefined;
      versionId: pulumi.Input<string> | undefined;
      versionStage: string | undefined;
      kmsKeyArn: pulumi.Input<string> | undefined;
      followRotation: boolean;
    }
  | { name: string; kind: "ssm"; ref: pulumi.Input<string>; kmsKeyArn: pulumi.Input<string> | undefined }
  | { name: string; kind: "s3"; content: pulumi.Output<string> };

/**
 * One secret, fully resolved: where it is (exact ARN, version), the KMS key a reader must decrypt with (none for an
 * AWS managed key), and whether the service follows its rotation. The same record feeds the ECS `valueFrom`, the
 * init container's spec and the grants, so that what is read and what is granted cannot drift apart.
 */
export interface ResolvedSecret {
  name: string;
  source: SecretFileSource;
  kmsKeyArn: string | undefined;
  followRotation: boolean;
}

/** The ARNs of the Secrets Manager secrets among these, deduplicated and sorted. */
export function secretsManagerArns(secrets: readonly ResolvedSecret[]): string[] {
  const arns = secrets.flatMap((s) => (s.source.type === "secretsmanager" ? [s.source.secretId] : []));
  return [...new Set(arns)].sort();
}

/** The source fields of a secret reference: exactly one must be given. */
export const SOURCE_FIELDS = ["value", "secretsManager", "ssmParameter", "s3Object"] as const;

/** Which source fields a reference gives. */
export function givenSources(ref: SecretRefArgs): Array<(typeof SOURCE_FIELDS)[number]> {
  return SOURCE_FIELDS.filter((field) => ref[field] !== undefined && ref[field] !== null);
}

/** Sorts a reference with exactly one source field into its kind; `undefined` when it gives none or several. */
export function classifySource(name: string, source: SecretRefArgs): SecretSpec | undefined {
  const given = givenSources(source);
  if (given.length !== 1) return undefined;
  if (source.value !== undefined) return { name, kind: "value", value: pulumi.secret(source.value) };
  if (source.secretsManager !== undefined) {
    return {
      name,
      kind: "secretsManager",
      ref: source.secretsManager,
      jsonKey: source.jsonKey,
      versionId: source.versionId,
      versionStage: source.versionStage,
      kmsKeyArn: source.kmsKeyArn,
      followRotation: source.followRotation ?? false,
    };
  }
  if (source.ssmParameter !== undefined) return { name, kind: "ssm", ref: source.ssmParameter, kmsKeyArn: source.kmsKeyArn };
  return { name, kind: "s3", content: pulumi.secret(source.s3Object!) };
}

/** The ECS `valueFrom` of a secret injected by ECS: a Secrets Manager reference or an SSM parameter ARN. */
export function ecsValueFrom(secret: ResolvedSecret): string {
  const source = secret.source;
  switch (source.type) {
    case "secretsmanager":
      return secretValueFrom({
        secretArn: source.secretId,
        jsonKey: source.jsonKey,
        versionId: source.versionId,
        versionStage: source.versionStage,
      });
    case "ssm":
      return source.name;
    case "s3":
      throw new Error(`${secret.name}: ECS cannot inject an S3 object; it is delivered as a file`);
  }
}

/**
 * The ARN of an SSM parameter given by name or ARN. A name with a leading `/` maps to `parameter/<name without it>`;
 * a `:version` or `:label` selector is kept for reading and dropped for granting (see {@link grantArn}).
 */
export function ssmParameterArn(ref: string, scope: AwsScope): string {
  if (ref.startsWith("arn:")) return ref;
  return `arn:${scope.partition}:ssm:${scope.region}:${scope.accountId}:parameter/${ref.replace(/^\//, "")}`;
}

/** The resource an IAM grant names for this source: the exact ARN, without a version selector. */
export function grantArn(source: SecretFileSource, partition: string): string {
  switch (source.type) {
    case "secretsmanager":
      return source.secretId;
    case "ssm":
      return source.name.replace(/(:parameter\/.*?)(:[^:/]+)?$/, "$1");
    case "s3":
      return `arn:${partition}:s3:::${source.bucket}/${source.key}`;
  }
}

/**
 * The ARN to grant `kms:Decrypt` on, from what Secrets Manager reports as a secret's key: none for the AWS managed key
 * (no `kmsKeyId`, or the `aws/secretsmanager` alias), the ARN for a key id. An alias of a customer key cannot be
 * granted by ARN: the caller must name the key.
 */
export function kmsKeyArnFromId(kmsKeyId: string, scope: AwsScope): string | undefined {
  if (kmsKeyId === "" || /(^|:)alias\/aws\//.test(kmsKeyId)) return undefined;
  if (/^arn:[^:]+:kms:[^:]+:\d{12}:key\//.test(kmsKeyId)) return kmsKeyId;
  if (/^[0-9a-f-]{36}$|^mrk-[0-9a-f]{32}$/.test(kmsKeyId)) {
    return `arn:${scope.partition}:kms:${scope.region}:${scope.accountId}:key/${kmsKeyId}`;
  }
  throw new Error(`the secret is encrypted with ${JSON.stringify(kmsKeyId)}, which names no key ARN; set \`kmsKeyArn\` to the key's ARN`);
}

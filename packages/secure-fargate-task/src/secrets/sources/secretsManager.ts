import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ChildContext } from "../../context";
import { secretValueFrom } from "../../ecs/containerDefinition";
import type { AwsScope } from "../../iam/policies";
import type { ResolvedSecret, SecretLocation, SecretSource, SpecBase } from "../source";

/** An existing Secrets Manager secret, by ARN (full or partial) or name, pinned to a version or following a stage. */
export interface SecretsManagerSpec extends SpecBase {
  kind: "secretsManager";
  ref: pulumi.Input<string>;
  jsonKey: string | undefined;
  versionId: pulumi.Input<string> | undefined;
  versionStage: string | undefined;
  kmsKeyArn: pulumi.Input<string> | undefined;
}

/** `secretsManager`: an existing secret, looked up so that the grant names the full ARN AWS evaluates. */
export const secretsManagerSource: SecretSource<SecretsManagerSpec> = {
  kind: "secretsManager",
  hint: "ARN or name",
  noun: "a Secrets Manager secret",
  options: ["jsonKey", "versionId", "versionStage", "followRotation", "kmsKeyArn"],
  injectable: true,
  validate(field, ref, reject) {
    if (ref.secretsManager === "") reject(`${field}.secretsManager`, `is empty. Give the secret's ARN or name.`);
    if (ref.jsonKey === "") reject(`${field}.jsonKey`, `is empty. Give the JSON key to extract, or leave it out for the whole secret.`);
    if (ref.versionId !== undefined && ref.versionStage !== undefined) {
      reject(field, `sets both \`versionId\` and \`versionStage\`. Pin a version id, or follow a stage, not both.`);
    }
    if ((ref.followRotation ?? false) && (ref.versionId !== undefined || ref.versionStage !== undefined)) {
      reject(
        `${field}.followRotation`,
        `follows the AWSCURRENT version, so it cannot be combined with \`versionId\` or \`versionStage\`. Remove them, or set followRotation: false.`,
      );
    }
    return true;
  },
  classify: (name, ref) => ({
    name,
    kind: "secretsManager",
    ref: ref.secretsManager!,
    jsonKey: ref.jsonKey,
    versionId: ref.versionId,
    versionStage: ref.versionStage,
    kmsKeyArn: ref.kmsKeyArn,
    followRotation: ref.followRotation ?? false,
  }),
  resolve: (ctx, specs) => pulumi.all(specs.map((spec) => lookupSecret(ctx, spec))),
};

/** A secret in Secrets Manager, read with `GetSecretValue` on its exact ARN. */
export const secretsManagerLocation: SecretLocation<"secretsmanager"> = {
  type: "secretsmanager",
  service: "secretsmanager",
  sid: "SecretsManager",
  valueFrom: (source) =>
    secretValueFrom({ secretArn: source.secretId, jsonKey: source.jsonKey, versionId: source.versionId, versionStage: source.versionStage }),
  readStatements(sources) {
    const arns = unique(sources.map((s) => s.secretId));
    return arns.length === 0 ? [] : [{ Sid: "ReadSecrets", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: arns }];
  },
};

/** An existing Secrets Manager secret, looked up by ARN (full or partial) or name. */
export function lookupSecret(
  ctx: ChildContext,
  spec: {
    name: string;
    ref: pulumi.Input<string>;
    kmsKeyArn: pulumi.Input<string> | undefined;
    jsonKey?: string;
    versionId?: pulumi.Input<string>;
    versionStage?: string;
    followRotation?: boolean;
  },
): pulumi.Output<ResolvedSecret> {
  const ref = pulumi.output(spec.ref);
  const found = aws.secretsmanager.getSecretOutput(
    { arn: ref.apply((r) => (r.startsWith("arn:") ? r : undefined)), name: ref.apply((r) => (r.startsWith("arn:") ? undefined : r)) },
    { parent: ctx.parent },
  );
  return pulumi
    .all([found.arn, found.kmsKeyId, spec.kmsKeyArn, spec.versionId, ctx.scope])
    .apply(([arn, kmsKeyId, explicitKey, versionId, scope]) => {
      const pin = versionId !== undefined ? { versionId } : { versionStage: spec.versionStage ?? "AWSCURRENT" };
      return {
        name: spec.name,
        source: { type: "secretsmanager" as const, secretId: arn, ...(spec.jsonKey === undefined ? {} : { jsonKey: spec.jsonKey }), ...pin },
        kmsKeyArn: explicitKey ?? kmsKeyArnFromId(kmsKeyId ?? "", scope),
        followRotation: spec.followRotation ?? false,
      };
    });
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

/** The ARNs of the Secrets Manager secrets among these, deduplicated and sorted. */
export function secretsManagerArns(secrets: readonly ResolvedSecret[]): string[] {
  return unique(secrets.flatMap((s) => (s.source.type === "secretsmanager" ? [s.source.secretId] : [])));
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

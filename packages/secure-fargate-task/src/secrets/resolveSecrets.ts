import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { SecretLayout } from "../args";
import { storeObjects } from "./bucket";
import type { ChildContext } from "../context";
import { SecretStem, storeValues } from "./secrets";
import { kmsKeyArnFromId, ResolvedSecret, SecretSpec, ssmParameterArn } from "./sources";

/**
 * Resolves every secret to its exact ARN and version: values are stored by the component (Secrets Manager, or S3 for
 * `s3Object`), existing secrets are looked up (so a name or partial ARN yields the full ARN AWS evaluates, and the key
 * Secrets Manager reports is granted), SSM parameters are named by ARN. Sorted by name.
 */
export function resolveSecrets(
  ctx: ChildContext,
  specs: readonly SecretSpec[],
  layout: SecretLayout,
  stem: SecretStem,
  kmsKeyArn: pulumi.Output<string>,
): pulumi.Output<ResolvedSecret[]> {
  const values = specs.flatMap((s) => (s.kind === "value" ? [{ name: s.name, value: s.value }] : []));
  const objects = specs.flatMap((s) => (s.kind === "s3" ? [{ name: s.name, value: s.content }] : []));
  const parts: pulumi.Output<ResolvedSecret[]>[] = [storeValues(ctx, values, layout, stem, kmsKeyArn), storeObjects(ctx, objects, kmsKeyArn)];
  for (const spec of specs) {
    if (spec.kind === "secretsManager") parts.push(lookupSecret(ctx, spec).apply((s) => [s]));
    if (spec.kind === "ssm") {
      parts.push(
        pulumi.all([ctx.scope, spec.ref, spec.kmsKeyArn]).apply(([scope, ref, key]) => [
          {
            name: spec.name,
            source: { type: "ssm" as const, name: ssmParameterArn(ref, scope), withDecryption: true as const },
            kmsKeyArn: key,
            followRotation: false,
          },
        ]),
      );
    }
  }
  return pulumi.all(parts).apply((lists) => lists.flat().sort((a, b) => a.name.localeCompare(b.name)));
}

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

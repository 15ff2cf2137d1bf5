import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { SecretLayout } from "../args";
import type { ChildContext } from "../context";
import { fit } from "../names";
import type { ResolvedSecret, SecretStem } from "./source";

/**
 * Stores values in Secrets Manager under `kmsKeyArn`, one JSON secret or one secret each, and pins each to the version
 * id that holds its value: a changed value makes a new version, hence new container definitions, hence a rolling
 * deployment; an unchanged value changes nothing.
 */
export function storeValues(
  ctx: ChildContext,
  input: ReadonlyArray<{ name: string; value: pulumi.Output<string> }>,
  layout: SecretLayout,
  stem: SecretStem,
  kmsKeyArn: pulumi.Output<string>,
): pulumi.Output<ResolvedSecret[]> {
  if (input.length === 0) return pulumi.output([]);
  const values = input.map((v) => ({ name: v.name, value: nonEmpty(`${stem.field}.${v.name}`, v.value, ctx) }));
  const resolved = (secretArn: string, versionId: string, name: string, jsonKey?: string): ResolvedSecret => ({
    name,
    source: { type: "secretsmanager", secretId: secretArn, versionId, ...(jsonKey === undefined ? {} : { jsonKey }) },
    kmsKeyArn: undefined,
    followRotation: false,
  });
  const withKey = (secrets: pulumi.Output<ResolvedSecret[]>) =>
    pulumi.all([secrets, kmsKeyArn]).apply(([list, key]) => list.map((s) => ({ ...s, kmsKeyArn: key })));

  if (layout === "single") {
    const json = pulumi.secret(
      pulumi.all(values.map((v) => v.value)).apply((plain) => JSON.stringify(Object.fromEntries(values.map((v, i) => [v.name, plain[i]])))),
    );
    const { secret, version } = secretWithVersion(
      ctx,
      stem.single,
      `${values.map((v) => v.name).join(", ")} of ${ctx.name}, as one JSON object`,
      json,
      kmsKeyArn,
    );
    return withKey(
      pulumi.all([secret.arn, version.versionId]).apply(([arn, versionId]) => values.map((v) => resolved(arn, versionId, v.name, v.name))),
    );
  }
  return withKey(
    pulumi.all(
      values.map((v) => {
        const { secret, version } = secretWithVersion(ctx, `${stem.each}-${v.name}`, `${v.name} of ${ctx.name}`, v.value, kmsKeyArn);
        return pulumi.all([secret.arn, version.versionId]).apply(([arn, versionId]) => resolved(arn, versionId, v.name));
      }),
    ),
  );
}

/**
 * Stores registry credentials as the JSON secret ECS expects (`{"username","password"}`). ECS reads
 * `repositoryCredentials` by ARN only, at its current version.
 */
export function storeRegistryCredentials(
  ctx: ChildContext,
  credentials: { username: pulumi.Input<string>; password: pulumi.Input<string> },
  kmsKeyArn: pulumi.Output<string>,
): pulumi.Output<ResolvedSecret> {
  const json = pulumi.secret(
    pulumi.all([credentials.username, credentials.password]).apply(([username, password]) => JSON.stringify({ username, password })),
  );
  const { secret, version } = secretWithVersion(ctx, "registry-credentials", `Private registry credentials of ${ctx.name}`, json, kmsKeyArn);
  // Depends on the version, so that the credentials exist before a task needs them.
  return pulumi.all([secret.arn, kmsKeyArn, version.versionId]).apply(([arn, key]) => ({
    name: "repositoryCredentials",
    source: { type: "secretsmanager" as const, secretId: arn },
    kmsKeyArn: key,
    followRotation: false,
  }));
}

/** A value known only at deployment that turns out empty is refused there, naming its field. */
function nonEmpty(field: string, value: pulumi.Output<string>, ctx: ChildContext): pulumi.Output<string> {
  return value.apply((v) => {
    if (v === "" || v === undefined || v === null) {
      throw new pulumi.ResourceError(
        `SecureFargateTask "${ctx.name}": \`${field}\` is empty. Set it with \`pulumi config set --secret <key> <value>\`.`,
        ctx.parent,
      );
    }
    return v;
  });
}

function secretWithVersion(
  ctx: ChildContext,
  suffix: string,
  description: string,
  secretString: pulumi.Output<string>,
  kmsKeyArn: pulumi.Output<string>,
): { secret: aws.secretsmanager.Secret; version: aws.secretsmanager.SecretVersion } {
  const secret = new aws.secretsmanager.Secret(
    `${ctx.name}-${suffix}`,
    // Secrets Manager appends 26 characters to a prefix; names hold at most 512 (a variable's name is unbounded).
    { namePrefix: `${fit(`${ctx.names.secretPrefix}${suffix}`, 400, /[^A-Za-z0-9]+$/)}-`, description, kmsKeyId: kmsKeyArn, tags: ctx.tags },
    { parent: ctx.parent },
  );
  const version = new aws.secretsmanager.SecretVersion(
    `${ctx.name}-${suffix}-version`,
    { secretId: secret.id, secretString },
    { parent: ctx.parent },
  );
  return { secret, version };
}

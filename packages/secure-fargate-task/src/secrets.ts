import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { SecretLayout } from "./args";
import type { ContainerSecret } from "./containerDefinition";
import { secretValueFrom } from "./containerDefinition";

/** The secrets the component stored, and how the container refers to them. */
export interface StoredSecrets {
  /** Each variable's ECS `valueFrom`, pinned to the version id that holds its current value. */
  containerSecrets: pulumi.Output<ContainerSecret[]>;
  /** The ARNs of the secrets, sorted, deduplicated. */
  secretArns: pulumi.Output<string[]>;
  /** The Secrets Manager secrets the component created. */
  secrets: aws.secretsmanager.Secret[];
}

/**
 * Stores the values in Secrets Manager under `kmsKeyArn` and pins each container secret to the version id that holds
 * its value: a changed value makes a new version, hence new container definitions, hence a rolling deployment; an
 * unchanged value changes nothing.
 */
export function storeSecrets(
  name: string,
  values: Record<string, pulumi.Output<string>>,
  layout: SecretLayout,
  secretPrefix: string,
  kmsKeyArn: pulumi.Input<string>,
  tags: Record<string, string>,
  parent: pulumi.Resource,
): StoredSecrets {
  const variables = Object.keys(values).sort();
  const makeSecret = (suffix: string, description: string, secretString: pulumi.Output<string>) => {
    const secret = new aws.secretsmanager.Secret(
      `${name}-${suffix}`,
      { namePrefix: `${secretPrefix}${suffix}-`, description, kmsKeyId: kmsKeyArn, tags },
      { parent },
    );
    const version = new aws.secretsmanager.SecretVersion(
      `${name}-${suffix}-version`,
      { secretId: secret.id, secretString },
      { parent },
    );
    return { secret, version };
  };

  if (layout === "single") {
    const json = pulumi.secret(
      pulumi.all(values).apply((v) => JSON.stringify(Object.fromEntries(variables.map((k) => [k, v[k]])))),
    );
    const { secret, version } = makeSecret("secrets", `${variables.join(", ")} of ${name}, as one JSON object`, json);
    const containerSecrets = pulumi
      .all([secret.arn, version.versionId])
      .apply(([secretArn, versionId]) =>
        variables.map((v) => ({ name: v, valueFrom: secretValueFrom({ secretArn, jsonKey: v, versionId }) })),
      );
    return { containerSecrets, secretArns: secret.arn.apply((arn) => [arn]), secrets: [secret] };
  }

  const stored = variables.map((v) => ({ variable: v, ...makeSecret(`secret-${v}`, `${v} of ${name}`, values[v]!) }));
  const containerSecrets = pulumi.all(
    stored.map(({ variable, secret, version }) =>
      pulumi
        .all([secret.arn, version.versionId])
        .apply(([secretArn, versionId]) => ({ name: variable, valueFrom: secretValueFrom({ secretArn, versionId }) })),
    ),
  );
  const secretArns = pulumi.all(stored.map((s) => s.secret.arn)).apply((arns) => [...arns].sort());
  return { containerSecrets, secretArns, secrets: stored.map((s) => s.secret) };
}

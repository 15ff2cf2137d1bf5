import { grantArn, ResolvedSecret } from "../secrets/sources";
import type { Statement } from "./policyDocument";

/**
 * Who reads a secret: ECS's agent with the execution role (environment injection, `secretOptions`,
 * `repositoryCredentials`), or the init container with the task role (file delivery). The agent reads SSM with
 * `GetParameters`, the init program with `GetParameter`.
 */
export type SecretReader = "agent" | "init";

/**
 * Exactly the grants needed to read these secrets: each action on each exact ARN, and `kms:Decrypt` on each
 * customer-managed key only through the service that holds the secret, in this region. Sorted, so equal inputs give
 * equal documents.
 */
export function secretReadStatements(
  secrets: readonly ResolvedSecret[],
  reader: SecretReader,
  scope: { partition: string; region: string },
): Statement[] {
  const arnsOf = (type: "secretsmanager" | "ssm") =>
    unique(secrets.filter((s) => s.source.type === type).map((s) => grantArn(s.source, scope.partition)));
  const statements: Statement[] = [];
  const sm = arnsOf("secretsmanager");
  if (sm.length > 0) {
    statements.push({ Sid: "ReadSecrets", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: sm });
  }
  const ssm = arnsOf("ssm");
  if (ssm.length > 0) {
    const action = reader === "agent" ? "ssm:GetParameters" : "ssm:GetParameter";
    statements.push({ Sid: "ReadParameters", Effect: "Allow", Action: action, Resource: ssm });
  }
  // S3 authorises a read of a pinned version with s3:GetObjectVersion, of the latest with s3:GetObject.
  for (const [sid, action, pinned] of [
    ["ReadObjectVersions", "s3:GetObjectVersion", true],
    ["ReadObjects", "s3:GetObject", false],
  ] as const) {
    const objects = unique(
      secrets
        .filter((s) => s.source.type === "s3" && (s.source.versionId !== undefined) === pinned)
        .map((s) => grantArn(s.source, scope.partition)),
    );
    if (objects.length > 0) statements.push({ Sid: sid, Effect: "Allow", Action: action, Resource: objects });
  }
  for (const type of ["secretsmanager", "ssm", "s3"] as const) {
    const keys = unique(secrets.filter((s) => s.source.type === type && s.kmsKeyArn).map((s) => s.kmsKeyArn!));
    if (keys.length === 0) continue;
    statements.push({
      Sid: `DecryptVia${{ secretsmanager: "SecretsManager", ssm: "Ssm", s3: "S3" }[type]}`,
      Effect: "Allow",
      Action: "kms:Decrypt",
      Resource: keys.length === 1 ? keys[0] : keys,
      Condition: { StringEquals: { "kms:ViaService": `${type}.${scope.region}.amazonaws.com` } },
    });
  }
  return statements;
}

function unique(values: string[]): string[] {
  return [...new Set(values)].sort();
}

import type { ResolvedSecret, SecretReader } from "../secrets/source";
import { LOCATIONS } from "../secrets/registry";
import type { Statement } from "./policyDocument";

/**
 * Exactly the grants needed to read these secrets: each location's read on each exact ARN, and `kms:Decrypt` on each
 * customer-managed key only through the service that holds the secret, in this region. Sorted, so equal inputs give
 * equal documents.
 */
export function secretReadStatements(
  secrets: readonly ResolvedSecret[],
  reader: SecretReader,
  scope: { partition: string; region: string },
): Statement[] {
  const reads = LOCATIONS.flatMap((location) =>
    location.readStatements(
      secrets.filter((s) => s.source.type === location.type).map((s) => s.source),
      reader,
      scope.partition,
    ),
  );
  const decrypts = LOCATIONS.flatMap((location): Statement[] => {
    const keys = [...new Set(secrets.filter((s) => s.source.type === location.type && s.kmsKeyArn).map((s) => s.kmsKeyArn!))].sort();
    if (keys.length === 0) return [];
    return [
      {
        Sid: `DecryptVia${location.sid}`,
        Effect: "Allow",
        Action: "kms:Decrypt",
        Resource: keys.length === 1 ? keys[0] : keys,
        Condition: { StringEquals: { "kms:ViaService": `${location.service}.${scope.region}.amazonaws.com` } },
      },
    ];
  });
  return [...reads, ...decrypts];
}

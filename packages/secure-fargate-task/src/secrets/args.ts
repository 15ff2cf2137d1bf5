import type * as pulumi from "@pulumi/pulumi";

/**
 * Where one secret comes from: give exactly one of `value`, `secretsManager`, `ssmParameter` or `s3Object`.
 *
 * - `value`: the component stores it in Secrets Manager (typically `config.requireSecret("...")`; a plain string is
 *   wrapped with `pulumi.secret`), pinned to the version that holds it: change it, run `pulumi up`, the service rolls.
 * - `secretsManager`: a secret kept by someone else, looked up so that a name or partial ARN still yields a grant on
 *   the exact ARN AWS evaluates; with `jsonKey`, `versionId` or `versionStage`, and `followRotation`.
 * - `ssmParameter`: a Parameter Store `SecureString` (or `String`).
 * - `s3Object`: content the component stores as an object of its own encrypted bucket (public access blocked, TLS
 *   only, SSE-KMS, versioned), always delivered as a file: suits certificates and other large secrets.
 */
export interface SecretRefArgs {
  /** The secret's value, stored by the component in Secrets Manager. */
  value?: pulumi.Input<string>;
  /** Full ARN, partial ARN (no suffix) or name of an existing Secrets Manager secret, in this account and region. */
  secretsManager?: pulumi.Input<string>;
  /** With `secretsManager`: extract this key of a JSON secret. @default - the whole secret string */
  jsonKey?: string;
  /** With `secretsManager`: pin this version. Exclusive with `versionStage` and `followRotation`. @default - the current version */
  versionId?: pulumi.Input<string>;
  /** With `secretsManager`: follow this staging label, e.g. `AWSPREVIOUS`. @default "AWSCURRENT" */
  versionStage?: string;
  /**
   * With `secretsManager`: roll the service when this secret changes outside Pulumi (managed rotation, a rotation
   * function, by hand): an EventBridge rule on exactly this secret's change events starts a new deployment.
   * @default false
   */
  followRotation?: boolean;
  /** Name (`/app/token`) or ARN of an SSM parameter; `name:version` pins a version. */
  ssmParameter?: pulumi.Input<string>;
  /** Content of an object the component stores in its own bucket and delivers as a file. */
  s3Object?: pulumi.Input<string>;
  /**
   * With `secretsManager` or `ssmParameter`: the customer-managed KMS key that encrypts it, granted `kms:Decrypt` via
   * that service only.
   * @default - for `secretsManager`, the key Secrets Manager reports (none for the AWS managed key); for `ssmParameter`, none (`aws/ssm`)
   */
  kmsKeyArn?: pulumi.Input<string>;
}

import { S3Client } from "@aws-sdk/client-s3";
import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { SSMClient } from "@aws-sdk/client-ssm";

/** One AWS SDK client per service, each made on first use. */
export interface Clients {
  secretsManager(): SecretsManagerClient;
  ssm(): SSMClient;
  s3(): S3Client;
  /** Closes the clients made so far, so that no idle socket keeps the process alive. */
  destroy(): void;
}

/**
 * Without a limit a call to an unreachable endpoint (no NAT, no VPC endpoint) would hang, and so would the app that
 * waits for this container. A limit makes it fail, and the SDK's retries (3 attempts) still cover a blip.
 */
const REQUEST_HANDLER = { connectionTimeout: 5_000, requestTimeout: 30_000, throwOnRequestTimeout: true };

/**
 * Makes the clients for `region`. Credentials come from the SDK's default chain (on ECS, the task role). Endpoints
 * come from the SDK's own variables (`AWS_ENDPOINT_URL_SECRETS_MANAGER`, `AWS_ENDPOINT_URL_SSM`, `AWS_ENDPOINT_URL_S3`,
 * `AWS_ENDPOINT_URL`). The SDK has no variable for S3 path-style addressing, so it is turned on whenever an S3 endpoint
 * is overridden: S3-compatible servers seldom serve virtual-hosted buckets.
 */
export function createClients(region: string, env: NodeJS.ProcessEnv): Clients {
  let secretsManager: SecretsManagerClient | undefined;
  let ssm: SSMClient | undefined;
  let s3: S3Client | undefined;
  const common = { region, requestHandler: REQUEST_HANDLER };
  const forcePathStyle = Boolean(env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL);
  return {
    secretsManager: () => (secretsManager ??= new SecretsManagerClient(common)),
    ssm: () => (ssm ??= new SSMClient(common)),
    s3: () => (s3 ??= new S3Client({ ...common, forcePathStyle })),
    destroy: () => [secretsManager, ssm, s3].forEach((client) => client?.destroy()),
  };
}

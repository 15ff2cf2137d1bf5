/**
 * Images in Amazon ECR, recognised by their registry host: `<account>.dkr.ecr.<region>.amazonaws.com` (`.com.cn` in
 * China, `dkr.ecr-fips` for FIPS endpoints, `<account>.dkr-ecr.<region>.on.aws` for dual-stack).
 * https://docs.aws.amazon.com/AmazonECR/latest/userguide/Registries.html
 * https://docs.aws.amazon.com/AmazonECR/latest/userguide/ecr-requests.html
 */
const ECR_IMAGE =
  /^(\d{12})\.(?:dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?|dkr-ecr\.([a-z0-9-]+)\.on\.aws)\/([a-z0-9][a-z0-9._/-]*?)(?::[\w][\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$/;

/** Where an ECR image lives. */
export interface EcrImageLocation {
  accountId: string;
  region: string;
  repositoryName: string;
}

/** The account, region and repository of an image reference in ECR; `undefined` for any other registry. */
export function ecrImageLocation(imageRef: string): EcrImageLocation | undefined {
  const m = ECR_IMAGE.exec(imageRef);
  if (!m) return undefined;
  return { accountId: m[1], region: m[2] ?? m[4], repositoryName: m[5] };
}

/**
 * The ARN of the ECR repository an image is pulled from, to grant the pull on; `undefined` for an image outside ECR.
 * ECS's agent pulls an ECR image with the execution role (`ecr:GetAuthorizationToken`, then the layer actions on the
 * repository); `repositoryCredentials` do not apply to ECR.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html
 */
export function ecrRepositoryArn(imageRef: string, partition: string): string | undefined {
  const location = ecrImageLocation(imageRef);
  if (!location) return undefined;
  const arnPartition = imageRef.includes(".amazonaws.com.cn/") ? "aws-cn" : partition;
  return `arn:${arnPartition}:ecr:${location.region}:${location.accountId}:repository/${location.repositoryName}`;
}

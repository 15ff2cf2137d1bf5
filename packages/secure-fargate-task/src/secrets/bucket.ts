import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ChildContext } from "../context";
import { denyInsecureTransport, policyDocument } from "../iam/policyDocument";
import type { ResolvedSecret } from "./source";

/**
 * Bucket policy: refuse any request not made over TLS.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html
 */
export function tlsOnlyBucketPolicy(bucketArn: string) {
  return policyDocument([denyInsecureTransport("s3:*", [bucketArn, `${bucketArn}/*`])]);
}

/** The key prefix of the secrets bucket's access logs in the log bucket. */
export const ACCESS_LOG_PREFIX = "access-logs/";

/** How long the log bucket keeps access logs: a year, then S3 deletes them. */
export const ACCESS_LOG_EXPIRY_DAYS = 365;

/**
 * Policy of the access-log bucket: TLS only, and the S3 logging service may write logs under {@link ACCESS_LOG_PREFIX}
 * for exactly the secrets bucket of this account (`aws:SourceArn`, `aws:SourceAccount`), as AWS recommends over the
 * log-delivery group's ACL, which a bucket with ACLs disabled cannot use.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html#grant-log-delivery-permissions-general
 */
export function accessLogBucketPolicy(logBucketArn: string, sourceBucketArn: string, accountId: string) {
  const tls = tlsOnlyBucketPolicy(logBucketArn);
  return policyDocument([
    ...tls.Statement,
    {
      Sid: "S3ServerAccessLogsOfTheSecretsBucketOnly",
      Effect: "Allow",
      Principal: { Service: "logging.s3.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: `${logBucketArn}/${ACCESS_LOG_PREFIX}*`,
      Condition: { ArnLike: { "aws:SourceArn": sourceBucketArn }, StringEquals: { "aws:SourceAccount": accountId } },
    },
  ]);
}

/**
 * A bucket for the secrets bucket's server access logs: public access blocked, bucket-owner objects, TLS only, logs
 * expired after {@link ACCESS_LOG_EXPIRY_DAYS} days. SSE-S3, not the component's key: a server access log destination
 * may use only SSE-S3 default encryption.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html
 */
function accessLogBucket(ctx: ChildContext, source: aws.s3.Bucket): pulumi.Resource[] {
  const opts = { parent: ctx.parent };
  const logs = new aws.s3.Bucket(
    `${ctx.name}-secrets-logs`,
    { bucketPrefix: ctx.names.accessLogBucketPrefix, forceDestroy: true, tags: ctx.tags },
    opts,
  );
  const guards: pulumi.Resource[] = [
    new aws.s3.BucketPublicAccessBlock(
      `${ctx.name}-secrets-logs-public-access`,
      { bucket: logs.bucket, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
      opts,
    ),
    new aws.s3.BucketOwnershipControls(
      `${ctx.name}-secrets-logs-ownership`,
      { bucket: logs.bucket, rule: { objectOwnership: "BucketOwnerEnforced" } },
      opts,
    ),
    new aws.s3.BucketServerSideEncryptionConfiguration(
      `${ctx.name}-secrets-logs-encryption`,
      { bucket: logs.bucket, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] },
      opts,
    ),
    new aws.s3.BucketLifecycleConfiguration(
      `${ctx.name}-secrets-logs-lifecycle`,
      {
        bucket: logs.bucket,
        rules: [
          {
            id: "expire-access-logs",
            status: "Enabled",
            filter: { prefix: ACCESS_LOG_PREFIX },
            expiration: { days: ACCESS_LOG_EXPIRY_DAYS },
            abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
          },
        ],
      },
      opts,
    ),
    new aws.s3.BucketPolicy(
      `${ctx.name}-secrets-logs-policy`,
      {
        bucket: logs.bucket,
        policy: pulumi.all([logs.arn, source.arn, ctx.scope]).apply(([l, b, s]) => JSON.stringify(accessLogBucketPolicy(l, b, s.accountId))),
      },
      opts,
    ),
  ];
  return [
    ...guards,
    // Once the log bucket lets the logging service write.
    new aws.s3.BucketLogging(
      `${ctx.name}-secrets-bucket-logging`,
      { bucket: source.bucket, targetBucket: logs.bucket, targetPrefix: ACCESS_LOG_PREFIX },
      { parent: ctx.parent, dependsOn: guards },
    ),
  ];
}

/**
 * Stores each value as an object of a bucket the component owns: public access blocked, bucket-owner objects,
 * versioned, SSE-KMS with the component's key by default, TLS only, server access logs in a bucket of their own. Each
 * secret is pinned to its object version.
 */
export function storeObjects(
  ctx: ChildContext,
  values: ReadonlyArray<{ name: string; value: pulumi.Output<string> }>,
  kmsKeyArn: pulumi.Output<string>,
): pulumi.Output<ResolvedSecret[]> {
  if (values.length === 0) return pulumi.output([]);
  const opts = { parent: ctx.parent };
  const bucket = new aws.s3.Bucket(
    `${ctx.name}-secrets-bucket`,
    { bucketPrefix: ctx.names.bucketPrefix, forceDestroy: true, tags: ctx.tags },
    opts,
  );
  const guards: pulumi.Resource[] = [
    new aws.s3.BucketPublicAccessBlock(
      `${ctx.name}-secrets-bucket-public-access`,
      { bucket: bucket.bucket, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
      opts,
    ),
    new aws.s3.BucketOwnershipControls(
      `${ctx.name}-secrets-bucket-ownership`,
      { bucket: bucket.bucket, rule: { objectOwnership: "BucketOwnerEnforced" } },
      opts,
    ),
    new aws.s3.BucketVersioning(
      `${ctx.name}-secrets-bucket-versioning`,
      { bucket: bucket.bucket, versioningConfiguration: { status: "Enabled" } },
      opts,
    ),
    new aws.s3.BucketServerSideEncryptionConfiguration(
      `${ctx.name}-secrets-bucket-encryption`,
      {
        bucket: bucket.bucket,
        rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: kmsKeyArn }, bucketKeyEnabled: true }],
      },
      opts,
    ),
    new aws.s3.BucketPolicy(
      `${ctx.name}-secrets-bucket-policy`,
      { bucket: bucket.bucket, policy: bucket.arn.apply((arn) => JSON.stringify(tlsOnlyBucketPolicy(arn))) },
      opts,
    ),
    ...accessLogBucket(ctx, bucket),
  ];
  return pulumi.all(
    values.map((v) => {
      const key = `secrets/${v.name}`;
      const object = new aws.s3.BucketObjectv2(
        `${ctx.name}-object-${v.name}`,
        { bucket: bucket.bucket, key, content: v.value, serverSideEncryption: "aws:kms", kmsKeyId: kmsKeyArn, tags: ctx.tags },
        // Written once the bucket is versioned and guarded, so the pinned version id is real.
        { parent: ctx.parent, dependsOn: guards },
      );
      return pulumi.all([bucket.bucket, object.versionId, kmsKeyArn]).apply(([bucketName, versionId, keyArn]) => ({
        name: v.name,
        source: { type: "s3" as const, bucket: bucketName, key, versionId },
        kmsKeyArn: keyArn,
        followRotation: false,
      }));
    }),
  );
}

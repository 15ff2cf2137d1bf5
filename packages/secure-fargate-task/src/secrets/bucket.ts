import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ChildContext } from "../context";
import { policyDocument } from "../iam/policyDocument";
import type { ResolvedSecret } from "./sources";

/**
 * Bucket policy: refuse any request not made over TLS.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html
 */
export function tlsOnlyBucketPolicy(bucketArn: string) {
  return policyDocument([
    {
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: { AWS: "*" },
      Action: "s3:*",
      Resource: [bucketArn, `${bucketArn}/*`],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
  ]);
}

/**
 * Stores each value as an object of a bucket the component owns: public access blocked, bucket-owner objects,
 * versioned, SSE-KMS with the component's key by default, TLS only. Each secret is pinned to its object version.
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

/** AWS's input rules for S3, each with its source (../README.md says how to add one). */
import { ARN, DOC, formatCheck, len, ResourceRules, tagRules, TF } from "../rules";
import { policyDocumentRules } from "./iam";

/** The input rules of S3 resource types, by type token. */
export const S3_RULES: Readonly<Record<string, ResourceRules>> = {
  "aws:s3/bucket:Bucket": {
    rules: [
      {
        path: "bucketPrefix",
        checks: [
          len(1, 63 - 26),
          formatCheck(/^[a-z0-9][a-z0-9.-]*$/, "lower-case letters, digits, `.` and `-`, starting with a letter or digit"),
          {
            kind: "custom",
            what: "no `..`",
            test: (v) => (typeof v === "string" && /\.\.|\.-|-\./.test(v) ? "bucket names cannot contain `..`, `.-` or `-.`" : undefined),
          },
        ],
        source: {
          tf: TF(
            "s3/bucket.go",
            "bucket_prefix StringLenBetween(0, 63-id.UniqueIDSuffixLength); terraform-plugin-sdk helper/id UniqueIDSuffixLength = 26, so 37",
          ),
          doc: DOC("AmazonS3/latest/userguide/bucketnamingrules.html") + " (the characters: a prefix is the start of a bucket name)",
        },
      },
      {
        path: "bucket",
        checks: [
          len(3, 63),
          formatCheck(/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/, "lower-case letters, digits, `.` and `-`, starting and ending with a letter or digit"),
        ],
        source: { tf: TF("s3/bucket.go", "bucket validBucketName"), doc: DOC("AmazonS3/latest/userguide/bucketnamingrules.html") },
      },
      ...tagRules(),
    ],
    note: "pulumi-aws auto-names `bucket` (AutoNameTransform, 63, lower case) unless bucketPrefix is set; the component always sets bucketPrefix",
  },

  "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": { rules: [], note: "only the bucket name (from the Bucket) and booleans" },

  "aws:s3/bucketOwnershipControls:BucketOwnershipControls": {
    rules: [
      {
        path: "rule.objectOwnership",
        checks: [{ kind: "oneOf", values: ["BucketOwnerPreferred", "ObjectWriter", "BucketOwnerEnforced"] }],
        source: { doc: DOC("AmazonS3/latest/API/API_OwnershipControlsRule.html") },
      },
    ],
  },

  "aws:s3/bucketVersioning:BucketVersioning": {
    rules: [
      {
        path: "versioningConfiguration.status",
        checks: [{ kind: "oneOf", values: ["Enabled", "Suspended", "Disabled"] }],
        source: { tf: TF("s3/bucket_versioning.go", "status"), doc: DOC("AmazonS3/latest/API/API_VersioningConfiguration.html") },
      },
    ],
  },

  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": {
    rules: [
      {
        path: "rules[].applyServerSideEncryptionByDefault.sseAlgorithm",
        checks: [{ kind: "oneOf", values: ["AES256", "aws:kms", "aws:kms:dsse"] }],
        source: { doc: DOC("AmazonS3/latest/API/API_ServerSideEncryptionByDefault.html") },
      },
      {
        path: "rules[].applyServerSideEncryptionByDefault.kmsMasterKeyId",
        checks: [formatCheck(ARN.kmsKey, "a KMS key ARN")],
        source: { doc: DOC("AmazonS3/latest/API/API_ServerSideEncryptionByDefault.html") },
      },
    ],
  },

  "aws:s3/bucketPolicy:BucketPolicy": {
    rules: policyDocumentRules("policy", 20 * 1024, {
      doc: DOC("AmazonS3/latest/userguide/example-bucket-policies.html") + " (bucket policies are limited to 20 KB)",
    }),
  },

  "aws:s3/bucketObjectv2:BucketObjectv2": {
    rules: [
      { path: "key", checks: [len(1, 1024)], source: { doc: DOC("AmazonS3/latest/userguide/object-keys.html") } },
      { path: "kmsKeyId", checks: [formatCheck(ARN.kmsKey, "a KMS key ARN")], source: { doc: DOC("AmazonS3/latest/API/API_PutObject.html") } },
      {
        path: "tags",
        checks: [
          {
            kind: "custom",
            what: "at most 10 tags",
            test: (v) =>
              v !== null && typeof v === "object" && Object.keys(v).length > 10
                ? `has ${Object.keys(v).length} tags; an S3 object takes at most 10`
                : undefined,
          },
        ],
        source: { doc: DOC("AmazonS3/latest/userguide/object-tagging.html") },
      },
      ...tagRules({ doc: DOC("AmazonS3/latest/userguide/object-tagging.html") }),
    ],
  },

  "aws:s3/bucketLogging:BucketLogging": {
    rules: [
      {
        path: "targetPrefix",
        checks: [len(0, 1024)],
        source: { doc: DOC("AmazonS3/latest/API/API_LoggingEnabled.html") + " (a key prefix: object keys are at most 1,024 bytes)" },
      },
    ],
  },

  "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": {
    rules: [
      {
        path: "rules[].id",
        checks: [len(1, 255)],
        source: {
          tf: TF("s3/bucket_lifecycle_configuration.go", "rule.id StringLenBetween(1, 255)"),
          doc: DOC("AmazonS3/latest/API/API_LifecycleRule.html"),
        },
      },
      {
        path: "rules[].status",
        checks: [{ kind: "oneOf", values: ["Enabled", "Disabled"] }],
        source: { doc: DOC("AmazonS3/latest/API/API_LifecycleRule.html") },
      },
      {
        path: "rules[].expiration.days",
        checks: [{ kind: "intRange", min: 1, max: 2147483647 }],
        source: { doc: DOC("AmazonS3/latest/API/API_LifecycleExpiration.html") + " (Days: a non-zero positive integer)" },
      },
    ],
  },
};

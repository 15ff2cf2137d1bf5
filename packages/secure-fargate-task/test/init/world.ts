/**
 * The AWS world the init tests run against: the JSON-protocol double for Secrets Manager and SSM, and s3rver for S3,
 * both on loopback, holding the secrets below. Every secret value is listed in SECRET_VALUES so tests can check that
 * none of them ever reaches the program's output.
 */
import { CreateBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";
import { startFakeAws, type FakeAws, type FakeSecret } from "@twitterstream/test-kit/fakeAwsServer";

const ACCOUNT_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret";

/** The secrets, parameters and objects of the world, by role. */
export const WORLD = {
  db: {
    arn: `${ACCOUNT_ARN}:app/db-AbCdEf`,
    oldVersionId: "11111111-1111-4111-8111-111111111111",
    newVersionId: "22222222-2222-4222-8222-222222222222",
    oldPassword: "old-pass-7Qz",
    newPassword: "new-pass-9Zx",
  },
  token: { arn: `${ACCOUNT_ARN}:app/token-GhIjKl`, value: "token-value-Xy3" },
  binary: { arn: `${ACCOUNT_ARN}:app/keystore-MnOpQr`, value: Uint8Array.from([0, 1, 2, 254, 255, 10, 13]) },
  notJson: { arn: `${ACCOUNT_ARN}:app/plain-StUvWx`, value: "plain-text-Qw8" },
  denied: { arn: `${ACCOUNT_ARN}:app/denied-YzAbCd`, value: "denied-value-Pk2" },
  missing: { arn: `${ACCOUNT_ARN}:app/missing-EfGhIj` },
  bearer: { name: "/app/bearer", value: "bearer-value-Lm4" },
  object: { bucket: "app-secrets", key: "certs/ca.pem", value: "-----CA-PEM-Rt5-----\n" },
} as const;

/** Every secret value in the world, as it could appear in text. */
export const SECRET_VALUES: readonly string[] = [
  WORLD.db.oldPassword,
  WORLD.db.newPassword,
  WORLD.token.value,
  Buffer.from(WORLD.binary.value).toString("base64"),
  WORLD.notJson.value,
  WORLD.denied.value,
  WORLD.bearer.value,
  WORLD.object.value.trim(),
];

/** A running world and the environment that points the init program at it. */
export interface World {
  readonly aws: FakeAws;
  readonly env: Record<string, string>;
  stop(): Promise<void>;
}

function dbSecretString(password: string): string {
  return JSON.stringify({ username: "app", password, port: 5432 });
}

/** Starts both servers and stores the world's S3 object through s3rver's own API. */
export async function startWorld(): Promise<World> {
  const aws = await startFakeAws({
    secrets: [
      {
        arn: WORLD.db.arn,
        name: "app/db",
        versions: [
          {
            versionId: WORLD.db.oldVersionId,
            stages: ["AWSPREVIOUS"],
            secretString: dbSecretString(WORLD.db.oldPassword),
            createdDate: new Date("2024-01-01T00:00:00Z"),
          },
          {
            versionId: WORLD.db.newVersionId,
            stages: ["AWSCURRENT"],
            secretString: dbSecretString(WORLD.db.newPassword),
            createdDate: new Date("2024-02-01T00:00:00Z"),
          },
        ],
      },
      secretWithOneVersion(WORLD.token.arn, "app/token", { secretString: WORLD.token.value }),
      secretWithOneVersion(WORLD.binary.arn, "app/keystore", { secretBinary: WORLD.binary.value }),
      secretWithOneVersion(WORLD.notJson.arn, "app/plain", { secretString: WORLD.notJson.value }),
      secretWithOneVersion(WORLD.denied.arn, "app/denied", { secretString: WORLD.denied.value }),
    ],
    parameters: [
      {
        name: WORLD.bearer.name,
        arn: "arn:aws:ssm:us-east-1:123456789012:parameter/app/bearer",
        type: "SecureString",
        value: WORLD.bearer.value,
        version: 3,
      },
    ],
    deny: [WORLD.denied.arn],
  });

  const s3Directory = await mkdtemp(join(tmpdir(), "s3rver-"));
  const s3rver = new S3rver({ address: "127.0.0.1", port: 0, directory: s3Directory, silent: true });
  const { port } = await s3rver.run();
  const s3Endpoint = `http://127.0.0.1:${port}`;
  const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
  const s3 = new S3Client({ region: "us-east-1", endpoint: s3Endpoint, forcePathStyle: true, credentials });
  await s3.send(new CreateBucketCommand({ Bucket: WORLD.object.bucket }));
  await s3.send(new PutObjectCommand({ Bucket: WORLD.object.bucket, Key: WORLD.object.key, Body: WORLD.object.value }));
  s3.destroy();

  return {
    aws,
    env: {
      AWS_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_EC2_METADATA_DISABLED: "true",
      // As the init image sets it (see its Dockerfile): keeps stderr free of the SDK's Node 20 notice.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      AWS_ENDPOINT_URL_SECRETS_MANAGER: aws.endpoint,
      AWS_ENDPOINT_URL_SSM: aws.endpoint,
      AWS_ENDPOINT_URL_S3: s3Endpoint,
    },
    stop: async () => {
      await Promise.all([aws.close(), s3rver.close()]);
      await rm(s3Directory, { recursive: true, force: true });
    },
  };
}

function secretWithOneVersion(arn: string, name: string, value: { secretString: string } | { secretBinary: Uint8Array }): FakeSecret {
  const versionId = "33333333-3333-4333-8333-333333333333";
  const createdDate = new Date("2024-03-01T00:00:00Z");
  return { arn, name, versions: [{ versionId, stages: ["AWSCURRENT"], createdDate, ...value }] };
}

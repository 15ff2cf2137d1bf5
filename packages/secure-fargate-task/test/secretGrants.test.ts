import { expect } from "chai";
import { secretReadStatements } from "../src/iam/grants";
import type { ResolvedSecret } from "../src/secrets/source";

const SCOPE = { partition: "aws", region: "eu-west-1" };
const object = (name: string, key: string, versionId?: string): ResolvedSecret => ({
  name,
  source: { type: "s3", bucket: "proj-dev-app-1234", key, ...(versionId === undefined ? {} : { versionId }) },
  kmsKeyArn: undefined,
  followRotation: false,
});

describe("the init container's S3 reads, pinned to the version the task uses", () => {
  it("grants s3:GetObjectVersion on each object only at its version (s3:versionid), never s3:GetObject", () => {
    const statements = secretReadStatements([object("B", "secrets/B", "v-b"), object("A", "secrets/A", "v-a")], "init", SCOPE);
    expect(statements).to.deep.equal([
      {
        Sid: "ReadObjectVersion1",
        Effect: "Allow",
        Action: "s3:GetObjectVersion",
        Resource: "arn:aws:s3:::proj-dev-app-1234/secrets/A",
        Condition: { StringEquals: { "s3:versionid": "v-a" } },
      },
      {
        Sid: "ReadObjectVersion2",
        Effect: "Allow",
        Action: "s3:GetObjectVersion",
        Resource: "arn:aws:s3:::proj-dev-app-1234/secrets/B",
        Condition: { StringEquals: { "s3:versionid": "v-b" } },
      },
    ]);
  });

  it("refuses to grant an object that is not pinned to a version, naming it", () => {
    expect(() => secretReadStatements([object("A", "secrets/A")], "init", SCOPE)).to.throw(
      "the S3 secret arn:aws:s3:::proj-dev-app-1234/secrets/A is not pinned to a version",
    );
  });
});

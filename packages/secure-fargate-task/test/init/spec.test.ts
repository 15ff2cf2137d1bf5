import { expect } from "chai";
import { buildSpec, injectedVariable, parseSpec, secretFilePath, serializeSpec, SpecError, type SecretFilesSpec } from "../../init/src/spec";

const DB_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-AbCdEf";
const VERSION_ID = "11111111-1111-4111-8111-111111111111";

const spec: SecretFilesSpec = {
  targetDir: "/run/secrets",
  files: [
    { name: "TOKEN", source: { type: "ssm", name: "/app/token", withDecryption: true } },
    { name: "CA_PEM", source: { versionId: "3HL4kqtJlcpXroDTDmJ", key: "ca.pem", bucket: "app-secrets", type: "s3" } },
    { name: "DB_PASSWORD", source: { jsonKey: "password", versionId: VERSION_ID, secretId: DB_ARN, type: "secretsmanager" } },
  ],
};

describe("secret files spec", function () {
  describe("serializeSpec", function () {
    it("sorts files by name and writes fields in a fixed order", function () {
      expect(serializeSpec(spec)).to.equal(
        '{"targetDir":"/run/secrets","files":[' +
          '{"name":"CA_PEM","source":{"type":"s3","bucket":"app-secrets","key":"ca.pem","versionId":"3HL4kqtJlcpXroDTDmJ"}},' +
          `{"name":"DB_PASSWORD","source":{"type":"secretsmanager","secretId":"${DB_ARN}","versionId":"${VERSION_ID}","jsonKey":"password"}},` +
          '{"name":"TOKEN","source":{"type":"ssm","name":"/app/token","withDecryption":true}}]}',
      );
    });

    it("gives the same text for the same files in any order", function () {
      const reversed = { ...spec, files: [...spec.files].reverse() };
      expect(serializeSpec(reversed)).to.equal(serializeSpec(spec));
    });

    it("drops optional fields that are undefined", function () {
      const text = serializeSpec({
        targetDir: "/run/secrets",
        files: [{ name: "A", source: { type: "secretsmanager", secretId: DB_ARN, versionId: undefined, jsonKey: undefined } }],
      });
      expect(text).to.equal(`{"targetDir":"/run/secrets","files":[{"name":"A","source":{"type":"secretsmanager","secretId":"${DB_ARN}"}}]}`);
    });
  });

  describe("parseSpec", function () {
    it("reads back what serializeSpec wrote", function () {
      expect(parseSpec(serializeSpec(spec))).to.deep.equal(buildSpec(spec));
    });

    it("accepts SSM ARNs and version selectors, and a version stage", function () {
      const parsed = parseSpec(
        JSON.stringify({
          targetDir: "/run/secrets",
          files: [
            { name: "A", source: { type: "ssm", name: "arn:aws:ssm:eu-west-1:123456789012:parameter/app/a" } },
            { name: "B", source: { type: "ssm", name: "/app/b:3" } },
            { name: "C", source: { type: "secretsmanager", secretId: DB_ARN, versionStage: "AWSPREVIOUS" } },
          ],
        }),
      );
      expect(parsed.files.map((file) => file.name)).to.deep.equal(["A", "B", "C"]);
    });

    it("accepts a value ECS injects, named by its variable only", function () {
      const parsed = parseSpec(
        JSON.stringify({ targetDir: "/run/secrets", files: [{ name: "A", source: { variable: injectedVariable("A"), type: "environment" } }] }),
      );
      expect(parsed.files).to.deep.equal([{ name: "A", source: { type: "environment", variable: "SECRET_VALUE_A" } }]);
    });
  });

  describe("secretFilePath", function () {
    it("is the name inside the target directory", function () {
      expect(secretFilePath("/run/secrets", "DB_PASSWORD")).to.equal("/run/secrets/DB_PASSWORD");
    });
  });

  describe("rejects, with one exact line", function () {
    const file = (source: Record<string, unknown>, name = "A") => ({ name, source });
    const sm = (extra: Record<string, unknown>) => file({ type: "secretsmanager", secretId: DB_ARN, ...extra });
    const cases: Array<[string, unknown, string]> = [
      ["a spec that is not an object", [], "`spec` must be an object"],
      [
        "an unknown top-level field",
        { targetDir: "/s", files: [sm({})], extra: 1 },
        "`spec.extra` is not a known field; allowed: `targetDir`, `files`",
      ],
      [
        "a relative target directory",
        { targetDir: "run/secrets", files: [sm({})] },
        '`targetDir` must be an absolute path other than `/` without `.`, `..` or empty segments, got "run/secrets"',
      ],
      [
        "`/` as target directory",
        { targetDir: "/", files: [sm({})] },
        '`targetDir` must be an absolute path other than `/` without `.`, `..` or empty segments, got "/"',
      ],
      [
        "a target directory with `..`",
        { targetDir: "/run/../etc", files: [sm({})] },
        '`targetDir` must be an absolute path other than `/` without `.`, `..` or empty segments, got "/run/../etc"',
      ],
      [
        "a target directory with a trailing slash",
        { targetDir: "/run/secrets/", files: [sm({})] },
        '`targetDir` must be an absolute path other than `/` without `.`, `..` or empty segments, got "/run/secrets/"',
      ],
      ["no files", { targetDir: "/s", files: [] }, "`files` must be a non-empty array"],
      [
        "a name that is not an environment variable name",
        { targetDir: "/s", files: [file({}, "DB-PASSWORD")] },
        "`files[0].name` must be an environment variable name (letters, digits and `_`, not starting with a digit, " +
          'at most 128 characters), got "DB-PASSWORD"',
      ],
      [
        "a name that is a path",
        { targetDir: "/s", files: [file({}, "../etc/passwd")] },
        "`files[0].name` must be an environment variable name (letters, digits and `_`, not starting with a digit, " +
          'at most 128 characters), got "../etc/passwd"',
      ],
      ["a repeated name", { targetDir: "/s", files: [sm({}), sm({})] }, '`files[1].name` repeats "A"; each name must be unique'],
      [
        "an unknown source type",
        { targetDir: "/s", files: [file({ type: "vault" })] },
        '`files[0].source.type` must be one of "secretsmanager", "ssm", "s3", "environment", got "vault"',
      ],
      [
        "an injected value in a variable of another name",
        { targetDir: "/s", files: [file({ type: "environment", variable: "AWS_REGION" })] },
        '`files[0].source.variable` must be an environment variable name starting with `SECRET_VALUE_`, got "AWS_REGION"',
      ],
      [
        "an injected value with an ARN beside it",
        { targetDir: "/s", files: [file({ type: "environment", variable: "SECRET_VALUE_A", secretId: DB_ARN })] },
        "`files[0].source.secretId` is not a known field; allowed: `type`, `variable`",
      ],
      ["a missing source", { targetDir: "/s", files: [{ name: "A" }] }, "`files[0].source` must be an object"],
      [
        "a partial secret ARN",
        { targetDir: "/s", files: [file({ type: "secretsmanager", secretId: "arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db" })] },
        "`files[0].source.secretId` must be a full secret ARN with its 6-character suffix " +
          "(arn:<partition>:secretsmanager:<region>:<account>:secret:<name>-<6 chars>), " +
          'got "arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db"',
      ],
      [
        "a secret name instead of an ARN",
        { targetDir: "/s", files: [file({ type: "secretsmanager" })] },
        "`files[0].source.secretId` must be a full secret ARN with its 6-character suffix " +
          "(arn:<partition>:secretsmanager:<region>:<account>:secret:<name>-<6 chars>), got nothing",
      ],
      [
        "both versionId and versionStage",
        { targetDir: "/s", files: [sm({ versionId: VERSION_ID, versionStage: "AWSCURRENT" })] },
        "`files[0].source` may set only one of `versionId` or `versionStage`",
      ],
      [
        "a short version id",
        { targetDir: "/s", files: [sm({ versionId: "v1" })] },
        '`files[0].source.versionId` must be a version id of 32 to 64 letters, digits or `-`, got "v1"',
      ],
      ["an empty JSON key", { targetDir: "/s", files: [sm({ jsonKey: "" })] }, '`files[0].source.jsonKey` must be a non-empty string, got ""'],
      [
        "a field of another source type",
        { targetDir: "/s", files: [sm({ bucket: "b" })] },
        "`files[0].source.bucket` is not a known field; allowed: `type`, `secretId`, `versionId`, `versionStage`, `jsonKey`",
      ],
      [
        "withDecryption false",
        { targetDir: "/s", files: [file({ type: "ssm", name: "/a", withDecryption: false })] },
        "`files[0].source.withDecryption` must be true or absent, got false",
      ],
      [
        "an SSM name with a space",
        { targetDir: "/s", files: [file({ type: "ssm", name: "/app/my token" })] },
        "`files[0].source.name` must be a parameter name or ARN (letters, digits, `_.-/`), optionally ending in " +
          '`:<version>` or `:<label>`, got "/app/my token"',
      ],
      [
        "an S3 bucket name with capitals",
        { targetDir: "/s", files: [file({ type: "s3", bucket: "App", key: "k" })] },
        '`files[0].source.bucket` must be an S3 bucket name (3 to 63 lowercase letters, digits, `.` or `-`), got "App"',
      ],
      [
        "an S3 source without key",
        { targetDir: "/s", files: [file({ type: "s3", bucket: "app-secrets" })] },
        "`files[0].source.key` must be an object key of 1 to 1024 characters, got nothing",
      ],
    ];

    for (const [title, value, message] of cases) {
      it(title, function () {
        expect(() => parseSpec(JSON.stringify(value)))
          .to.throw(SpecError)
          .with.property("message", `invalid secret files spec: ${message}`);
      });
    }

    it("an unset variable and text that is not JSON", function () {
      expect(() => parseSpec(undefined)).to.throw(SpecError, /^invalid secret files spec: SECRET_FILES_SPEC is not set$/);
      expect(() => parseSpec("{")).to.throw(SpecError, /^invalid secret files spec: SECRET_FILES_SPEC is not valid JSON$/);
    });

    it("the same rules in buildSpec, for the component", function () {
      const bad = { targetDir: "/s", files: [{ name: "A", source: { type: "ssm" as const, name: "" } }] };
      expect(() => buildSpec(bad)).to.throw(SpecError, "`files[0].source.name` must be a parameter name or ARN");
    });
  });
});

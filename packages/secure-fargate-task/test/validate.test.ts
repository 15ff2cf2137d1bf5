import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import type { SecureFargateTaskArgs } from "../src";
import { InvalidArgumentsError } from "../src/errors";
import { validateArgs } from "../src/validate";
import { makeContext } from "@twitterstream/test-kit/mocks";

const context = makeContext();
const valid: SecureFargateTaskArgs = { image: { context }, secrets: { API_KEY: { value: "k" } } };

/** The messages validateArgs rejects these args with (none when it accepts them). */
function problems(args: Partial<SecureFargateTaskArgs>, name = "app"): string[] {
  try {
    validateArgs(name, { ...valid, ...args });
    return [];
  } catch (e) {
    if (e instanceof InvalidArgumentsError) return e.errors.map((x) => x.message);
    throw e;
  }
}

describe("validateArgs", () => {
  it("fills in every default", () => {
    const s = validateArgs("app", valid);
    expect(s).to.include({
      cpu: 256,
      memory: 512,
      desiredCount: 1,
      logRetentionInDays: 30,
      minimumHealthyPercent: 100,
      maximumPercent: 200,
      containerName: "app",
      user: "1000:1000",
      stopTimeoutSeconds: 30,
      secretLayout: "single",
    });
    expect(s).to.include({ secretDelivery: "environment", runMode: "service", logging: undefined });
    expect(s.alarmActions).to.deep.equal([]);
    expect(s.image).to.deep.equal({
      kind: "build",
      context,
      dockerfile: `${context}/Dockerfile`,
      platform: "linux/amd64",
      buildArgs: {},
      keepImages: 10,
    });
    expect(s.secrets).to.have.length(1);
    expect(s.secrets[0].kind).to.equal("value");
    expect(pulumi.Output.isInstance(s.secrets[0].kind === "value" && s.secrets[0].value)).to.equal(true);
  });

  const cases: Array<[string, Partial<SecureFargateTaskArgs>, string]> = [
    [
      "a CPU value Fargate lacks",
      { cpu: 300 },
      "`cpu` is not a Fargate CPU value: got 300. Use one of 256, 512, 1024, 2048, 4096, 8192, 16384 (1024 = 1 vCPU).",
    ],
    [
      "a memory value the CPU lacks",
      { cpu: 1024, memory: 1024 },
      "`memory` 1024 MiB is not offered by Fargate with cpu 1024. Use 2048 to 8192 in steps of 1024 with cpu 1024, or cpu 256 for memory 1024.",
    ],
    [
      "a memory value no CPU offers",
      { cpu: 256, memory: 700 },
      "`memory` 700 MiB is not offered by Fargate with cpu 256. Use 512, 1024, 2048 with cpu 256.",
    ],
    [
      "an invalid environment name",
      { environment: { "MY-VAR": "x" } },
      '`environment.MY-VAR` is not a valid environment variable name: got "MY-VAR". Use letters, digits and underscores, not starting with a digit.',
    ],
    [
      "AWS keys as plaintext",
      { environment: { AWS_SECRET_ACCESS_KEY: "x" } },
      "`environment.AWS_SECRET_ACCESS_KEY` is a credential, and plaintext environment variables are written into the task definition (AWS Config rule ecs-no-environment-secrets). Move it to `secrets`, or better, give the task role the permissions instead of keys.",
    ],
    [
      "a name in both maps",
      { environment: { API_KEY: "x" } },
      "`environment.API_KEY` is also in `secrets`: a variable is either secret or plaintext. Remove it from `environment`.",
    ],
    [
      "an empty secrets map",
      { secrets: {} },
      '`secrets` is empty: this component exists to deliver secrets. Give at least one, e.g. { API_KEY: { value: config.requireSecret("apiKey") } }, or use a plain ECS service.',
    ],
    [
      "an invalid secret name",
      { secrets: { "1KEY": { value: "x" } } },
      '`secrets.1KEY` is not a valid environment variable name: got "1KEY". Use letters, digits and underscores, not starting with a digit.',
    ],
    [
      "an empty secret value",
      { secrets: { API_KEY: { value: "" } } },
      "`secrets.API_KEY.value` is an empty string. Set it with `pulumi config set --secret <key> <value>`.",
    ],
    [
      "a negative desired count",
      { desiredCount: -1 },
      "`desiredCount` must be a whole number of tasks, 0 or more: got -1. Use 0 to stop the service, 1 for one task.",
    ],
    [
      "a fractional desired count",
      { desiredCount: 1.5 },
      "`desiredCount` must be a whole number of tasks, 0 or more: got 1.5. Use 0 to stop the service, 1 for one task.",
    ],
    [
      "a retention CloudWatch refuses",
      { logRetentionInDays: 31 },
      "`logRetentionInDays` is not a retention CloudWatch Logs accepts: got 31. Use one of 0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 (0 = never expire).",
    ],
    [
      "a minimum above 100",
      { deployment: { minimumHealthyPercent: 150 } },
      "`deployment.minimumHealthyPercent` must be a whole percentage from 0 to 100: got 150.",
    ],
    [
      "a maximum below 100",
      { deployment: { minimumHealthyPercent: 0, maximumPercent: 50 } },
      "`deployment.maximumPercent` must be a whole percentage of 100 or more: got 50.",
    ],
    [
      "a deployment that cannot progress",
      { deployment: { minimumHealthyPercent: 100, maximumPercent: 100 } },
      "`deployment` allows no deployment to make progress: with minimumHealthyPercent 100 and maximumPercent 100, ECS can neither stop an old task nor start a new one. Lower minimumHealthyPercent (0 stops before it starts) or raise maximumPercent.",
    ],
    [
      "no subnets",
      { network: { subnetIds: [] } },
      "`network.subnetIds` is empty. Give at least one subnet id, or leave `network` out to use the default VPC.",
    ],
    [
      "no security groups",
      { network: { subnetIds: ["s"], securityGroupIds: [] } },
      "`network.securityGroupIds` is empty. Give at least one security group id, or leave it out for one the component creates.",
    ],
    [
      "a root user",
      { user: "0:0" },
      '`user` must not be root: got "0:0". Use a non-root uid:gid such as "1000:1000" and make the image\'s files readable by it.',
    ],
    [
      "a root user by name",
      { user: "root" },
      '`user` must not be root: got "root". Use a non-root uid:gid such as "1000:1000" and make the image\'s files readable by it.',
    ],
    ["a malformed user", { user: "a b" }, '`user` must be "user", "uid", "user:group" or "uid:gid": got "a b".'],
    [
      "a stop timeout over the Fargate maximum",
      { stopTimeoutSeconds: 121 },
      "`stopTimeoutSeconds` must be a whole number of seconds from 2 to 120 (the Fargate maximum): got 121.",
    ],
    [
      "an alarm action that is not an ARN",
      { alarmActions: ["arn:aws:sns:eu-west-1:123456789012:alarms", "alarms"] },
      "`alarmActions[1]` must be an ARN (an SNS topic's, say): got \"alarms\". Use the topic's `arn` output.",
    ],
    [
      "an invalid container name",
      { containerName: "my app" },
      '`containerName` must be 1 to 255 letters, digits, hyphens or underscores: got "my app".',
    ],
    ["an unknown secret layout", { secretLayout: "many" as never }, '`secretLayout` must be "single" or "perVariable": got "many".'],
    [
      "an unknown platform",
      { image: { context, platform: "linux/386" as never } },
      '`image.platform` is not a platform Fargate runs: got "linux/386". Use "linux/amd64" or "linux/arm64".',
    ],
    [
      "a missing build context",
      { image: { context: "/nonexistent/ctx" } },
      `\`image.context\` is not a directory: got "/nonexistent/ctx" (resolved from ${JSON.stringify(process.cwd())}). Give the build context's path relative to the Pulumi program's working directory.`,
    ],
    [
      "a context without a Dockerfile",
      { image: { context: __dirname } },
      `\`image.context\` has no Dockerfile at ${JSON.stringify(`${__dirname}/Dockerfile`)}. Add one, or set \`image.dockerfile\` to its path.`,
    ],
    [
      "a missing Dockerfile path",
      { image: { context, dockerfile: "nope/Dockerfile" } },
      '`image.dockerfile` has no Dockerfile at "nope/Dockerfile". Add one, or set `image.dockerfile` to its path.',
    ],
    ["zero images kept", { image: { context, keepImages: 0 } }, "`image.keepImages` must be a whole number of images, 1 or more: got 0."],
    ["an unknown delivery", { secretDelivery: "sidecar" as never }, '`secretDelivery` must be "environment" or "files": got "sidecar".'],
    ["an unknown run mode", { runMode: "cron" as never }, '`runMode` must be "service" or "task": got "cron".'],
    [
      "a source of no known shape",
      { secrets: { API_KEY: { vault: "x" } as never } },
      '`secrets.API_KEY` names no source. Give exactly one of `value` (e.g. config.requireSecret("key")), `secretsManager` (ARN or name), `ssmParameter` (name or ARN) or `s3Object` (content).',
    ],
    [
      "two sources for one secret",
      { secrets: { API_KEY: { value: "v", secretsManager: "s" } } },
      "`secrets.API_KEY` names 2 sources (`value`, `secretsManager`). Give exactly one.",
    ],
    [
      "a bare value instead of a reference",
      { secrets: { API_KEY: "v" as never } },
      '`secrets.API_KEY` must be an object naming its source, e.g. { value: config.requireSecret("key") }: got "v". Wrap a value as { value: ... }.',
    ],
    [
      "a JSON key with a value",
      { secrets: { API_KEY: { value: "v", jsonKey: "k" } } },
      "`secrets.API_KEY.jsonKey` goes only with `secretsManager`, not with `value`. Remove it.",
    ],
    [
      "a key for an S3 object",
      { secrets: { API_KEY: { s3Object: "pem", kmsKeyArn: "arn:aws:kms:eu-west-1:123456789012:key/k" } } },
      "`secrets.API_KEY.kmsKeyArn` goes only with `secretsManager` or `ssmParameter`, not with `s3Object`. Remove it.",
    ],
    [
      "an image both built and pulled",
      { image: { context, name: "ghcr.io/o/a:1" } },
      "`image` gives both `context` (build here) and `name` (pull a built image). Give one.",
    ],
    [
      "build options for a pulled image",
      { image: { name: "ghcr.io/o/a:1", keepImages: 3 } },
      "`image.keepImages` goes only with `image.context` (an image the component builds), not with `image.name`. Remove it.",
    ],
    [
      "registry credentials for a built image",
      { image: { context, repositoryCredentials: { secretsManager: "s" } } },
      "`image.repositoryCredentials` goes only with `image.name` (an image pulled from a private registry). Remove it.",
    ],
    [
      "registry credentials of two kinds",
      { image: { name: "ghcr.io/o/a:1", repositoryCredentials: { username: "u", password: "p", secretsManager: "s" } } },
      "`image.repositoryCredentials` gives both `username`/`password` and `secretsManager`. Give one.",
    ],
    [
      "registry credentials of no kind",
      { image: { name: "ghcr.io/o/a:1", repositoryCredentials: {} } },
      '`image.repositoryCredentials` names no credentials. Give `username` and `password`, or `secretsManager` (a secret holding {"username","password"}).',
    ],
    [
      "a single action instead of a list",
      { taskRolePolicyStatements: [{ Effect: "Allow", Action: "s3:GetObject" as never, Resource: ["arn:aws:s3:::b/*"] }] },
      '`taskRolePolicyStatements[0].Action` must be a list of actions: got "s3:GetObject". Write ["s3:GetObject"].',
    ],
    [
      "a version id and a stage together",
      { secrets: { API_KEY: { secretsManager: "s", versionId: "v", versionStage: "AWSPREVIOUS" } } },
      "`secrets.API_KEY` sets both `versionId` and `versionStage`. Pin a version id, or follow a stage, not both.",
    ],
    [
      "following rotation of a pinned version",
      { secrets: { API_KEY: { secretsManager: "s", versionId: "v", followRotation: true } } },
      "`secrets.API_KEY.followRotation` follows the AWSCURRENT version, so it cannot be combined with `versionId` or `versionStage`. Remove them, or set followRotation: false.",
    ],
    [
      "following rotation without a service",
      { runMode: "task", secrets: { API_KEY: { secretsManager: "s", followRotation: true } } },
      '`secrets.API_KEY.followRotation` rolls a service, but runMode is "task": every run-task reads the current value anyway. Remove followRotation.',
    ],
    [
      "a log driver's secret option following rotation without a service, named where it is",
      {
        runMode: "task",
        logging: {
          logDriver: "splunk",
          options: { "splunk-url": "https://splunk.example:8088" },
          secretOptions: { "splunk-token": { secretsManager: "s", followRotation: true } },
        },
      },
      '`logging.secretOptions.splunk-token.followRotation` rolls a service, but runMode is "task": every run-task reads the current value anyway. Remove followRotation.',
    ],
    [
      "an empty JSON key",
      { secrets: { API_KEY: { secretsManager: "s", jsonKey: "" } } },
      "`secrets.API_KEY.jsonKey` is empty. Give the JSON key to extract, or leave it out for the whole secret.",
    ],
    [
      "an empty parameter name",
      { secrets: { API_KEY: { ssmParameter: "" } } },
      "`secrets.API_KEY.ssmParameter` is empty. Give the parameter's name or ARN.",
    ],
    [
      "an empty S3 object",
      { secrets: { API_KEY: { s3Object: "" } } },
      "`secrets.API_KEY.s3Object` is an empty string. Set it with `pulumi config set --secret <key> <value>`.",
    ],
    [
      "a named user with file delivery",
      { secretDelivery: "files", user: "node" },
      '`user` must be a numeric "uid:gid" when secrets are delivered as files (the init image makes the secrets volume theirs at build time): got "node". Use e.g. "1000:1000".',
    ],
    [
      "an environment variable that shadows a secret file",
      { secretDelivery: "files", environment: { API_KEY_FILE: "/x" } },
      "`environment.API_KEY_FILE` is set by the component to the path of the `API_KEY` secret file. Remove it from `environment`.",
    ],
    [
      "an S3 object as a log secret option",
      { logging: { logDriver: "splunk", secretOptions: { "splunk-token": { s3Object: "t" } } } },
      "`logging.secretOptions.splunk-token` is an S3 object, which can only be delivered as a file; ECS reads secretOptions itself. Use a value, a Secrets Manager secret or an SSM parameter.",
    ],
    [
      "an unknown log driver",
      { logging: { logDriver: "syslog" as never } },
      '`logging.logDriver` is not a log driver Fargate supports: got "syslog". Use "awslogs", "splunk" or "awsfirelens".',
    ],
    ["an empty image name", { image: { name: "" } }, '`image.name` is empty. Give an image reference such as "ghcr.io/org/app@sha256:...".'],
    [
      "registry credentials without a password",
      { image: { name: "ghcr.io/o/a", repositoryCredentials: { username: "u", password: "" } } },
      "`image.repositoryCredentials` needs a username and a password, or { secretsManager: <secret ARN> }.",
    ],
    [
      "a wildcard task action",
      { taskRolePolicyStatements: [{ Effect: "Allow", Action: ["*"], Resource: ["arn:aws:s3:::b"] }] },
      '`taskRolePolicyStatements[0].Action` grants every action: got "*". Name the actions the application calls, e.g. "dynamodb:BatchWriteItem".',
    ],
    [
      "an unknown effect",
      { taskRolePolicyStatements: [{ Effect: "Permit" as never, Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::b/*"] }] },
      '`taskRolePolicyStatements[0].Effect` must be "Allow" or "Deny": got "Permit".',
    ],
  ];
  for (const [what, args, message] of cases) {
    it(`rejects ${what}`, () => {
      expect(problems(args)).to.deep.equal([message]);
    });
  }

  it("rejects a component name that cannot derive valid AWS names", () => {
    expect(problems({}, "my_app!")).to.deep.equal([
      '`name` must be 1 to 32 letters, digits or hyphens, starting with a letter or digit, so that every derived AWS name is valid: got "my_app!". Rename the component, e.g. "app".',
    ]);
  });

  it("reports every problem at once", () => {
    expect(problems({ cpu: 300, desiredCount: -1, secrets: {} })).to.have.length(3);
  });

  it("skips values not known until deployment", () => {
    expect(problems({ secrets: { API_KEY: { value: pulumi.output("later") } }, network: { subnetIds: pulumi.output(["s"]) } })).to.deep.equal([]);
  });
});

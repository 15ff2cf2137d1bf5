/**
 * The stack program under Pulumi mocks. Each scenario runs the program in a child process of its own (see
 * `infra/mocked/scenario.ts`): the program is a module with top-level side effects and Pulumi's runtime state is global.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";
import { expect } from "chai";
import { RESULT_PREFIX, SCENARIO_REGION as REGION, type CapturedResource, type ScenarioResult } from "@twitterstream/test-kit/scenario";
import { DEFAULT_VPC, PRIVATE_VPC, tableArn } from "../mocked/mocks";

import { namedResources, REPLACEMENT } from "@twitterstream/test-kit/platform/replacement";

const REPO = path.resolve(__dirname, "..", "..");
const SCENARIO = path.join(__dirname, "..", "mocked", "scenario.ts");

/** Distinct, recognisable credential values: none may appear outside the secret version. */
const CREDENTIALS = {
  consumerKey: "ck-7Hq2-consumer-key",
  consumerSecretKey: "cs-9Xw4-consumer-secret",
  accessToken: "at-3Lp8-access-token",
  accessTokenSecret: "as-5Rt1-access-secret",
};
const BEARER_TOKEN = "bt-2Mz6-bearer-token";
const SECRET_KEYS = [...Object.keys(CREDENTIALS), "bearerToken"].map((k) => `twitterstream:${k}`);

/** Stack config as `pulumi config` would hand it to the program: namespaced keys, string values. */
function stackConfig(values: Record<string, string>): Record<string, string> {
  const config: Record<string, string> = { "aws:region": REGION };
  for (const [k, v] of Object.entries(values)) config[`twitterstream:${k}`] = v;
  return config;
}

/**
 * How the child process loads TypeScript: tsx from the repository root, as the tests do; or as `pulumi up` does, with
 * ts-node from infra/ (Pulumi's working directory for `main: infra/`), reading infra/tsconfig.json, transpiling only.
 */
const LOADERS = {
  tsx: { cwd: REPO, args: ["--import", "tsx"], env: {} },
  pulumi: {
    cwd: path.join(REPO, "infra"),
    args: ["--require", "ts-node/register"],
    env: { TS_NODE_PROJECT: "tsconfig.json", TS_NODE_TRANSPILE_ONLY: "true" },
  },
};

/** Runs the program once under mocks in a child process. */
function runScenario(
  config: Record<string, string>,
  loader: keyof typeof LOADERS = "tsx",
  secretKeys: string[] = SECRET_KEYS,
): Promise<ScenarioResult> {
  const input = JSON.stringify({ config, secretKeys });
  const { cwd, args, env } = LOADERS[loader];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...args, SCENARIO, input],
      { cwd, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const line = stdout.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
        if (line === undefined) reject(new Error(`scenario printed no result (${String(error)}):\n${stdout}\n${stderr}`));
        else resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as ScenarioResult);
      },
    );
  });
}

function only(result: ScenarioResult, type: string): CapturedResource {
  const found = result.resources.filter((r) => r.type === type);
  expect(
    found.map((r) => r.name),
    `resources of type ${type}`,
  ).to.have.length(1);
  return found[0];
}

function byName(result: ScenarioResult, type: string, name: string): CapturedResource {
  const found = result.resources.find((r) => r.type === type && r.name === name);
  if (!found) throw new Error(`no ${type} named ${name}`);
  return found;
}

interface ContainerDefinition {
  environment: Array<{ name: string; value: string }>;
  secrets: Array<{ name: string; valueFrom: string }>;
  healthCheck: Record<string, unknown>;
  readonlyRootFilesystem: boolean;
  mountPoints: Array<{ sourceVolume: string; containerPath: string; readOnly: boolean }>;
  stopTimeout: number;
}

/** A policy document as the tests read it, parsed from JSON. */
interface PolicyDocument {
  Statement: Array<{ Sid: string; Resource: unknown; Condition: Record<string, Record<string, unknown>> }>;
}

function container(result: ScenarioResult): ContainerDefinition {
  const definitions = JSON.parse(
    String(only(result, "aws:ecs/taskDefinition:TaskDefinition").inputs.containerDefinitions),
  ) as ContainerDefinition[];
  return definitions[0];
}

describe("twitterstream stack", function () {
  // Each child process loads TypeScript and the Pulumi SDK: a few seconds, run side by side. The children have no limit
  // of their own: this one, for a quiet machine, is scaled to the load by the test reporter (scripts/mocha-timeouts.cjs).
  this.timeout(120_000);

  let defaultNetwork: ScenarioResult;
  let privateNetwork: ScenarioResult;
  let missingSecrets: ScenarioResult;
  let invalidSettings: ScenarioResult;
  let spot: ScenarioResult;
  let mailed: ScenarioResult;
  let badMonitoring: ScenarioResult;
  let backedUp: ScenarioResult;

  before(async () => {
    [defaultNetwork, privateNetwork, missingSecrets, invalidSettings, spot, mailed, badMonitoring, backedUp] = await Promise.all([
      runScenario(
        stackConfig({
          ...CREDENTIALS,
          bearerToken: BEARER_TOKEN,
          tableName: "twitterStream-test",
          filter: 'Cloud Computing, "amazon web services"',
        }),
      ),
      // As `pulumi up` loads it: from infra/, where the build context must still be found.
      runScenario(
        stackConfig({ ...CREDENTIALS, network: "private", deletionProtection: "false", imagePlatform: "linux/arm64", secretDelivery: "files" }),
        "pulumi",
      ),
      runScenario(stackConfig({ consumerSecretKey: "cs", accessToken: "at", accessTokenSecret: "   " })),
      runScenario(
        stackConfig({
          ...CREDENTIALS,
          network: "public",
          secretDelivery: "sidecar",
          desiredCount: "2",
          spot: "true",
          imagePlatform: "linux/arm64",
        }),
      ),
      runScenario(stackConfig({ ...CREDENTIALS, spot: "true" })),
      runScenario(stackConfig({ ...CREDENTIALS, alarmEmail: "ops@example.com", noPostsStoredMinutes: "15", postsReadAlarmPerDay: "0" })),
      runScenario(stackConfig({ ...CREDENTIALS, alarmEmail: "ops at example", noPostsStoredMinutes: "7", postsReadAlarmPerDay: "-1" })),
      runScenario(stackConfig({ ...CREDENTIALS, tableName: "twitterStream-test", backup: "true" })),
    ]);
  });

  describe("GIVEN every credential and the default network", () => {
    it("runs without error, answering only the invokes it is known to make", () => {
      expect(defaultNetwork.error).to.equal(undefined);
      expect(defaultNetwork.resources).to.not.be.empty;
    });

    it("makes the posts table: user + date keys, a keys-only index on id, pay per request, PITR, SSE, deletion protection, no TTL", () => {
      const table = only(defaultNetwork, "aws:dynamodb/table:Table");
      expect(table.inputs).to.deep.equal({
        name: "twitterStream-test",
        billingMode: "PAY_PER_REQUEST",
        hashKey: "user",
        rangeKey: "date",
        attributes: [
          { name: "user", type: "S" },
          { name: "date", type: "S" },
          { name: "id", type: "S" },
          { name: "refId", type: "S" },
        ],
        globalSecondaryIndexes: [
          { name: "byId", hashKey: "id", projectionType: "KEYS_ONLY" },
          { name: "byRef", hashKey: "refId", projectionType: "INCLUDE", nonKeyAttributes: ["refType"] },
        ],
        pointInTimeRecovery: { enabled: true },
        serverSideEncryption: { enabled: true },
        deletionProtectionEnabled: true,
      });
    });

    it("lets the task role write to that table's ARN and read its byId and byRef indexes only, with only the actions the image calls", () => {
      const policy = byName(defaultNetwork, "aws:iam/rolePolicy:RolePolicy", "twitterstream-task-policy");
      expect(JSON.parse(String(policy.inputs.policy))).to.deep.equal({
        Version: "2012-10-17",
        Statement: [
          { Sid: "WritePosts", Effect: "Allow", Action: "dynamodb:BatchWriteItem", Resource: tableArn("twitterStream-test") },
          {
            Sid: "RedactQuotes",
            Effect: "Allow",
            Action: "dynamodb:UpdateItem",
            Resource: tableArn("twitterStream-test"),
            Condition: { StringEqualsIfExists: { "dynamodb:ReturnValues": "NONE" } },
          },
          {
            Sid: "SweepPosition",
            Effect: "Allow",
            Action: ["dynamodb:GetItem", "dynamodb:PutItem"],
            Resource: tableArn("twitterStream-test"),
            Condition: { "ForAllValues:StringEquals": { "dynamodb:LeadingKeys": "#compliance" }, Null: { "dynamodb:LeadingKeys": "false" } },
          },
          {
            Sid: "ScanPostIds",
            Effect: "Allow",
            Action: ["dynamodb:Scan", "dynamodb:Query"],
            Resource: [`${tableArn("twitterStream-test")}/index/byId`, `${tableArn("twitterStream-test")}/index/byRef`],
          },
        ],
      });
    });

    it("stops the old task before starting the new one (X allows one stream connection per app)", () => {
      const service = only(defaultNetwork, "aws:ecs/service:Service");
      expect(service.inputs.deploymentMinimumHealthyPercent).to.equal(0);
      expect(service.inputs.deploymentMaximumPercent).to.equal(100);
      expect(service.inputs.desiredCount).to.equal(1);
    });

    it("runs in the default VPC's default subnets with a public IP, found by the component", () => {
      expect(defaultNetwork.resources.filter((r) => r.type.startsWith("awsx:"))).to.be.empty;
      expect(defaultNetwork.invokes).to.include.members(["aws:ec2/getVpcs:getVpcs", "aws:ec2/getSubnets:getSubnets"]);
      const service = only(defaultNetwork, "aws:ecs/service:Service");
      expect(service.inputs.networkConfiguration).to.deep.include({
        subnets: DEFAULT_VPC.subnetIds,
        assignPublicIp: true,
      });
      expect(only(defaultNetwork, "aws:ec2/securityGroup:SecurityGroup").inputs.vpcId).to.equal(DEFAULT_VPC.vpcId);
    });

    it("checks the container's health with node dist/health.js at a cadence computed from the reconnect policy's bounds, the circuit breaker on", () => {
      // The defaults' start-up bound is 180 s (heartbeat.ts): a task whose stream has not connected by then fails 3
      // checks 15 s apart, while its deployment is in progress, where the circuit breaker counts it.
      expect(container(defaultNetwork).healthCheck).to.deep.equal({
        command: ["CMD", "node", "dist/health.js"],
        interval: 15,
        timeout: 10,
        retries: 3,
        startPeriod: 180,
      });
      expect(only(defaultNetwork, "aws:ecs/service:Service").inputs.deploymentCircuitBreaker).to.deep.equal({ enable: true, rollback: true });
    });

    it("gives the container the table, region, filter, metrics dimension, rule tag, drain deadline and spill directory as plaintext, the five credentials by reference", () => {
      const definition = container(defaultNetwork);
      expect(definition.environment).to.deep.equal([
        { name: "AWSREGION", value: REGION },
        { name: "DYNAMODBTABLE", value: "twitterStream-test" },
        { name: "FILTER", value: 'Cloud Computing, "amazon web services"' },
        { name: "METRICS_SERVICE", value: "twitterstream-dev" },
        { name: "RULE_TAG", value: "twitterstream-dev" },
        { name: "SHUTDOWN_TIMEOUT_MS", value: "110000" },
        { name: "SPILL_DIR", value: "/tmp/twitterstream-spill" },
      ]);
      // The spill directory is on the task-scoped volume mounted writable at /tmp; the root filesystem is read-only.
      expect(definition.readonlyRootFilesystem).to.equal(true);
      expect(definition.mountPoints).to.deep.include({ sourceVolume: "tmp", containerPath: "/tmp", readOnly: false });
      // ECS waits the Fargate maximum after SIGTERM; the service's own deadline ends 10 s before it.
      expect(definition.stopTimeout).to.equal(120);
      expect(definition.secrets.map((s) => s.name)).to.deep.equal([
        "ACCESSTOKEN",
        "ACCESSTOKENSECRET",
        "BEARERTOKEN",
        "CONSUMERKEY",
        "CONSUMERSECRETKEY",
      ]);
      for (const s of definition.secrets) expect(s.valueFrom).to.match(/^arn:aws:secretsmanager:.+:[A-Z]+::[0-9a-f]+$/);
    });

    it("stores each credential under its environment name, as a secret input, in the secret version only", () => {
      const version = only(defaultNetwork, "aws:secretsmanager/secretVersion:SecretVersion");
      expect(version.secretInputs).to.include("secretString");
      expect(JSON.parse(String(version.inputs.secretString))).to.deep.equal({
        ACCESSTOKEN: CREDENTIALS.accessToken,
        ACCESSTOKENSECRET: CREDENTIALS.accessTokenSecret,
        BEARERTOKEN: BEARER_TOKEN,
        CONSUMERKEY: CREDENTIALS.consumerKey,
        CONSUMERSECRETKEY: CREDENTIALS.consumerSecretKey,
      });
      const values = [...Object.values(CREDENTIALS), BEARER_TOKEN];
      for (const resource of defaultNetwork.resources.filter((r) => r !== version)) {
        const inputs = JSON.stringify(resource.inputs);
        for (const value of values) expect(inputs, `${resource.type} ${resource.name}`).to.not.include(value);
      }
    });

    it("names no child with a fixed physical name that the replacement list does not cover (the table's name fails safe)", () => {
      for (const result of [defaultNetwork, privateNetwork]) {
        for (const r of namedResources(result.resources)) {
          const entry = REPLACEMENT.find((e) => e.type === r.type);
          expect(entry?.nameFields, `${r.type} ${r.name}: add it to packages/test-kit/src/platform/replacement.ts`).to.include.members(r.fields);
        }
      }
      expect(REPLACEMENT.find((e) => e.type === "aws:dynamodb/table:Table")!.strategy).to.equal("fails safe, keeps the data");
    });

    it("exports table, cluster, service, log group, image and secret ARNs: none secret, none holding a credential", () => {
      const outputs = defaultNetwork.outputs;
      expect(Object.keys(outputs).sort()).to.deep.equal([
        "alarmTopicArn",
        "clusterName",
        "dashboard",
        "imageRef",
        "logGroupName",
        "secretArns",
        "serviceName",
        "tableName",
        "taskDefinitionArn",
      ]);
      expect(outputs.tableName.value).to.equal("twitterStream-test");
      expect(outputs.imageRef.value).to.match(/\.dkr\.ecr\..+@sha256:[0-9a-f]{64}$/);
      expect(outputs.secretArns.value).to.be.an("array").with.length(1);
      const serialized = JSON.stringify(outputs);
      for (const [name, output] of Object.entries(outputs)) expect(output.secret, name).to.equal(false);
      for (const value of [...Object.values(CREDENTIALS), BEARER_TOKEN]) expect(serialized).to.not.include(value);
    });

    it("builds the image from service/, relative to the working directory, for linux/amd64", () => {
      const image = only(defaultNetwork, "docker:index/image:Image");
      expect(image.inputs.build).to.deep.include({ context: "service", platform: "linux/amd64" });
    });
  });

  describe("GIVEN network `private`, deletion protection off, arm64, no table name, no bearer token, file delivery", () => {
    it("runs without error when loaded as Pulumi loads it (ts-node, from infra/)", () => {
      expect(privateNetwork.error).to.equal(undefined);
    });

    it("makes a VPC through awsx with private and public subnets and one NAT gateway, and no default-VPC lookup", () => {
      const vpc = only(privateNetwork, "awsx:ec2:Vpc");
      expect(vpc.inputs.natGateways).to.deep.equal({ strategy: "Single" });
      expect(vpc.inputs.subnetSpecs).to.deep.equal([{ type: "Private" }, { type: "Public" }]);
      expect(privateNetwork.resources.filter((r) => r.type === "awsx:ec2:DefaultVpc")).to.be.empty;
    });

    it("puts the tasks in the private subnets without a public IP, in that VPC", () => {
      const service = only(privateNetwork, "aws:ecs/service:Service");
      expect(service.inputs.networkConfiguration).to.deep.include({
        subnets: PRIVATE_VPC.privateSubnetIds,
        assignPublicIp: false,
      });
      expect(only(privateNetwork, "aws:ec2/securityGroup:SecurityGroup").inputs.vpcId).to.equal(PRIVATE_VPC.vpcId);
    });

    it("leaves the table name to Pulumi and turns deletion protection off; the grant follows the table", () => {
      const table = only(privateNetwork, "aws:dynamodb/table:Table");
      expect(table.inputs).to.not.have.property("name");
      expect(table.inputs.deletionProtectionEnabled).to.equal(false);
      const tableName = String(privateNetwork.outputs.tableName.value);
      const policy = byName(privateNetwork, "aws:iam/rolePolicy:RolePolicy", "twitterstream-task-policy");
      expect((JSON.parse(String(policy.inputs.policy)) as PolicyDocument).Statement[0].Resource).to.equal(tableArn(tableName));
      expect(container(privateNetwork).environment).to.deep.include({ name: "DYNAMODBTABLE", value: tableName });
    });

    it("defaults FILTER to Cloud Computing and passes no BEARERTOKEN when none is set", () => {
      const definition = container(privateNetwork);
      expect(definition.environment).to.deep.include({ name: "FILTER", value: "Cloud Computing" });
      expect(definition.secrets.map((s) => s.name)).to.not.include("BEARERTOKEN");
    });

    it("delivers the credentials as files the service reads through <NAME>_FILE, injected into the init container alone", () => {
      const definition = container(privateNetwork);
      expect(definition.secrets).to.deep.equal([]);
      for (const name of Object.values({ a: "ACCESSTOKEN", b: "ACCESSTOKENSECRET", c: "CONSUMERKEY", d: "CONSUMERSECRETKEY" })) {
        expect(definition.environment).to.deep.include({ name: `${name}_FILE`, value: `/run/secrets/${name}` });
      }
      const taskPolicy = JSON.parse(
        String(byName(privateNetwork, "aws:iam/rolePolicy:RolePolicy", "twitterstream-task-policy").inputs.policy),
      ) as PolicyDocument;
      expect(taskPolicy.Statement.map((st) => st.Sid)).to.deep.equal(["WritePosts", "RedactQuotes", "SweepPosition", "ScanPostIds"]);
      const executionPolicy = JSON.parse(
        String(byName(privateNetwork, "aws:iam/rolePolicy:RolePolicy", "twitterstream-execution-policy").inputs.policy),
      ) as PolicyDocument;
      expect(executionPolicy.Statement.map((st) => st.Sid)).to.include.members(["ReadSecrets", "DecryptViaSecretsManager"]);
      const definitions = JSON.parse(String(only(privateNetwork, "aws:ecs/taskDefinition:TaskDefinition").inputs.containerDefinitions)) as Array<{
        name: string;
        secrets?: Array<{ name: string }>;
      }>;
      expect(definitions.map((d) => d.name)).to.deep.equal(["app", "secrets-init"]);
      expect(definitions[1].secrets?.map((s) => s.name)).to.have.members(
        ["ACCESSTOKEN", "ACCESSTOKENSECRET", "CONSUMERKEY", "CONSUMERSECRETKEY"].map((name) => `SECRET_VALUE_${name}`),
      );
    });

    it("builds for arm64 from ../service when run from infra/, and runs on ARM64 Fargate", () => {
      const image = byName(privateNetwork, "docker:index/image:Image", "twitterstream-image");
      expect(image.inputs.build).to.deep.include({ context: "../service", platform: "linux/arm64" });
      const task = only(privateNetwork, "aws:ecs/taskDefinition:TaskDefinition");
      expect(task.inputs.runtimePlatform).to.deep.include({ cpuArchitecture: "ARM64" });
    });
  });

  describe("GIVEN missing or blank credentials", () => {
    it("fails before creating anything, with the exact command for each missing key", () => {
      expect(missingSecrets.error).to.equal(
        [
          "Missing X API credentials `consumerKey`, `accessTokenSecret`. Run:",
          "  pulumi config set --secret consumerKey <value>",
          "  pulumi config set --secret accessTokenSecret <value>",
        ].join("\n"),
      );
      expect(missingSecrets.resources).to.be.empty;
    });
  });

  describe("GIVEN credentials set without --secret", () => {
    let plaintextCredentials: ScenarioResult;
    // On its own, after the others: one more child process beside them would slow each on a busy machine.
    before(async () => {
      // `pulumi config set bearerToken X` and `pulumi config set accessToken X`, without --secret.
      plaintextCredentials = await runScenario(
        stackConfig({ ...CREDENTIALS, bearerToken: BEARER_TOKEN }),
        "tsx",
        SECRET_KEYS.filter((k) => k !== "twitterstream:bearerToken" && k !== "twitterstream:accessToken"),
      );
    });

    it("fails before creating anything, naming each plaintext key and the command that sets it as a secret, without its value", () => {
      expect(plaintextCredentials.error).to.equal(
        [
          "X API credentials `accessToken`, `bearerToken` set in plaintext: the stack's config (Pulumi.dev.yaml) holds them unencrypted. Set each again as a secret (and rotate it at X if that file was committed or shared):",
          "  pulumi config set --secret accessToken <value>",
          "  pulumi config set --secret bearerToken <value>",
        ].join("\n"),
      );
      expect(plaintextCredentials.error).to.not.include(BEARER_TOKEN).and.not.include(CREDENTIALS.accessToken);
      expect(plaintextCredentials.resources).to.be.empty;
    });
  });

  describe("GIVEN spot", () => {
    it("runs the worker on Fargate Spot only, instead of the FARGATE launch type, with the provider on the stack's cluster", () => {
      expect(spot.error).to.equal(undefined);
      const service = only(spot, "aws:ecs/service:Service");
      expect(service.inputs).to.not.have.property("launchType");
      expect(service.inputs.capacityProviderStrategies).to.deep.equal([{ capacityProvider: "FARGATE_SPOT", weight: 1, base: 0 }]);
      expect(only(spot, "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders").inputs.capacityProviders).to.deep.equal(["FARGATE_SPOT"]);
      // The default stays on-demand.
      expect(only(defaultNetwork, "aws:ecs/service:Service").inputs.launchType).to.equal("FARGATE");
      expect(defaultNetwork.resources.filter((r) => r.type === "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders")).to.deep.equal([]);
    });
  });

  describe("GIVEN an unknown network mode, an unknown delivery, two tasks, and Spot with arm64", () => {
    it("fails with every problem at once, each naming the key, the value and the fix", () => {
      expect(invalidSettings.error).to.equal(
        [
          '`twitterstream:network` must be "default" or "private" ("default": the account\'s default VPC, tasks with a public IP; "private": a new VPC, private subnets, one NAT gateway): got "public". Run: pulumi config set network default',
          '`twitterstream:secretDelivery` must be "environment" or "files" ("environment": ECS injects them as variables; "files": an init container writes them to a task volume): got "sidecar". Run: pulumi config set secretDelivery environment',
          "`twitterstream:desiredCount` must be 0 (service stopped) or 1: got 2. X allows one filtered-stream connection per app: a second task would be refused with 429 TooManyConnections. Run: pulumi config set desiredCount 1",
          "`twitterstream:spot` is true, but `twitterstream:imagePlatform` is linux/arm64: Fargate Spot runs x86 tasks only (AWS: Linux tasks with the ARM64 architecture don't support the Fargate Spot capacity provider). Run: pulumi config set spot false, or pulumi config set imagePlatform linux/amd64",
        ].join("\n"),
      );
      expect(invalidSettings.resources).to.be.empty;
    });
  });

  describe("GIVEN backup (twitterstream:backup)", () => {
    const BACKUP_TYPES = ["aws:backup/vault:Vault", "aws:backup/plan:Plan", "aws:backup/selection:Selection"];

    it("makes no backup plan, vault or role by default", () => {
      for (const result of [defaultNetwork, privateNetwork]) {
        expect(result.resources.filter((r) => r.type.startsWith("aws:backup/")).map((r) => r.type)).to.deep.equal([]);
        expect(result.resources.filter((r) => r.name.includes("backup-")).map((r) => r.name)).to.deep.equal([]);
      }
    });

    it("backs the table up daily, kept 35 days, into a vault encrypted with a rotating key of its own", () => {
      expect(backedUp.error).to.equal(undefined);
      for (const type of BACKUP_TYPES) only(backedUp, type);
      const key = byName(backedUp, "aws:kms/key:Key", "backup-vault-key");
      expect(key.inputs.enableKeyRotation).to.equal(true);
      expect(JSON.parse(String(key.inputs.policy))).to.deep.equal({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "AccountAdministersAndDelegatesThroughIam",
            Effect: "Allow",
            Principal: { AWS: "arn:aws:iam::123456789012:root" },
            Action: "kms:*",
            Resource: "*",
          },
        ],
      });
      const vault = only(backedUp, "aws:backup/vault:Vault");
      expect(vault.inputs.kmsKeyArn).to.match(/^arn:aws:kms:us-east-1:123456789012:key\//);
      expect(only(backedUp, "aws:backup/plan:Plan").inputs.rules).to.deep.equal([
        { ruleName: "daily", targetVaultName: "backup-vault-1234567", schedule: "cron(0 5 ? * * *)", lifecycle: { deleteAfter: 35 } },
      ]);
    });

    it("selects exactly the stack's table, with a role only AWS Backup assumes, holding AWS's backup policy and the vault key", () => {
      const selection = only(backedUp, "aws:backup/selection:Selection");
      expect(selection.inputs.resources).to.deep.equal([tableArn("twitterStream-test")]);
      const role = byName(backedUp, "aws:iam/role:Role", "twitterstream-backup-role");
      expect(selection.inputs.iamRoleArn).to.equal("arn:aws:iam::123456789012:role/twitterstream-backup-role-1234567");
      expect(JSON.parse(String(role.inputs.assumeRolePolicy))).to.deep.equal({
        Version: "2012-10-17",
        Statement: [{ Sid: "AwsBackupAssumesThisRole", Effect: "Allow", Principal: { Service: "backup.amazonaws.com" }, Action: "sts:AssumeRole" }],
      });
      expect(only(backedUp, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").inputs).to.deep.equal({
        role: "twitterstream-backup-role-1234567",
        policyArn: "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
      });
      const keyArn = byName(backedUp, "aws:backup/vault:Vault", "backup-vault").inputs.kmsKeyArn;
      const grants = JSON.parse(String(byName(backedUp, "aws:iam/rolePolicy:RolePolicy", "backup-role-vault-key").inputs.policy)) as {
        Statement: Array<{ Resource: unknown }>;
      };
      expect(grants.Statement.map((st) => st.Resource)).to.deep.equal([keyArn, keyArn]);
    });
  });

  describe("GIVEN the monitoring (alarm topic, alarms, stopped-task rule, dashboard)", () => {
    const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
    const topicArn = (r: ScenarioResult): unknown => r.outputs.alarmTopicArn.value;

    it("encrypts the alarm topic with a rotating key of its own that lets only CloudWatch and EventBridge publish", () => {
      const topic = only(defaultNetwork, "aws:sns/topic:Topic");
      const key = byName(defaultNetwork, "aws:kms/key:Key", "alarm-topic-key");
      expect(topic.inputs.kmsMasterKeyId).to.match(/^arn:aws:kms:us-east-1:123456789012:key\//);
      expect(key.inputs.enableKeyRotation).to.equal(true);
      const policy = JSON.parse(String(key.inputs.policy)) as { Statement: Array<{ Principal: unknown; Action: unknown }> };
      expect(policy.Statement.slice(1)).to.deep.equal([
        {
          Sid: "AccountAlarmsPublishToTheTopic",
          Effect: "Allow",
          Principal: { Service: "cloudwatch.amazonaws.com" },
          Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
          Resource: "*",
          Condition: {
            StringEquals: { "aws:SourceAccount": "123456789012" },
            ArnLike: { "aws:SourceArn": "arn:aws:cloudwatch:us-east-1:123456789012:alarm:*" },
          },
        },
        {
          Sid: "EventsPublishToTheTopic",
          Effect: "Allow",
          Principal: { Service: "events.amazonaws.com" },
          Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
          Resource: "*",
        },
      ]);
    });

    it("sends every alarm to the topic, on ALARM and on OK", () => {
      const alarms = defaultNetwork.resources.filter((r) => r.type === ALARM);
      expect(alarms.map((a) => a.name).sort()).to.deep.equal(
        [
          "alarm-no-posts-stored",
          "alarm-posts-dropped",
          "alarm-posts-read-today",
          "alarm-reconnect-storm",
          "alarm-rule-readded",
          "alarm-skipped-lines",
          "alarm-table-errors",
          "alarm-table-throttled",
          "alarm-tasks-below-desired",
          "alarm-usage-capped",
        ].sort(),
      );
      for (const a of alarms) {
        expect(a.inputs.alarmActions, a.name).to.deep.equal([topicArn(defaultNetwork)]);
        expect(a.inputs.okActions, a.name).to.deep.equal([topicArn(defaultNetwork)]);
      }
    });

    it("reads the table's and the service's metrics by their real names", () => {
      const throttled = byName(defaultNetwork, ALARM, "alarm-table-throttled");
      expect(throttled.inputs).to.deep.include({
        namespace: "AWS/DynamoDB",
        metricName: "WriteThrottleEvents",
        dimensions: { TableName: "twitterStream-test" },
      });
      const tasks = byName(defaultNetwork, ALARM, "alarm-tasks-below-desired");
      const queries = tasks.inputs.metricQueries as Array<{ id: string; metric?: { dimensions: Record<string, string> } }>;
      expect(queries[0].metric?.dimensions).to.deep.equal({
        ClusterName: "twitterstream-cluster-1234567",
        ServiceName: "twitterstream-service-1234567",
      });
      const idle = byName(defaultNetwork, ALARM, "alarm-no-posts-stored");
      expect(idle.inputs).to.include({ evaluationPeriods: 12, datapointsToAlarm: 12 });
    });

    it("lets the account's alarms and only the stopped-task rule publish, and targets the rule after that policy", () => {
      const policy = only(defaultNetwork, "aws:sns/topicPolicy:TopicPolicy");
      const rule = only(defaultNetwork, "aws:cloudwatch/eventRule:EventRule");
      const doc = JSON.parse(String(policy.inputs.policy)) as { Statement: Array<{ Resource: string; Condition?: unknown }> };
      for (const st of doc.Statement) expect(st.Resource).to.equal(topicArn(defaultNetwork));
      expect(doc.Statement[2].Condition).to.deep.equal({
        ArnEquals: { "aws:SourceArn": "arn:aws:events:us-east-1:123456789012:rule/stopped-tasks-1234567" },
      });
      const pattern = JSON.parse(String(rule.inputs.eventPattern)) as { detail: { group: string[] } };
      expect(pattern.detail.group).to.deep.equal(["service:twitterstream-service-1234567"]);
      const target = only(defaultNetwork, "aws:cloudwatch/eventTarget:EventTarget");
      expect(target.inputs.arn).to.equal(topicArn(defaultNetwork));
    });

    it("makes a dashboard named after the stack whose body shows the stack's table, service and alarms", () => {
      const dashboard = only(defaultNetwork, "aws:cloudwatch/dashboard:Dashboard");
      expect(dashboard.inputs.dashboardName).to.equal("twitterstream-dev");
      const body = String(dashboard.inputs.dashboardBody);
      expect(body).to.contain('"twitterStream-test"').and.contain("twitterstream-service-1234567").and.contain(":alarm:alarm-usage-capped-1234567");
      expect(defaultNetwork.outputs.dashboard.value).to.equal("twitterstream-dev");
    });

    it("subscribes alarmEmail by mail, drops the posts-read alarm at 0, and reads noPostsStoredMinutes", () => {
      expect(mailed.error).to.equal(undefined);
      expect(only(mailed, "aws:sns/topicSubscription:TopicSubscription").inputs).to.deep.include({
        protocol: "email",
        endpoint: "ops@example.com",
        topic: topicArn(mailed),
      });
      expect(mailed.resources.some((r) => r.name === "alarm-posts-read-today")).to.equal(false);
      expect(byName(mailed, ALARM, "alarm-no-posts-stored").inputs).to.include({ evaluationPeriods: 3 });
      expect(defaultNetwork.resources.some((r) => r.type === "aws:sns/topicSubscription:TopicSubscription")).to.equal(false);
    });

    it("refuses a bad address, minutes off the 5-minute grid and a negative post count, naming each key and its fix", () => {
      expect(badMonitoring.resources).to.deep.equal([]);
      expect(badMonitoring.error).to.contain("`twitterstream:alarmEmail` is not a mail address").and.contain("pulumi config set alarmEmail");
      expect(badMonitoring.error).to.contain("`twitterstream:noPostsStoredMinutes` must be a multiple of 5").and.contain("got 7");
      expect(badMonitoring.error).to.contain("`twitterstream:postsReadAlarmPerDay` must be a whole number").and.contain("got -1");
    });
  });
});

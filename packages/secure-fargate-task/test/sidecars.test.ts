/**
 * Sidecars: the pure container definition, the argument rules (names, dependencies, shares, ports, secret sources) and,
 * under mocks, the exact task definition, the secrets the component stores for a sidecar and the execution role's grants.
 */
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import type { SecureFargateTaskArgs, SidecarArgs } from "../src";
import { sidecarContainerDefinition } from "../src/ecs/containerDefinition";
import { taskContainerDefinitions } from "../src/ecs/taskContainers";
import { dependencyCycle } from "../src/ecs/validateSidecars";
import { InvalidArgumentsError } from "../src/errors";
import { validateArgs } from "../src/validate";
import { ACCOUNT, makeContext, REGION } from "@twitterstream/test-kit/mocks";
import { mockRun } from "./mockRun";
import { SECRETS } from "@twitterstream/test-kit/secrets";
import { containerDefinitions, rolePolicy, runComponent } from "./runComponent";

const context = makeContext();
const valid: SecureFargateTaskArgs = { image: { context }, secrets: { API_KEY: { value: "k" } } };
const AGENT = "public.ecr.aws/datadog/agent:7.60.0";
const DD_API_KEY = "dd-api-key-value-7";
const GROUP = "/ecs/proj/dev/app";

/** The messages validateArgs rejects these sidecars with (none when it accepts them). */
function problems(sidecars: SidecarArgs[], overrides: Partial<SecureFargateTaskArgs> = {}): string[] {
  try {
    validateArgs("app", { ...valid, ...overrides, sidecars });
    return [];
  } catch (e) {
    if (e instanceof InvalidArgumentsError) return e.errors.map((x) => x.message);
    throw e;
  }
}

const awslogs = (prefix: string) => ({
  logDriver: "awslogs",
  options: {
    "awslogs-group": GROUP,
    "awslogs-region": REGION,
    "awslogs-stream-prefix": prefix,
    mode: "non-blocking",
    "max-buffer-size": "25m",
  },
});

describe("sidecars", () => {
  describe("sidecarContainerDefinition", () => {
    it("hardens the sidecar like the app, gives it its own /tmp and sorts secrets and dependencies", () => {
      expect(
        sidecarContainerDefinition({
          name: "datadog",
          image: AGENT,
          command: ["agent", "run"],
          essential: false,
          cpu: 64,
          memory: 256,
          user: "1000:1000",
          environment: { ECS_FARGATE: "true", DD_SITE: "datadoghq.eu" },
          secrets: [
            { name: "Z", valueFrom: "arn:z" },
            { name: "DD_API_KEY", valueFrom: "arn:dd" },
          ],
          dependsOn: [
            { containerName: "migrate", condition: "SUCCESS" },
            { containerName: "app", condition: "START" },
          ],
          portMappings: [{ containerPort: 8126, protocol: "tcp" }],
          logConfiguration: awslogs("datadog"),
        }),
      ).to.deep.equal({
        name: "datadog",
        image: AGENT,
        essential: false,
        cpu: 64,
        memory: 256,
        user: "1000:1000",
        privileged: false,
        readonlyRootFilesystem: true,
        linuxParameters: { initProcessEnabled: true },
        command: ["agent", "run"],
        environment: [
          { name: "DD_SITE", value: "datadoghq.eu" },
          { name: "ECS_FARGATE", value: "true" },
        ],
        secrets: [
          { name: "DD_API_KEY", valueFrom: "arn:dd" },
          { name: "Z", valueFrom: "arn:z" },
        ],
        mountPoints: [{ sourceVolume: "datadog-tmp", containerPath: "/tmp", readOnly: false }],
        logConfiguration: awslogs("datadog"),
        dependsOn: [
          { containerName: "app", condition: "START" },
          { containerName: "migrate", condition: "SUCCESS" },
        ],
        portMappings: [{ containerPort: 8126, protocol: "tcp" }],
      });
    });

    it("leaves out what is not given: command, secrets, dependencies, health check, ports", () => {
      const definition = sidecarContainerDefinition({
        name: "proxy",
        image: "nginx:1.27",
        essential: true,
        cpu: 0,
        memory: 128,
        user: "101:101",
        environment: {},
        secrets: [],
        dependsOn: [],
        portMappings: [],
        logConfiguration: awslogs("proxy"),
      });
      expect(Object.keys(definition)).to.deep.equal([
        "name",
        "image",
        "essential",
        "cpu",
        "memory",
        "user",
        "privileged",
        "readonlyRootFilesystem",
        "linuxParameters",
        "environment",
        "mountPoints",
        "logConfiguration",
      ]);
    });
  });

  describe("taskContainerDefinitions", () => {
    const base = {
      containerName: "app",
      user: "1000:1000",
      cpu: 512,
      memory: 1024,
      stopTimeoutSeconds: 30,
      appImage: "app:1",
      initImage: "init:1",
      region: REGION,
      logGroupName: GROUP,
      environment: {},
      environmentSecrets: [],
      logging: undefined,
      repositoryCredentialsArn: undefined,
      healthCheck: undefined,
    };
    const sidecar = {
      name: "datadog",
      image: AGENT,
      essential: true,
      cpu: 128,
      memory: 256,
      user: "1000:1000",
      environment: {},
      secrets: [],
      dependsOn: [],
      portMappings: [],
    };
    const fileSecret = {
      name: "CERT",
      source: { type: "secretsmanager" as const, secretId: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:c-AbCdEf` },
      kmsKeyArn: undefined,
      followRotation: false,
    };

    it("puts the sidecars after the app and gives the app what they leave of the task's CPU and memory", () => {
      const defs = taskContainerDefinitions({ ...base, fileSecrets: [], sidecars: [sidecar, { ...sidecar, name: "proxy", cpu: 0, memory: 64 }] });
      expect(defs.map((d) => [d.name, d.cpu, d.memory])).to.deep.equal([
        ["app", 384, 704],
        ["datadog", 128, 256],
        ["proxy", 0, 64],
      ]);
      expect(defs[1].logConfiguration).to.deep.equal(awslogs("datadog"));
    });

    it("with file delivery keeps the init container second and its memory out of the app's", () => {
      const defs = taskContainerDefinitions({ ...base, fileSecrets: [fileSecret], sidecars: [sidecar] });
      expect(defs.map((d) => [d.name, d.memory])).to.deep.equal([
        ["app", 1024 - 128 - 256],
        ["secrets-init", 128],
        ["datadog", 256],
      ]);
    });
  });

  describe("dependencyCycle", () => {
    const node = (name: string, ...on: string[]) => ({ name, dependsOn: on.map((containerName) => ({ containerName })) });
    it("finds none in a chain or a diamond, nor through the app", () => {
      expect(dependencyCycle([node("a", "b"), node("b", "c"), node("c", "app")])).to.equal(undefined);
      expect(dependencyCycle([node("a", "b", "c"), node("b", "d"), node("c", "d"), node("d")])).to.equal(undefined);
    });
    it("returns the cycle as a path back to its start", () => {
      expect(dependencyCycle([node("a", "b"), node("b", "c"), node("c", "b")])).to.deep.equal(["b", "c", "b"]);
      expect(dependencyCycle([node("a", "a")])).to.deep.equal(["a", "a"]);
    });
  });

  describe("validation", () => {
    const agent: SidecarArgs = { name: "datadog", image: AGENT };

    it("fills in the defaults: essential (as ECS and Copilot), no CPU, 128 MiB, the app's user", () => {
      const [settings] = validateArgs("app", { ...valid, user: "2000:2000", sidecars: [agent] }).sidecars;
      expect(settings).to.deep.equal({
        name: "datadog",
        image: AGENT,
        command: undefined,
        environment: {},
        secrets: [],
        essential: true,
        dependsOn: [],
        healthCheck: undefined,
        portMappings: [],
        cpu: 0,
        memory: 128,
        user: "2000:2000",
      });
      expect(validateArgs("app", valid).sidecars).to.deep.equal([]);
    });

    const cases: Array<[string, SidecarArgs[], Partial<SecureFargateTaskArgs>, string[]]> = [
      [
        "the app's name",
        [{ ...agent, name: "app" }],
        {},
        [
          '`sidecars[0].name` "app" is taken by the app container (`containerName`): "app", "secrets-init", "log_router" are reserved. Rename the sidecar.',
        ],
      ],
      [
        "the init container's name",
        [{ ...agent, name: "secrets-init" }],
        {},
        [
          '`sidecars[0].name` "secrets-init" is taken by a container the component adds: "app", "secrets-init", "log_router" are reserved. Rename the sidecar.',
        ],
      ],
      [
        "the log router's name",
        [{ ...agent, name: "log_router" }],
        {},
        [
          '`sidecars[0].name` "log_router" is taken by a container the component adds: "app", "secrets-init", "log_router" are reserved. Rename the sidecar.',
        ],
      ],
      [
        "a name with a dot",
        [{ ...agent, name: "dd.agent" }],
        {},
        ['`sidecars[0].name` must be 1 to 251 letters, digits, hyphens or underscores: got "dd.agent".'],
      ],
      [
        "a name too long for its /tmp volume",
        [{ ...agent, name: "a".repeat(252) }],
        {},
        [`\`sidecars[0].name\` must be 1 to 251 letters, digits, hyphens or underscores: got "${"a".repeat(252)}".`],
      ],
      [
        "two sidecars of one name",
        [agent, agent],
        {},
        ['`sidecars[1].name` "datadog" names another sidecar too. Give each container its own name.'],
      ],
      [
        "more than 10 containers in the task",
        Array.from({ length: 9 }, (_, i) => ({ ...agent, name: `s${i}`, memory: 6 })),
        { secretDelivery: "files" },
        ["`sidecars` has 9 containers; with the task's other 2 that is 11, and a task definition holds at most 10. Remove 1."],
      ],
      [
        "an empty image",
        [{ ...agent, image: "" }],
        {},
        ['`sidecars[0].image` is required: an image reference such as "public.ecr.aws/datadog/agent@sha256:...".'],
      ],
      [
        "an S3 object as a secret",
        [{ ...agent, secrets: { DD_CERT: { s3Object: "pem" } } }],
        {},
        [
          "`sidecars[0].secrets.DD_CERT` is an S3 object, which only the app's secrets init container can deliver, as a file; a sidecar's secrets are injected by ECS. Use a value, a Secrets Manager secret or an SSM parameter.",
        ],
      ],
      [
        "a secret with two sources",
        [{ ...agent, secrets: { DD_API_KEY: { value: "x", ssmParameter: "/dd" } } }],
        {},
        ["`sidecars[0].secrets.DD_API_KEY` names 2 sources (`value`, `ssmParameter`). Give exactly one."],
      ],
      [
        "a variable both plaintext and secret",
        [{ ...agent, environment: { DD_API_KEY: "x" }, secrets: { DD_API_KEY: { value: "x" } } }],
        {},
        [
          "`sidecars[0].environment.DD_API_KEY` is also in `sidecars[0].secrets`: a variable is either secret or plaintext. Remove it from `sidecars[0].environment`.",
        ],
      ],
      [
        "a credential in its environment",
        [{ ...agent, environment: { AWS_SECRET_ACCESS_KEY: "x" } }],
        {},
        [
          "`sidecars[0].environment.AWS_SECRET_ACCESS_KEY` is a credential, and plaintext environment variables are written into the task definition (AWS Config rule ecs-no-environment-secrets). Move it to `sidecars[0].secrets`, or better, give the task role the permissions instead of keys.",
        ],
      ],
      [
        "followRotation with runMode task",
        [{ ...agent, secrets: { DD_API_KEY: { secretsManager: "dd", followRotation: true } } }],
        { runMode: "task" },
        [
          '`sidecars[0].secrets.DD_API_KEY.followRotation` rolls a service, but runMode is "task": every run-task reads the current value anyway. Remove followRotation.',
        ],
      ],
      [
        "root",
        [{ ...agent, user: "0:0" }],
        {},
        ['`sidecars[0].user` must not be root: got "0:0". Use a non-root uid:gid such as "1000:1000" and make the image\'s files readable by it.'],
      ],
      [
        "a dependency on an unknown container",
        [{ ...agent, dependsOn: [{ containerName: "envoy", condition: "START" }] }],
        {},
        [
          '`sidecars[0].dependsOn[0].containerName` names no container of the task: got "envoy". Use the app\'s ("app") or another sidecar\'s name.',
        ],
      ],
      [
        "a dependency on itself",
        [{ ...agent, dependsOn: [{ containerName: "datadog", condition: "START" }] }],
        {},
        ['`sidecars[0].dependsOn[0].containerName` names the sidecar itself: got "datadog". A container cannot wait for itself.'],
      ],
      [
        "SUCCESS on the app, which is essential",
        [{ ...agent, dependsOn: [{ containerName: "app", condition: "SUCCESS" }] }],
        {},
        [
          '`sidecars[0].dependsOn[0].condition` "SUCCESS" waits for "app" to exit, but it is essential: its exit stops the task. Use "START" or "HEALTHY", or make that sidecar `essential: false`.',
        ],
      ],
      [
        "COMPLETE on an essential sidecar",
        [
          { ...agent, dependsOn: [{ containerName: "proxy", condition: "COMPLETE" }] },
          { name: "proxy", image: "nginx:1.27" },
        ],
        {},
        [
          '`sidecars[0].dependsOn[0].condition` "COMPLETE" waits for "proxy" to exit, but it is essential: its exit stops the task. Use "START" or "HEALTHY", or make that sidecar `essential: false`.',
        ],
      ],
      [
        "HEALTHY on the app without a health check",
        [{ ...agent, dependsOn: [{ containerName: "app", condition: "HEALTHY" }] }],
        {},
        ['`sidecars[0].dependsOn[0].condition` "HEALTHY" needs a health check on "app", which has none. Give it a `healthCheck`, or use "START".'],
      ],
      [
        "an unknown condition",
        [{ ...agent, dependsOn: [{ containerName: "app", condition: "READY" as "START" }] }],
        {},
        ['`sidecars[0].dependsOn[0].condition` must be "START", "COMPLETE", "SUCCESS" or "HEALTHY": got "READY".'],
      ],
      [
        "a cycle",
        [
          { ...agent, dependsOn: [{ containerName: "proxy", condition: "START" }] },
          { name: "proxy", image: "nginx:1.27", dependsOn: [{ containerName: "datadog", condition: "START" }] },
        ],
        {},
        ["`sidecars` have a dependency cycle: datadog -> proxy -> datadog. ECS could start none of them; remove one of these dependencies."],
      ],
      [
        "all of the task's CPU",
        [{ ...agent, cpu: 256 }],
        {},
        ["`sidecars` reserve 256 CPU units of the task's 256, leaving the app none. Lower the sidecars' `cpu`, or raise the task's."],
      ],
      [
        "too much memory, with file delivery",
        [{ ...agent, memory: 380 }],
        { secretDelivery: "files" },
        [
          "`sidecars` reserve 380 MiB of the task's 512 (of which the component's own containers take 128), leaving the app 4 MiB; a container needs at least 6. Lower the sidecars' `memory`, or raise the task's.",
        ],
      ],
      [
        "less than 6 MiB",
        [{ ...agent, memory: 4 }],
        {},
        ["`sidecars[0].memory` must be a whole number of MiB, 6 or more (Docker's minimum): got 4."],
      ],
      [
        "the app's port",
        [{ ...agent, portMappings: [{ containerPort: 8080 }] }],
        { portMappings: [{ containerPort: 8080 }] },
        [
          "`sidecars[0].portMappings[0].containerPort` 8080/tcp is already the app container \"app\"'s: the task's containers share one network namespace. Use another port.",
        ],
      ],
      [
        "a bad port, named by its own field",
        [{ ...agent, portMappings: [{ containerPort: 70000 }] }],
        {},
        ["`sidecars[0].portMappings[0].containerPort` must be a whole number from 1 to 65535: got 70000."],
      ],
      [
        "a bad health check, named by its own field",
        [{ ...agent, healthCheck: { command: ["CMD", "agent", "health"], retries: 0 } }],
        {},
        ["`sidecars[0].healthCheck.retries` must be a whole number from 1 to 10 (ECS HealthCheck.retries): got 0."],
      ],
      [
        "an EFS volume named like its /tmp volume",
        [agent],
        {
          efsVolumes: [
            {
              name: "datadog-tmp",
              fileSystemId: "fs-0123456789abcdef0",
              accessPointId: "fsap-0123456789abcdef0",
              containerPath: "/data",
              mountTargetSecurityGroupId: "sg-0123456789abcdef0",
            },
          ],
        },
        ['`efsVolumes[0].name` is the name of a volume the component makes: got "datadog-tmp". Use another name, e.g. "data".'],
      ],
      [
        "an empty command",
        [{ ...agent, command: [] }],
        {},
        ["`sidecars[0].command` must be a non-empty list of non-empty strings: got []. Leave it out to run the image's CMD."],
      ],
    ];
    for (const [what, sidecars, overrides, messages] of cases) {
      it(`rejects ${what}`, () => {
        expect(problems(sidecars, overrides)).to.deep.equal(messages);
      });
    }

    it("accepts HEALTHY on a sidecar with a health check, SUCCESS on a non-essential one, START on the app", () => {
      expect(
        problems([
          { ...agent, dependsOn: [{ containerName: "app", condition: "START" }], healthCheck: { command: ["CMD", "agent", "health"] } },
          { name: "migrate", image: "migrate:1", essential: false },
          {
            name: "proxy",
            image: "nginx:1.27",
            dependsOn: [
              { containerName: "datadog", condition: "HEALTHY" },
              { containerName: "migrate", condition: "SUCCESS" },
            ],
          },
        ]),
      ).to.deep.equal([]);
    });
  });

  describe("under mocks", () => {
    it("adds a Datadog agent whose API key the component stores in a secret of its own, injected by reference", async () => {
      const { run } = await runComponent({
        sidecars: [
          {
            name: "datadog",
            image: AGENT,
            environment: { ECS_FARGATE: "true" },
            secrets: { DD_API_KEY: { value: pulumi.secret(DD_API_KEY) } },
            essential: false,
            dependsOn: [{ containerName: "app", condition: "START" }],
            cpu: 64,
            memory: 256,
            portMappings: [{ containerPort: 8126 }],
          },
        ],
      });
      const secret = run.get("aws:secretsmanager/secret:Secret", "app-sidecar-datadog-secrets");
      const version = run.get("aws:secretsmanager/secretVersion:SecretVersion", "app-sidecar-datadog-secrets-version");
      expect(version.inputs.secretString).to.equal(JSON.stringify({ DD_API_KEY }));
      expect(version.secretInputs).to.include("secretString");
      const arn = String(secret.state.arn);
      const versionId = String(version.state.versionId);

      const [app, datadog, ...rest] = containerDefinitions(run);
      expect(rest).to.deep.equal([]);
      expect([app.name, app.cpu, app.memory]).to.deep.equal(["app", 256 - 64, 512 - 256]);
      expect(datadog).to.deep.equal({
        name: "datadog",
        image: AGENT,
        essential: false,
        cpu: 64,
        memory: 256,
        user: "1000:1000",
        privileged: false,
        readonlyRootFilesystem: true,
        linuxParameters: { initProcessEnabled: true },
        environment: [{ name: "ECS_FARGATE", value: "true" }],
        secrets: [{ name: "DD_API_KEY", valueFrom: `${arn}:DD_API_KEY::${versionId}` }],
        mountPoints: [{ sourceVolume: "datadog-tmp", containerPath: "/tmp", readOnly: false }],
        logConfiguration: awslogs("datadog"),
        dependsOn: [{ containerName: "app", condition: "START" }],
        portMappings: [{ containerPort: 8126, protocol: "tcp" }],
      });
      expect(run.get("aws:ecs/taskDefinition:TaskDefinition", "app-task").inputs.volumes).to.deep.equal([{ name: "tmp" }, { name: "datadog-tmp" }]);

      // No secret value anywhere in the task definition, and none in any container's environment.
      const json = String(run.get("aws:ecs/taskDefinition:TaskDefinition", "app-task").inputs.containerDefinitions);
      for (const value of [DD_API_KEY, ...Object.values(SECRETS)]) expect(json).to.not.include(value);
      const environments = containerDefinitions(run).flatMap((c) => c.environment as Array<{ name: string; value: string }>);
      expect(environments.map((e) => e.name).sort()).to.deep.equal(["ECS_FARGATE", "FILTER", "TABLE"]);

      // The execution role reads the sidecar's secret: its exact ARN, beside the app's.
      const read = rolePolicy(run, "app-execution-policy").Statement.find((s) => s.Sid === "ReadSecrets");
      const appSecret = String(run.get("aws:secretsmanager/secret:Secret", "app-secrets").state.arn);
      expect(read!.Resource).to.deep.equal([appSecret, arn].sort());
    });

    it("with secretLayout perVariable stores one secret per sidecar variable", async () => {
      const { run } = await runComponent({
        secretLayout: "perVariable",
        sidecars: [{ name: "datadog", image: AGENT, secrets: { DD_API_KEY: { value: pulumi.secret(DD_API_KEY) } } }],
      });
      const version = run.get("aws:secretsmanager/secretVersion:SecretVersion", "app-sidecar-datadog-secret-DD_API_KEY-version");
      expect(version.inputs.secretString).to.equal(DD_API_KEY);
      const [, datadog] = containerDefinitions(run);
      const arn = String(run.get("aws:secretsmanager/secret:Secret", "app-sidecar-datadog-secret-DD_API_KEY").state.arn);
      expect(datadog.secrets).to.deep.equal([{ name: "DD_API_KEY", valueFrom: `${arn}:::${String(version.state.versionId)}` }]);
    });

    it("grants an existing secret on its exact ARN and its customer-managed key via Secrets Manager, and an ECR image's repository", async () => {
      const image = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/mirror/datadog-agent:7.60.0`;
      const { run } = await runComponent({
        sidecars: [{ name: "datadog", image, secrets: { DD_API_KEY: { secretsManager: "cmk/datadog", jsonKey: "apiKey" } } }],
      });
      const arn = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:cmk/datadog-XyZ123`;
      expect(containerDefinitions(run)[1].secrets).to.deep.equal([{ name: "DD_API_KEY", valueFrom: `${arn}:apiKey:AWSCURRENT:` }]);
      const statements = rolePolicy(run, "app-execution-policy").Statement;
      expect(statements.find((s) => s.Sid === "ReadSecrets")!.Resource).to.include(arn);
      const decrypt = statements.find((s) => s.Sid === "DecryptViaSecretsManager")!;
      expect([decrypt.Resource].flat()).to.include(`arn:aws:kms:${REGION}:${ACCOUNT}:key/0b1c2d3e-1111-2222-3333-444455556666`);
      const pulls = statements.filter((s) => [s.Action].flat().includes("ecr:BatchGetImage")).flatMap((s) => [s.Resource].flat());
      expect(pulls).to.include(`arn:aws:ecr:${REGION}:${ACCOUNT}:repository/mirror/datadog-agent`);
    });

    it("grants a sidecar's SSM parameters to the execution role: GetParameters on each exact ARN, a given key via SSM only", async () => {
      const key = `arn:aws:kms:${REGION}:${ACCOUNT}:key/5e6f7a8b-4444-5555-6666-777788889999`;
      const parameter = (name: string) => `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/${name}`;
      const { run } = await runComponent({
        sidecars: [
          {
            name: "datadog",
            image: AGENT,
            secrets: {
              DD_API_KEY: { ssmParameter: "/datadog/api-key", kmsKeyArn: key },
              DD_APP_KEY: { ssmParameter: `${parameter("datadog/app-key")}:3` },
            },
          },
        ],
      });
      // Read at the version asked for, granted on the parameter itself.
      expect(containerDefinitions(run)[1].secrets).to.deep.equal([
        { name: "DD_API_KEY", valueFrom: parameter("datadog/api-key") },
        { name: "DD_APP_KEY", valueFrom: `${parameter("datadog/app-key")}:3` },
      ]);
      const statements = rolePolicy(run, "app-execution-policy").Statement;
      expect(statements.filter((s) => [s.Action].flat().some((a) => String(a).startsWith("ssm:") || a === "kms:Decrypt"))).to.deep.equal([
        {
          Sid: "ReadParameters",
          Effect: "Allow",
          Action: "ssm:GetParameters",
          Resource: [parameter("datadog/api-key"), parameter("datadog/app-key")],
        },
        {
          Sid: "DecryptViaSecretsManager",
          Effect: "Allow",
          Action: "kms:Decrypt",
          Resource: String(run.get("aws:kms/key:Key", "app-key").state.arn),
          Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${REGION}.amazonaws.com` } },
        },
        {
          Sid: "DecryptViaSsm",
          Effect: "Allow",
          Action: "kms:Decrypt",
          Resource: key,
          Condition: { StringEquals: { "kms:ViaService": `ssm.${REGION}.amazonaws.com` } },
        },
      ]);
      // ECS's agent reads them: the task role gets no policy at all.
      expect(run.ofType("aws:iam/rolePolicy:RolePolicy").map((p) => p.name)).to.deep.equal(["app-execution-policy"]);
    });

    it("refuses a secret passed as a sidecar's plaintext environment variable", async () => {
      const { SecureFargateTask } = await import("../src");
      let failure: unknown;
      process.once("unhandledRejection", (e) => (failure = e));
      await mockRun(() => {
        new SecureFargateTask("app", {
          image: { context },
          secrets: { A: { value: pulumi.secret("a") } },
          sidecars: [{ name: "datadog", image: AGENT, environment: { DD_API_KEY: pulumi.secret("leaked-key") } }],
        });
      }).catch((e: unknown) => (failure = e));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(String(failure)).to.include(
        'SecureFargateTask "app": `sidecars[0].environment.DD_API_KEY` is a secret: plaintext environment variables are written into the task definition. Move it to `sidecars[0].secrets`.',
      );
    });
  });
});

/**
 * The FireLens log router the component adds with `logging.logDriver: "awsfirelens"`: the pure container definition,
 * where it sits among the task's containers and what it takes of the task's CPU and memory, the argument rules, and,
 * under mocks, the exact container definitions, the task's volumes and the execution role's grants.
 */
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import type { LoggingArgs, SecureFargateTaskArgs } from "../src";
import { DEFAULT_ROUTER_IMAGE, logRouterContainerDefinition } from "../src/ecs/logRouter";
import { taskContainerDefinitions } from "../src/ecs/taskContainers";
import { InvalidArgumentsError } from "../src/errors";
import { validateArgs } from "../src/validate";
import { ACCOUNT, makeContext, REGION } from "@twitterstream/test-kit/mocks";
import { containerDefinitions, rolePolicy, runComponent } from "./runComponent";

const context = makeContext();
const valid: SecureFargateTaskArgs = { image: { context }, secrets: { API_KEY: { value: "k" } } };
const GROUP = "/ecs/proj/dev/app";
const FLUENT_BIT = "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.34.3.20260623";
const CLOUDWATCH: LoggingArgs = {
  logDriver: "awsfirelens",
  options: { Name: "cloudwatch_logs", region: REGION, log_group_name: "/app/firelens", log_stream_prefix: "app/", auto_create_group: "false" },
};

/** The messages validateArgs rejects these arguments with (none when it accepts them). */
function problems(overrides: Partial<SecureFargateTaskArgs>): string[] {
  try {
    validateArgs("app", { ...valid, ...overrides });
    return [];
  } catch (e) {
    if (e instanceof InvalidArgumentsError) return e.errors.map((x) => x.message);
    throw e;
  }
}

const awslogs = (prefix: string) => ({
  logDriver: "awslogs",
  options: { "awslogs-group": GROUP, "awslogs-region": REGION, "awslogs-stream-prefix": prefix, mode: "non-blocking", "max-buffer-size": "25m" },
});

/** The router's definition with the component's defaults. */
const defaultRouter = {
  name: "log_router",
  image: FLUENT_BIT,
  essential: true,
  cpu: 0,
  memory: 128,
  user: "0",
  privileged: false,
  readonlyRootFilesystem: true,
  environment: [],
  mountPoints: [{ sourceVolume: "log_router-tmp", containerPath: "/tmp", readOnly: false }],
  logConfiguration: awslogs("log_router"),
  firelensConfiguration: { type: "fluentbit" },
};

describe("the FireLens log router", () => {
  describe("logRouterContainerDefinition", () => {
    it("is essential, read-only with its own /tmp, root as FireLens requires, logging to the component's group; options sorted", () => {
      expect(
        logRouterContainerDefinition({
          image: "fluent-bit:1",
          cpu: 32,
          memory: 100,
          firelensOptions: { "enable-ecs-log-metadata": "false", "config-file-type": "file", "config-file-value": "/extra.conf" },
          logGroupName: GROUP,
          region: REGION,
        }),
      ).to.deep.equal({
        ...defaultRouter,
        image: "fluent-bit:1",
        cpu: 32,
        memory: 100,
        firelensConfiguration: {
          type: "fluentbit",
          options: { "config-file-type": "file", "config-file-value": "/extra.conf", "enable-ecs-log-metadata": "false" },
        },
      });
    });

    it("sends no options when none are given", () => {
      const def = logRouterContainerDefinition({
        image: FLUENT_BIT,
        cpu: 0,
        memory: 128,
        firelensOptions: {},
        logGroupName: GROUP,
        region: REGION,
      });
      expect(def).to.deep.equal(defaultRouter);
      expect(JSON.stringify(def.firelensConfiguration)).to.equal('{"type":"fluentbit"}');
    });

    it("defaults to a pinned version of AWS for Fluent Bit from public ECR, never a mutable tag", () => {
      expect(DEFAULT_ROUTER_IMAGE).to.equal(FLUENT_BIT);
      expect(DEFAULT_ROUTER_IMAGE).to.not.match(/:(stable|latest)$/);
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
      fileSecrets: [],
      repositoryCredentialsArn: undefined,
      healthCheck: undefined,
    };
    const logging = {
      logDriver: "awsfirelens",
      options: { Name: "cloudwatch_logs" },
      secretOptions: [],
      router: { image: FLUENT_BIT, cpu: 64, memory: 128, firelensOptions: {} },
    };
    const sidecar = {
      name: "datadog",
      image: "agent:7",
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

    it("puts the router after the app, before the sidecars; the app logs through it, waits for it to start, and gets the rest", () => {
      const defs = taskContainerDefinitions({ ...base, logging, sidecars: [sidecar] });
      expect(defs.map((d) => [d.name, d.cpu, d.memory])).to.deep.equal([
        ["app", 512 - 64 - 128, 1024 - 128 - 256],
        ["log_router", 64, 128],
        ["datadog", 128, 256],
      ]);
      expect(defs[0].logConfiguration).to.deep.equal({ logDriver: "awsfirelens", options: { Name: "cloudwatch_logs" } });
      expect(defs[0].dependsOn).to.deep.equal([{ containerName: "log_router", condition: "START" }]);
      expect(defs[2].logConfiguration).to.deep.equal(awslogs("datadog"));
    });

    it("with file delivery the app waits for both: the router to start and the init container to succeed; the init container logs with awslogs", () => {
      const defs = taskContainerDefinitions({ ...base, logging, fileSecrets: [fileSecret] });
      expect(defs.map((d) => [d.name, d.memory])).to.deep.equal([
        ["app", 1024 - 128 - 128],
        ["secrets-init", 128],
        ["log_router", 128],
      ]);
      expect(defs[0].dependsOn).to.deep.equal([
        { containerName: "log_router", condition: "START" },
        { containerName: "secrets-init", condition: "SUCCESS" },
      ]);
      expect(defs[1].logConfiguration).to.deep.equal(awslogs("secrets-init"));
      expect(defs[1].dependsOn).to.equal(undefined);
    });

    it("adds no router without one", () => {
      const defs = taskContainerDefinitions({ ...base, logging: { ...logging, logDriver: "splunk", router: undefined } });
      expect(defs.map((d) => d.name)).to.deep.equal(["app"]);
      expect(defs[0].dependsOn).to.equal(undefined);
    });
  });

  describe("validation", () => {
    it("fills in the defaults with awsfirelens, and adds no router with another driver", () => {
      expect(validateArgs("app", { ...valid, logging: CLOUDWATCH }).logging!.router).to.deep.equal({
        image: FLUENT_BIT,
        firelensOptions: {},
        cpu: 0,
        memory: 128,
      });
      expect(validateArgs("app", { ...valid, logging: { logDriver: "splunk" } }).logging!.router).to.equal(undefined);
    });

    const cases: Array<[string, Partial<SecureFargateTaskArgs>, string[]]> = [
      [
        "a router with another driver",
        { logging: { logDriver: "awslogs", router: { memory: 64 } } },
        [
          '`logging.router` configures the FireLens log router, which only the "awsfirelens" driver uses: logDriver is "awslogs". Remove it, or use "awsfirelens".',
        ],
      ],
      [
        "an empty image",
        { logging: { ...CLOUDWATCH, router: { image: "" } } },
        [`\`logging.router.image\` must be an image reference: got "". Leave it out for "${FLUENT_BIT}".`],
      ],
      [
        "an unknown option and a metadata flag that is not a boolean",
        { logging: { ...CLOUDWATCH, router: { firelensOptions: { "enable-ecs-log-metadata": "yes", "config-file": "/a" } } } },
        [
          '`logging.router.firelensOptions.config-file` is not a FireLens option: got "config-file". Use "config-file-type", "config-file-value", "enable-ecs-log-metadata".',
          '`logging.router.firelensOptions.enable-ecs-log-metadata` must be "true" or "false": got another value (not shown here: an option\'s value may be a secret).',
        ],
      ],
      [
        "a configuration file in S3, which Fargate does not read",
        {
          logging: { ...CLOUDWATCH, router: { firelensOptions: { "config-file-type": "s3", "config-file-value": "arn:aws:s3:::b/fluent.conf" } } },
        },
        [
          "`logging.router.firelensOptions.config-file-type` must be \"file\": got another value (not shown here: an option's value may be a secret). Tasks on Fargate read no configuration file from S3; put the file in the router's image.",
          "`logging.router.firelensOptions.config-file-value` must be the absolute path of the file in the router's image, starting with \"/\": got another value (not shown here: an option's value may be a secret).",
        ],
      ],
      [
        "a configuration file value without its type",
        { logging: { ...CLOUDWATCH, router: { firelensOptions: { "config-file-value": "/fluent-bit/etc/extra.conf" } } } },
        ["`logging.router.firelensOptions` gives config-file-value without config-file-type. Give both, or neither."],
      ],
      [
        "a share of the task that leaves the app nothing",
        { cpu: 256, memory: 512, logging: { ...CLOUDWATCH, router: { cpu: 256, memory: 510 } } },
        [
          "`logging.router.cpu` reserves 256 CPU units of the task's 256, leaving the app none. Lower it, or raise the task's `cpu`.",
          "`logging.router.memory` reserves 510 MiB of the task's 512, leaving the app 2 MiB; a container needs at least 6. Lower it, or raise the task's `memory`.",
        ],
      ],
      [
        "a memory below Docker's minimum and a fractional CPU",
        { logging: { ...CLOUDWATCH, router: { cpu: 0.5, memory: 4 } } },
        [
          "`logging.router.cpu` must be a whole number of CPU units, 0 or more: got 0.5.",
          "`logging.router.memory` must be a whole number of MiB, 6 or more (Docker's minimum): got 4.",
        ],
      ],
      [
        "the FireLens port on the app",
        { logging: CLOUDWATCH, portMappings: [{ containerPort: 24224 }] },
        [
          "`portMappings[0].containerPort` is 24224/tcp, where the FireLens log router listens in the task's shared network namespace. Use another port.",
        ],
      ],
      [
        "the FireLens port on a sidecar",
        { logging: CLOUDWATCH, sidecars: [{ name: "agent", image: "agent:1", portMappings: [{ containerPort: 24224 }] }] },
        [
          "`sidecars[0].portMappings[0].containerPort` is 24224/tcp, where the FireLens log router listens in the task's shared network namespace. Use another port.",
        ],
      ],
      [
        "sidecars whose memory, with the router's and the init container's, leaves the app too little",
        {
          secretDelivery: "files",
          logging: { ...CLOUDWATCH, router: { memory: 200 } },
          sidecars: [{ name: "agent", image: "agent:1", memory: 180 }],
        },
        [
          "`sidecars` reserve 180 MiB of the task's 512 (of which the component's own containers take 328), leaving the app 4 MiB; a container needs at least 6. Lower the sidecars' `memory`, or raise the task's.",
        ],
      ],
      [
        "an EFS volume named like the router's /tmp",
        {
          logging: CLOUDWATCH,
          efsVolumes: [
            {
              name: "log_router-tmp",
              fileSystemId: "fs-0123456789abcdef0",
              accessPointId: "fsap-0123456789abcdef0",
              containerPath: "/data",
              mountTargetSecurityGroupId: "sg-0123456789abcdef0",
            },
          ],
        },
        ['`efsVolumes[0].name` is the name of a volume the component makes: got "log_router-tmp". Use another name, e.g. "data".'],
      ],
    ];
    for (const [what, overrides, expected] of cases) {
      it(`rejects ${what}`, () => {
        expect(problems(overrides)).to.deep.equal(expected);
      });
    }

    it("never echoes a FireLens option's value, which may be a secret: each message names the key", () => {
      // Shaped like a Datadog API key (32 hex digits), put where an option's value goes.
      const apiKey = "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c";
      const placements: [string, Record<string, string>][] = [
        ["enable-ecs-log-metadata", { "enable-ecs-log-metadata": apiKey }],
        ["config-file-type", { "config-file-type": apiKey, "config-file-value": "/extra.conf" }],
        ["config-file-value", { "config-file-type": "file", "config-file-value": apiKey }],
      ];
      for (const [key, firelensOptions] of placements) {
        const found = problems({ logging: { ...CLOUDWATCH, router: { firelensOptions } } });
        expect(
          found.filter((p) => p.startsWith(`\`logging.router.firelensOptions.${key}\``)),
          key,
        ).to.have.length.greaterThan(0);
        expect(found.join("\n"), key).to.not.include(apiKey);
      }
    });

    it("counts the router among the task's 10 containers", () => {
      const sidecars = Array.from({ length: 8 }, (_, i) => ({ name: `s${i}`, image: "agent:1", memory: 16 }));
      expect(problems({ cpu: 1024, memory: 2048, logging: CLOUDWATCH, sidecars })).to.deep.equal([]);
      expect(problems({ cpu: 1024, memory: 2048, logging: CLOUDWATCH, sidecars, secretDelivery: "files" })).to.deep.equal([
        "`sidecars` has 8 containers; with the task's other 3 that is 11, and a task definition holds at most 10. Remove 1.",
      ]);
    });
  });

  describe("under mocks", () => {
    it("adds the router beside the app, whose FireLens output and secret options ECS reads by pinned reference with the execution role", async () => {
      const { run } = await runComponent({
        logging: {
          logDriver: "awsfirelens",
          options: { Name: "datadog", Host: "http-intake.logs.datadoghq.eu", TLS: "on", provider: "ecs", dd_service: "app" },
          secretOptions: { apikey: { value: pulumi.secret("dd-log-key-9") } },
        },
      });
      const secret = run.get("aws:secretsmanager/secret:Secret", "app-log-secrets");
      const version = run.get("aws:secretsmanager/secretVersion:SecretVersion", "app-log-secrets-version");
      const arn = String(secret.state.arn);
      const [app, router, ...rest] = containerDefinitions(run);
      expect(rest).to.deep.equal([]);
      expect([app.name, app.cpu, app.memory]).to.deep.equal(["app", 256, 512 - 128]);
      expect(app.logConfiguration).to.deep.equal({
        logDriver: "awsfirelens",
        options: { Name: "datadog", Host: "http-intake.logs.datadoghq.eu", TLS: "on", provider: "ecs", dd_service: "app" },
        secretOptions: [{ name: "apikey", valueFrom: `${arn}:apikey::${String(version.state.versionId)}` }],
      });
      expect(app.dependsOn).to.deep.equal([{ containerName: "log_router", condition: "START" }]);
      expect(router).to.deep.equal(defaultRouter);
      const task = run.get("aws:ecs/taskDefinition:TaskDefinition", "app-task").inputs;
      expect(task.volumes).to.deep.equal([{ name: "tmp" }, { name: "log_router-tmp" }]);
      expect(String(task.containerDefinitions)).to.not.include("dd-log-key-9");

      const read = rolePolicy(run, "app-execution-policy").Statement.find((s) => s.Sid === "ReadSecrets");
      const appSecret = String(run.get("aws:secretsmanager/secret:Secret", "app-secrets").state.arn);
      expect(read!.Resource).to.deep.equal([appSecret, arn].sort());
      // The router's outputs are the user's to grant: the task role gets nothing for them.
      expect(run.ofType("aws:iam/rolePolicy:RolePolicy").map((p) => p.name)).to.not.include("app-task-policy");
    });

    it("with file delivery and an ECR router image: the app waits for both, and the execution role may pull exactly that repository", async () => {
      const image = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/mirror/aws-for-fluent-bit:2.34.3.20260623`;
      const { run } = await runComponent({
        secretDelivery: "files",
        logging: { ...CLOUDWATCH, router: { image, memory: 64, firelensOptions: { "enable-ecs-log-metadata": "false" } } },
      });
      const defs = containerDefinitions(run);
      expect(defs.map((d) => [d.name, d.memory])).to.deep.equal([
        ["app", 512 - 128 - 64],
        ["secrets-init", 128],
        ["log_router", 64],
      ]);
      expect(defs[0].dependsOn).to.deep.equal([
        { containerName: "log_router", condition: "START" },
        { containerName: "secrets-init", condition: "SUCCESS" },
      ]);
      expect(defs[2]).to.deep.equal({
        ...defaultRouter,
        image,
        memory: 64,
        firelensConfiguration: { type: "fluentbit", options: { "enable-ecs-log-metadata": "false" } },
      });
      expect(run.get("aws:ecs/taskDefinition:TaskDefinition", "app-task").inputs.volumes).to.deep.equal([
        { name: "secrets" },
        { name: "tmp" },
        { name: "log_router-tmp" },
      ]);
      const pulls = rolePolicy(run, "app-execution-policy")
        .Statement.filter((s) => [s.Action].flat().includes("ecr:BatchGetImage"))
        .flatMap((s) => [s.Resource].flat());
      expect(pulls).to.include(`arn:aws:ecr:${REGION}:${ACCOUNT}:repository/mirror/aws-for-fluent-bit`);
    });
  });
});

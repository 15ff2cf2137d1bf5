import * as aws from "@pulumi/aws";
import { expect } from "chai";
import { CONTROLS } from "../../../policy-pack/src/controls";
import { POLICIES, policyName } from "../../../policy-pack/src/policies";
import { NEWEST_NODE_RUNTIME, WILDCARD_RESOURCE_ACTIONS } from "../../../policy-pack/src/peerFindings";
import { TYPES, type Subject } from "../../../policy-pack/src/subject";
import { serializeSpec, SPEC_ENV_VAR } from "../../init/src/spec";
import { POLICY_PACK, PolicyPackProcess, ProgramResource } from "./analyzer";

/** A resource as the mocks would capture it. */
function resource(type: string, name: string, inputs: Record<string, unknown>, state: Record<string, unknown> = {}): ProgramResource {
  return { type, name, id: `${name}-id`, inputs, state: { ...inputs, ...state } };
}

function task(container: Record<string, unknown>, extra: Record<string, unknown> = {}): ProgramResource {
  return resource(TYPES.taskDefinition, "task", {
    networkMode: "awsvpc",
    ...extra,
    containerDefinitions: JSON.stringify([{ name: "app", ...container }]),
  });
}

const SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:s-AbCdEf";
const FS_ARN = "arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/fs-0123456789abcdef0";
const ALB_ARN = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/0123456789abcdef";
const NLB_ARN = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/net/tcp/0123456789abcdef";

/** An Application Load Balancer with the outputs AWS gives it, every ELB control's setting as `inputs` leaves it. */
function alb(inputs: Record<string, unknown>, type: string = TYPES.loadBalancer): ProgramResource {
  return resource(type, "alb", { subnets: ["subnet-a", "subnet-b"], ...inputs }, { arn: ALB_ARN });
}

function listener(name: string, inputs: Record<string, unknown>, type: string = TYPES.listener): ProgramResource {
  return resource(type, name, { loadBalancerArn: ALB_ARN, ...inputs });
}

const QUEUE_URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/dlq";
const TABLE_ARN = "arn:aws:dynamodb:eu-west-1:123456789012:table/posts";

/** A policy document of these statements, as the resource's JSON input. */
function doc(statements: object[]): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}

/** AWS's documented TLS-only statement (S3's form; SQS's with `sqs:*`). */
const TLS_DENY = { Effect: "Deny", Principal: { AWS: "*" }, Action: "s3:*", Condition: { Bool: { "aws:SecureTransport": "false" } } };

function bucket(name: string): ProgramResource {
  return resource(TYPES.bucket, name, { bucketPrefix: name }, { bucket: name, arn: `arn:aws:s3:::${name}` });
}

function sse(name: string, sseAlgorithm: string): ProgramResource {
  return resource(TYPES.bucketEncryption, `${name}-sse`, { bucket: name, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm } }] });
}

const REDIRECT = [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }];
const FORWARD = [{ type: "forward", targetGroupArn: "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef" }];

/**
 * For each control, resources it must flag: proof that each check can fail. Each has the outputs AWS always gives it
 * (a secret's ARN, a repository's name): the pack runs every policy on every request, and one that cannot read
 * what it needs fails the whole request, as `pulumi preview` would.
 */
const VIOLATORS: Record<string, ProgramResource[]> = {
  "ECS.1": [task({ user: "root" }, { networkMode: "host" })],
  "ECS.2": [resource(TYPES.service, "svc", { networkConfiguration: { assignPublicIp: true } })],
  "ECS.3": [task({}, { pidMode: "host" })],
  "ECS.4": [task({ privileged: true })],
  "ECS.5": [task({ readonlyRootFilesystem: false })],
  "ECS.8": [
    { ...resource(TYPES.secretVersion, "value", { secretString: "the-secret-value" }), secretInputs: ["secretString"] },
    task({
      environment: [
        { name: "AWS_SECRET_ACCESS_KEY", value: "x" },
        { name: "COPY", value: "the-secret-value" },
      ],
    }),
  ],
  "ECS.9": [task({})],
  "ECS.10": [
    resource(TYPES.service, "svc", { launchType: "FARGATE", platformVersion: "1.3.0" }),
    resource(TYPES.service, "spot", { capacityProviderStrategies: [{ capacityProvider: "FARGATE_SPOT", weight: 1 }], platformVersion: "1.4.0" }),
  ],
  "AutoScaling.1": [
    resource(TYPES.autoScalingGroup, "asg", {
      targetGroupArns: ["arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef"],
      healthCheckType: "EC2",
    }),
  ],
  "AutoScaling.2": [resource(TYPES.autoScalingGroup, "asg", { vpcZoneIdentifiers: ["subnet-a"] })],
  "AutoScaling.3": [resource(TYPES.launchConfiguration, "lc", { metadataOptions: { httpTokens: "optional" } })],
  "AutoScaling.5": [resource(TYPES.launchConfiguration, "lc", { associatePublicIpAddress: true })],
  "AutoScaling.9": [resource(TYPES.autoScalingGroup, "asg", { launchConfiguration: "lc" })],
  "ECS.12": [resource(TYPES.cluster, "cluster", { settings: [{ name: "containerInsights", value: "disabled" }] })],
  "ECS.20": [task({ user: "0:0" })],
  "ecs-task-definition-memory-hard-limit": [task({})],
  "ecs-task-definition-efs-encryption-enabled": [
    task(
      {},
      {
        volumes: [
          { name: "tmp" },
          {
            name: "data",
            efsVolumeConfiguration: {
              fileSystemId: "fs-0123456789abcdef0",
              authorizationConfig: { accessPointId: "fsap-0123456789abcdef0", iam: "ENABLED" },
            },
          },
        ],
      },
    ),
  ],
  "EFS.1": [resource(TYPES.efsFileSystem, "fs", { encrypted: false }, { arn: FS_ARN })],
  "EFS.2": [
    resource(TYPES.efsFileSystem, "fs", { encrypted: true }, { arn: FS_ARN }),
    resource(TYPES.efsBackupPolicy, "backup", { fileSystemId: "fs-0123456789abcdef0", backupPolicy: { status: "DISABLED" } }),
  ],
  "EFS.3": [resource(TYPES.efsAccessPoint, "ap", { rootDirectory: { path: "/" }, posixUser: { uid: 1000, gid: 1000 } })],
  "EFS.4": [resource(TYPES.efsAccessPoint, "ap", { rootDirectory: { path: "/app" } })],
  "ECR.1": [resource(TYPES.repository, "repo", { name: "repo", imageScanningConfiguration: { scanOnPush: false } })],
  "ECR.2": [resource(TYPES.repository, "repo", { name: "repo", imageTagMutability: "MUTABLE" })],
  "ECR.3": [resource(TYPES.repository, "repo", { name: "repo" }), resource(TYPES.lifecyclePolicy, "lp", { repository: "other" })],
  "KMS.2": [
    resource(TYPES.rolePolicy, "p", {
      policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:Decrypt", Resource: "*" }] }),
    }),
  ],
  "KMS.4": [resource(TYPES.key, "key", { enableKeyRotation: false })],
  "CloudWatch.16": [resource(TYPES.logGroup, "logs", { retentionInDays: 180 })],
  "cloudwatch-log-group-encrypted": [resource(TYPES.logGroup, "logs", {})],
  "secretsmanager-using-cmk": [resource(TYPES.secret, "secret", { kmsKeyId: "alias/aws/secretsmanager" }, { arn: SECRET_ARN })],
  "SQS.1": [resource(TYPES.queue, "dlq", {})],
  "S3.9": [
    resource(TYPES.bucket, "logged", { bucket: "logged" }),
    resource(TYPES.bucket, "unlogged", { bucket: "unlogged" }),
    resource(TYPES.bucket, "logs", { bucket: "logs" }),
    resource(TYPES.bucketLogging, "logging", { bucket: "logged", targetBucket: "logs" }),
  ],
  "lambda-dlq-check": [
    resource(TYPES.lambdaFunction, "fn", {}, { arn: "arn:aws:lambda:eu-west-1:123456789012:function:fn", name: "fn" }),
    resource(TYPES.eventTarget, "target", { arn: "arn:aws:lambda:eu-west-1:123456789012:function:fn" }),
    resource(TYPES.functionEventInvokeConfig, "config", { functionName: "fn", maximumRetryAttempts: 2 }),
  ],
  "SecretsManager.1": [resource(TYPES.secret, "secret", {}, { arn: SECRET_ARN })],
  "SecretsManager.2": [resource(TYPES.secretRotation, "rotation", { secretId: "secret-id" })],
  "SecretsManager.3": [
    resource(TYPES.secret, "secret", {}, { arn: SECRET_ARN }),
    task({ secrets: [{ name: "A", valueFrom: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:other-XyZ123:::v" }] }),
  ],
  "SecretsManager.4": [resource(TYPES.secret, "secret", {}, { arn: SECRET_ARN })],
  "EventBridge.2": [resource(TYPES.eventBus, "bus", { name: "bus", tags: {} })],
  "ELB.1": [alb({}), listener("http", { port: 80, protocol: "HTTP", defaultActions: FORWARD })],
  "ELB.4": [alb({ dropInvalidHeaderFields: false })],
  "ELB.5": [alb({ accessLogs: { bucket: "logs", enabled: false } })],
  "ELB.6": [alb({}, TYPES.albLoadBalancer)],
  "ELB.12": [alb({ desyncMitigationMode: "monitor" })],
  "ELB.13": [alb({ subnets: ["subnet-a"] })],
  "ELB.16": [
    alb({}),
    resource(TYPES.webAclAssociation, "waf", {
      resourceArn: "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/other/0123456789abcdef",
      webAclArn: "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/acl/0b1c2d3e",
    }),
  ],
  "ELB.17": [alb({}), listener("https", { port: 443, protocol: "HTTPS", defaultActions: FORWARD })],
  "ELB.18": [alb({}), listener("http", { port: 80, defaultActions: REDIRECT })],
  "EventBridge.3": [
    resource(TYPES.eventBus, "bus", { name: "bus" }),
    resource(TYPES.eventBusPolicy, "policy", { eventBusName: "other-bus", policy: "{}" }),
  ],
  // A policy that grants, but does not deny plain HTTP.
  "S3.5": [
    bucket("data"),
    resource(TYPES.bucketPolicy, "policy", { bucket: "data", policy: doc([{ Effect: "Allow", Principal: { AWS: "*" }, Action: "s3:GetObject" }]) }),
  ],
  "S3.14": [bucket("data"), resource(TYPES.bucketVersioning, "versioning", { bucket: "data", versioningConfiguration: { status: "Suspended" } })],
  "S3.17": [bucket("data"), sse("data", "AES256")],
  "AwsSolutions-SQS4": [
    resource(TYPES.queue, "dlq", {}, { url: QUEUE_URL }),
    // Denies plain HTTP for one action only.
    resource(TYPES.queuePolicy, "policy", { queueUrl: QUEUE_URL, policy: doc([{ ...TLS_DENY, Action: "sqs:SendMessage" }]) }),
  ],
  "Lambda.1": [resource(TYPES.lambdaPermission, "invoke", { action: "lambda:InvokeFunction", function: "fn", principal: "events.amazonaws.com" })],
  "Lambda.2": [resource(TYPES.lambdaFunction, "fn", { runtime: "nodejs22.x" })],
  "lambda-concurrency-check": [resource(TYPES.lambdaFunction, "fn", { runtime: "nodejs24.x", reservedConcurrentExecutions: -1 })],
  "dynamodb-table-encrypted-kms": [resource(TYPES.table, "table", { serverSideEncryption: { enabled: true } }, { arn: TABLE_ARN })],
  "DynamoDB.2": [resource(TYPES.table, "table", { pointInTimeRecovery: { enabled: false } }, { arn: TABLE_ARN })],
  "DynamoDB.4": [
    resource(TYPES.table, "table", {}, { arn: TABLE_ARN }),
    resource(TYPES.backupSelection, "selection", { resources: [`${TABLE_ARN}-other`] }),
  ],
  "AwsSolutions-IAM5": [
    resource(TYPES.rolePolicy, "p", {
      policy: doc([
        { Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
        { Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::b/*", "*"] },
      ]),
    }),
  ],
  "EC2.18": [
    resource(TYPES.securityGroupIngressRule, "ssh", {
      securityGroupId: "sg-1",
      ipProtocol: "tcp",
      fromPort: 22,
      toPort: 22,
      cidrIpv4: "0.0.0.0/0",
    }),
  ],
  "ECR.5": [resource(TYPES.repository, "repo", { name: "repo", encryptionConfigurations: [{ encryptionType: "AES256" }] })],
};

describe("The policy pack flags each control's violator, through its analyzer", () => {
  let pack: PolicyPackProcess;
  before(async function () {
    this.timeout(300_000); // starting the pack's process on a busy 2-vCPU machine
    pack = await PolicyPackProcess.start(POLICY_PACK);
  });
  after(() => pack?.stop());

  it("has a violator for every control", () => {
    expect(Object.keys(VIOLATORS).sort()).to.deep.equal(CONTROLS.map((c) => c.id).sort());
  });

  for (const control of CONTROLS) {
    const name = policyName(control);
    it(`${control.id} flags its violator: policy ${name}`, async () => {
      const flagged = (await pack.update({ resources: VIOLATORS[control.id] })).filter((d) => d.policyName === name);
      expect(flagged).to.not.deep.equal([]);
      const { description } = POLICIES.find((p) => p.name === name)!;
      for (const d of flagged) expect(d.message.startsWith(`${description}\n`), d.message).to.equal(true);
    });
  }

  it("ECS.10 reads a service on Fargate through its capacity provider strategy too, and passes LATEST", () => {
    const control = CONTROLS.find((c) => c.id === "ECS.10")!;
    expect(control.findings({ label: "synthetic", resources: VIOLATORS["ECS.10"], secretValues: [] })).to.deep.equal([
      "svc runs Fargate platform 1.3.0",
      "spot runs Fargate platform 1.4.0",
    ]);
    const latest = resource(TYPES.service, "spot", {
      capacityProviderStrategies: [{ capacityProvider: "FARGATE_SPOT" }],
      platformVersion: "LATEST",
    });
    expect(control.findings({ label: "synthetic", resources: [latest], secretValues: [] })).to.deep.equal([]);
  });

  it("the Auto Scaling controls pass a group behind a target group with ELB checks, in two zones, from a launch template, and a launch configuration with IMDSv2 and no public IP", () => {
    const group = resource(TYPES.autoScalingGroup, "asg", {
      targetGroupArns: ["arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef"],
      healthCheckType: "ELB",
      vpcZoneIdentifiers: ["subnet-a", "subnet-b"],
      launchTemplate: { id: "lt-0123456789abcdef0", version: "$Latest" },
    });
    const config = resource(TYPES.launchConfiguration, "lc", { metadataOptions: { httpTokens: "required" }, associatePublicIpAddress: false });
    for (const id of ["AutoScaling.1", "AutoScaling.2", "AutoScaling.3", "AutoScaling.5", "AutoScaling.9"]) {
      const control = CONTROLS.find((c) => c.id === id)!;
      expect(control.findings({ label: "synthetic", resources: [group, config], secretValues: [] }), id).to.deep.equal([]);
    }
  });

  const findingsOf = (id: string, resources: ProgramResource[]) =>
    CONTROLS.find((c) => c.id === id)!.findings({ label: "synthetic", resources, secretValues: [] });

  it("SecretsManager.3 counts a secret named by a `valueFrom`, a log secret option, registry credentials or the file-delivery spec, and flags a spec that does not parse", () => {
    const secret = (name: string, n: number) =>
      resource(TYPES.secret, name, {}, { arn: `arn:aws:secretsmanager:eu-west-1:123456789012:secret:${name}-AbCde${n}` });
    const arn = (name: string, n: number) => `arn:aws:secretsmanager:eu-west-1:123456789012:secret:${name}-AbCde${n}`;
    const spec = serializeSpec({
      targetDir: "/run/secrets",
      files: [
        { name: "A", source: { type: "secretsmanager", secretId: arn("files", 1), jsonKey: "A", versionId: "0".repeat(32) } },
        { name: "B", source: { type: "ssm", name: "/app/b", withDecryption: true } },
      ],
    });
    const secrets = [secret("files", 1), secret("env", 2), secret("log", 3), secret("registry", 4)];
    const app = {
      secrets: [{ name: "E", valueFrom: `${arn("env", 2)}:E::` }],
      logConfiguration: { logDriver: "splunk", secretOptions: [{ name: "splunk-token", valueFrom: arn("log", 3) }] },
      repositoryCredentials: { credentialsParameter: arn("registry", 4) },
    };
    const init = { name: "secrets-init", environment: [{ name: SPEC_ENV_VAR, value: spec }] };
    const twoContainers = (i: Record<string, unknown>) =>
      resource(TYPES.taskDefinition, "task", { containerDefinitions: JSON.stringify([{ name: "app", ...app }, i]) });
    expect(findingsOf("SecretsManager.3", [...secrets, twoContainers(init)])).to.deep.equal([]);
    expect(findingsOf("SecretsManager.3", [...secrets, twoContainers({ name: "secrets-init" })])).to.deep.equal([
      "files is referenced by no container",
    ]);
    const broken = { name: "secrets-init", environment: [{ name: SPEC_ENV_VAR, value: spec.replace("/run/secrets", "run") }] };
    const [unreadable, ...rest] = findingsOf("SecretsManager.3", [...secrets, twoContainers(broken)]);
    expect(unreadable).to.match(/^secrets-init: invalid secret files spec: `targetDir` must be an absolute path/);
    expect(rest).to.deep.equal(["files is referenced by no container"]);
  });

  it("ECS.20 leaves out the FireLens router, which ECS requires to run as root, and checks every other container", () => {
    const containers = [
      { name: "log_router", user: "0", firelensConfiguration: { type: "fluentbit" } },
      { name: "app", user: "1000:1000" },
      { name: "sidecar", user: "0:0" },
    ];
    const task = resource(TYPES.taskDefinition, "task", { containerDefinitions: JSON.stringify(containers) });
    expect(findingsOf("ECS.20", [task])).to.deep.equal(["sidecar runs as root"]);
  });

  it("the ELB controls pass an ALB and an NLB hardened as each asks, and ELB.17 and ELB.18 ignore a Gateway Load Balancer's listener", () => {
    const resources = [
      alb({
        dropInvalidHeaderFields: true,
        accessLogs: { bucket: "logs", enabled: true },
        enableDeletionProtection: true,
        desyncMitigationMode: "strictest",
      }),
      listener("https", { port: 443, protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09", defaultActions: FORWARD }),
      resource(TYPES.webAclAssociation, "waf", {
        resourceArn: ALB_ARN,
        webAclArn: "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/acl/0b1c2d3e",
      }),
      resource(
        TYPES.albLoadBalancer,
        "nlb",
        { loadBalancerType: "network", enableDeletionProtection: true, subnetMappings: [{ subnetId: "subnet-a" }, { subnetId: "subnet-b" }] },
        { arn: NLB_ARN },
      ),
      listener(
        "tls",
        { loadBalancerArn: NLB_ARN, port: 443, protocol: "TLS", sslPolicy: "ELBSecurityPolicy-TLS13-1-3-2021-06" },
        TYPES.albListener,
      ),
      resource(
        TYPES.loadBalancer,
        "gwlb",
        { loadBalancerType: "gateway", enableDeletionProtection: true, subnets: ["subnet-a", "subnet-b"] },
        { arn: "gwlb-arn" },
      ),
      listener("geneve", { loadBalancerArn: "gwlb-arn" }),
    ];
    for (const id of ["ELB.1", "ELB.4", "ELB.5", "ELB.6", "ELB.12", "ELB.13", "ELB.16", "ELB.17", "ELB.18"]) {
      expect(findingsOf(id, resources), id).to.deep.equal([]);
    }
  });

  it("ELB.1 and ELB.18 take a listener without a protocol on an ALB as HTTP; ELB.12 takes none as ELB's default, defensive; ELB.17 takes none as ELBSecurityPolicy-2016-08", () => {
    expect(findingsOf("ELB.1", [alb({}), listener("bare", { port: 80, defaultActions: FORWARD })])).to.deep.equal([
      "bare does not redirect HTTP to HTTPS",
    ]);
    expect(findingsOf("ELB.18", VIOLATORS["ELB.18"])).to.deep.equal(["http listens on HTTP"]);
    expect(findingsOf("ELB.12", [alb({})])).to.deep.equal([]);
    expect(findingsOf("ELB.17", VIOLATORS["ELB.17"])).to.deep.equal(["https uses security policy ELBSecurityPolicy-2016-08"]);
    expect(findingsOf("ELB.18", [alb({}), listener("tcp", { protocol: "TCP", loadBalancerArn: NLB_ARN })])).to.deep.equal(["tcp listens on TCP"]);
  });

  it("S3.9 flags the bucket without logging, and neither the logged bucket nor the bucket that receives the logs", () => {
    expect(findingsOf("S3.9", VIOLATORS["S3.9"])).to.deep.equal(["unlogged has no server access logging"]);
  });

  it("SQS.1 accepts a queue under a KMS key or SQS-managed SSE", () => {
    expect(findingsOf("SQS.1", [resource(TYPES.queue, "a", { kmsMasterKeyId: "arn:aws:kms:eu-west-1:123456789012:key/k" })])).to.deep.equal([]);
    expect(findingsOf("SQS.1", [resource(TYPES.queue, "b", { sqsManagedSseEnabled: true })])).to.deep.equal([]);
  });

  it("lambda-dlq-check accepts an on-failure destination or a dead-letter queue, and ignores functions nothing invokes asynchronously", () => {
    const fn = (inputs: Record<string, unknown>) =>
      resource(TYPES.lambdaFunction, "fn", inputs, { arn: "arn:aws:lambda:eu-west-1:123456789012:function:fn", name: "fn" });
    const target = resource(TYPES.eventTarget, "target", { arn: "arn:aws:lambda:eu-west-1:123456789012:function:fn" });
    const destination = resource(TYPES.functionEventInvokeConfig, "config", {
      functionName: "fn",
      destinationConfig: { onFailure: { destination: "arn:aws:sqs:eu-west-1:123456789012:dlq" } },
    });
    expect(findingsOf("lambda-dlq-check", [fn({}), target, destination])).to.deep.equal([]);
    expect(
      findingsOf("lambda-dlq-check", [fn({ deadLetterConfig: { targetArn: "arn:aws:sqs:eu-west-1:123456789012:dlq" } }), target]),
    ).to.deep.equal([]);
    expect(findingsOf("lambda-dlq-check", [fn({})])).to.deep.equal([]);
    expect(findingsOf("lambda-dlq-check", VIOLATORS["lambda-dlq-check"])).to.deep.equal(["fn drops failed asynchronous invocations"]);
  });

  it("S3.5, S3.14 and S3.17 pass a TLS-only, versioned, SSE-KMS bucket, and leave a log destination out of versioning and KMS only", () => {
    const data = [
      bucket("data"),
      resource(TYPES.bucketPolicy, "policy", { bucket: "data", policy: doc([TLS_DENY]) }),
      resource(TYPES.bucketVersioning, "versioning", { bucket: "data", versioningConfiguration: { status: "Enabled" } }),
      sse("data", "aws:kms"),
    ];
    for (const id of ["S3.5", "S3.14", "S3.17"]) expect(findingsOf(id, data), id).to.deep.equal([]);
    const logs = [bucket("logs"), sse("logs", "AES256"), resource(TYPES.bucketLogging, "logging", { bucket: "data", targetBucket: "logs" })];
    expect(findingsOf("S3.14", [...data, ...logs])).to.deep.equal([]);
    expect(findingsOf("S3.17", [...data, ...logs])).to.deep.equal([]);
    expect(findingsOf("S3.5", [...data, ...logs])).to.deep.equal([
      "logs accepts requests without TLS (no policy denying aws:SecureTransport false)",
    ]);
  });

  it("AwsSolutions-SQS4 passes a queue whose policy, or whose own `policy` input, denies sqs:* without TLS", () => {
    const queue = resource(TYPES.queue, "dlq", {}, { url: QUEUE_URL });
    const tls = doc([{ ...TLS_DENY, Action: "sqs:*" }]);
    expect(findingsOf("AwsSolutions-SQS4", [queue, resource(TYPES.queuePolicy, "policy", { queueUrl: QUEUE_URL, policy: tls })])).to.deep.equal([]);
    expect(findingsOf("AwsSolutions-SQS4", [resource(TYPES.queue, "inline", { policy: tls }, { url: QUEUE_URL })])).to.deep.equal([]);
    expect(findingsOf("AwsSolutions-SQS4", [queue])).to.deep.equal([
      "dlq accepts requests without TLS (no policy denying aws:SecureTransport false)",
    ]);
  });

  it("Lambda.1 passes a service's permission held to a source ARN or account; Lambda.2 judges Node.js runtimes only", () => {
    const permission = (extra: Record<string, unknown>) =>
      resource(TYPES.lambdaPermission, "invoke", { action: "lambda:InvokeFunction", function: "fn", principal: "events.amazonaws.com", ...extra });
    expect(findingsOf("Lambda.1", [permission({ sourceArn: "arn:aws:events:eu-west-1:123456789012:rule/r" })])).to.deep.equal([]);
    expect(findingsOf("Lambda.1", [permission({ sourceAccount: "123456789012" })])).to.deep.equal([]);
    expect(findingsOf("Lambda.1", [permission({ principal: "*" })])).to.deep.equal(["invoke lets * invoke from any source"]);
    expect(findingsOf("Lambda.2", VIOLATORS["Lambda.2"])).to.deep.equal(["fn runs nodejs22.x, not nodejs24.x"]);
    expect(findingsOf("Lambda.2", [resource(TYPES.lambdaFunction, "py", { runtime: "python3.13" })])).to.deep.equal([]);
  });

  it("Lambda.2's newest Node.js runtime is the newest of the AWS provider's enum", () => {
    const node = Object.values(aws.lambda.Runtime)
      .map((r) => /^nodejs(\d+)\.x$/.exec(r))
      .filter((m): m is RegExpExecArray => m !== null)
      .sort((a, b) => Number(b[1]) - Number(a[1]));
    expect(NEWEST_NODE_RUNTIME).to.equal(node[0][0]);
  });

  it("the DynamoDB controls pass a table with a customer-managed key, PITR, and an AWS Backup selection naming its ARN", () => {
    const table = resource(
      TYPES.table,
      "table",
      { serverSideEncryption: { enabled: true, kmsKeyArn: "arn:aws:kms:eu-west-1:123456789012:key/k" }, pointInTimeRecovery: { enabled: true } },
      { arn: TABLE_ARN },
    );
    const selection = resource(TYPES.backupSelection, "selection", { resources: [TABLE_ARN] });
    for (const id of ["dynamodb-table-encrypted-kms", "DynamoDB.2", "DynamoDB.4"]) expect(findingsOf(id, [table, selection]), id).to.deep.equal([]);
  });

  it("AwsSolutions-IAM5 names the actions outside the documented `*` cases, and passes ECS Exec's", () => {
    expect(findingsOf("AwsSolutions-IAM5", VIOLATORS["AwsSolutions-IAM5"])).to.deep.equal(["p allows s3:GetObject on every resource"]);
    const exec = resource(TYPES.rolePolicy, "exec", {
      policy: doc([
        { Effect: "Allow", Action: Object.keys(WILDCARD_RESOURCE_ACTIONS), Resource: "*" },
        { Effect: "Deny", Action: "s3:*", Resource: "*" },
      ]),
    });
    expect(findingsOf("AwsSolutions-IAM5", [exec])).to.deep.equal([]);
  });

  it("EC2.18 passes 443 and 80 from anywhere and any port from a private range, and flags all traffic or a port range from anywhere", () => {
    const rule = (name: string, inputs: Record<string, unknown>) =>
      resource(TYPES.securityGroupIngressRule, name, { securityGroupId: "sg-1", ipProtocol: "tcp", cidrIpv4: "0.0.0.0/0", ...inputs });
    const fine = [
      rule("https", { fromPort: 443, toPort: 443 }),
      rule("http", { fromPort: 80, toPort: 80 }),
      rule("private", { fromPort: 22, toPort: 22, cidrIpv4: "10.0.0.0/8" }),
    ];
    expect(findingsOf("EC2.18", fine)).to.deep.equal([]);
    const open = [
      rule("all", { ipProtocol: "-1", fromPort: undefined, toPort: undefined }),
      resource(TYPES.securityGroup, "inline", { ingress: [{ protocol: "tcp", fromPort: 80, toPort: 443, ipv6CidrBlocks: ["::/0"] }] }),
      resource(TYPES.securityGroupRule, "legacy", { type: "ingress", protocol: "tcp", fromPort: 8080, toPort: 8080, cidrBlocks: ["0.0.0.0/0"] }),
    ];
    expect(findingsOf("EC2.18", open)).to.deep.equal([
      "inline admits the internet beyond ports 80, 443",
      "legacy admits the internet beyond ports 80, 443",
      "all admits the internet beyond ports 80, 443",
    ]);
  });

  it("ECS.8 flags both the AWS key name and the secret value a secret version stores", async () => {
    const flagged = (await pack.update({ resources: VIOLATORS["ECS.8"] })).filter((d) => d.policyName === "ecs-8");
    expect(flagged.map((d) => d.message.split("\n")[1])).to.deep.equal([
      "app: AWS_SECRET_ACCESS_KEY in environment",
      "app: a secret value in the container definition",
    ]);
  });

  it("ecs-task-definition-efs-encryption-enabled names each EFS volume and what it lacks, and passes one with TLS through an access point as the task role", () => {
    const control = CONTROLS.find((c) => c.id === "ecs-task-definition-efs-encryption-enabled")!;
    const subject = (volumes: unknown[]): Subject => ({ label: "synthetic", resources: [task({}, { volumes })], secretValues: [] });
    const config = {
      fileSystemId: "fs-0123456789abcdef0",
      transitEncryption: "ENABLED",
      authorizationConfig: { accessPointId: "fsap-0123456789abcdef0", iam: "ENABLED" },
    };
    expect(control.findings(subject([{ name: "data", efsVolumeConfiguration: config }]))).to.deep.equal([]);
    expect(
      control.findings(
        subject([
          { name: "a", efsVolumeConfiguration: { ...config, transitEncryption: "DISABLED" } },
          { name: "b", efsVolumeConfiguration: { fileSystemId: "fs-0123456789abcdef0", transitEncryption: "ENABLED" } },
        ]),
      ),
    ).to.deep.equal(["task: EFS volume a (no transit encryption); b (no access point with IAM authorisation)"]);
  });

  it("EFS.2 counts automatic backups (matched by the id in the file system's ARN) and an AWS Backup selection as a backup plan", () => {
    const control = CONTROLS.find((c) => c.id === "EFS.2")!;
    const fs = resource(TYPES.efsFileSystem, "fs", { encrypted: true }, { arn: FS_ARN });
    const subject = (other: ProgramResource): Subject => ({ label: "synthetic", resources: [fs, other], secretValues: [] });
    const policy = (status: string) => resource(TYPES.efsBackupPolicy, "b", { fileSystemId: "fs-0123456789abcdef0", backupPolicy: { status } });
    expect(control.findings(subject(policy("ENABLED")))).to.deep.equal([]);
    expect(control.findings(subject(policy("DISABLED")))).to.deep.equal(["fs is in no backup plan"]);
    expect(control.findings(subject(resource(TYPES.backupSelection, "sel", { resources: [FS_ARN] })))).to.deep.equal([]);
    expect(
      control.findings(subject(resource(TYPES.backupSelection, "sel", { resources: ["arn:aws:dynamodb:eu-west-1:123456789012:table/t"] }))),
    ).to.deep.equal(["fs is in no backup plan"]);
  });
});

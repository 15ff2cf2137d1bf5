import { expect } from "chai";
import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { ACCOUNT, makeContext, REGION, resolve } from "@twitterstream/test-kit/mocks";
import { mockRun } from "./mockRun";
import { SECRETS, secretValues } from "@twitterstream/test-kit/secrets";
import { containerDefinitions, REPOSITORY, rolePolicy, runComponent } from "./runComponent";

const KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/`;
const run = runComponent;
const policy = rolePolicy;

describe("SecureFargateTask under mocks", () => {
  it("creates exactly the expected children, each a child of the component, named from its name", async () => {
    const { run: r } = await run();
    const children = r.resources
      .filter((c) => c.type !== "secure-fargate-task:index:SecureFargateTask")
      .map((c) => `${c.type} ${c.name}`)
      .sort();
    expect(children).to.deep.equal(
      [
        "aws:cloudwatch/logGroup:LogGroup app-logs",
        "aws:ec2/securityGroup:SecurityGroup app-sg",
        "aws:ecr/lifecyclePolicy:LifecyclePolicy app-repo-lifecycle",
        "aws:ecr/repository:Repository app-repo",
        "aws:ecs/cluster:Cluster app-cluster",
        "aws:ecs/service:Service app-service",
        "aws:ecs/taskDefinition:TaskDefinition app-task",
        "aws:iam/role:Role app-execution-role",
        "aws:iam/role:Role app-task-role",
        "aws:iam/rolePolicy:RolePolicy app-execution-policy",
        "aws:kms/alias:Alias app-key-alias",
        "aws:kms/key:Key app-key",
        "aws:secretsmanager/secret:Secret app-secrets",
        "aws:secretsmanager/secretVersion:SecretVersion app-secrets-version",
        "docker:index/image:Image app-image",
        "time:index/sleep:Sleep app-iam-propagation",
      ].sort(),
    );
    for (const child of r.resources.filter((c) => c.type !== "secure-fargate-task:index:SecureFargateTask")) {
      expect(child.urn, child.name).to.match(/::secure-fargate-task:index:SecureFargateTask\$/);
    }
    expect([...new Set(r.invokes)].sort()).to.deep.equal([
      "aws:ec2/getSubnets:getSubnets",
      "aws:ec2/getVpcs:getVpcs",
      "aws:ecr/getAuthorizationToken:getAuthorizationToken",
      "aws:ecr/getImages:getImages",
      "aws:index/getCallerIdentity:getCallerIdentity",
      "aws:index/getPartition:getPartition",
      "aws:index/getRegion:getRegion",
    ]);
  });

  it("stores the secrets as one JSON secret under the component's key, names scoped by project and stack", async () => {
    const { run: r } = await run();
    const secret = r.get("aws:secretsmanager/secret:Secret", "app-secrets");
    expect(secret.inputs.namePrefix).to.equal("proj/dev/app/secrets-");
    expect(String(secret.inputs.kmsKeyId)).to.match(new RegExp(`^${KEY_ARN}`));
    const version = r.get("aws:secretsmanager/secretVersion:SecretVersion", "app-secrets-version");
    expect(version.secretInputs).to.include("secretString");
    expect(JSON.parse(String(version.inputs.secretString))).to.deep.equal({
      ACCESSTOKEN: "at-value-3",
      CONSUMERKEY: "ck-value-1",
      CONSUMERSECRETKEY: "cs-value-2",
    });
    const { run: other } = await run({}, "prod");
    expect(other.get("aws:secretsmanager/secret:Secret", "app-secrets").inputs.namePrefix).to.equal("proj/prod/app/secrets-");
    expect(other.get("aws:cloudwatch/logGroup:LogGroup", "app-logs").inputs.name).to.equal("/ecs/proj/prod/app");
  });

  it("pins every container secret to the version id that holds its value", async () => {
    const { run: r } = await run();
    const secretArn = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:proj/dev/app/secrets-20261122000000000000000001-AbCdEf`;
    const [container] = containerDefinitions(r);
    const secrets = container.secrets as Array<{ name: string; valueFrom: string }>;
    expect(secrets.map((s) => s.name)).to.deep.equal(["ACCESSTOKEN", "CONSUMERKEY", "CONSUMERSECRETKEY"]);
    for (const s of secrets) {
      expect(s.valueFrom).to.match(new RegExp(`^${escape(secretArn)}:${s.name}::[0-9a-f]{32}$`));
    }
  });

  it("changes the container definitions when a secret value changes, and not a byte when none does", async () => {
    const first = containerDefinitions((await run()).run);
    const same = containerDefinitions((await run()).run);
    expect(JSON.stringify(same)).to.equal(JSON.stringify(first));
    const rotated = containerDefinitions(
      (await run({ secrets: { ...secretValues(SECRETS), CONSUMERKEY: { value: pulumi.secret("ck-value-rotated") } } })).run,
    );
    expect(JSON.stringify(rotated)).to.not.equal(JSON.stringify(first));
    const versionOf = (defs: Array<Record<string, unknown>>) =>
      (defs[0].secrets as Array<{ valueFrom: string }>).map((s) => s.valueFrom.split(":").pop());
    expect(versionOf(rotated)).to.not.deep.equal(versionOf(first));
  });

  it("keeps every secret value out of every input but the secret version, out of the task definition and out of the outputs", async () => {
    const { run: r, component } = await run();
    for (const resource of r.resources) {
      const inputs =
        resource.type === "aws:secretsmanager/secretVersion:SecretVersion" ? { ...resource.inputs, secretString: "<allowed>" } : resource.inputs;
      const text = JSON.stringify(inputs);
      for (const value of Object.values(SECRETS)) expect(text, `${resource.type} ${resource.name}`).to.not.include(value);
    }
    const outputs = [
      component.clusterName,
      component.serviceName,
      component.taskDefinitionArn,
      component.repositoryUrl,
      component.imageRef,
      component.secretArns,
      component.logGroupName,
      component.executionRoleArn,
      component.taskRoleArn,
      component.kmsKeyArn,
      component.securityGroupIds,
    ] as pulumi.Output<unknown>[];
    for (const output of outputs) {
      expect(await pulumi.isSecret(output)).to.equal(false);
      const text = JSON.stringify(await resolve(output));
      for (const value of Object.values(SECRETS)) expect(text).to.not.include(value);
    }
  });

  it("builds a hardened app container definition", async () => {
    const { run: r } = await run();
    const [container] = containerDefinitions(r);
    expect(container).to.deep.equal({
      name: "app",
      image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${REPOSITORY}@sha256:${"ab".repeat(32)}`,
      essential: true,
      cpu: 256,
      memory: 512,
      user: "1000:1000",
      privileged: false,
      readonlyRootFilesystem: true,
      linuxParameters: { initProcessEnabled: true },
      environment: [
        { name: "FILTER", value: "Cloud Computing" },
        { name: "TABLE", value: "tweets" },
      ],
      secrets: container.secrets,
      mountPoints: [{ sourceVolume: "tmp", containerPath: "/tmp", readOnly: false }],
      logConfiguration: {
        logDriver: "awslogs",
        options: {
          "awslogs-group": "/ecs/proj/dev/app",
          "awslogs-region": REGION,
          "awslogs-stream-prefix": "app",
          mode: "non-blocking",
          "max-buffer-size": "25m",
        },
      },
      stopTimeout: 30,
    });
  });

  it("defines a Fargate task on the build platform's architecture, with both roles", async () => {
    const { run: r } = await run({ image: { context: makeContext(), platform: "linux/arm64" }, cpu: 1024, memory: 4096 });
    const task = r.get("aws:ecs/taskDefinition:TaskDefinition", "app-task").inputs;
    expect(task).to.include({ family: "proj-dev-app", cpu: "1024", memory: "4096", networkMode: "awsvpc" });
    expect(task.requiresCompatibilities).to.deep.equal(["FARGATE"]);
    expect(task.runtimePlatform).to.deep.equal({ operatingSystemFamily: "LINUX", cpuArchitecture: "ARM64" });
    expect(task.volumes).to.deep.equal([{ name: "tmp" }]);
    expect(task.executionRoleArn).to.equal(`arn:aws:iam::${ACCOUNT}:role/app-execution-role-1234567`);
    expect(task.taskRoleArn).to.equal(`arn:aws:iam::${ACCOUNT}:role/app-task-role-1234567`);
    const image = r.get("docker:index/image:Image", "app-image").inputs;
    expect((image.build as Record<string, unknown>).platform).to.equal("linux/arm64");
  });

  it("builds the image into an immutable, scanned, encrypted repository with a content tag and a secret registry password", async () => {
    const { run: r, context } = await run();
    const repo = r.get("aws:ecr/repository:Repository", "app-repo").inputs;
    expect(repo).to.include({ imageTagMutability: "IMMUTABLE", forceDelete: true });
    expect(repo.name)
      .to.match(/^proj\/dev\/app-[0-9a-f]{8}$/)
      .and.equal(REPOSITORY);
    expect(repo.imageScanningConfiguration).to.deep.equal({ scanOnPush: true });
    expect((repo.encryptionConfigurations as Array<Record<string, string>>)[0].encryptionType).to.equal("KMS");
    const lifecycle = JSON.parse(String(r.get("aws:ecr/lifecyclePolicy:LifecyclePolicy", "app-repo-lifecycle").inputs.policy)) as {
      rules: Array<{ selection: unknown }>;
    };
    const image = r.get("docker:index/image:Image", "app-image");
    expect(lifecycle.rules.map((rule) => rule.selection)).to.deep.equal([
      { tagStatus: "tagged", tagPatternList: [String(image.inputs.imageName).split(":").pop()], countType: "imageCountMoreThan", countNumber: 1 },
      { tagStatus: "tagged", tagPrefixList: ["src-"], countType: "imageCountMoreThan", countNumber: 10 },
      { tagStatus: "tagged", tagPrefixList: ["init-"], countType: "imageCountMoreThan", countNumber: 10 },
    ]);
    expect(String(image.inputs.imageName)).to.match(
      new RegExp(`^${ACCOUNT}\\.dkr\\.ecr\\.${REGION}\\.amazonaws\\.com/${REPOSITORY}:src-[0-9a-f]{24}$`),
    );
    expect(image.inputs.build).to.deep.equal({ context, dockerfile: `${context}/Dockerfile`, platform: "linux/amd64", args: {} });
    expect(image.inputs.registry).to.deep.equal({
      server: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${REPOSITORY}`,
      username: "AWS",
      password: "ecr-token-password",
    });
    expect(image.secretInputs).to.include("registry");
  });

  it("gives the execution role exactly what ECS needs, on exact ARNs", async () => {
    const { run: r } = await run();
    const keyArn = String(r.get("aws:secretsmanager/secret:Secret", "app-secrets").inputs.kmsKeyId);
    expect(policy(r, "app-execution-policy")).to.deep.equal({
      Version: "2012-10-17",
      Statement: [
        { Sid: "EcrAuthorization", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
        {
          Sid: "PullImage",
          Effect: "Allow",
          Action: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
          Resource: `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/${REPOSITORY}`,
        },
        {
          Sid: "WriteLogs",
          Effect: "Allow",
          Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
          Resource: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/ecs/proj/dev/app:log-stream:*`,
        },
        {
          Sid: "ReadSecrets",
          Effect: "Allow",
          Action: "secretsmanager:GetSecretValue",
          Resource: [`arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:proj/dev/app/secrets-20261122000000000000000001-AbCdEf`],
        },
        {
          Sid: "DecryptViaSecretsManager",
          Effect: "Allow",
          Action: "kms:Decrypt",
          Resource: keyArn,
          Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${REGION}.amazonaws.com` } },
        },
      ],
    });
    const trust = {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Service: "ecs-tasks.amazonaws.com" },
          Action: "sts:AssumeRole",
          Condition: {
            StringEquals: { "aws:SourceAccount": ACCOUNT },
            ArnLike: { "aws:SourceArn": `arn:aws:ecs:${REGION}:${ACCOUNT}:*` },
          },
        },
      ],
    };
    for (const role of ["app-execution-role", "app-task-role"]) {
      const inputs = r.get("aws:iam/role:Role", role).inputs;
      expect(JSON.parse(String(inputs.assumeRolePolicy))).to.deep.equal(trust);
      expect(inputs.managedPolicyArns).to.equal(undefined);
    }
    expect(r.ofType("aws:iam/rolePolicy:RolePolicy").map((p) => p.name)).to.deep.equal(["app-execution-policy"]);
  });

  it("gives the task role only the statements the caller lists", async () => {
    const tableArn = `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/tweets`;
    const { run: r } = await run({
      taskRolePolicyStatements: [{ Effect: "Allow", Action: ["dynamodb:BatchWriteItem"], Resource: [pulumi.output(tableArn)] }],
    });
    expect(policy(r, "app-task-policy")).to.deep.equal({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "dynamodb:BatchWriteItem", Resource: tableArn }],
    });
    const taskPolicy = r.get("aws:iam/rolePolicy:RolePolicy", "app-task-policy");
    expect(String(taskPolicy.inputs.role)).to.not.equal(String(r.get("aws:iam/rolePolicy:RolePolicy", "app-execution-policy").inputs.role));
  });

  it("creates a rotating key whose policy lets CloudWatch Logs use it for this log group only", async () => {
    const { run: r } = await run();
    const key = r.get("aws:kms/key:Key", "app-key").inputs;
    expect(key).to.include({ enableKeyRotation: true, deletionWindowInDays: 30 });
    expect((JSON.parse(String(key.policy)) as PolicyDocument).Statement[1]).to.deep.equal({
      Sid: "CloudWatchLogsForTheseLogGroupsOnly",
      Effect: "Allow",
      Principal: { Service: `logs.${REGION}.amazonaws.com` },
      Action: ["kms:Decrypt*", "kms:Describe*", "kms:Encrypt*", "kms:GenerateDataKey*", "kms:ReEncrypt*"],
      Resource: "*",
      Condition: { ArnEquals: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/ecs/proj/dev/app` } },
    });
    expect(r.get("aws:kms/alias:Alias", "app-key-alias").inputs.name).to.equal("alias/proj/dev/app");
    const logs = r.get("aws:cloudwatch/logGroup:LogGroup", "app-logs").inputs;
    expect(logs).to.include({ name: "/ecs/proj/dev/app", retentionInDays: 30 });
    expect(String(logs.kmsKeyId)).to.match(new RegExp(`^${KEY_ARN}`));
  });

  it("runs a Fargate service with the circuit breaker, steady-state wait and the default VPC with a public IP", async () => {
    const { run: r } = await run();
    const service = r.get("aws:ecs/service:Service", "app-service").inputs;
    expect(service).to.include({
      desiredCount: 1,
      launchType: "FARGATE",
      platformVersion: "LATEST",
      deploymentMinimumHealthyPercent: 100,
      deploymentMaximumPercent: 200,
      waitForSteadyState: true,
      cluster: `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/app-cluster-1234567`,
      taskDefinition: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/proj-dev-app:1`,
    });
    expect(service.deploymentCircuitBreaker).to.deep.equal({ enable: true, rollback: true });
    const sgId = r.get("aws:ec2/securityGroup:SecurityGroup", "app-sg");
    expect(service.networkConfiguration).to.deep.equal({
      subnets: ["subnet-default-a", "subnet-default-b"],
      securityGroups: [sgIdOf(sgId.type, sgId.name)],
      assignPublicIp: true,
    });
    const sg = sgId.inputs;
    expect(sg.vpcId).to.equal("vpc-default");
    expect(sg.ingress).to.deep.equal([]);
    expect(
      (sg.egress as Array<Record<string, unknown>>).map(({ protocol, fromPort, toPort, cidrBlocks }) => ({
        protocol,
        fromPort,
        toPort,
        cidrBlocks,
      })),
    ).to.deep.equal([{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }]);
    const cluster = r.get("aws:ecs/cluster:Cluster", "app-cluster").inputs;
    expect(cluster.settings).to.deep.equal([{ name: "containerInsights", value: "enabled" }]);
  });

  it("uses the caller's network, cluster and key, creating none of its own", async () => {
    const callerKey = `arn:aws:kms:${REGION}:${ACCOUNT}:key/caller`;
    const callerCluster = `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/shared`;
    const { run: r, component } = await run({
      network: { subnetIds: ["subnet-p1", "subnet-p2"], securityGroupIds: ["sg-caller"] },
      clusterArn: callerCluster,
      kmsKeyArn: callerKey,
    });
    expect(r.ofType("aws:kms/key:Key")).to.have.length(0);
    expect(r.ofType("aws:ecs/cluster:Cluster")).to.have.length(0);
    expect(r.ofType("aws:ec2/securityGroup:SecurityGroup")).to.have.length(0);
    expect(r.invokes).to.not.include("aws:ec2/getVpcs:getVpcs");
    const service = r.get("aws:ecs/service:Service", "app-service").inputs;
    expect(service.cluster).to.equal(callerCluster);
    expect(service.networkConfiguration).to.deep.equal({
      subnets: ["subnet-p1", "subnet-p2"],
      securityGroups: ["sg-caller"],
      assignPublicIp: false,
    });
    const statements = policy(r, "app-execution-policy").Statement;
    expect(statements.find((s) => s.Sid === "DecryptViaSecretsManager")!.Resource).to.equal(callerKey);
    expect(await resolve(component.clusterName)).to.equal("shared");
  });

  it("makes a security group in the caller's subnets' VPC when the caller gives none", async () => {
    const { run: r } = await run({ network: { subnetIds: ["subnet-p1"] } });
    expect(r.invokes).to.include("aws:ec2/getSubnet:getSubnet");
    expect(r.get("aws:ec2/securityGroup:SecurityGroup", "app-sg").inputs.vpcId).to.equal("vpc-caller");
  });

  it("stores one secret per variable when asked, each pinned as a whole secret", async () => {
    const { run: r } = await run({ secretLayout: "perVariable" });
    expect(
      r
        .ofType("aws:secretsmanager/secret:Secret")
        .map((s) => s.name)
        .sort(),
    ).to.deep.equal(["app-secret-ACCESSTOKEN", "app-secret-CONSUMERKEY", "app-secret-CONSUMERSECRETKEY"]);
    const version = r.get("aws:secretsmanager/secretVersion:SecretVersion", "app-secret-CONSUMERKEY-version");
    expect(version.inputs.secretString).to.equal("ck-value-1");
    const [container] = containerDefinitions(r);
    for (const s of container.secrets as Array<{ name: string; valueFrom: string }>) {
      expect(s.valueFrom).to.match(new RegExp(`:secret:proj/dev/app/secret-${s.name}-20261122000000000000000001-AbCdEf:::[0-9a-f]{32}$`));
    }
    const readSecrets = policy(r, "app-execution-policy").Statement.find((s) => s.Sid === "ReadSecrets")!;
    expect(readSecrets.Resource).to.have.length(3);
  });

  it("wraps a plain-string secret value with pulumi.secret", async () => {
    const { run: r } = await run({ secrets: { APIKEY: { value: "plain-string-value" } } });
    const version = r.get("aws:secretsmanager/secretVersion:SecretVersion", "app-secrets-version");
    expect(version.secretInputs).to.include("secretString");
  });

  it("refuses a secret passed as a plaintext environment variable", async () => {
    const { SecureFargateTask } = await import("../src");
    const context = makeContext();
    let failure: unknown;
    process.once("unhandledRejection", (e) => (failure = e));
    await mockRun(() => {
      new SecureFargateTask("app", {
        image: { context },
        secrets: { A: { value: pulumi.secret("a") } },
        environment: { TOKEN: pulumi.secret("leaked-token") },
      });
    }).catch((e: unknown) => (failure = e));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(String(failure)).to.include('SecureFargateTask "app": `environment.TOKEN` is a secret');
  });

  it("fails before creating any child when an argument is invalid", async () => {
    const { SecureFargateTask } = await import("../src");
    const context = makeContext();
    let thrown: unknown;
    const r = await mockRun(() => {
      try {
        new SecureFargateTask("app", { image: { context }, secrets: { A: { value: "a" } }, cpu: 256, memory: 4096 });
      } catch (e) {
        thrown = e;
      }
    });
    expect(thrown).to.be.instanceOf(pulumi.ResourceError);
    expect((thrown as Error).message).to.equal(
      'SecureFargateTask "app": `memory` 4096 MiB is not offered by Fargate with cpu 256. Use 512, 1024, 2048 with cpu 256, or cpu 512 for memory 4096.',
    );
    expect(r.resources.filter((c) => c.type !== "secure-fargate-task:index:SecureFargateTask")).to.have.length(0);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** A policy document as the tests read it, parsed from JSON. */
interface PolicyDocument {
  Statement: Array<{ Sid: string; Resource: unknown; Condition: Record<string, Record<string, unknown>> }>;
}

/** The id the mocks give a resource (see mocks.ts: a hash of type and name). */
function sgIdOf(type: string, name: string): string {
  return createHash("sha256").update([type, name].join("\0")).digest("hex").slice(0, 32);
}

/**
 * ECS Exec, off by default: the service flag, the task role's grants, the cluster's session logging and encryption,
 * and the SSM agent's writable paths under the read-only root filesystem.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html
 */
import { expect } from "chai";
import type { SecureFargateTaskArgs } from "../src";
import { InvalidArgumentsError } from "../src/errors";
import { validateArgs } from "../src/validate";
import { ACCOUNT, makeContext, REGION } from "@twitterstream/test-kit/mocks";
import { containerDefinitions, rolePolicy, runComponent } from "./runComponent";

const context = makeContext();
const valid: SecureFargateTaskArgs = { image: { context }, secrets: { API_KEY: { value: "k" } } };
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/`;
const LOG_GROUP = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/ecs/proj/dev/app`;

describe("enableExecuteCommand", () => {
  it("is off by default: no flag, no grant, no cluster configuration, no extra volume", async () => {
    expect(validateArgs("app", valid).enableExecuteCommand).to.equal(false);
    const { run } = await runComponent();
    expect(run.get("aws:ecs/service:Service", "app-service").inputs).to.not.have.property("enableExecuteCommand");
    expect(run.get("aws:ecs/cluster:Cluster", "app-cluster").inputs).to.not.have.property("configuration");
    expect(JSON.stringify(run.resources.map((r) => r.inputs))).to.not.include("ssmmessages");
    expect(JSON.stringify(run.get("aws:ecs/taskDefinition:TaskDefinition", "app-task").inputs.volumes)).to.not.include("ssm-agent");
  });

  it("needs a service", () => {
    try {
      validateArgs("app", { ...valid, runMode: "task", enableExecuteCommand: true });
      expect.fail("accepted");
    } catch (e) {
      expect((e as InvalidArgumentsError).errors.map((x) => x.message)).to.deep.equal([
        '`enableExecuteCommand` turns on ECS Exec for the service\'s tasks, but runMode is "task": there is no service. Remove it, or run a service (runMode "service").',
      ]);
    }
  });

  it("sets the flag, grants the session channel, logs and encrypts sessions, and keeps the root filesystem read-only", async () => {
    const { run } = await runComponent({ enableExecuteCommand: true });
    expect(run.get("aws:ecs/service:Service", "app-service").inputs.enableExecuteCommand).to.equal(true);
    const key = String(run.get("aws:kms/key:Key", "app-key").state.arn);
    expect(key.startsWith(KEY)).to.equal(true);
    expect(run.get("aws:ecs/cluster:Cluster", "app-cluster").inputs.configuration).to.deep.equal({
      executeCommandConfiguration: {
        kmsKeyId: key,
        logging: "OVERRIDE",
        logConfiguration: { cloudWatchLogGroupName: "/ecs/proj/dev/app", cloudWatchEncryptionEnabled: true },
      },
    });
    const statements = rolePolicy(run, "app-task-policy").Statement.filter((s) => String(s.Sid).startsWith("EcsExec"));
    expect(statements).to.deep.equal([
      {
        Sid: "EcsExecSessionChannel",
        Effect: "Allow",
        Action: [
          "ssmmessages:CreateControlChannel",
          "ssmmessages:CreateDataChannel",
          "ssmmessages:OpenControlChannel",
          "ssmmessages:OpenDataChannel",
        ],
        Resource: "*",
      },
      { Sid: "EcsExecFindLogGroup", Effect: "Allow", Action: "logs:DescribeLogGroups", Resource: "*" },
      {
        Sid: "EcsExecSessionLogs",
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
        Resource: `${LOG_GROUP}:log-stream:*`,
      },
      { Sid: "EcsExecFindLogStreams", Effect: "Allow", Action: "logs:DescribeLogStreams", Resource: [LOG_GROUP, `${LOG_GROUP}:*`] },
      { Sid: "EcsExecSessionEncryption", Effect: "Allow", Action: "kms:Decrypt", Resource: key },
    ]);
    const app = containerDefinitions(run).find((c) => c.name === "app")!;
    expect(app.readonlyRootFilesystem).to.equal(true);
    expect(app.mountPoints).to.deep.include.members([
      { sourceVolume: "ssm-agent-state", containerPath: "/var/lib/amazon/ssm", readOnly: false },
      { sourceVolume: "ssm-agent-logs", containerPath: "/var/log/amazon/ssm", readOnly: false },
    ]);
    expect(run.get("aws:ecs/taskDefinition:TaskDefinition", "app-task").inputs.volumes).to.deep.include.members([
      { name: "ssm-agent-state" },
      { name: "ssm-agent-logs" },
    ]);
  });

  it("configures nothing on an existing cluster (its owner sets session logging), but still flags the service and grants the role", async () => {
    const { run } = await runComponent({ enableExecuteCommand: true, clusterArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/shared` });
    expect(run.ofType("aws:ecs/cluster:Cluster")).to.deep.equal([]);
    expect(run.get("aws:ecs/service:Service", "app-service").inputs.enableExecuteCommand).to.equal(true);
    expect(rolePolicy(run, "app-task-policy").Statement.map((s) => s.Sid)).to.include("EcsExecSessionChannel");
  });
});

/**
 * The doctor end to end in this process: the real AWS SDK clients against the loopback fake AWS, one scenario per
 * way a deployment goes wrong, asserting the exit code and the exact lines that say it.
 */
import { expect } from "chai";
import { startFakeAws, type FakeAws, type FakeScenario, type WireTask } from "./fakeAws";
import { runAgainst } from "./harness";
import {
  LOG_GROUP,
  SERVICE,
  STACK_REVISION,
  TABLE,
  healthy,
  serviceLines,
  stackFlags,
  stackOutputs,
  stoppedTask,
  taskDefinition,
} from "./scenarios";

const NOW = Date.parse("2025-06-01T12:00:00Z");
const STDIN = JSON.stringify(stackOutputs());

describe("doctor against a fake AWS", () => {
  let fake: FakeAws;
  let scenario: FakeScenario;

  beforeEach(async () => {
    scenario = healthy(NOW);
    fake = await startFakeAws(scenario);
  });
  afterEach(() => fake.close());

  /** Replaces the fake's scenario in place (the fake holds the object). */
  function given(change: (s: FakeScenario) => void): void {
    change(scenario);
  }

  it("GIVEN a healthy deployment THEN exit 0 and every check is ok", async () => {
    const { code, lines, stderr } = await runAgainst(fake, NOW, [], STDIN);
    expect(stderr).to.equal("");
    expect(code).to.equal(0);
    expect(lines).to.include.members([
      "[ok]   the service runs the stack's task definition twitterstream:4",
      "[ok]   rollout COMPLETED: ECS deployment ecs-svc/1111111111111111111 completed.",
      "[ok]   running 1 of 1",
      `       2025-06-01T11:46:00.000Z (service ${SERVICE}) has reached a steady state.`,
      "       task 0a1b2c3d4e5f (twitterstream:3, not the stack's revision) stopped 20 min ago: stopped by ECS or a user (a deployment replacing it, a scale-in)",
      "[ok]   connected to the filtered stream (2025-06-01T11:59:49.000Z); last stats: received 1200, matched 37, stored 37",
      `[ok]   table ${TABLE}: ACTIVE, about 1234 items (DynamoDB refreshes ItemCount about every 6 hours)`,
      "Result: healthy: the service runs the stack's revision",
    ]);
    // Service events newest first, whatever order ECS sent them in.
    const events = lines.filter((l) => l.includes(`(service ${SERVICE})`));
    expect(events.map((l) => l.trim().slice(0, 24))).to.deep.equal([
      "2025-06-01T11:46:00.000Z",
      "2025-06-01T11:45:00.000Z",
      "2025-06-01T11:40:00.000Z",
    ]);
  });

  it("asks AWS exactly for the stack's resources, with each service's protocol", async () => {
    await runAgainst(fake, NOW, [], STDIN);
    const byTarget = new Map(fake.calls.map((c) => [c.target, c]));
    expect([...byTarget.keys()].sort()).to.deep.equal([
      "AmazonEC2ContainerServiceV20141113.DescribeServices",
      "AmazonEC2ContainerServiceV20141113.DescribeTasks",
      "AmazonEC2ContainerServiceV20141113.ListTasks",
      "DynamoDB_20120810.DescribeTable",
      "Logs_20140328.FilterLogEvents",
    ]);
    expect(byTarget.get("AmazonEC2ContainerServiceV20141113.ListTasks")?.body).to.deep.equal({
      cluster: stackOutputs()["clusterName"],
      serviceName: SERVICE,
      desiredStatus: "STOPPED",
      maxResults: 100,
    });
    expect(byTarget.get("Logs_20140328.FilterLogEvents")?.body).to.deep.equal({ logGroupName: LOG_GROUP, startTime: NOW - 60 * 60_000 });
    expect(byTarget.get("DynamoDB_20120810.DescribeTable")?.contentType).to.equal("application/x-amz-json-1.0");
    expect(byTarget.get("AmazonEC2ContainerServiceV20141113.DescribeServices")?.contentType).to.equal("application/x-amz-json-1.1");
  });

  it("GIVEN the circuit breaker rolled back to the previous revision THEN exit 1, the mismatch and why the new revision failed", async () => {
    given((s) => {
      const service = s.service!;
      service.taskDefinition = taskDefinition(STACK_REVISION - 1);
      service.deployments = [
        {
          ...service.deployments[0],
          id: "ecs-svc/2222",
          taskDefinition: taskDefinition(STACK_REVISION - 1),
          rolloutState: "COMPLETED",
          rolloutStateReason: "ECS deployment ecs-svc/2222 completed.",
        },
      ];
      service.events.unshift({
        id: "e9",
        createdAt: (NOW - 5 * 60_000) / 1000,
        message: `(service ${SERVICE}) (deployment ecs-svc/1111) deployment failed: tasks failed to start.`,
      });
      s.stoppedTasks = [
        stoppedTask(NOW, "deadbeef0001", {
          stoppedReason:
            "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: " +
            "service call has been retried 1 time(s): failed to fetch secret arn:aws:secretsmanager:us-east-1:123456789012:secret:twitterstream-credentials-AbC123 " +
            "from secrets manager: AccessDeniedException: Access to KMS is not allowed status code: 400",
        }),
      ];
    });
    const { code, lines } = await runAgainst(fake, NOW, [], STDIN);
    expect(code).to.equal(1);
    expect(lines).to.include.members([
      "[FAIL] the service runs twitterstream:3, not the stack's twitterstream:4: the update rolled back or never took",
      "[ok]   rollout COMPLETED: ECS deployment ecs-svc/2222 completed.",
      `       2025-06-01T11:55:00.000Z (service ${SERVICE}) (deployment ecs-svc/1111) deployment failed: tasks failed to start.`,
      "[FAIL] task deadbeef0001 (twitterstream:4) stopped 3 min ago: the task may not read its secrets (kms:Decrypt denied)",
      "       see: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/resource-initialization-error.html",
      "Result: 2 problems found",
    ]);
  });

  it("GIVEN a rollout that failed and is still listed THEN exit 1 with the deployment's reason", async () => {
    given((s) => {
      const primary = s.service!.deployments[0];
      primary.rolloutState = "FAILED";
      primary.rolloutStateReason = "ECS deployment circuit breaker: tasks failed to start.";
    });
    const { code, lines } = await runAgainst(fake, NOW, [], STDIN);
    expect(code).to.equal(1);
    expect(lines).to.include("[FAIL] rollout FAILED: ECS deployment circuit breaker: tasks failed to start.");
  });

  /** A task ECS replaced for a failed container health check (stopped as ServiceSchedulerInitiated), `minutesAgo`. */
  function unhealthyTask(id: string, minutesAgo: number): WireTask {
    return stoppedTask(
      NOW,
      id,
      {
        stopCode: "ServiceSchedulerInitiated",
        stoppedReason: "Task failed container health checks",
        containers: [{ name: "twitterstream", lastStatus: "STOPPED", exitCode: 0 }],
      },
      minutesAgo,
    );
  }

  it("GIVEN the stack's revision completed its deployment, then its tasks failed the health check THEN exit 1: unhealthy after the deployment completed, not rolled back", async () => {
    // The deployment completed 15 min ago (the healthy scenario's event); two of its tasks were replaced since.
    given((s) => {
      s.stoppedTasks = [unhealthyTask("feed00000001", 9), unhealthyTask("feed00000002", 2)];
    });
    const { code, lines } = await runAgainst(fake, NOW, [], STDIN);
    expect(code).to.equal(1);
    expect(lines).to.include.members([
      "[ok]   rollout COMPLETED: ECS deployment ecs-svc/1111111111111111111 completed.",
      "[FAIL] unhealthy after the deployment completed: 2 tasks of twitterstream:4 failed the container health check after " +
        "deployment ecs-svc/1111111111111111111 completed (15 min ago), the last 2 min ago",
      "       fix: the circuit breaker counts failures only while a deployment is in progress, so ECS keeps this revision and " +
        "replaces its tasks; the stopped tasks and the log lines below say why the stream died. X's side (a usage cap, an " +
        "outage: a reconnect line with the HTTP status) recovers once X accepts connections again; if the revision is at " +
        "fault, deploy the previous sources again (`git revert`, then `pulumi up`)",
      "       see: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html",
      "[FAIL] task feed00000002 (twitterstream:4) stopped 2 min ago: ECS replaced it: its container health check failed",
      "       reason: ServiceSchedulerInitiated: Task failed container health checks: twitterstream exit 0",
      "Result: 3 problems found",
    ]);
  });

  it("GIVEN a health-check failure during the deployment only, which still completed THEN the task is a failure, not one after completion", async () => {
    given((s) => {
      s.stoppedTasks = [unhealthyTask("feed00000003", 17)];
    });
    const { code, lines } = await runAgainst(fake, NOW, [], STDIN);
    expect(code).to.equal(1);
    expect(lines.filter((l) => l.includes("unhealthy after the deployment completed"))).to.deep.equal([]);
    expect(lines).to.include("[FAIL] task feed00000003 (twitterstream:4) stopped 17 min ago: ECS replaced it: its container health check failed");
  });

  it("GIVEN a task of the stack's revision replaced for failing the load balancer's health check THEN exit 1: a failure, not a routine stop", async () => {
    given((s) => {
      s.stoppedTasks = [
        stoppedTask(
          NOW,
          "feed00000004",
          {
            stopCode: "ServiceSchedulerInitiated",
            stoppedReason:
              "Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/tw-tg/0123456789abcdef)",
            containers: [{ name: "twitterstream", lastStatus: "STOPPED", exitCode: 143 }],
          },
          3,
        ),
      ];
    });
    const { code, lines } = await runAgainst(fake, NOW, [], STDIN);
    expect(code).to.equal(1);
    expect(lines).to.include(
      "[FAIL] task feed00000004 (twitterstream:4) stopped 3 min ago: ECS replaced it: the load balancer's health check failed (target group tw-tg)",
    );
    expect(lines).to.include("       see: https://repost.aws/knowledge-center/ecs-fargate-health-check-failures");
  });

  /** Each kind of stopped reason on the stack's revision, and the advice line that must follow it. */
  const STOPS: ReadonlyArray<{ kind: string; task: Partial<WireTask>; headline: string; fix: string }> = [
    {
      kind: "GetSecretValue denied",
      task: {
        stoppedReason:
          "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time(s): " +
          "failed to fetch secret arn:aws:secretsmanager:us-east-1:123456789012:secret:x-AbC123 from secrets manager: AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/exec/1 " +
          "is not authorized to perform: secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:us-east-1:123456789012:secret:x-AbC123",
      },
      headline: "the task may not read its secrets (secretsmanager:GetSecretValue denied)",
      fix: "the role that reads the credentials (the execution role, with either `secretDelivery`) needs secretsmanager:GetSecretValue",
    },
    {
      kind: "missing log group",
      task: {
        stoppedReason:
          "ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. : exit status 1",
      },
      headline: "the task's log group does not exist",
      fix: "the log group was deleted outside Pulumi; `pulumi refresh` then `pulumi up` creates it again",
    },
    {
      kind: "CannotPullContainerError, image gone",
      task: {
        stoppedReason:
          "CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to resolve ref 123456789012.dkr.ecr.us-east-1.amazonaws.com/twitterstream@sha256:ab: not found",
      },
      headline: "the image the task definition names is gone",
      fix: "the image digest or its repository was deleted (a lifecycle policy, a manual delete); `pulumi up` builds and pushes it again",
    },
    {
      kind: "ResourceInitializationError, no route",
      task: {
        stoppedReason:
          "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): " +
          'RequestError: send request failed caused by: Post "https://api.ecr.us-east-1.amazonaws.com/": dial tcp 52.46.1.1:443: i/o timeout. Please check your task network configuration.',
      },
      headline: "the task timed out reaching AWS before its container started",
      fix: "the task has no route to the AWS endpoints it starts with (Secrets Manager, ECR, CloudWatch Logs)",
    },
    {
      kind: "essential container exited",
      task: {
        stopCode: "EssentialContainerExited",
        stoppedReason: "Essential container in task exited",
        containers: [{ name: "twitterstream", lastStatus: "STOPPED", exitCode: 1 }],
      },
      headline: "container twitterstream exited with code 1",
      fix: `the service stopped on a fatal error: its last lines (below, or \`aws logs tail ${LOG_GROUP} --since 1h\`) have event "fatal"`,
    },
  ];

  for (const stop of STOPS) {
    it(`GIVEN a task of the stack's revision stopped by ${stop.kind} THEN exit 1 and the advice for it`, async () => {
      given((s) => {
        s.stoppedTasks = [stoppedTask(NOW, "cafe00000001", stop.task)];
      });
      const { code, lines } = await runAgainst(fake, NOW, [], STDIN);
      expect(code).to.equal(1);
      const at = lines.indexOf(`[FAIL] task cafe00000001 (twitterstream:4) stopped 3 min ago: ${stop.headline}`);
      expect(at, lines.join("\n")).to.be.greaterThan(-1);
      expect(lines[at + 1]).to.match(/^ {7}reason: /);
      expect(lines[at + 2]?.startsWith(`       fix: ${stop.fix}`), lines[at + 2]).to.equal(true);
    });
  }

  it("GIVEN the same failure on an earlier revision only THEN a warning, and exit 0", async () => {
    given((s) => {
      s.stoppedTasks = [
        stoppedTask(
          NOW,
          "cafe00000002",
          { taskDefinitionArn: taskDefinition(STACK_REVISION - 1), stoppedReason: "CannotPullContainerError: ...: not found" },
          40,
        ),
      ];
    });
    const { code, lines } = await runAgainst(fake, NOW, [], STDIN);
    expect(code).to.equal(0);
    expect(lines).to.include(
      "[warn] task cafe00000002 (twitterstream:3, not the stack's revision) stopped 40 min ago: the image the task definition names is gone",
    );
  });

  it("GIVEN running 0 of 1 THEN exit 1", async () => {
    given((s) => {
      s.service!.runningCount = 0;
      s.service!.pendingCount = 1;
    });
    const { code, lines } = await runAgainst(fake, NOW, [], STDIN);
    expect(code).to.equal(1);
    expect(lines).to.include.members([
      "[FAIL] running 0 of 1 (1 pending)",
      "       fix: tasks are not staying up: the stopped tasks and the log lines below say why",
      "Result: 1 problem found",
    ]);
  });

  it("GIVEN the service's last line is fatal THEN exit 1, the error and what the stage means", async () => {
    given((s) => {
      s.logEvents = serviceLines(NOW, "9f8e7d6c5b4a", [
        { level: "info", event: "start" },
        { level: "error", event: "fatal", stage: "startup", errorName: "ApiResponseError", error: "Request failed with code 401", code: 401 },
        { level: "info", event: "stopped", exitCode: 1, received: 0 },
      ]);
    });
    const { code, lines } = await runAgainst(fake, NOW, [], STDIN);
    expect(code).to.equal(1);
    expect(lines).to.include.members([
      "[FAIL] fatal (stage startup): ApiResponseError: Request failed with code 401",
      "       fix: it could not reach the X API or sync its rules: a 401/403 means X refused the credentials (`pulumi config set --secret ...`, then `pulumi up`)",
      '       2025-06-01T11:59:49.000Z error fatal stage="startup" errorName="ApiResponseError" error="Request failed with code 401" code=401',
    ]);
  });

  it("GIVEN a service reconnecting after 429 THEN a warning that names the other connection, exit 0", async () => {
    given((s) => {
      s.logEvents = serviceLines(NOW, "9f8e7d6c5b4a", [
        { level: "info", event: "connected" },
        { level: "warn", event: "reconnect", cause: "rate-limited", reason: "HTTP 429", status: 429, delayMs: 60000 },
      ]);
    });
    const { code, lines } = await runAgainst(fake, NOW, [], STDIN);
    expect(code).to.equal(0);
    expect(lines).to.include.members([
      "[warn] reconnecting to the stream: HTTP 429, next attempt in 60000 ms",
      "       fix: X allows one filtered-stream connection per app: another consumer (a second task, a local run) holds it",
    ]);
  });

  it("reads every page of the log group's events", async () => {
    given((s) => {
      s.logPageSize = 1;
    });
    const { code, lines } = await runAgainst(fake, NOW, [], STDIN);
    expect(code).to.equal(0);
    expect(lines).to.include(
      "[ok]   connected to the filtered stream (2025-06-01T11:59:49.000Z); last stats: received 1200, matched 37, stored 37",
    );
    expect(fake.calls.filter((c) => c.target === "Logs_20140328.FilterLogEvents").map((c) => c.body["nextToken"])).to.deep.equal([
      undefined,
      "1",
      "2",
      "3",
    ]);
  });

  it("GIVEN the service does not exist THEN exit 1 naming it and the cluster", async () => {
    given((s) => {
      delete s.service;
    });
    const { code, lines } = await runAgainst(fake, NOW, [], STDIN);
    expect(code).to.equal(1);
    expect(lines).to.include(`[FAIL] service ${SERVICE} not found in cluster ${String(stackOutputs()["clusterName"])} (MISSING) in us-east-1`);
  });

  it("GIVEN the doctor may not read the logs and the table is gone THEN exit 1, each said in AWS's words", async () => {
    given((s) => {
      s.errors = {
        "Logs_20140328.FilterLogEvents": {
          type: "AccessDeniedException",
          message: "User: arn:aws:iam::123456789012:user/me is not authorized to perform: logs:FilterLogEvents",
        },
      };
      delete s.table;
    });
    const { code, lines } = await runAgainst(fake, NOW, [], STDIN);
    expect(code).to.equal(1);
    expect(lines).to.include.members([
      `[FAIL] could not read log group ${LOG_GROUP}: AccessDeniedException: User: arn:aws:iam::123456789012:user/me is not authorized to perform: logs:FilterLogEvents`,
      "       fix: the doctor needs logs:FilterLogEvents (see tools/doctor/README.md)",
      `[FAIL] table ${TABLE} not found in us-east-1`,
    ]);
  });

  it("GIVEN flags instead of stdin THEN the same report", async () => {
    const { code, lines } = await runAgainst(fake, NOW, stackFlags(), undefined);
    expect(code).to.equal(0);
    expect(lines).to.include("Result: healthy: the service runs the stack's revision");
  });

  it("GIVEN stdin without an output THEN exit 2 naming it, and no AWS call", async () => {
    const { tableName: _omitted, ...outputs } = stackOutputs();
    const { code, stdout, stderr } = await runAgainst(fake, NOW, [], JSON.stringify(outputs));
    expect(code).to.equal(2);
    expect(stdout).to.equal("");
    expect(stderr).to.match(/^doctor: missing stack output `tableName` \(or `--table`\): the stack outputs on stdin lack it; /);
    expect(fake.calls).to.deep.equal([]);
  });

  it("never prints a value it was not asked to read (other stack outputs, secret ARNs)", async () => {
    const { stdout } = await runAgainst(fake, NOW, [], STDIN);
    expect(stdout).not.to.include("secretsmanager");
    expect(stdout).not.to.include("sha256");
  });
});

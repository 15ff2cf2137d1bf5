/**
 * Scheduled tasks: the expression, time zone and ranges against EventBridge Scheduler's rules
 * (https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html), and the schedule, its role and its
 * policy under mocks.
 */
import { expect } from "chai";
import type { ScheduleArgs, SecureFargateTaskArgs } from "../src";
import { expressionKind, expressionProblem, timezoneProblem } from "../src/schedule/expression";
import { runTaskPolicy, schedulerTrustPolicy } from "../src/schedule/policies";
import { InvalidArgumentsError } from "../src/errors";
import { validateArgs } from "../src/validate";
import { ACCOUNT, makeContext, REGION } from "@twitterstream/test-kit/mocks";
import { rolePolicy, runComponent } from "./runComponent";

const context = makeContext();
const valid: SecureFargateTaskArgs = { image: { context }, secrets: { API_KEY: { value: "k" } }, runMode: "task" };
const NIGHTLY: ScheduleArgs = { expression: "cron(0 3 * * ? *)" };
const DLQ_ARN = `arn:aws:sqs:${REGION}:${ACCOUNT}:app-schedule-dlq-1234567`;
const TOPIC_ARN = `arn:aws:sns:${REGION}:${ACCOUNT}:alarms`;

/** The messages validateArgs rejects these arguments with (none when it accepts them). */
function problems(args: Partial<SecureFargateTaskArgs>): string[] {
  try {
    validateArgs("app", { ...valid, ...args });
    return [];
  } catch (e) {
    if (e instanceof InvalidArgumentsError) return e.errors.map((x) => x.message);
    throw e;
  }
}

describe("schedule expressions (EventBridge Scheduler's and Application Auto Scaling's)", () => {
  for (const ok of [
    "cron(*/15 9-17 ? * 2-6 *)",
    "cron(30 18 L * ? *)",
    "cron(0 10 ? * 2#1 *)",
    "cron(0 3 * * ? *)",
    "cron(15 10 ? * 6L 2027-2030)",
    "cron(0/15 * * * ? *)",
    "cron(0 8 1 JAN,jul ? *)",
    "cron(0 18 ? * MON-FRI *)",
    "cron(0 9 LW * ? *)",
    "cron(0 9 15W * ? *)",
    "cron(0 9 ? * 3#2 *)",
    "cron(5,35 14 * * ? *)",
    "rate(1 day)",
    "rate(5 minutes)",
    "rate(12 hours)",
    "at(2027-02-28T23:59:00)",
  ]) {
    it(`accepts ${ok}`, () => expect(expressionProblem(ok)).to.equal(undefined));
  }

  const bad: Array<[string, string]> = [
    [
      "cron(0 3 * * *)",
      "has 5 cron fields separated by single spaces; AWS cron has six: minutes hours day-of-month month day-of-week year, e.g. `cron(0 3 * * ? *)`",
    ],
    [
      "cron(0 3 * * * *)",
      "must have `?` in exactly one of day-of-month and day-of-week (AWS cron takes one or the other, never both), e.g. `cron(0 3 * * ? *)`",
    ],
    [
      "cron(0 3 ? * ? *)",
      "must have `?` in exactly one of day-of-month and day-of-week (AWS cron takes one or the other, never both), e.g. `cron(0 3 * * ? *)`",
    ],
    ["cron(60 3 * * ? *)", 'has an invalid minutes field "60": `60` is not a value, range or increment within 0-59'],
    ["cron(0 24 * * ? *)", 'has an invalid hours field "24": `24` is not a value, range or increment within 0-23'],
    ["cron(0 3 * 13 ? *)", 'has an invalid month field "13": `13` is not a value, range or increment within 1-12 or JAN-DEC'],
    ["cron(0 3 ? * 8 *)", 'has an invalid day-of-week field "8": `8` is not a value, range or increment within 1-7 or SUN-SAT'],
    ["cron(0 3 * * ? 1969)", 'has an invalid year field "1969": `1969` is not a value, range or increment within 1970-2199'],
    ["cron(? 3 * * ? *)", 'has an invalid minutes field "?": `?` is only for day-of-month and day-of-week'],
    ["cron(0 3 ? * 2#6 *)", 'has an invalid day-of-week field "2#6": `2#6` is not <day>#<1-5>'],
    ["cron(0/0 3 * * ? *)", 'has an invalid minutes field "0/0": the increment in `0/0` is not a positive whole number'],
    ["rate(0 days)", "is not `rate(value unit)` with a positive whole value and a unit of minute(s), hour(s) or day(s), e.g. `rate(1 day)`"],
    ["rate(1 week)", "is not `rate(value unit)` with a positive whole value and a unit of minute(s), hour(s) or day(s), e.g. `rate(1 day)`"],
    ["at(2027-02-29T03:00:00)", "names no real date and time: 2027-02-29T03:00:00"],
    ["at(2027-01-31 03:00)", "is not `at(yyyy-mm-ddThh:mm:ss)`, e.g. `at(2027-01-31T03:00:00)`"],
    ["0 3 * * ?", "is not `cron(...)`, `rate(...)` or `at(...)`"],
    [`cron(${"0,".repeat(127)}0 3 * * ? *)`, "is longer than 256 characters"],
  ];
  for (const [expression, problem] of bad) {
    it(`refuses ${expression.slice(0, 40)}: ${problem.slice(0, 60)}`, () => expect(expressionProblem(expression)).to.equal(problem));
  }

  it("names the form by its opening word, and holds an expression to the API's length: Scheduler's 256 or the one given", () => {
    expect(["cron(0 3 * * ? *)", "rate(1 day)", "at(2027-01-31T03:00:00)", "every day"].map(expressionKind)).to.deep.equal([
      "cron",
      "rate",
      "at",
      undefined,
    ]);
    const long = `cron(${"0,".repeat(127)}0 3 * * ? *)`;
    expect([expressionProblem(long), expressionProblem(long, 1600)]).to.deep.equal(["is longer than 256 characters", undefined]);
    expect(expressionProblem(`cron(${"0,".repeat(800)}0 3 * * ? *)`, 1600)).to.equal("is longer than 1600 characters");
  });

  it("takes IANA time zones and refuses offsets, abbreviations it does not know and unknown names", () => {
    expect(timezoneProblem("UTC")).to.equal(undefined);
    expect(timezoneProblem("Europe/Paris")).to.equal(undefined);
    expect(timezoneProblem("America/Argentina/Buenos_Aires")).to.equal(undefined);
    expect(timezoneProblem("+02:00")).to.equal("is not an IANA time zone name such as `Europe/Paris` or `UTC`");
    expect(timezoneProblem("Europe/Pariss")).to.equal("is not a time zone of the IANA database, such as `Europe/Paris` or `UTC`");
    expect(timezoneProblem("A".repeat(51))).to.equal("is longer than 50 characters");
  });
});

describe("schedule arguments", () => {
  it("writes the defaults out: UTC, one task, no window, Scheduler's retry policy (185 attempts, 24 h), enabled", () => {
    expect(validateArgs("app", { ...valid, schedule: NIGHTLY }).schedule).to.deep.equal({
      expression: "cron(0 3 * * ? *)",
      timezone: "UTC",
      taskCount: 1,
      flexibleTimeWindowMinutes: undefined,
      maximumRetryAttempts: 185,
      maximumEventAgeInSeconds: 86400,
      enabled: true,
    });
    expect(validateArgs("app", valid).schedule).to.equal(undefined);
  });

  it("accepts every bound", () => {
    expect(
      problems({ schedule: { ...NIGHTLY, taskCount: 1, flexibleTimeWindowMinutes: 1, maximumRetryAttempts: 0, maximumEventAgeInSeconds: 60 } }),
    ).to.deep.equal([]);
    expect(
      problems({
        schedule: { ...NIGHTLY, taskCount: 10, flexibleTimeWindowMinutes: 1440, maximumRetryAttempts: 185, maximumEventAgeInSeconds: 86400 },
      }),
    ).to.deep.equal([]);
  });

  it("needs runMode task: a service would run beside the scheduled copies", () => {
    expect(problems({ runMode: "service", schedule: NIGHTLY })).to.deep.equal([
      '`schedule` runs the task definition on a schedule, so it needs runMode "task": got runMode "service". Set `runMode: "task"` (no service), or remove `schedule`.',
    ]);
    expect(problems({ runMode: undefined, schedule: NIGHTLY })).to.have.length(1);
  });

  it("names the field, the value and the fix for each bad value, all at once", () => {
    expect(
      problems({
        schedule: {
          expression: "cron(0 3 * * *)",
          timezone: "CEST+2",
          taskCount: 11,
          flexibleTimeWindowMinutes: 0,
          maximumRetryAttempts: 186,
          maximumEventAgeInSeconds: 59.5,
        },
      }),
    ).to.deep.equal([
      '`schedule.expression` has 5 cron fields separated by single spaces; AWS cron has six: minutes hours day-of-month month day-of-week year, e.g. `cron(0 3 * * ? *)`: got "cron(0 3 * * *)". Write e.g. "cron(0 3 * * ? *)" or "rate(1 day)" (https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html).',
      '`schedule.timezone` is not a time zone of the IANA database, such as `Europe/Paris` or `UTC`: got "CEST+2".',
      "`schedule.taskCount` must be a whole number of tasks per run from 1 to 10: got 11.",
      "`schedule.flexibleTimeWindowMinutes` must be a whole number of minutes from 1 to 1440: got 0.",
      "`schedule.maximumRetryAttempts` must be a whole number of retries from 0 to 185: got 186.",
      "`schedule.maximumEventAgeInSeconds` must be a whole number of seconds from 60 to 86400: got 59.5.",
    ]);
  });
});

describe("schedule policies", () => {
  const scope = { partition: "aws", region: REGION, accountId: ACCOUNT };
  it("trusts EventBridge Scheduler for this account's default schedule group only", () => {
    expect(schedulerTrustPolicy(scope)).to.deep.equal({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Service: "scheduler.amazonaws.com" },
          Action: "sts:AssumeRole",
          Condition: {
            StringEquals: { "aws:SourceAccount": ACCOUNT },
            ArnEquals: { "aws:SourceArn": `arn:aws:scheduler:${REGION}:${ACCOUNT}:schedule-group/default` },
          },
        },
      ],
    });
  });
});

describe("SecureFargateTask with a schedule (mocks)", () => {
  it("creates the schedule with Fargate, the tasks' network, the retry policy, a dead-letter queue and its own role, and no service", async () => {
    const { run, component } = await runComponent({
      runMode: "task",
      schedule: { expression: "cron(0 3 * * ? *)", timezone: "Europe/Paris", flexibleTimeWindowMinutes: 15, maximumRetryAttempts: 3 },
      network: { subnetIds: ["subnet-a", "subnet-b"], securityGroupIds: ["sg-given"] },
      alarmActions: [TOPIC_ARN],
    });
    const keyArn = run.get("aws:kms/key:Key", "app-key").state.arn;
    expect(run.ofType("aws:ecs/service:Service")).to.have.length(0);
    const cluster = `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/app-cluster-1234567`;
    const schedule = run.get("aws:scheduler/schedule:Schedule", "app-schedule").inputs;
    expect(schedule).to.deep.equal({
      description: "Runs the task of proj/dev/app",
      scheduleExpression: "cron(0 3 * * ? *)",
      scheduleExpressionTimezone: "Europe/Paris",
      flexibleTimeWindow: { mode: "FLEXIBLE", maximumWindowInMinutes: 15 },
      state: "ENABLED",
      target: {
        arn: cluster,
        roleArn: `arn:aws:iam::${ACCOUNT}:role/app-schedule-role-1234567`,
        ecsParameters: {
          taskDefinitionArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/proj-dev-app:1`,
          taskCount: 1,
          launchType: "FARGATE",
          platformVersion: "LATEST",
          networkConfiguration: { subnets: ["subnet-a", "subnet-b"], securityGroups: ["sg-given"], assignPublicIp: false },
          enableEcsManagedTags: true,
          propagateTags: "TASK_DEFINITION",
        },
        retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 86400 },
        deadLetterConfig: { arn: DLQ_ARN },
      },
    });
    expect(run.get("aws:sqs/queue:Queue", "app-schedule-dlq").inputs).to.deep.equal({
      kmsMasterKeyId: keyArn,
      messageRetentionSeconds: 1209600,
      tags: {},
    });
    // Scheduler sends with the schedule's role: the queue's policy grants nothing, it only refuses requests without TLS.
    const queuePolicy = run.get("aws:sqs/queuePolicy:QueuePolicy", "app-schedule-dlq-policy").inputs;
    expect(queuePolicy.queueUrl).to.equal(run.get("aws:sqs/queue:Queue", "app-schedule-dlq").state.url);
    expect(JSON.parse(String(queuePolicy.policy))).to.deep.equal({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "DenyInsecureTransport",
          Effect: "Deny",
          Principal: { AWS: "*" },
          Action: "sqs:*",
          Resource: DLQ_ARN,
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
      ],
    });
    expect(run.get("aws:cloudwatch/metricAlarm:MetricAlarm", "app-schedule-dlq-alarm").inputs).to.deep.equal({
      alarmDescription: "A scheduled run of proj/dev/app did not start: read the dead-letter queue, then run the task (runTaskCommand).",
      namespace: "AWS/SQS",
      metricName: "ApproximateNumberOfMessagesVisible",
      dimensions: { QueueName: "app-schedule-dlq-1234567" },
      statistic: "Maximum",
      period: 300,
      evaluationPeriods: 1,
      comparisonOperator: "GreaterThanThreshold",
      threshold: 0,
      treatMissingData: "notBreaching",
      alarmActions: [TOPIC_ARN],
      okActions: [TOPIC_ARN],
      tags: {},
    });
    expect(await new Promise((r) => component.scheduleArn.apply(r))).to.equal(
      `arn:aws:scheduler:${REGION}:${ACCOUNT}:schedule/default/app-schedule-1234567`,
    );
    expect(JSON.parse(String(run.get("aws:iam/role:Role", "app-schedule-role").inputs.assumeRolePolicy))).to.deep.equal(
      schedulerTrustPolicy({ partition: "aws", region: REGION, accountId: ACCOUNT }),
    );
    expect(rolePolicy(run, "app-schedule-policy")).to.deep.equal({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "RunThisFamilyInThisCluster",
          Effect: "Allow",
          Action: "ecs:RunTask",
          Resource: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/proj-dev-app:*`,
          Condition: { ArnEquals: { "ecs:cluster": cluster } },
        },
        {
          Sid: "TagTheTasksItStarts",
          Effect: "Allow",
          Action: "ecs:TagResource",
          Resource: `arn:aws:ecs:${REGION}:${ACCOUNT}:task/app-cluster-1234567/*`,
          Condition: { StringEquals: { "ecs:CreateAction": "RunTask" } },
        },
        {
          Sid: "PassTheTaskRolesToEcsTasks",
          Effect: "Allow",
          Action: "iam:PassRole",
          Resource: [`arn:aws:iam::${ACCOUNT}:role/app-execution-role-1234567`, `arn:aws:iam::${ACCOUNT}:role/app-task-role-1234567`],
          Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } },
        },
        { Sid: "RecordFailuresInDeadLetterQueue", Effect: "Allow", Action: "sqs:SendMessage", Resource: DLQ_ARN },
        {
          Sid: "EncryptDeadLettersViaSqs",
          Effect: "Allow",
          Action: ["kms:Decrypt", "kms:GenerateDataKey"],
          Resource: keyArn,
          Condition: { StringEquals: { "kms:ViaService": `sqs.${REGION}.amazonaws.com` } },
        },
      ],
    });
  });

  it("runs in the scheduled minute without a window, and a paused schedule is DISABLED; an existing cluster is the target", async () => {
    const existing = `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/shared`;
    const { run } = await runComponent({ runMode: "task", schedule: { expression: "rate(1 day)", enabled: false }, clusterArn: existing });
    const schedule = run.get("aws:scheduler/schedule:Schedule", "app-schedule").inputs as {
      flexibleTimeWindow: unknown;
      state: string;
      target: { arn: string };
    };
    expect(schedule.flexibleTimeWindow).to.deep.equal({ mode: "OFF" });
    expect(schedule.state).to.equal("DISABLED");
    expect(schedule.target.arn).to.equal(existing);
    expect(
      runTaskPolicy(
        { partition: "aws", region: REGION, accountId: ACCOUNT },
        {
          family: "proj-dev-app",
          clusterArn: existing,
          executionRoleArn: "e",
          taskRoleArn: "t",
          deadLetter: { queueArn: DLQ_ARN, kmsKeyArn: "k", region: REGION },
        },
      ).Statement[1].Resource,
    ).to.equal(`arn:aws:ecs:${REGION}:${ACCOUNT}:task/shared/*`);
    expect(rolePolicy(run, "app-schedule-policy").Statement[0].Condition).to.deep.equal({ ArnEquals: { "ecs:cluster": existing } });
  });

  it("makes no schedule, role, wait, queue or alarm without `schedule`", async () => {
    const { run, component } = await runComponent({ runMode: "task" });
    expect(run.ofType("aws:scheduler/schedule:Schedule")).to.have.length(0);
    expect(run.ofType("aws:sqs/queue:Queue")).to.have.length(0);
    expect(run.resources.filter((r) => r.name.startsWith("app-schedule"))).to.have.length(0);
    expect(await new Promise((r) => component.scheduleArn.apply(r))).to.equal(undefined);
  });
});

/**
 * The stack's monitoring as pure functions: alarm specs and their MetricAlarm inputs, the dashboard body (held to
 * CloudWatch's documented body structure), the stopped-task pattern and the topic's policies.
 */
import { expect } from "chai";
import { METRIC_NAMES, SKIP_REASONS } from "../../service/src/metrics/names";
import { dashboardBodyProblems } from "@twitterstream/test-kit/awsRules/dashboardBody";
import { alarmSpecs, metricAlarmArgs, RECONNECT_STORM, SKIPPED_MIN_LINES, type AlarmSpec } from "../monitoring/alarms";
import { dashboardBody, type DashboardInput } from "../monitoring/dashboard";
import { dashboardName } from "../monitoring/monitoring";
import { topicKeyPolicy, topicPolicy } from "../monitoring/policies";
import { FAILURE_STOP_CODES, stoppedTaskMessage, stoppedTaskPattern } from "../monitoring/stoppedTasks";

const STACK = { metricsService: "twitterstream-dev", tableName: "posts", clusterName: "c", serviceName: "s" };
const SETTINGS = { noPostsStoredMinutes: 60, postsReadAlarmPerDay: 10_000 };
const SCOPE = { partition: "aws", region: "eu-west-1", account: "123456789012" };
const INPUT: DashboardInput = {
  region: "eu-west-1",
  metricsService: "twitterstream-dev",
  tableName: "posts",
  clusterName: "c",
  serviceName: "s",
  alarmArns: ["arn:aws:cloudwatch:eu-west-1:123456789012:alarm:a-1234567"],
  postsReadAlarmPerDay: 10_000,
};

function spec(suffix: string, settings = SETTINGS): AlarmSpec {
  const found = alarmSpecs(STACK, settings).find((s) => s.suffix === suffix);
  if (!found) throw new Error(`no alarm ${suffix}`);
  return found;
}

describe("monitoring: alarms", () => {
  it("watches only metrics of the service's contract, with the Service dimension the stack sets", () => {
    for (const s of alarmSpecs(STACK, SETTINGS)) {
      const metrics = s.metric ? [s.metric] : (s.queries ?? []).flatMap((q) => (q.metric ? [q.metric] : []));
      for (const m of metrics.filter((m) => m.namespace === "Twitterstream")) {
        expect(METRIC_NAMES, s.suffix).to.include(m.metricName);
        expect(m.dimensions, s.suffix).to.deep.equal({ Service: "twitterstream-dev" });
      }
    }
  });

  it("fires no-posts-stored after exactly noPostsStoredMinutes of 5-minute periods connected with nothing stored", () => {
    expect(spec("no-posts-stored", { ...SETTINGS, noPostsStoredMinutes: 45 })).to.include({ evaluationPeriods: 9, datapointsToAlarm: 9 });
    const idle = spec("no-posts-stored").queries!.find((q) => q.returnData === true);
    expect(idle?.expression).to.equal("IF(connected >= 1 AND stored == 0, 1, 0)");
  });

  it("takes the skipped rate as 0 below the minimum of lines, and a storm at a fifth of X's 50 connects", () => {
    expect(spec("skipped-lines").queries!.find((q) => q.returnData)?.expression).to.equal(
      `IF(received >= ${SKIPPED_MIN_LINES}, 100 * skipped / received, 0)`,
    );
    expect(spec("reconnect-storm").threshold)
      .to.equal(RECONNECT_STORM)
      .and.equal(50 / 5);
  });

  it("adds the posts-read alarm only with a positive threshold", () => {
    expect(spec("posts-read-today").threshold).to.equal(10_000);
    expect(alarmSpecs(STACK, { ...SETTINGS, postsReadAlarmPerDay: 0 }).map((s) => s.suffix)).to.not.include("posts-read-today");
  });

  it("makes single-metric inputs with a statistic, and metric-math inputs with exactly one query returning data", () => {
    for (const s of alarmSpecs(STACK, SETTINGS)) {
      const args = metricAlarmArgs(s, ["arn:aws:sns:eu-west-1:123456789012:t"]);
      expect(args.alarmActions).to.deep.equal(["arn:aws:sns:eu-west-1:123456789012:t"]);
      if (s.metric) {
        expect(args.metricQueries, s.suffix).to.equal(undefined);
        expect(args.statistic, s.suffix).to.be.oneOf(["Sum", "Maximum", "Minimum"]);
      } else {
        expect(args.metricName, s.suffix).to.equal(undefined);
        const queries = args.metricQueries as Array<{ returnData: boolean }>;
        expect(
          queries.filter((q) => q.returnData),
          s.suffix,
        ).to.have.length(1);
      }
    }
  });
});

describe("monitoring: dashboard", () => {
  it("is a body CloudWatch accepts, every widget inside the 24-unit grid", () => {
    const body = dashboardBody(INPUT);
    expect(dashboardBodyProblems(JSON.stringify(body))).to.deep.equal([]);
    for (const w of body.widgets) expect(w.x + w.width).to.be.at.most(24);
  });

  it("graphs every skip reason, draws the posts-read threshold, and lists the alarms", () => {
    const text = JSON.stringify(dashboardBody(INPUT));
    for (const reason of SKIP_REASONS) expect(text).to.contain(`"Reason","${reason}"`);
    expect(text).to.contain('"horizontal":[{"label":"Alarm","value":10000}]');
    expect(dashboardBody(INPUT).widgets.at(-1)).to.deep.include({ type: "alarm", properties: { title: "Alarms", alarms: INPUT.alarmArns } });
    expect(JSON.stringify(dashboardBody({ ...INPUT, postsReadAlarmPerDay: 0 }))).to.not.contain("horizontal");
    expect(dashboardBody({ ...INPUT, alarmArns: [] }).widgets.some((w) => w.type === "alarm")).to.equal(false);
  });

  it("the body checker refuses what CloudWatch refuses", () => {
    const widget = (w: Record<string, unknown>) => JSON.stringify({ widgets: [w] });
    expect(dashboardBodyProblems("{")).to.have.length(1);
    expect(dashboardBodyProblems("{}")).to.deep.equal(["`widgets` must be an array (it may be empty)"]);
    expect(dashboardBodyProblems(widget({ type: "graph", properties: {} }))[0]).to.contain("type");
    expect(dashboardBodyProblems(widget({ type: "metric", x: 24, properties: { region: "r", metrics: [["N", "M"]] } }))[0]).to.contain("x 24");
    expect(dashboardBodyProblems(widget({ type: "metric", properties: { metrics: [["N", "M"]] } }))[0]).to.contain("region");
    expect(dashboardBodyProblems(widget({ type: "metric", properties: { region: "r", metrics: [["N", "M", "Dim"]] } }))[0]).to.contain("pairs");
    expect(dashboardBodyProblems(widget({ type: "metric", properties: { region: "r", period: 90, metrics: [["N", "M"]] } }))[0]).to.contain(
      "period",
    );
    expect(dashboardBodyProblems(widget({ type: "metric", properties: { region: "r", metrics: [["N", "M", { stat: "Median" }]] } }))[0]).to.contain(
      "stat",
    );
    expect(dashboardBodyProblems(widget({ type: "alarm", properties: { alarms: ["a"] } }))[0]).to.contain("not an alarm ARN");
    expect(dashboardBodyProblems(widget({ type: "text", properties: {} }))[0]).to.contain("markdown");
  });

  it("names the dashboard with the characters PutDashboard allows", () => {
    expect(dashboardName("twitterstream-prod.eu")).to.equal("twitterstream-prod-eu");
  });
});

/**
 * EventBridge's matching for the operators the stopped-task pattern uses: a list of values (any equal), `prefix`, and
 * `$or` of sub-patterns (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html).
 */
function matches(pattern: Record<string, unknown>, event: Record<string, unknown>): boolean {
  return Object.entries(pattern).every(([key, rule]) => {
    if (key === "$or") return (rule as Array<Record<string, unknown>>).some((alternative) => matches(alternative, event));
    const value = event[key];
    if (Array.isArray(rule)) {
      return rule.some((expected: unknown) => {
        if (typeof expected === "object" && expected !== null && "prefix" in expected) {
          return typeof value === "string" && value.startsWith(String(expected.prefix));
        }
        return value === expected;
      });
    }
    return typeof value === "object" && value !== null && matches(rule as Record<string, unknown>, value as Record<string, unknown>);
  });
}

/** EventBridge's input transformer for `$.a.b` paths and a quoted-string template: each `<name>` replaced by its value. */
function transform(transformer: { inputPaths: Record<string, string>; inputTemplate: string }, event: Record<string, unknown>): string {
  let text = JSON.parse(transformer.inputTemplate) as string;
  for (const [name, path] of Object.entries(transformer.inputPaths)) {
    const value = path
      .slice(2)
      .split(".")
      .reduce<unknown>((at, key) => (typeof at === "object" && at !== null ? (at as Record<string, unknown>)[key] : undefined), event);
    text = text.split(`<${name}>`).join(String(value));
  }
  return text;
}

describe("monitoring: stopped tasks and the topic's policies", () => {
  it("matches failed stops of this service only: failure stop codes, or a health-check replacement", () => {
    const pattern = stoppedTaskPattern("arn:aws:ecs:eu-west-1:123456789012:cluster/c", "s") as { detail: Record<string, unknown> };
    expect(pattern.detail).to.deep.equal({
      clusterArn: ["arn:aws:ecs:eu-west-1:123456789012:cluster/c"],
      group: ["service:s"],
      lastStatus: ["STOPPED"],
      $or: [{ stopCode: FAILURE_STOP_CODES }, { stoppedReason: [{ prefix: "Task failed" }] }],
    });
    expect(FAILURE_STOP_CODES).to.not.include("ServiceSchedulerInitiated").and.not.include("UserInitiated");
    expect(JSON.parse(stoppedTaskMessage("twitterstream-dev").inputTemplate)).to.contain("task <task> of <revision> stopped (<code>): <reason>");
  });

  it("notifies a health-check replacement of the deployed revision, naming the revision and ECS's reason", () => {
    // An "ECS Task State Change" event of a task the scheduler replaced for its failed container health check, with the
    // fields of the documented example (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_task_events.html).
    const cluster = "arn:aws:ecs:eu-west-1:123456789012:cluster/c";
    const revision = "arn:aws:ecs:eu-west-1:123456789012:task-definition/twitterstream:4";
    const event = {
      source: "aws.ecs",
      "detail-type": "ECS Task State Change",
      detail: {
        clusterArn: cluster,
        group: "service:s",
        lastStatus: "STOPPED",
        desiredStatus: "STOPPED",
        stopCode: "ServiceSchedulerInitiated",
        stoppedReason: "Task failed container health checks",
        taskArn: "arn:aws:ecs:eu-west-1:123456789012:task/c/0123456789abcdef",
        taskDefinitionArn: revision,
      },
    };
    expect(matches(stoppedTaskPattern(cluster, "s"), event)).to.equal(true);
    // A deployment's own replacement of the same revision is no failure.
    const replaced = { ...event, detail: { ...event.detail, stoppedReason: "Scaling activity initiated by (deployment ecs-svc/1111)" } };
    expect(matches(stoppedTaskPattern(cluster, "s"), replaced)).to.equal(false);
    expect(transform(stoppedTaskMessage("twitterstream-dev"), event)).to.equal(
      `twitterstream-dev: task arn:aws:ecs:eu-west-1:123456789012:task/c/0123456789abcdef of ${revision} stopped ` +
        "(ServiceSchedulerInitiated): Task failed container health checks. npm run doctor tells what to do.",
    );
  });

  it("lets CloudWatch use the key for this account's alarms only, EventBridge (which sends no source to KMS) unconditioned, and each publish only under its source condition", () => {
    const key = topicKeyPolicy(SCOPE).Statement;
    expect(key.map((s) => s.Principal)).to.deep.equal([
      { AWS: "arn:aws:iam::123456789012:root" },
      { Service: "cloudwatch.amazonaws.com" },
      { Service: "events.amazonaws.com" },
    ]);
    expect(key[1].Condition).to.deep.equal({
      StringEquals: { "aws:SourceAccount": "123456789012" },
      ArnLike: { "aws:SourceArn": "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:*" },
    });
    expect(key[2].Condition).to.equal(undefined);
    const topic = "arn:aws:sns:eu-west-1:123456789012:alarm-topic-1";
    const rule = "arn:aws:events:eu-west-1:123456789012:rule/stopped-tasks-1";
    const policy = topicPolicy(SCOPE, topic, rule);
    expect(policy.Statement.every((s) => s.Resource === topic)).to.equal(true);
    expect(policy.Statement[1].Condition).to.deep.equal({
      StringEquals: { "aws:SourceAccount": "123456789012" },
      ArnLike: { "aws:SourceArn": "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:*" },
    });
    expect(policy.Statement[2].Condition).to.deep.equal({ ArnEquals: { "aws:SourceArn": rule } });
  });
});

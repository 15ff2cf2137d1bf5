/**
 * The deployments the doctor tests look at, as the fake AWS holds them. Everything is built from `now` (epoch ms) so
 * that a child process, which reads the clock itself, sees the same recent log lines.
 */
import type { FakeScenario, WireLogEvent, WireTask } from "./fakeAws";

export const REGION = "us-east-1";
export const ACCOUNT = "123456789012";
export const CLUSTER = "twitterstream-cluster-1a2b3c";
export const SERVICE = "twitterstream-service-4d5e6f";
export const LOG_GROUP = "/ecs/twitterstream-7a8b9c";
export const TABLE = "twitterStream-0d1e2f";

/** The ARN of revision `revision` of the service's task definition. */
export function taskDefinition(revision: number): string {
  return `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/twitterstream:${revision}`;
}

/** The stack's revision: what the last `pulumi up` registered. */
export const STACK_REVISION = 4;

/** `pulumi stack output --json` of the stack, with outputs the doctor does not read. */
export function stackOutputs(): Record<string, unknown> {
  return {
    clusterName: CLUSTER,
    serviceName: SERVICE,
    taskDefinitionArn: taskDefinition(STACK_REVISION),
    logGroupName: LOG_GROUP,
    tableName: TABLE,
    imageRef: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/twitterstream@sha256:${"ab".repeat(32)}`,
    secretArns: [`arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:twitterstream-credentials-AbC123`],
  };
}

/** The same outputs as flags. */
export function stackFlags(): string[] {
  return [
    "--cluster",
    CLUSTER,
    "--service",
    SERVICE,
    "--task-definition",
    taskDefinition(STACK_REVISION),
    "--log-group",
    LOG_GROUP,
    "--table",
    TABLE,
  ];
}

const seconds = (ms: number): number => ms / 1000;

/** The ARN of a task. */
export function taskArn(id: string): string {
  return `arn:aws:ecs:${REGION}:${ACCOUNT}:task/${CLUSTER}/${id}`;
}

/** A stopped task of the stack's revision, `minutesAgo` minutes before `now`. */
export function stoppedTask(now: number, id: string, fields: Partial<WireTask>, minutesAgo = 3): WireTask {
  return {
    taskArn: taskArn(id),
    taskDefinitionArn: taskDefinition(STACK_REVISION),
    lastStatus: "STOPPED",
    desiredStatus: "STOPPED",
    stopCode: "TaskFailedToStart",
    stoppedAt: seconds(now - minutesAgo * 60_000),
    containers: [{ name: "twitterstream", lastStatus: "STOPPED" }],
    ...fields,
  };
}

/** Log lines of one task's stream, one a second ending `secondsAgo` before `now`, as the service writes them. */
export function serviceLines(now: number, taskId: string, lines: ReadonlyArray<Record<string, unknown>>, secondsAgo = 10): WireLogEvent[] {
  return lines.map((line, i) => {
    const timestamp = now - (secondsAgo + lines.length - 1 - i) * 1000;
    return {
      logStreamName: `twitterstream/twitterstream/${taskId}`,
      timestamp,
      ingestionTime: timestamp + 200,
      message: JSON.stringify({ time: new Date(timestamp).toISOString(), ...line }),
      eventId: `${taskId}-${i}`,
    };
  });
}

/** The lines of a service that started and connected, then wrote a stats line. */
export const CONNECTED_LINES: ReadonlyArray<Record<string, unknown>> = [
  { level: "info", event: "start", table: TABLE, region: REGION, filter: "Cloud Computing" },
  { level: "info", event: "rules", added: false, removed: [] },
  { level: "info", event: "connected", url: "https://api.x.com/2/tweets/search/stream" },
  { level: "info", event: "stats", received: 1200, matched: 37, stored: 37, retries: 0 },
];

/** A healthy deployment: the stack's revision runs, one task of one, connected; an old task replaced by the rollout. */
export function healthy(now: number): FakeScenario {
  return {
    service: {
      serviceArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:service/${CLUSTER}/${SERVICE}`,
      serviceName: SERVICE,
      clusterArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/${CLUSTER}`,
      status: "ACTIVE",
      desiredCount: 1,
      runningCount: 1,
      pendingCount: 0,
      taskDefinition: taskDefinition(STACK_REVISION),
      deployments: [
        {
          id: "ecs-svc/1111111111111111111",
          status: "PRIMARY",
          taskDefinition: taskDefinition(STACK_REVISION),
          desiredCount: 1,
          runningCount: 1,
          pendingCount: 0,
          rolloutState: "COMPLETED",
          rolloutStateReason: "ECS deployment ecs-svc/1111111111111111111 completed.",
          createdAt: seconds(now - 20 * 60_000),
          updatedAt: seconds(now - 15 * 60_000),
        },
      ],
      events: [
        { id: "e1", createdAt: seconds(now - 20 * 60_000), message: `(service ${SERVICE}) has started 1 tasks: (task 9f8e7d6c5b4a).` },
        { id: "e3", createdAt: seconds(now - 14 * 60_000), message: `(service ${SERVICE}) has reached a steady state.` },
        {
          id: "e2",
          createdAt: seconds(now - 15 * 60_000),
          message: `(service ${SERVICE}) (deployment ecs-svc/1111111111111111111) deployment completed.`,
        },
      ],
    },
    stoppedTasks: [
      stoppedTask(
        now,
        "0a1b2c3d4e5f",
        {
          taskDefinitionArn: taskDefinition(STACK_REVISION - 1),
          stopCode: "ServiceSchedulerInitiated",
          stoppedReason: "Scaling activity initiated by (deployment ecs-svc/1111111111111111111)",
          containers: [{ name: "twitterstream", lastStatus: "STOPPED", exitCode: 0 }],
        },
        20,
      ),
    ],
    logEvents: serviceLines(now, "9f8e7d6c5b4a", CONNECTED_LINES),
    table: { TableName: TABLE, TableStatus: "ACTIVE", ItemCount: 1234, TableSizeBytes: 456_789, CreationDateTime: seconds(now - 86_400_000) },
  };
}

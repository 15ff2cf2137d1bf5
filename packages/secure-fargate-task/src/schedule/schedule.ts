import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ChildContext } from "../context";
import { createDeadLetterQueue } from "../deadLetter/queue";
import { iamPropagation } from "../iam/iamPropagation";
import type { ResolvedNetwork } from "../network/network";
import { runTaskPolicy, schedulerTrustPolicy } from "./policies";
import type { ScheduleSettings } from "./validateSchedule";
import { createRoleWithPolicy } from "../iam/roleWithPolicy";

/** What the schedule runs, and the roles it passes. */
export interface ScheduleTarget {
  clusterArn: pulumi.Output<string>;
  taskDefinition: aws.ecs.TaskDefinition;
  network: ResolvedNetwork;
  executionRoleArn: pulumi.Output<string>;
  taskRoleArn: pulumi.Output<string>;
  /** What must exist first: the task's roles, propagated. */
  dependsOn: pulumi.Resource[];
}

/** Where a run Scheduler gives up on goes: a queue under this key, whose alarm notifies these ARNs. */
export interface ScheduleDeadLetters {
  kmsKeyArn: pulumi.Output<string>;
  alarmActions: pulumi.Input<pulumi.Input<string>[]>;
}

/**
 * An EventBridge Scheduler schedule that runs the task definition on Fargate, in the tasks' subnets and security
 * groups, with a role of its own that may only run this family in this cluster and pass the task's two roles. A run
 * whose `RunTask` call still fails after the retry policy goes to a dead-letter queue encrypted with the component's
 * key, and an alarm fires when it holds a message.
 * https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-targets-templated.html
 * https://docs.aws.amazon.com/scheduler/latest/UserGuide/configuring-schedule-dlq.html
 */
export function createSchedule(
  ctx: ChildContext,
  settings: ScheduleSettings,
  target: ScheduleTarget,
  deadLetters: ScheduleDeadLetters,
): aws.scheduler.Schedule {
  const { queue } = createDeadLetterQueue(ctx, "schedule", deadLetters.kmsKeyArn, {
    description: `A scheduled run of ${ctx.names.label} did not start: read the dead-letter queue, then run the task (runTaskCommand).`,
    actions: deadLetters.alarmActions,
  });
  const { role, policy } = createRoleWithPolicy(ctx, "schedule", {
    description: `EventBridge Scheduler runs the task of ${ctx.names.label}`,
    assumeRolePolicy: ctx.scope.apply((s) => JSON.stringify(schedulerTrustPolicy(s))),
    policy: pulumi
      .all([ctx.scope, target.clusterArn, target.executionRoleArn, target.taskRoleArn, queue.arn, deadLetters.kmsKeyArn])
      .apply(([s, clusterArn, executionRoleArn, taskRoleArn, queueArn, kmsKeyArn]) =>
        JSON.stringify(
          runTaskPolicy(s, {
            family: ctx.names.family,
            clusterArn,
            executionRoleArn,
            taskRoleArn,
            deadLetter: { queueArn, kmsKeyArn, region: s.region },
          }),
        ),
      ),
  });
  // Scheduler assumes the role at each run: it must have propagated before the first one.
  const ready = iamPropagation(
    `${ctx.name}-schedule-iam-propagation`,
    { role: role.arn, policy: policy.policy },
    { parent: ctx.parent, dependsOn: [policy] },
  );
  const window = settings.flexibleTimeWindowMinutes;
  return new aws.scheduler.Schedule(
    `${ctx.name}-schedule`,
    {
      description: `Runs the task of ${ctx.names.label}`,
      scheduleExpression: settings.expression,
      scheduleExpressionTimezone: settings.timezone,
      flexibleTimeWindow: window === undefined ? { mode: "OFF" } : { mode: "FLEXIBLE", maximumWindowInMinutes: window },
      state: settings.enabled ? "ENABLED" : "DISABLED",
      target: {
        arn: target.clusterArn,
        roleArn: role.arn,
        ecsParameters: {
          taskDefinitionArn: target.taskDefinition.arn,
          taskCount: settings.taskCount,
          launchType: "FARGATE",
          platformVersion: "LATEST",
          networkConfiguration: {
            subnets: target.network.subnetIds,
            securityGroups: target.network.securityGroupIds,
            assignPublicIp: target.network.assignPublicIp,
          },
          enableEcsManagedTags: true,
          propagateTags: "TASK_DEFINITION",
        },
        retryPolicy: { maximumRetryAttempts: settings.maximumRetryAttempts, maximumEventAgeInSeconds: settings.maximumEventAgeInSeconds },
        deadLetterConfig: { arn: queue.arn },
      },
    },
    { parent: ctx.parent, dependsOn: [ready, ...target.dependsOn] },
  );
}

import { policyDocument, PolicyDocument } from "../iam/policyDocument";
import type { AwsScope } from "../iam/policies";
import { DeadLetterTarget, sendToDeadLetterQueue } from "../deadLetter/deadLetter";

/**
 * Trust policy of the schedule's role: EventBridge Scheduler, for schedules of this account's default group only
 * (`aws:SourceAccount` and `aws:SourceArn` against the confused deputy).
 * https://docs.aws.amazon.com/scheduler/latest/UserGuide/setting-up.html#setting-up-execution-role
 */
export function schedulerTrustPolicy(scope: AwsScope): PolicyDocument {
  return policyDocument([
    {
      Effect: "Allow",
      Principal: { Service: "scheduler.amazonaws.com" },
      Action: "sts:AssumeRole",
      Condition: {
        StringEquals: { "aws:SourceAccount": scope.accountId },
        ArnEquals: { "aws:SourceArn": `arn:${scope.partition}:scheduler:${scope.region}:${scope.accountId}:schedule-group/default` },
      },
    },
  ]);
}

/** What the schedule's role is granted on. */
export interface RunTaskPolicyInputs {
  /** The task definition family: every revision of it may be run, in this cluster only. */
  family: string;
  clusterArn: string;
  executionRoleArn: string;
  taskRoleArn: string;
  /** The schedule's dead-letter queue, which Scheduler sends to with this role. */
  deadLetter: DeadLetterTarget;
}

/**
 * The schedule role's only policy, narrower than AWS's `AmazonEC2ContainerServiceEventsRole`: `ecs:RunTask` on this
 * family in this cluster, `ecs:TagResource` only while RunTask creates the task (the tags it propagates), and
 * `iam:PassRole` on exactly the task's two roles, only to ECS tasks; and sending to the schedule's dead-letter queue:
 * Scheduler delivers a run it gave up on with the schedule's role, not as a service principal through a queue policy.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/CWE_IAM_role.html
 * https://docs.aws.amazon.com/scheduler/latest/UserGuide/configuring-schedule-dlq.html
 */
export function runTaskPolicy(scope: AwsScope, inputs: RunTaskPolicyInputs): PolicyDocument {
  const ecs = `arn:${scope.partition}:ecs:${scope.region}:${scope.accountId}`;
  const clusterName = inputs.clusterArn.split("/").pop()!;
  return policyDocument([
    {
      Sid: "RunThisFamilyInThisCluster",
      Effect: "Allow",
      Action: "ecs:RunTask",
      Resource: `${ecs}:task-definition/${inputs.family}:*`,
      Condition: { ArnEquals: { "ecs:cluster": inputs.clusterArn } },
    },
    {
      Sid: "TagTheTasksItStarts",
      Effect: "Allow",
      Action: "ecs:TagResource",
      Resource: `${ecs}:task/${clusterName}/*`,
      Condition: { StringEquals: { "ecs:CreateAction": "RunTask" } },
    },
    {
      Sid: "PassTheTaskRolesToEcsTasks",
      Effect: "Allow",
      Action: "iam:PassRole",
      Resource: [inputs.executionRoleArn, inputs.taskRoleArn],
      Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } },
    },
    ...sendToDeadLetterQueue(inputs.deadLetter),
  ]);
}

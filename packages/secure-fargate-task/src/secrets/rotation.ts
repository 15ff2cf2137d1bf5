import * as path from "node:path";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ChildContext } from "../context";
import { packageRoot, SHIPPED } from "../packageRoot";
import { policyDocument, PolicyDocument, type Statement } from "../iam/policyDocument";
import { AwsScope, eventRuleArn, logGroupArn } from "../iam/policies";
import { DeadLetterTarget, deadLetterQueuePolicy as queuePolicyWith, sendToDeadLetterQueue } from "../deadLetter/deadLetter";
import { createDeadLetterQueue } from "../deadLetter/queue";
import { createRoleWithPolicy } from "../iam/roleWithPolicy";
import { createLogGroup, LOG_GROUPS } from "../logs/logGroups";

/**
 * The EventBridge pattern for "this secret has a new current value": Secrets Manager's native `Secret Label Updated`
 * event (no CloudTrail trail needed), for exactly these secret ARNs, when the label that moved is `AWSCURRENT` — a
 * value put by hand, a finished rotation, a restored version. `AWSPENDING` moves during a rotation do not match.
 * https://docs.aws.amazon.com/secretsmanager/latest/userguide/event-detail-secret-label-updated-secretsmanager.html
 */
export function rotationEventPattern(secretArns: readonly string[]): object {
  return {
    source: ["aws.secretsmanager"],
    "detail-type": ["Secret Label Updated"],
    resources: [...new Set(secretArns)].sort(),
    detail: { labelUpdated: ["AWSCURRENT"] },
  };
}

/** Trust policy of the rotation function's role: Lambda, for this account only. */
export function lambdaTrustPolicy(scope: AwsScope): PolicyDocument {
  return policyDocument([
    {
      Effect: "Allow",
      Principal: { Service: "lambda.amazonaws.com" },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "aws:SourceAccount": scope.accountId } },
    },
  ]);
}

/**
 * EventBridge's retries of a delivery to the function: an hour, ten attempts, then the event goes to the dead-letter
 * queue. A delivery fails only when Lambda refuses the asynchronous invoke (throttled, function missing, permission
 * gone); an hour covers a throttling burst, and a restart later than that is a human's call, which the queue's alarm
 * asks for. AWS's default (24 hours, 185 attempts) would hide a broken target for a day.
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html
 */
export const TARGET_RETRY_POLICY = { maximumEventAgeInSeconds: 3600, maximumRetryAttempts: 10 } as const;

/**
 * Lambda's own retries of the asynchronous invoke: the maximum two, within an hour, then a record of the failed
 * invocation goes to the on-failure destination. A destination rather than the function's `deadLetterConfig`: AWS
 * recommends destinations, whose record carries the request, the response and the error, where a dead-letter queue
 * gets only the event.
 * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
 */
export const FUNCTION_RETRY_POLICY = { maximumEventAgeInSeconds: 3600, maximumRetryAttempts: 2 } as const;

/**
 * The dead-letter queue's policy: TLS only, and EventBridge may send to it for exactly this rule (`aws:SourceArn`),
 * nobody else. The function writes its failure records with its own role, which needs no queue policy in the same
 * account.
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html (granting permissions to the dead-letter queue)
 */
export function deadLetterQueuePolicy(queueArn: string, ruleArn: string): PolicyDocument {
  return queuePolicyWith(queueArn, eventBridgeSends(queueArn, ruleArn));
}

/** EventBridge's grant on the rotation queue: this rule only. */
function eventBridgeSends(queueArn: string, ruleArn: string): Statement[] {
  return [
    {
      Sid: "EventBridgeThisRuleOnly",
      Effect: "Allow",
      Principal: { Service: "events.amazonaws.com" },
      Action: "sqs:SendMessage",
      Resource: queueArn,
      Condition: { ArnEquals: { "aws:SourceArn": ruleArn } },
    },
  ];
}

/**
 * The rotation function may start deployments of this one service, write its own logs, and record a failed
 * invocation in its dead-letter queue.
 */
export function restartPolicy(serviceArn: string, functionLogGroupArn: string, deadLetter: DeadLetterTarget): PolicyDocument {
  return policyDocument([
    { Sid: "RollThisServiceOnly", Effect: "Allow", Action: "ecs:UpdateService", Resource: serviceArn },
    {
      Sid: "WriteOwnLogs",
      Effect: "Allow",
      Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: `${functionLogGroupArn}:log-stream:*`,
    },
    ...sendToDeadLetterQueue(deadLetter),
  ]);
}

/**
 * Rolls the service when a followed secret gets a new current value: an EventBridge rule on exactly those secrets,
 * targeting a minimal function whose role may only update this service. (EventBridge has no native target that
 * starts an ECS deployment.) A delivery EventBridge gives up on, and an invocation Lambda gives up on, land in one
 * dead-letter queue encrypted with the component's key, and an alarm fires when it holds a message.
 */
export function followRotation(
  ctx: ChildContext,
  secretArns: pulumi.Output<string[]>,
  cluster: pulumi.Input<string>,
  service: aws.ecs.Service,
  settings: { logRetentionInDays: number; kmsKeyArn: pulumi.Output<string>; alarmActions: pulumi.Input<pulumi.Input<string>[]> },
): aws.cloudwatch.EventRule {
  const opts = { parent: ctx.parent };
  const { kmsKeyArn } = settings;
  const logs = createLogGroup(ctx, "rotation", settings);
  const ruleArn = ctx.scope.apply((s) => eventRuleArn(s, ctx.names.rotationRule));
  const { queue, policy: queuePolicy } = createDeadLetterQueue(
    ctx,
    "rotation",
    kmsKeyArn,
    {
      description: `A rotation of ${ctx.names.label} did not restart the service: read the dead-letter queue, then redeploy.`,
      actions: settings.alarmActions,
    },
    (queueArn) => ruleArn.apply((r) => eventBridgeSends(queueArn, r)),
  );
  const { role, policy } = createRoleWithPolicy(ctx, "rotation", {
    description: `Rolls ${ctx.names.label} when a followed secret rotates`,
    assumeRolePolicy: ctx.scope.apply((s) => JSON.stringify(lambdaTrustPolicy(s))),
    policy: pulumi
      .all([service.arn, ctx.scope, queue.arn, kmsKeyArn])
      .apply(([serviceArn, s, queueArn, keyArn]) =>
        JSON.stringify(
          restartPolicy(serviceArn, logGroupArn(s, LOG_GROUPS.rotation.name(ctx.names)), { queueArn, kmsKeyArn: keyArn, region: s.region }),
        ),
      ),
  });
  const fn = new aws.lambda.Function(
    `${ctx.name}-rotation-restart`,
    {
      description: `Starts a new deployment of ${ctx.names.label} when a followed secret rotates`,
      // The newest Node.js runtime of the provider's enum, which Lambda supports (standard support to 2028-04-30):
      // https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html. Node.js 24 drops callback-style handlers;
      // this one is async. No reserved concurrency, for the README's reasons (after the `followRotation` example).
      runtime: aws.lambda.Runtime.NodeJS24dX,
      handler: "index.handler",
      role: role.arn,
      timeout: 30,
      memorySize: 128,
      code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.FileAsset(path.join(packageRoot(), SHIPPED.rotationHandler)) }),
      environment: { variables: { CLUSTER: pulumi.output(cluster), SERVICE: service.name } },
      loggingConfig: { logFormat: "Text", logGroup: logs.name },
      tags: ctx.tags,
    },
    { parent: ctx.parent, dependsOn: [policy] },
  );
  // Lambda checks that the role may send to the destination when the configuration is put.
  new aws.lambda.FunctionEventInvokeConfig(
    `${ctx.name}-rotation-invoke-config`,
    { functionName: fn.name, ...FUNCTION_RETRY_POLICY, destinationConfig: { onFailure: { destination: queue.arn } } },
    { parent: ctx.parent, dependsOn: [policy] },
  );
  const rule = new aws.cloudwatch.EventRule(
    `${ctx.name}-rotation`,
    {
      name: ctx.names.rotationRule,
      description: `A followed secret of ${ctx.names.label} has a new AWSCURRENT version`,
      eventPattern: secretArns.apply((arns) => JSON.stringify(rotationEventPattern(arns))),
      tags: ctx.tags,
    },
    opts,
  );
  new aws.lambda.Permission(
    `${ctx.name}-rotation-invoke`,
    { action: "lambda:InvokeFunction", function: fn.name, principal: "events.amazonaws.com", sourceArn: rule.arn },
    opts,
  );
  new aws.cloudwatch.EventTarget(
    `${ctx.name}-rotation-target`,
    { rule: rule.name, arn: fn.arn, retryPolicy: { ...TARGET_RETRY_POLICY }, deadLetterConfig: { arn: queue.arn } },
    { parent: ctx.parent, dependsOn: [queuePolicy] },
  );
  return rule;
}

import * as path from "node:path";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ChildContext } from "../context";
import { packageRoot, SHIPPED } from "../packageRoot";
import { policyDocument, PolicyDocument } from "../iam/policyDocument";
import { AwsScope, logGroupArn } from "../iam/policies";

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

/** The rotation function may start deployments of this one service and write its own logs, nothing else. */
export function restartPolicy(serviceArn: string, functionLogGroupArn: string): PolicyDocument {
  return policyDocument([
    { Sid: "RollThisServiceOnly", Effect: "Allow", Action: "ecs:UpdateService", Resource: serviceArn },
    {
      Sid: "WriteOwnLogs",
      Effect: "Allow",
      Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: `${functionLogGroupArn}:log-stream:*`,
    },
  ]);
}

/**
 * Rolls the service when a followed secret gets a new current value: an EventBridge rule on exactly those secrets,
 * targeting a minimal function whose role may only update this service. (EventBridge has no native target that
 * starts an ECS deployment.)
 */
export function followRotation(
  ctx: ChildContext,
  secretArns: pulumi.Output<string[]>,
  cluster: pulumi.Input<string>,
  service: aws.ecs.Service,
  logRetentionInDays: number,
  kmsKeyArn: pulumi.Input<string>,
): aws.cloudwatch.EventRule {
  const opts = { parent: ctx.parent };
  const logs = new aws.cloudwatch.LogGroup(
    `${ctx.name}-rotation-logs`,
    { name: ctx.names.rotationLogGroup, retentionInDays: logRetentionInDays, kmsKeyId: kmsKeyArn, tags: ctx.tags },
    opts,
  );
  const role = new aws.iam.Role(
    `${ctx.name}-rotation-role`,
    {
      description: `Rolls ${ctx.names.label} when a followed secret rotates`,
      assumeRolePolicy: ctx.scope.apply((s) => JSON.stringify(lambdaTrustPolicy(s))),
      tags: ctx.tags,
    },
    opts,
  );
  const policy = new aws.iam.RolePolicy(
    `${ctx.name}-rotation-policy`,
    {
      role: role.id,
      policy: pulumi
        .all([service.arn, ctx.scope])
        .apply(([serviceArn, s]) => JSON.stringify(restartPolicy(serviceArn, logGroupArn(s, ctx.names.rotationLogGroup)))),
    },
    opts,
  );
  const fn = new aws.lambda.Function(
    `${ctx.name}-rotation-restart`,
    {
      description: `Starts a new deployment of ${ctx.names.label} when a followed secret rotates`,
      runtime: "nodejs22.x",
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
  const rule = new aws.cloudwatch.EventRule(
    `${ctx.name}-rotation`,
    {
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
  new aws.cloudwatch.EventTarget(`${ctx.name}-rotation-target`, { rule: rule.name, arn: fn.arn }, opts);
  return rule;
}

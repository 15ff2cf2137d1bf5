/**
 * The key policy and the topic policy of the alarm topic, as pure functions of resolved ARNs.
 *
 * - CloudWatch alarms and EventBridge rules publish to an SSE-KMS topic only if the key policy lets their service
 *   principal use the key (`kms:GenerateDataKey*`, `kms:Decrypt`); AWS managed keys (`alias/aws/sns`) cannot be so
 *   changed, hence a customer managed key:
 *   https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services
 *   The key is this topic's alone, so these grants reach nothing else. CloudWatch's grant is held to this account's
 *   alarms (`aws:SourceAccount`, `aws:SourceArn`), as on the topic policy: AWS's own construct for this grant,
 *   `grantCloudWatchAlarmsTopicAccess` of the Modern Data Architecture Accelerator, conditions it so
 *   (https://aws.github.io/modern-data-architecture-accelerator/typedocs/functions/_aws-mdaa_cloudwatch-constructs.grantCloudWatchAlarmsTopicAccess.html).
 *   EventBridge's is not: its KMS requests for an encrypted topic target carry neither key, and a condition on them
 *   would drop every event (the same page: "aws:SourceAccount / aws:SourceArn / aws:SourceOrgID are not supported in a
 *   KMS policy for EventBridge delivery"). The topic policy holds EventBridge to the one rule (`aws:SourceArn`).
 * - The topic policy replaces SNS's default one (which lets any principal of the account publish or subscribe): it lets
 *   the account's alarms and the stopped-task rule publish, and the account administer the topic through IAM:
 *   https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html
 */

/** A statement of a resource-based policy (key or topic policy). */
export interface ResourceStatement {
  readonly Sid: string;
  readonly Effect: "Allow";
  readonly Principal: { AWS: string } | { Service: string | string[] };
  readonly Action: string | string[];
  readonly Resource: string;
  readonly Condition?: Record<string, Record<string, string>>;
}

/** A resource-based policy document. */
export interface PolicyDocument {
  readonly Version: "2012-10-17";
  /** SNS wants one on a topic policy, unique (https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-language-api-permissions-reference.html). */
  readonly Id?: string;
  readonly Statement: ResourceStatement[];
}

/** Where the stack runs. */
export interface Scope {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
}

export const CLOUDWATCH_PRINCIPAL = "cloudwatch.amazonaws.com";
export const EVENTS_PRINCIPAL = "events.amazonaws.com";

/** The confused-deputy condition on CloudWatch: alarms of this account and region only. */
function accountAlarms(scope: Scope): Record<string, Record<string, string>> {
  return {
    StringEquals: { "aws:SourceAccount": scope.account },
    ArnLike: { "aws:SourceArn": `arn:${scope.partition}:cloudwatch:${scope.region}:${scope.account}:alarm:*` },
  };
}

/** The alarm topic's key: the account administers it through IAM; CloudWatch and EventBridge may encrypt with it. */
export function topicKeyPolicy(scope: Scope): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AccountAdministersTheKey",
        Effect: "Allow",
        Principal: { AWS: `arn:${scope.partition}:iam::${scope.account}:root` },
        Action: "kms:*",
        Resource: "*",
      },
      {
        Sid: "AccountAlarmsPublishToTheTopic",
        Effect: "Allow",
        Principal: { Service: CLOUDWATCH_PRINCIPAL },
        Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
        Resource: "*",
        Condition: accountAlarms(scope),
      },
      // No source condition: EventBridge sends none to KMS for a topic target (see above).
      {
        Sid: "EventsPublishToTheTopic",
        Effect: "Allow",
        Principal: { Service: EVENTS_PRINCIPAL },
        Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
        Resource: "*",
      },
    ],
  };
}

/** Publishing rights on the topic: this account's alarms, and the one EventBridge rule given. */
export function topicPolicy(scope: Scope, topicArn: string, ruleArn: string): PolicyDocument {
  return {
    Version: "2012-10-17",
    Id: `${topicArn}/policy`,
    Statement: [
      {
        Sid: "AccountManagesTheTopic",
        Effect: "Allow",
        Principal: { AWS: `arn:${scope.partition}:iam::${scope.account}:root` },
        Action: ["sns:GetTopicAttributes", "sns:SetTopicAttributes", "sns:Subscribe", "sns:ListSubscriptionsByTopic", "sns:Publish"],
        Resource: topicArn,
      },
      {
        Sid: "AccountAlarmsPublish",
        Effect: "Allow",
        Principal: { Service: CLOUDWATCH_PRINCIPAL },
        Action: "sns:Publish",
        Resource: topicArn,
        Condition: accountAlarms(scope),
      },
      {
        Sid: "StoppedTaskRulePublishes",
        Effect: "Allow",
        Principal: { Service: EVENTS_PRINCIPAL },
        Action: "sns:Publish",
        Resource: topicArn,
        Condition: { ArnEquals: { "aws:SourceArn": ruleArn } },
      },
    ],
  };
}

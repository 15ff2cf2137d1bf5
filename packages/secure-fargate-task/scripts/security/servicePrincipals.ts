/**
 * Every grant to an AWS service principal in the key, resource and trust policies the component and the stack write,
 * with its confused-deputy condition: for `docs/SECURITY.md` and the test that each has one (or a documented reason).
 * Built by the same pure functions the resources are, from a sample account.
 */
import { topicKeyPolicy, topicPolicy } from "../../../../infra/monitoring/policies";
import { accessLogBucketPolicy } from "../../src/secrets/bucket";
import { deadLetterQueuePolicy, lambdaTrustPolicy } from "../../src/secrets/rotation";
import { schedulerTrustPolicy } from "../../src/schedule/policies";
import { ecsTasksTrustPolicy, keyPolicy } from "../../src/iam/policies";

const SCOPE = { partition: "aws", region: "eu-west-1", accountId: "123456789012" };
const RULE = "arn:aws:events:eu-west-1:123456789012:rule/app-rotation";

/** One grant to a service principal. */
export interface ServiceGrant {
  policy: string;
  service: string;
  actions: string[];
  /** The condition keys it is held to. */
  conditionKeys: string[];
}

/** A grant with no source condition, and why: the service sends neither key on that request. */
export const UNCONDITIONED: Record<string, string> = {
  "alarm topic key (stack) / events.amazonaws.com":
    "EventBridge sends neither `aws:SourceAccount` nor `aws:SourceArn` to KMS when it publishes to an encrypted topic, so a condition would drop every event (https://aws.github.io/modern-data-architecture-accelerator/typedocs/functions/_aws-mdaa_cloudwatch-constructs.grantCloudWatchAlarmsTopicAccess.html); the topic policy holds EventBridge to the one rule (`aws:SourceArn`), and the key is the topic's alone.",
};

const POLICIES: Array<[string, { Statement: Array<{ Principal?: unknown; Action: string | string[]; Condition?: object }> }]> = [
  ["ECS task and execution role trust (component)", ecsTasksTrustPolicy(SCOPE)],
  ["component key", keyPolicy(SCOPE, ["/ecs/app"], ["app-rotation"])],
  ["rotation function role trust (component)", lambdaTrustPolicy(SCOPE)],
  ["rotation dead-letter queue (component)", deadLetterQueuePolicy("arn:aws:sqs:eu-west-1:123456789012:app-rotation-dlq", RULE)],
  ["schedule role trust (component)", schedulerTrustPolicy(SCOPE)],
  [
    "secrets bucket's access-log bucket (component)",
    accessLogBucketPolicy("arn:aws:s3:::app-secrets-logs", "arn:aws:s3:::app-secrets", SCOPE.accountId),
  ],
  ["alarm topic key (stack)", topicKeyPolicy({ partition: "aws", region: "eu-west-1", account: SCOPE.accountId })],
  [
    "alarm topic (stack)",
    topicPolicy({ partition: "aws", region: "eu-west-1", account: SCOPE.accountId }, "arn:aws:sns:eu-west-1:123456789012:alarms", RULE),
  ],
];

export function serviceGrants(): ServiceGrant[] {
  return POLICIES.flatMap(([policy, document]) =>
    document.Statement.flatMap((st) => {
      const principal = st.Principal as { Service?: string | string[] } | undefined;
      if (principal?.Service === undefined) return [];
      return [principal.Service].flat().map((service) => ({
        policy,
        service,
        actions: [st.Action].flat(),
        conditionKeys: Object.values((st.Condition ?? {}) as Record<string, Record<string, unknown>>).flatMap((c) => Object.keys(c)),
      }));
    }),
  );
}

/** The section of docs/SECURITY.md. */
export function serviceGrantsSection(): string[] {
  return [
    "## Service principals: confused-deputy conditions",
    "",
    "Every grant to an AWS service in a key, resource or trust policy the component and the stack write, and the condition keys that hold it to this account's own resources (`servicePrincipals.ts`; a test fails when one has none and no reason here).",
    "",
    "| Policy | Service | Actions | Held to |",
    "|---|---|---|---|",
    ...serviceGrants().map(
      (g) =>
        `| ${g.policy} | \`${g.service}\` | ${g.actions.map((a) => `\`${a}\``).join(", ")} | ${g.conditionKeys.map((k) => `\`${k}\``).join(", ") || `nothing: ${UNCONDITIONED[`${g.policy} / ${g.service}`] ?? "**no reason given**"}`} |`,
    ),
    "",
  ];
}

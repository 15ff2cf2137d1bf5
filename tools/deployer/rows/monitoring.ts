/**
 * Rows for the stack's monitoring (`infra/monitoring/`): the alarm topic, its policy, the optional email
 * subscription, and the dashboard. Alarms, the EventBridge rule and target, and the topic's KMS key share rows in
 * `core.ts` and `optional.ts`.
 */
import { tf } from "../sources";
import type { PermissionRow } from "../types";

export const MONITORING_ROWS: readonly PermissionRow[] = [
  {
    token: "aws:sns/topic:Topic",
    kind: "resource",
    create: ["sns:CreateTopic", "sns:SetTopicAttributes", "sns:GetTopicAttributes", "sns:TagResource"],
    read: ["sns:GetTopicAttributes", "sns:ListTagsForResource"],
    update: ["sns:SetTopicAttributes", "sns:GetTopicAttributes", "sns:TagResource", "sns:UntagResource"],
    delete: ["sns:DeleteTopic"],
    note: "The alarm topic. The provider creates it with its tags, then sets each attribute (the KMS key) one `SetTopicAttributes` call at a time.",
    sources: [tf("sns/topic.go")],
  },
  {
    token: "aws:sns/topicPolicy:TopicPolicy",
    kind: "resource",
    create: ["sns:SetTopicAttributes", "sns:GetTopicAttributes"],
    read: ["sns:GetTopicAttributes"],
    update: ["sns:SetTopicAttributes", "sns:GetTopicAttributes"],
    delete: ["sns:SetTopicAttributes"],
    note: "A topic policy cannot be removed: deleting puts back the topic's default policy.",
    sources: [tf("sns/topic_policy.go")],
  },
  {
    token: "aws:sns/topicSubscription:TopicSubscription",
    kind: "resource",
    create: ["sns:Subscribe", "sns:GetSubscriptionAttributes", "sns:SetSubscriptionAttributes"],
    read: ["sns:GetSubscriptionAttributes"],
    update: ["sns:SetSubscriptionAttributes", "sns:GetSubscriptionAttributes"],
    delete: ["sns:Unsubscribe", "sns:GetSubscriptionAttributes"],
    note: "Only with `alarmEmail`. A subscription still pending confirmation cannot be unsubscribed: the provider drops it from the state and leaves it to SNS.",
    sources: [tf("sns/topic_subscription.go")],
  },
  {
    token: "aws:cloudwatch/dashboard:Dashboard",
    kind: "resource",
    create: ["cloudwatch:PutDashboard", "cloudwatch:GetDashboard"],
    read: ["cloudwatch:GetDashboard"],
    update: ["cloudwatch:PutDashboard", "cloudwatch:GetDashboard"],
    delete: ["cloudwatch:DeleteDashboards"],
    sources: [tf("cloudwatch/dashboard.go")],
  },
];

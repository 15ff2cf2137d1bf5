/**
 * Rows for the load balancer `SecureFargateTask` creates with `loadBalancer: { certificateArn }`: the Application Load
 * Balancer, its target group and its listeners (terraform-provider-aws internal/service/elbv2, each resource's Create,
 * Read, Update and Delete functions), and `autoScaling`'s Application Auto Scaling target, policies and scheduled actions.
 *
 * Tags: the component tags every one of them. ELB authorizes tags given to a create call as `elasticloadbalancing:AddTags`
 * as well; the provider reads tags with `DescribeTags` (elbv2) or `ListTagsForResource` (Application Auto Scaling) and
 * changes them with `AddTags`/`RemoveTags` or `TagResource`/`UntagResource`.
 */
import { ECS_SCALING_IAM, ELB_SLR, ELB_TAG_ON_CREATE, SCALING_SLR, tf, tfPull } from "../sources";
import type { PermissionRow } from "../types";

const ELB = "elasticloadbalancing";
const ELB_TAGS = [`${ELB}:AddTags`, `${ELB}:RemoveTags`];
const ELB_SERVICE = "elasticloadbalancing.amazonaws.com";
const SCALING = "application-autoscaling";

export const LOAD_BALANCING_ROWS: readonly PermissionRow[] = [
  {
    token: "aws:lb/loadBalancer:LoadBalancer",
    kind: "resource",
    create: [
      `${ELB}:DescribeLoadBalancers`,
      `${ELB}:CreateLoadBalancer`,
      `${ELB}:AddTags`,
      `${ELB}:ModifyLoadBalancerAttributes`,
      `${ELB}:DescribeLoadBalancerAttributes`,
      `${ELB}:DescribeCapacityReservation`,
      `${ELB}:DescribeTags`,
      "iam:CreateServiceLinkedRole",
    ],
    read: [`${ELB}:DescribeLoadBalancers`, `${ELB}:DescribeLoadBalancerAttributes`, `${ELB}:DescribeCapacityReservation`, `${ELB}:DescribeTags`],
    update: [
      `${ELB}:ModifyLoadBalancerAttributes`,
      `${ELB}:SetSecurityGroups`,
      `${ELB}:SetSubnets`,
      `${ELB}:SetIpAddressType`,
      `${ELB}:DescribeLoadBalancers`,
      ...ELB_TAGS,
    ],
    delete: [`${ELB}:DeleteLoadBalancer`, "ec2:DescribeNetworkInterfaces"],
    serviceLinkedRoleOf: ELB_SERVICE,
    note: "Create checks the name is free, waits for `active`, then sets the attributes (dropped invalid headers, desync mitigation, deletion protection, access logs). Read also reads the minimum capacity reservation (`DescribeCapacityReservation`, since #42685; `ModifyCapacityReservation` only with a minimum capacity, which the component never sets). Destroy looks for the load balancer's leftover network interfaces; it also tries to detach and delete them (`ec2:DetachNetworkInterface`, `ec2:DeleteNetworkInterface`), but a refusal there is only logged. With `deletionProtection`, destroy fails until it is turned off. The first load balancer or target group of an account creates ELB's service-linked role.",
    sources: [
      tf("elbv2/load_balancer.go"),
      tfPull(42685, "add capacity reservation support for alb and nlb"),
      tfPull(42724, "r/aws_lb: Gracefully ignore AccessDenied errors from DescribeCapacityReservation"),
      ELB_TAG_ON_CREATE,
      ELB_SLR,
    ],
  },
  {
    token: "aws:lb/targetGroup:TargetGroup",
    kind: "resource",
    create: [
      `${ELB}:DescribeTargetGroups`,
      `${ELB}:CreateTargetGroup`,
      `${ELB}:AddTags`,
      `${ELB}:ModifyTargetGroupAttributes`,
      `${ELB}:DescribeTargetGroupAttributes`,
      `${ELB}:DescribeTags`,
      "iam:CreateServiceLinkedRole",
    ],
    read: [`${ELB}:DescribeTargetGroups`, `${ELB}:DescribeTargetGroupAttributes`, `${ELB}:DescribeTags`],
    update: [`${ELB}:ModifyTargetGroup`, `${ELB}:ModifyTargetGroupAttributes`, ...ELB_TAGS],
    delete: [`${ELB}:DeleteTargetGroup`],
    serviceLinkedRoleOf: ELB_SERVICE,
    note: "Create checks the name is free (`DescribeTargetGroups` by name) and waits until the group reads back; destroy retries while a listener still uses it.",
    sources: [tf("elbv2/target_group.go"), ELB_TAG_ON_CREATE, ELB_SLR],
  },
  {
    token: "aws:lb/listener:Listener",
    kind: "resource",
    create: [
      `${ELB}:CreateListener`,
      `${ELB}:AddTags`,
      `${ELB}:DescribeListeners`,
      `${ELB}:ModifyListenerAttributes`,
      `${ELB}:DescribeListenerAttributes`,
      `${ELB}:DescribeTags`,
    ],
    read: [`${ELB}:DescribeListeners`, `${ELB}:DescribeListenerAttributes`, `${ELB}:DescribeTags`],
    update: [`${ELB}:ModifyListener`, `${ELB}:ModifyListenerAttributes`, ...ELB_TAGS],
    delete: [`${ELB}:DeleteListener`],
    note: "The HTTPS listener and the HTTP one that redirects to it. Create sets the listener attributes an HTTP or HTTPS listener always has (`routing.http.response.server.enabled`) right after creating it.",
    sources: [tf("elbv2/listener.go"), ELB_TAG_ON_CREATE],
  },
  {
    token: "aws:appautoscaling/target:Target",
    kind: "resource",
    create: [
      `${SCALING}:RegisterScalableTarget`,
      `${SCALING}:DescribeScalableTargets`,
      `${SCALING}:ListTagsForResource`,
      "iam:CreateServiceLinkedRole",
    ],
    read: [`${SCALING}:DescribeScalableTargets`, `${SCALING}:ListTagsForResource`],
    update: [`${SCALING}:RegisterScalableTarget`, `${SCALING}:TagResource`, `${SCALING}:UntagResource`],
    delete: [`${SCALING}:DeregisterScalableTarget`, `${SCALING}:DescribeScalableTargets`],
    serviceLinkedRoleOf: "ecs.application-autoscaling.amazonaws.com",
    note: "The service's desired count as a scalable target (tags sent with `RegisterScalableTarget`). Registering the first ECS target of an account creates Application Auto Scaling's service-linked role for ECS. Destroy deregisters it and waits until it no longer reads back.",
    sources: [tf("appautoscaling/target.go"), SCALING_SLR],
  },
  {
    token: "aws:appautoscaling/policy:Policy",
    kind: "resource",
    create: [`${SCALING}:PutScalingPolicy`, `${SCALING}:DescribeScalingPolicies`, "cloudwatch:PutMetricAlarm", "cloudwatch:DescribeAlarms"],
    read: [`${SCALING}:DescribeScalingPolicies`],
    update: [`${SCALING}:PutScalingPolicy`, "cloudwatch:PutMetricAlarm", "cloudwatch:DescribeAlarms", "cloudwatch:DeleteAlarms"],
    delete: [`${SCALING}:DeleteScalingPolicy`, "cloudwatch:DeleteAlarms"],
    note: "A target tracking policy: Application Auto Scaling creates, changes and deletes its CloudWatch alarms, which ECS's service auto scaling page lists among the caller's permissions.",
    sources: [tf("appautoscaling/policy.go"), ECS_SCALING_IAM],
  },
  {
    token: "aws:appautoscaling/scheduledAction:ScheduledAction",
    kind: "resource",
    create: [`${SCALING}:PutScheduledAction`, `${SCALING}:DescribeScheduledActions`],
    read: [`${SCALING}:DescribeScheduledActions`],
    update: [`${SCALING}:PutScheduledAction`],
    delete: [`${SCALING}:DeleteScheduledAction`],
    note: "A scheduled change of the task count's limits (`autoScaling.schedules`). Create retries while the scalable target does not read back yet.",
    sources: [tf("appautoscaling/scheduled_action.go")],
  },
];

/**
 * The stack's monitoring: a KMS-encrypted SNS topic that every alarm notifies (and mails, with `alarmEmail`), the
 * alarms of `alarms.ts`, a notification for each failed task stop (`stoppedTasks.ts`), and a CloudWatch dashboard
 * (`dashboard.ts`). The topic comes first: the component's own alarms (rotation dead letters) take its ARN too.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { alarmSpecs, metricAlarmArgs, type AlarmSettings } from "./alarms";
import { dashboardBody } from "./dashboard";
import type { MonitoredStack } from "./metrics";
import { topicKeyPolicy, topicPolicy, type Scope } from "./policies";
import { stoppedTaskMessage, stoppedTaskPattern } from "./stoppedTasks";

/** The account, region and partition the stack deploys to. */
export function stackScope(): pulumi.Output<Scope> {
  return pulumi
    .all([aws.getPartitionOutput().partition, aws.getRegionOutput().region, aws.getCallerIdentityOutput().accountId])
    .apply(([partition, region, account]) => ({ partition, region, account }));
}

/** The alarm topic and its key. */
export interface AlarmTopic {
  readonly topic: aws.sns.Topic;
  readonly key: aws.kms.Key;
}

/** The topic the alarms notify, encrypted with a key of its own, and its mail subscription when an address is given. */
export function createAlarmTopic(label: string, scope: pulumi.Output<Scope>, alarmEmail: string | undefined): AlarmTopic {
  const key = new aws.kms.Key("alarm-topic-key", {
    description: `Encrypts the alarm topic of ${label}; CloudWatch and EventBridge may use it to publish there`,
    enableKeyRotation: true,
    deletionWindowInDays: 30,
    policy: scope.apply((s) => JSON.stringify(topicKeyPolicy(s))),
  });
  const topic = new aws.sns.Topic("alarm-topic", { kmsMasterKeyId: key.arn });
  if (alarmEmail !== undefined) {
    // SNS mails a confirmation link first; the subscription is pending until it is followed.
    new aws.sns.TopicSubscription("alarm-email", { topic: topic.arn, protocol: "email", endpoint: alarmEmail });
  }
  return { topic, key };
}

/** What `createMonitoring` watches. */
export interface MonitoringTarget extends MonitoredStack {
  /** Label of the deployment in texts (`<project>-<stack>`). */
  readonly label: string;
  readonly clusterArn: pulumi.Input<string>;
}

/** The alarms, the stopped-task notification and the dashboard; returns the dashboard's name. */
export function createMonitoring(
  target: MonitoringTarget,
  alarmTopic: AlarmTopic,
  scope: pulumi.Output<Scope>,
  settings: AlarmSettings,
): pulumi.Output<string> {
  const actions = [alarmTopic.topic.arn];
  const specs = alarmSpecs(target, settings);
  const alarms = specs.map((spec) => new aws.cloudwatch.MetricAlarm(`alarm-${spec.suffix}`, metricAlarmArgs(spec, actions)));

  const rule = new aws.cloudwatch.EventRule("stopped-tasks", {
    description: `Failed stops of the tasks of ${target.label}, sent to its alarm topic`,
    eventPattern: pulumi
      .all([target.clusterArn, target.serviceName])
      .apply(([clusterArn, serviceName]) => JSON.stringify(stoppedTaskPattern(clusterArn, serviceName))),
  });
  const policy = new aws.sns.TopicPolicy("alarm-topic-policy", {
    arn: alarmTopic.topic.arn,
    policy: pulumi
      .all([scope, alarmTopic.topic.arn, rule.arn])
      .apply(([s, topicArn, ruleArn]) => JSON.stringify(topicPolicy(s, topicArn, ruleArn))),
  });
  // After the topic policy: until it lets the rule publish, deliveries would fail.
  new aws.cloudwatch.EventTarget(
    "stopped-tasks-target",
    { rule: rule.name, arn: alarmTopic.topic.arn, inputTransformer: stoppedTaskMessage(target.label) },
    { dependsOn: [policy] },
  );

  const dashboard = new aws.cloudwatch.Dashboard("dashboard", {
    dashboardName: dashboardName(target.label),
    dashboardBody: pulumi
      .all([scope, target.tableName, target.clusterName, target.serviceName, pulumi.all(alarms.map((a) => a.arn))])
      .apply(([s, tableName, clusterName, serviceName, alarmArns]) =>
        JSON.stringify(
          dashboardBody({
            region: s.region,
            metricsService: target.metricsService,
            tableName,
            clusterName,
            serviceName,
            alarmArns,
            postsReadAlarmPerDay: settings.postsReadAlarmPerDay,
          }),
        ),
      ),
  });
  return dashboard.dashboardName;
}

/**
 * The dashboard's name: the label with every character a dashboard name does not allow (only `A-Za-z0-9`, `-` and `_`:
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutDashboard.html) made `-`, as a `.` of a
 * stack name would be.
 */
export function dashboardName(label: string): string {
  return label.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, 255);
}

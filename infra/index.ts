/**
 * The twitterstream stack: the DynamoDB table the service writes posts to, the network its task runs in, and the
 * service itself on Fargate through `SecureFargateTask`, its X credentials in Secrets Manager.
 */
import * as path from "node:path";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { SecureFargateTask } from "secure-fargate-task";
import { METRICS_SERVICE_VARIABLE, metricsServiceName } from "../service/src/metrics/names";
import { liveness, stackRuleTag } from "../service/src/config";
import { createTableBackup } from "./backup";
import { readConfig } from "./config";
import { serviceHealthCheck } from "./health";
import { createAlarmTopic, createMonitoring, stackScope } from "./monitoring/monitoring";
import { createNetwork } from "./network";
import { queueEnvironment, STOP_TIMEOUT_SECONDS } from "./shutdown";
import { createTable, tableWriteStatements } from "./table";

const config = readConfig();
const table = createTable(config);
const network = createNetwork(config.network);
/** `<project>-<stack>`: the `Service` dimension of the service's metrics, and the deployment's name in alarm texts. */
const label = metricsServiceName(pulumi.getProject(), pulumi.getStack());
const scope = stackScope();
// The topic every alarm notifies, the component's own alarms included.
const alarmTopic = createAlarmTopic(label, scope, config.alarmEmail);
// Opt-in: a daily AWS Backup of the table into a vault of the stack's own.
if (config.backup) createTableBackup(table, scope, label);

/**
 * The service's build context, relative to the working directory as `SecureFargateTask` wants it (a relative path
 * keeps the state the same on every machine); found from this file, so any working directory works.
 */
const serviceContext = path.relative(process.cwd(), path.join(__dirname, "..", "service")) || ".";

// The service: reads the X filtered stream, keeps the posts FILTER matches and writes them to the table.
const app = new SecureFargateTask("twitterstream", {
  image: { context: serviceContext, platform: config.imagePlatform },
  // Each credential a value the component stores in Secrets Manager.
  secrets: Object.fromEntries(Object.entries(config.credentials).map(([variable, value]) => [variable, { value }])),
  secretDelivery: config.secretDelivery,
  environment: {
    DYNAMODBTABLE: table.name,
    AWSREGION: aws.getRegionOutput().region,
    FILTER: config.filter,
    // The `Service` dimension of the service's EMF metrics, the one the alarms and the dashboard read.
    [METRICS_SERVICE_VARIABLE]: label,
    // The drain deadline after SIGTERM, and the spill directory on the task's writable /tmp volume.
    ...queueEnvironment(STOP_TIMEOUT_SECONDS),
    // The tag of the one X rule this stack owns, unique per stack: two stacks on one X app each keep their own rule,
    // and a FILTER another stack already holds stops this one with a config_error naming it (service/README.md).
    RULE_TAG: stackRuleTag(pulumi.getProject(), pulumi.getStack()),
  },
  taskRolePolicyStatements: tableWriteStatements(table),
  // Fails until the stream has delivered a line since the task started, and once it has been dead longer than the
  // reconnect policy allows (the stack sets none of the policy's variables: the service's defaults). An unhealthy task
  // is replaced. Only a failure while the deployment is in progress counts for the circuit breaker: a new revision
  // whose stream never delivers data fails the start-up bound (3 min) then and is rolled back; a stream that dies
  // after the deployment completed (18 min later at the earliest) is not, and its tasks are replaced on the same
  // revision: each replacement notifies the alarm topic, and `npm run doctor` names it (infra/README.md, Monitoring).
  healthCheck: serviceHealthCheck(liveness({})),
  cpu: config.cpu,
  memory: config.memory,
  desiredCount: config.desiredCount,
  // The Fargate maximum: after SIGTERM the service writes what waits in memory and in its spill before it exits.
  stopTimeoutSeconds: STOP_TIMEOUT_SECONDS,
  // Stop, then start: X allows one filtered-stream connection per app, so a second task during a rollout would be
  // refused with 429 TooManyConnections.
  deployment: { minimumHealthyPercent: 0, maximumPercent: 100 },
  network,
  // With `spot`, Fargate Spot: an interruption comes with a two-minute warning and SIGTERM, and the service drains on
  // SIGTERM within the 120 s stop timeout (what DynamoDB takes in that time); ECS then starts a new task.
  ...(config.spot ? { capacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT" as const }] } : {}),
  alarmActions: [alarmTopic.topic.arn],
});

// Alarms on the service's metrics, the table and the tasks; a notification per failed task stop; the dashboard.
const dashboardName = createMonitoring(
  {
    label,
    metricsService: label,
    tableName: table.name,
    clusterName: app.clusterName,
    clusterArn: app.clusterArn,
    serviceName: app.serviceName.apply((name) => {
      // Only a component with `schedule.runMode: "task"` runs no service; this one always does.
      if (name === undefined) throw new Error("the component made no ECS service: nothing for the alarms to watch");
      return name;
    }),
  },
  alarmTopic,
  scope,
  config.alarms,
);

export const tableName = table.name;
export const clusterName = app.clusterName;
export const serviceName = app.serviceName;
/** The task definition revision this update registered: `npm run doctor` checks that the service really runs it. */
export const taskDefinitionArn = app.taskDefinitionArn;
export const logGroupName = app.logGroupName;
export const imageRef = app.imageRef;
/** The CloudWatch dashboard of the deployment: the service's figures, the table, the tasks and the alarms. */
export const dashboard = dashboardName;
/** The SNS topic every alarm notifies: subscribe to it (mail, chat, paging) to be told. */
export const alarmTopicArn = alarmTopic.topic.arn;
/** ARNs of the Secrets Manager secrets holding the credentials: where to look, not what they hold. */
export const secretArns = app.secretArns;

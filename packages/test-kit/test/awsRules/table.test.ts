/**
 * The AWS input-rule table: every rule refuses a value AWS refuses and accepts one AWS accepts; every type token is
 * real; the checker reports unknown types and too-long auto-names.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";
import * as docker from "@pulumi/docker";
import { rootPulumiStackTypeName } from "@pulumi/pulumi/runtime/stack";
import * as time from "@pulumiverse/time";
import { expect } from "chai";
import { allRules, checkAwsRules, checkResource, resolve } from "@twitterstream/test-kit/awsRules/check";
import type { Rule } from "@twitterstream/test-kit/awsRules/rules";
import { AWS_RULES, mergeServices, SERVICE_RULES } from "@twitterstream/test-kit/awsRules/table";

const SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:proj/dev/app/secrets-20261122000000000000000001-AbCdEf";
const KEY_ARN = "arn:aws:kms:eu-west-1:123456789012:key/0b1c2d3e-1111-2222-3333-444455556666";
const ROLE_ARN = "arn:aws:iam::123456789012:role/app-execution-role-1a2b3c4";
const TG_ARN = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/proj-dev-app-1a2b3c4d/0123456789abcdef";
const LB_ARN = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/proj-dev-app/0123456789abcdef";

/** A value the rule accepts and one it refuses. */
type Example = [ok: unknown, bad: unknown];

/**
 * Examples, looked up by `<type> <path>`, then by `<path>`, then by the part of the path from `@json` on (policy
 * documents share their rules whatever field holds them).
 */
const EXAMPLES: Record<string, Example> = {
  // AWS Backup (the stack's opt-in table backup) and the backup role's managed policy
  "aws:backup/vault:Vault name": ["backup-vault-1a2b3c4", "backup.vault"],
  "aws:backup/vault:Vault kmsKeyArn": [KEY_ARN, "alias/backup"],
  "aws:backup/plan:Plan rules[].ruleName": ["daily", "daily backup"],
  "aws:backup/plan:Plan rules[].targetVaultName": ["backup-vault-1a2b3c4", "x"],
  "aws:backup/plan:Plan rules[].schedule": ["cron(0 5 ? * * *)", "cron(0 5 * * * *)"],
  "aws:backup/plan:Plan rules[].lifecycle.deleteAfter": [35, 0],
  "aws:backup/selection:Selection name": ["backup-selection-1a2b3c4", "x".repeat(51)],
  "aws:backup/selection:Selection iamRoleArn": [ROLE_ARN, "arn:aws:iam::123456789012:user/backup"],
  "aws:backup/selection:Selection resources[]": ["arn:aws:dynamodb:eu-west-1:123456789012:table/twitterStream-dev", "twitterStream-dev"],
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment role": ["backup-role-1a2b3c4", "backup role"],
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment policyArn": [
    "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
    "AWSBackupServiceRolePolicyForBackup",
  ],
  // the time provider's Sleep (terraform-provider-time resource_time_sleep.go)
  "time:index/sleep:Sleep createDuration": ["15s", "15 seconds"],
  // tags (every taggable type)
  "tags.{key}": ["cost-center:team/a", "aws:reserved"],
  "tags.*": ["Cloud Computing 42", "it's"],
  // security group
  "aws:ec2/securityGroup:SecurityGroup name": ["app-sg-1a2b3c4", "sg-app"],
  "aws:ec2/securityGroup:SecurityGroup description": ["Tasks of app: HTTPS egress only, no ingress", "Tasks of app's service"],
  "ingress[].description": ["HTTPS from the load balancer", "l'équipe"],
  "egress[].description": ["HTTPS to AWS APIs and to the endpoints of the application", "HTTPS to AWS APIs and the application's endpoints"],
  "ingress[].protocol": ["tcp", "http"],
  "egress[].protocol": ["-1", "https"],
  // IAM
  "aws:iam/role:Role name": ["app-execution-role-1a2b3c4", "app execution role"],
  "aws:iam/role:Role path": ["/service-role/", "service-role"],
  "aws:iam/role:Role description": ["ECS task execution role of proj-dev-app", "Rôle d’exécution"],
  "aws:iam/rolePolicy:RolePolicy name": ["app-execution-policy-1a2b3c4", "x".repeat(129)],
  assumeRolePolicy: ['{"Version":"2012-10-17","Statement":[]}', "x".repeat(2049)],
  "aws:iam/rolePolicy:RolePolicy policy": ['{"Version":"2012-10-17","Statement":[]}', "x".repeat(10241)],
  "aws:kms/key:Key policy": ['{"Version":"2012-10-17","Statement":[]}', "x".repeat(32769)],
  "aws:s3/bucketPolicy:BucketPolicy policy": ['{"Version":"2012-10-17","Statement":[]}', "x".repeat(20 * 1024 + 1)],
  "@json.Version": ["2012-10-17", "2024-01-01"],
  "@json.Statement[].Effect": ["Allow", "allow"],
  "@json.Statement[].Sid": ["ReadSecrets", "Read-Secrets"],
  "@json.Statement[].Action[]?": ["secretsmanager:GetSecretValue", "GetSecretValue"],
  "@json.Statement[].Resource[]?": [SECRET_ARN, "arn:aws:secretsmanager:eu-west-1:123456789012:secret:proj/dev/app/secrets"],
  "@json.Statement[].Principal.Service[]?": ["ecs-tasks.amazonaws.com", "ecs-tasks"],
  // KMS
  "aws:kms/key:Key description": ["Secrets, logs and images of proj-dev-app", "x".repeat(8193)],
  deletionWindowInDays: [30, 31],
  "aws:kms/alias:Alias name": ["alias/proj/dev/app", "alias/aws/app"],
  kmsKeyId: [KEY_ARN, "alias/proj/dev/app"],
  // logs
  "aws:cloudwatch/logGroup:LogGroup name": ["/ecs/proj/dev/app", "/ecs/proj:dev/app"],
  retentionInDays: [30, 31],
  // Secrets Manager
  "aws:secretsmanager/secret:Secret name": ["proj/dev/app/secrets", "proj dev"],
  namePrefix: ["proj/dev/app/secrets-", "p".repeat(487)],
  "aws:secretsmanager/secret:Secret description": ["CONSUMERKEY of app", "x".repeat(2049)],
  secretString: ['{"A":"b"}', ""],
  // ECR
  "aws:ecr/repository:Repository name": ["proj/dev/app--cache__v2", "proj/dev/app-"],
  imageTagMutability: ["IMMUTABLE", "immutable"],
  "encryptionConfigurations[].kmsKey": [KEY_ARN, "key/abc"],
  "aws:ecr/lifecyclePolicy:LifecyclePolicy policy": ["x".repeat(100), "{}"],
  "@json.rules[].rulePriority": [1, 0],
  "@json.rules[].description": ["Keep the 10 most recent src-* images", 10],
  "@json.rules[].selection.tagStatus": ["tagged", "TAGGED"],
  "@json.rules[].selection.countType": ["imageCountMoreThan", "imageCount"],
  "@json.rules[].selection.countNumber": [10, 0],
  "@json.rules[].selection": [
    { tagStatus: "tagged", tagPatternList: ["sha-1a2b3c4"] },
    { tagStatus: "untagged", tagPrefixList: ["v"] },
  ],
  "@json.rules[].selection.tagPatternList[]": ["release-*-x*", "a*b*c*d*e*f"],
  "@json.rules[].action.type": ["expire", "delete"],
  // docker
  imageName: [
    "123456789012.dkr.ecr.eu-west-1.amazonaws.com/proj/dev/app:src-81aab3c146ee91ab1a8bd45f",
    "123456789012.dkr.ecr.eu-west-1.amazonaws.com/proj/dev/app:.src",
  ],
  "build.platform": ["linux/arm64", "linux/386"],
  // ECS
  "aws:ecs/cluster:Cluster name": ["app-cluster-1a2b3c4", "app.cluster"],
  "settings[].name": ["containerInsights", "insights"],
  "configuration.executeCommandConfiguration.logging": ["OVERRIDE", "override"],
  "configuration.executeCommandConfiguration.logConfiguration.cloudWatchLogGroupName": ["/ecs/proj/dev/app", "/ecs/proj:dev/app"],
  family: ["proj-dev-app", "proj/dev/app"],
  executionRoleArn: [ROLE_ARN, "app-execution-role"],
  taskRoleArn: [ROLE_ARN, "arn:aws:iam::123456789012:user/app"],
  networkMode: ["awsvpc", "bridge"],
  "volumes[].name": ["tmp", "tmp dir"],
  "ephemeralStorage.sizeInGib": [200, 20],
  "volumes[].efsVolumeConfiguration.fileSystemId": ["fs-0123456789abcdef0", "fs-XYZ"],
  "volumes[].efsVolumeConfiguration.transitEncryption": ["ENABLED", "enabled"],
  "volumes[].efsVolumeConfiguration.authorizationConfig.accessPointId": [
    "fsap-0123456789abcdef0",
    "arn:aws:elasticfilesystem:eu-west-1:123456789012:access-point/fsap-0123456789abcdef0",
  ],
  "volumes[].efsVolumeConfiguration.authorizationConfig.iam": ["ENABLED", "true"],
  "@json[].mountPoints[].sourceVolume": ["data", "my data"],
  "aws:ecs/taskDefinition:TaskDefinition containerDefinitions@json": [
    [
      { name: "app", dependsOn: [{ containerName: "secrets-init", condition: "SUCCESS" }] },
      { name: "secrets-init" },
      { name: "datadog", dependsOn: [{ containerName: "app", condition: "START" }] },
    ],
    Array.from({ length: 11 }, (_, i) => ({ name: `c${i}` })),
  ],
  "@json[].firelensConfiguration.type": ["fluentbit", "fluent-bit"],
  "@json[].firelensConfiguration.options.{key}": ["enable-ecs-log-metadata", "config-file-path"],
  "@json[].firelensConfiguration.options.enable-ecs-log-metadata": ["false", "no"],
  "@json[].firelensConfiguration.options.config-file-type": ["file", "s3"],
  "@json[].name": ["secrets-init", "secrets init"],
  "@json[].memory": [6, 5],
  "@json[].image": ["123456789012.dkr.ecr.eu-west-1.amazonaws.com/proj/dev/app@sha256:" + "ab".repeat(32), "Proj/App:latest"],
  "@json[].environment[].name": ["TABLE", "A=B"],
  "@json[].secrets[].name": ["CONSUMERKEY", ""],
  "@json[].secrets[].valueFrom": [`${SECRET_ARN}:CONSUMERKEY::${"ab".repeat(16)}`, `${SECRET_ARN}:CONSUMERKEY`],
  "@json[].logConfiguration.secretOptions[].valueFrom": ["arn:aws:ssm:eu-west-1:123456789012:parameter/splunk/token", "/splunk/token"],
  "@json[].logConfiguration.logDriver": ["awslogs", "json-file"],
  "@json[].logConfiguration.options.awslogs-group": ["/ecs/proj/dev/app", "/ecs/proj dev"],
  "@json[].logConfiguration.options.awslogs-stream-prefix": ["app", "app:1"],
  "@json[].repositoryCredentials.credentialsParameter": [SECRET_ARN, "proj/dev/registry"],
  "@json[].dependsOn[].containerName": ["secrets-init", "secrets/init"],
  "@json[].dependsOn[].condition": ["SUCCESS", "SUCCEEDED"],
  "@json[].healthCheck.command[]": ["/app/dist/health.js", " "],
  "@json[].healthCheck.interval": [300, 301],
  "@json[].healthCheck.timeout": [120, 1],
  "@json[].healthCheck.retries": [10, 0],
  "@json[].healthCheck.startPeriod": [0, 301],
  "aws:ecs/service:Service name": ["app-service-1a2b3c4", "app.service"],
  launchType: ["FARGATE", "fargate"],
  propagateTags: ["SERVICE", "CLUSTER"],
  taskDefinition: ["arn:aws:ecs:eu-west-1:123456789012:task-definition/proj-dev-app:1", "proj-dev-app:1"],
  cluster: ["arn:aws:ecs:eu-west-1:123456789012:cluster/app-cluster-1a2b3c4", "app-cluster"],
  // ECS capacity providers
  "capacityProviderStrategies[].capacityProvider": ["FARGATE_SPOT", "SPOT"],
  "capacityProviderStrategies[].weight": [1, 1001],
  "capacityProviderStrategies[].base": [1, -1],
  "defaultCapacityProviderStrategies[].capacityProvider": ["FARGATE", "fargate"],
  "defaultCapacityProviderStrategies[].weight": [0, -1],
  "defaultCapacityProviderStrategies[].base": [100000, 100001],
  "capacityProviders[]": ["FARGATE_SPOT", "EC2"],
  clusterName: ["app-cluster-1a2b3c4", "app cluster"],
  // Application Auto Scaling
  serviceNamespace: ["ecs", "ECS"],
  scalableDimension: ["ecs:service:DesiredCount", "ecs:service:desiredCount"],
  resourceId: ["service/app-cluster-1a2b3c4/app-service-1a2b3c4", "app-service-1a2b3c4"],
  minCapacity: [0, -1],
  maxCapacity: [10, 1.5],
  "aws:appautoscaling/policy:Policy name": ["app-scale-cpu-1a2b3c4", "app\tpolicy"],
  policyType: ["TargetTrackingScaling", "TargetTracking"],
  "targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification.predefinedMetricType": ["ALBRequestCountPerTarget", "ALBRequestCount"],
  "targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification.resourceLabel": [
    "app/proj-dev-app/0123456789abcdef/targetgroup/web/0123456789abcdef",
    "app/proj-dev-app/0123456789abcdef",
  ],
  "targetTrackingScalingPolicyConfiguration.scaleInCooldown": [300, -1],
  "targetTrackingScalingPolicyConfiguration.scaleOutCooldown": [60, 0.5],
  "targetTrackingScalingPolicyConfiguration.targetValue": [50, 0],
  "aws:appautoscaling/scheduledAction:ScheduledAction name": ["app-schedule-night-1a2b3c4", "night/owl"],
  schedule: ["cron(0 8 ? * MON-FRI *)", "cron(0 8 * * MON-FRI *)"],
  timezone: ["Europe/Paris", "Europe/Springfield"],
  "scalableTargetAction.minCapacity": [2, -1],
  "scalableTargetAction.maxCapacity": [10, 2.5],
  // EventBridge Scheduler
  "aws:scheduler/schedule:Schedule name": ["app-schedule-1a2b3c4", "app schedule"],
  "aws:scheduler/schedule:Schedule description": ["Runs the task of proj/dev/app", "x".repeat(513)],
  "aws:scheduler/schedule:Schedule scheduleExpression": ["cron(0 3 * * ? *)", "0 3 * * *"],
  "aws:scheduler/schedule:Schedule scheduleExpressionTimezone": ["Europe/Paris", ""],
  "aws:scheduler/schedule:Schedule flexibleTimeWindow.mode": ["OFF", "off"],
  "aws:scheduler/schedule:Schedule flexibleTimeWindow.maximumWindowInMinutes": [1440, 1441],
  "aws:scheduler/schedule:Schedule state": ["ENABLED", "enabled"],
  "aws:scheduler/schedule:Schedule target.arn": ["arn:aws:ecs:eu-west-1:123456789012:cluster/app-cluster-1a2b3c4", "app-cluster"],
  "aws:scheduler/schedule:Schedule target.roleArn": [ROLE_ARN, "app-schedule-role"],
  "aws:scheduler/schedule:Schedule target.ecsParameters.taskDefinitionArn": [
    "arn:aws:ecs:eu-west-1:123456789012:task-definition/proj-dev-app:1",
    "proj-dev-app:1",
  ],
  "aws:scheduler/schedule:Schedule target.ecsParameters.taskCount": [10, 11],
  "aws:scheduler/schedule:Schedule target.ecsParameters.launchType": ["FARGATE", "fargate"],
  "aws:scheduler/schedule:Schedule target.ecsParameters.propagateTags": ["TASK_DEFINITION", "SERVICE"],
  "aws:scheduler/schedule:Schedule target.retryPolicy.maximumRetryAttempts": [185, 186],
  "aws:scheduler/schedule:Schedule target.retryPolicy.maximumEventAgeInSeconds": [60, 59],
  "aws:scheduler/schedule:Schedule target.deadLetterConfig.arn": [
    "arn:aws:sqs:eu-west-1:123456789012:app-schedule-dlq-1a2b3c4",
    "arn:aws:sqs:eu-west-1:123456789012:app-schedule-dlq.fifo",
  ],
  // S3
  bucketPrefix: ["proj-dev-app-", "Proj-Dev-App-"],
  bucket: ["proj-dev-app-20261122000000000001", "proj_dev_app"],
  "rule.objectOwnership": ["BucketOwnerEnforced", "Enforced"],
  "versioningConfiguration.status": ["Enabled", "enabled"],
  "rules[].applyServerSideEncryptionByDefault.sseAlgorithm": ["aws:kms", "kms"],
  "rules[].applyServerSideEncryptionByDefault.kmsMasterKeyId": [KEY_ARN, "arn:aws:kms:eu-west-1:123456789012:alias/app"],
  key: ["secrets/A", ""],
  tags: [{ a: "1" }, Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, "v"]))],
  // Lambda
  "aws:lambda/function:Function name": ["app-rotation-restart-1a2b3c4", "app.rotation"],
  "aws:lambda/function:Function description": ["Starts a new deployment", "x".repeat(257)],
  handler: ["index.handler", "index handler"],
  runtime: ["nodejs22.x", "nodejs12.x"],
  memorySize: [128, 64],
  timeout: [30, 901],
  role: [ROLE_ARN, "app-rotation-role"],
  "environment.variables.{key}": ["CLUSTER", "AWS_REGION"],
  "environment.variables": [{ CLUSTER: "c" }, { BIG: "x".repeat(4097) }],
  "loggingConfig.logGroup": ["/ecs/proj/dev/app/rotation", "rotation logs"],
  "loggingConfig.logFormat": ["Text", "text"],
  statementId: ["app-rotation-invoke-1a2b3c4", "app.rotation.invoke"],
  action: ["lambda:InvokeFunction", "InvokeFunction"],
  function: ["app-rotation-restart-1a2b3c4", "app rotation"],
  principal: ["events.amazonaws.com", "events amazonaws"],
  sourceArn: ["arn:aws:events:eu-west-1:123456789012:rule/app-rotation-1a2b3c4", "rule/app-rotation"],
  // EventBridge
  "aws:cloudwatch/eventRule:EventRule name": ["app-rotation-1a2b3c4", "app rotation"],
  "aws:cloudwatch/eventRule:EventRule description": ["A followed secret has a new AWSCURRENT version", "x".repeat(513)],
  eventPattern: ['{"source":["aws.secretsmanager"]}', "x".repeat(4097)],
  "@json.resources[]": [SECRET_ARN, "proj/dev/app/secrets"],
  targetId: ["app-rotation-target-1a2b3c4", "t".repeat(65)],
  rule: ["app-rotation-1a2b3c4", "app rotation"],
  arn: ["arn:aws:lambda:eu-west-1:123456789012:function:app-rotation-restart-1a2b3c4", "app-rotation-restart"],
  "deadLetterConfig.arn": ["arn:aws:sqs:eu-west-1:123456789012:app-rotation-dlq-1a2b3c4", "app-rotation-dlq"],
  "retryPolicy.maximumEventAgeInSeconds": [3600, 59],
  "retryPolicy.maximumRetryAttempts": [10, 186],
  // SQS
  "aws:sqs/queue:Queue name": ["app-rotation-dlq-1a2b3c4", "app.rotation.dlq"],
  messageRetentionSeconds: [1209600, 1209601],
  kmsMasterKeyId: [KEY_ARN, "alias/proj/dev/app"],
  "aws:sqs/queuePolicy:QueuePolicy policy": ['{"Version":"2012-10-17","Statement":[]}', "x".repeat(8193)],
  queueUrl: ["https://sqs.eu-west-1.amazonaws.com/123456789012/app-rotation-dlq-1a2b3c4", "arn:aws:sqs:eu-west-1:123456789012:app-rotation-dlq"],
  // Lambda asynchronous invocation
  maximumRetryAttempts: [2, 3],
  maximumEventAgeInSeconds: [3600, 21601],
  "destinationConfig.onFailure.destination": ["arn:aws:sqs:eu-west-1:123456789012:app-rotation-dlq-1a2b3c4", "app-rotation-dlq"],
  // CloudWatch alarms
  "aws:cloudwatch/metricAlarm:MetricAlarm name": ["twitterstream-dev-no-posts-stored", "x".repeat(256)],
  alarmDescription: ["No post stored for 15 minutes while connected", "x".repeat(1025)],
  comparisonOperator: ["GreaterThanThreshold", ">"],
  treatMissingData: ["notBreaching", "not-breaching"],
  statistic: ["Maximum", "p99"],
  period: [300, 45],
  evaluationPeriods: [3, 0],
  namespace: ["Twitterstream", ":Twitterstream"],
  metricName: ["PostsStored", ""],
  alarmActions: [
    ["arn:aws:sns:eu-west-1:123456789012:alarms-1a2b3c4"],
    Array.from({ length: 6 }, (_, i) => `arn:aws:sns:eu-west-1:123456789012:t${i}`),
  ],
  okActions: [
    ["arn:aws:sns:eu-west-1:123456789012:alarms-1a2b3c4"],
    Array.from({ length: 6 }, (_, i) => `arn:aws:sns:eu-west-1:123456789012:t${i}`),
  ],
  datapointsToAlarm: [3, 0],
  metricQueries: [
    [
      { id: "m", metric: { metricName: "M", namespace: "N", period: 60, stat: "Sum" } },
      { id: "e", expression: "m * 2", returnData: true },
    ],
    [
      { id: "m", metric: { metricName: "M", namespace: "N", period: 60, stat: "Sum" }, returnData: true },
      { id: "e", expression: "m * 2", returnData: true },
    ],
  ],
  "metricQueries[].id": ["skippedPercent", "Skipped"],
  "metricQueries[].expression": ["IF(a >= 1 AND b == 0, 1, 0)", "x".repeat(1025)],
  "metricQueries[].metric.metricName": ["PostsStored", ""],
  "metricQueries[].metric.namespace": ["Twitterstream", ":Twitterstream"],
  "metricQueries[].metric.period": [300, 90],
  "metricQueries[].metric.stat": ["p99", "Median"],
  "aws:cloudwatch/dashboard:Dashboard dashboardName": ["twitterstream-dev", "twitterstream.dev"],
  "aws:cloudwatch/dashboard:Dashboard dashboardBody": [
    JSON.stringify({ widgets: [{ type: "text", x: 0, y: 0, width: 24, height: 2, properties: { markdown: "hi" } }] }),
    JSON.stringify({ widgets: [{ type: "metric", x: 0, y: 0, width: 25, height: 6, properties: { metrics: [["Twitterstream"]] } }] }),
  ],
  "aws:sns/topic:Topic name": ["alarm-topic-1a2b3c4", "alarm.topic"],
  "aws:sns/topicPolicy:TopicPolicy policy": ['{"Version":"2012-10-17","Statement":[]}', "x".repeat(30 * 1024 + 1)],
  "aws:sns/topicSubscription:TopicSubscription topic": ["arn:aws:sns:eu-west-1:123456789012:alarm-topic-1a2b3c4", "alarm-topic"],
  "aws:sns/topicSubscription:TopicSubscription protocol": ["email", "EMAIL"],
  "aws:sns/topicSubscription:TopicSubscription endpoint": ["ops@example.com", "ops at example.com"],
  "alarmActions[]": ["arn:aws:sns:eu-west-1:123456789012:alarms-1a2b3c4", "alarms"],
  "okActions[]": ["arn:aws:sns:eu-west-1:123456789012:alarms-1a2b3c4", "alarms"],
  // S3 access logging and lifecycle
  targetPrefix: ["access-logs/", "x".repeat(1025)],
  "rules[].id": ["expire-access-logs", ""],
  "rules[].status": ["Enabled", "enabled"],
  "rules[].expiration.days": [365, 0],
  // DynamoDB
  "aws:dynamodb/table:Table name": ["twitterStream-1a2b3c4", "tw"],
  "attributes[].name": ["user", ""],
  "globalSecondaryIndexes[].name": ["byRef", "by"],
  "globalSecondaryIndexes[].projectionType": ["INCLUDE", "include"],
  "globalSecondaryIndexes[].nonKeyAttributes": [["refType"], []],
  "globalSecondaryIndexes[].nonKeyAttributes[]": ["refType", ""],
  "globalSecondaryIndexes[]": [
    { name: "byRef", hashKey: "refId", projectionType: "INCLUDE", nonKeyAttributes: ["refType"] },
    { name: "byRef", hashKey: "refId", projectionType: "KEYS_ONLY", nonKeyAttributes: ["refType"] },
  ],
  // the whole table: its and its indexes' key attributes against its attribute definitions
  "aws:dynamodb/table:Table ": [
    { hashKey: "user", attributes: [{ name: "user" }, { name: "refId" }], globalSecondaryIndexes: [{ name: "byRef", hashKey: "refId" }] },
    { hashKey: "user", attributes: [{ name: "user" }], globalSecondaryIndexes: [{ name: "byRef", hashKey: "refId" }] },
  ],
  "attributes[].type": ["S", "STRING"],
  billingMode: ["PAY_PER_REQUEST", "ON_DEMAND"],
  // awsx
  numberOfAvailabilityZones: [2, 0],
  // Elastic Load Balancing
  "aws:lb/loadBalancer:LoadBalancer name": ["proj-dev-app", "internal-app"],
  loadBalancerType: ["application", "alb"],
  desyncMitigationMode: ["defensive", "strict"],
  subnets: [["subnet-a", "subnet-b"], ["subnet-a"]],
  "accessLogs.prefix": ["proj/alb", "/proj/alb"],
  "aws:lb/targetGroup:TargetGroup name": ["proj-dev-app-1a2b3c4d", "proj_dev_app"],
  port: [8080, 0],
  protocol: ["HTTP", "http"],
  targetType: ["ip", "instance"],
  "healthCheck.path": ["/health", "health"],
  "healthCheck.interval": [15, 4],
  "healthCheck.timeout": [5, 121],
  "healthCheck.healthyThreshold": [2, 11],
  "healthCheck.unhealthyThreshold": [3, 1],
  "healthCheck.matcher": ["200-299", "2xx"],
  loadBalancerArn: [LB_ARN, "app/proj-dev-app"],
  certificateArn: [
    "arn:aws:acm:eu-west-1:123456789012:certificate/0b1c2d3e-1111-2222-3333-444455556666",
    "arn:aws:iam::123456789012:server-certificate/web",
  ],
  sslPolicy: ["ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09", "TLS13-1-2"],
  "defaultActions[].type": ["forward", "Forward"],
  "defaultActions[].targetGroupArn": [TG_ARN, "proj-dev-app-tg"],
  "defaultActions[].redirect.protocol": ["HTTPS", "https"],
  "defaultActions[].redirect.statusCode": ["HTTP_301", "301"],
  "loadBalancers[].targetGroupArn": [TG_ARN, "proj-dev-app-tg"],
  "loadBalancers[].containerName": ["app", "app/web"],
  "loadBalancers[].containerPort": [8080, 65536],
  healthCheckGracePeriodSeconds: [60, -1],
  "@json[].portMappings[].containerPort": [8080, 0],
  "@json[].portMappings[].protocol": ["tcp", "TCP"],
  "@json[].portMappings[].name": ["web_1", "-web"],
  "@json[].portMappings[].appProtocol": ["http2", "https"],
  // security group rules as their own resources
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule description": ["HTTPS from clients", "clients' HTTPS"],
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule description": ["To the tasks, on the container port only", "to the tasks' port"],
  ipProtocol: ["tcp", "https"],
  fromPort: [443, 65536],
  toPort: [443, -2],
  cidrIpv4: ["203.0.113.0/24", "203.0.113.0"],
};

function exampleFor(type: string, rule: Rule): Example | undefined {
  const at = rule.path.indexOf("@json");
  return EXAMPLES[`${type} ${rule.path}`] ?? EXAMPLES[rule.path] ?? (at >= 0 ? EXAMPLES[rule.path.slice(at)] : undefined);
}

/** Inputs holding `value` at `rulePath` (the inverse of `resolve`): arrays of one, JSON strings, one-entry maps. */
function place(rulePath: string, value: unknown): Record<string, unknown> {
  if (rulePath === "") return value as Record<string, unknown>;
  const steps = rulePath.split(".");
  let inner: unknown = value;
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i];
    if (step === "*") inner = { k: inner };
    else if (step === "{key}") inner = { [String(inner)]: "v" };
    else {
      const m = /^([^@[\]]+)(@json)?(\[\]\??)?$/.exec(step)!;
      let v: unknown = m[3] ? [inner] : inner;
      if (m[2]) v = JSON.stringify(v);
      inner = { [m[1]]: v };
    }
  }
  return inner as Record<string, unknown>;
}

describe("AWS input rules table", () => {
  const rules = allRules();

  it("has an accepted and a refused example for every rule", () => {
    const missing = rules.filter(({ type, rule }) => exampleFor(type, rule) === undefined).map(({ type, rule }) => `${type} ${rule.path}`);
    expect(missing).to.deep.equal([]);
  });

  for (const { type, rule } of rules) {
    const example = exampleFor(type, rule);
    if (example === undefined) continue;
    const [ok, bad] = example;
    it(`${type} ${rule.path}: accepts ${JSON.stringify(ok).slice(0, 60)}, refuses ${JSON.stringify(bad).slice(0, 60)}`, () => {
      const entry = { rules: [rule] };
      expect(resolve(place(rule.path, ok), rule.path), "the example reaches the path").to.have.length(1);
      expect(checkResource({ type, name: "r", inputs: place(rule.path, ok) }, entry)).to.deep.equal([]);
      expect(checkResource({ type, name: "r", inputs: place(rule.path, bad) }, entry)).to.not.deep.equal([]);
    });
  }

  it("names a source for every rule: a terraform-provider-aws validator, an AWS page or a source file", () => {
    const unsourced = rules
      .filter(({ rule }) => !rule.source.tf && !rule.source.doc && !rule.source.code)
      .map(({ type, rule }) => `${type} ${rule.path}`);
    expect(unsourced).to.deep.equal([]);
  });

  it("keys every entry by a real type token", () => {
    // The component's own type token, as its source registers it.
    const component = fs.readFileSync(path.join(__dirname, "..", "..", "..", "secure-fargate-task", "src", "component.ts"), "utf8");
    const modules: Record<string, Record<string, Record<string, unknown>>> = {
      aws: aws as unknown as Record<string, Record<string, unknown>>,
      awsx: awsx as unknown as Record<string, Record<string, unknown>>,
    };
    const fake = Object.keys(AWS_RULES).filter((token) => {
      if (token === rootPulumiStackTypeName) return false;
      if (token.startsWith("time:"))
        return (time as unknown as Record<string, { __pulumiType?: string }>)[token.split(":")[2]]?.__pulumiType !== token;
      if (token.startsWith("secure-fargate-task:")) return !component.includes(`"${token}"`);
      const [pkg, mod, cls] = token.split(":") as [string, string, string];
      if (pkg === "docker") return (docker as unknown as Record<string, { __pulumiType?: string }>)[cls]?.__pulumiType !== token;
      const module = modules[pkg]?.[mod.split("/")[0]] as Record<string, { __pulumiType?: string }> | undefined;
      return module?.[cls]?.__pulumiType !== token;
    });
    expect(fake).to.deep.equal([]);
  });
});

describe("checkAwsRules", () => {
  it("refuses the security group egress rule description with an apostrophe, naming the character and the TF validator", () => {
    const violations = checkAwsRules([
      {
        type: "aws:ec2/securityGroup:SecurityGroup",
        name: "app-sg",
        inputs: { description: "Tasks of app", egress: [{ description: "HTTPS to AWS APIs and the application's endpoints", protocol: "tcp" }] },
      },
    ]);
    expect(violations).to.have.length(1);
    expect(violations[0]).to.match(
      /^aws:ec2\/securityGroup:SecurityGroup app-sg egress\[0\]\.description "HTTPS to AWS APIs and the application's endpoints": character "'" not allowed/,
    );
    expect(violations[0]).to.contain("internal/service/ec2/validate.go / validSecurityGroupRuleDescription");
  });

  it("refuses an auto-named IAM role whose logical name leaves no room for Pulumi's 7-character suffix within 64", () => {
    const name = `${"n".repeat(42)}-execution-role`; // a 42-character component name
    const violations = checkAwsRules([
      { type: "aws:iam/role:Role", name, inputs: { assumeRolePolicy: '{"Version":"2012-10-17","Statement":[]}' } },
    ]);
    expect(violations.join("\n")).to.contain(`name (auto-named) "${name}-abcdefg": 65 characters, pulumi-aws allows 64`);
  });

  it("accepts the same role with a 41-character component name, and any name when the role is named explicitly", () => {
    const policy = '{"Version":"2012-10-17","Statement":[]}';
    expect(
      checkAwsRules([{ type: "aws:iam/role:Role", name: `${"n".repeat(41)}-execution-role`, inputs: { assumeRolePolicy: policy } }]),
    ).to.deep.equal([]);
    expect(checkAwsRules([{ type: "aws:iam/role:Role", name: "x".repeat(80), inputs: { name: "short", assumeRolePolicy: policy } }])).to.deep.equal(
      [],
    );
  });

  it("checks an auto-named value against the field's AWS rule too: a target id past 64 that Pulumi's 255 lets through", () => {
    const violations = checkAwsRules([
      {
        type: "aws:cloudwatch/eventTarget:EventTarget",
        name: `${"n".repeat(41)}-rotation-target`,
        inputs: { rule: "r", arn: "arn:aws:lambda:eu-west-1:123456789012:function:f" },
      },
    ]);
    expect(violations).to.have.length(1);
    expect(violations[0]).to.contain("targetId (auto-named)");
    expect(violations[0]).to.contain("at most 64 allowed");
  });

  it("counts an image's 255 characters before its @digest only, and wants a sha256 digest of 64 hex", () => {
    const container = (image: string) => ({ containerDefinitions: JSON.stringify([{ name: "app", image }]) });
    const check = (image: string) => checkAwsRules([{ type: "aws:ecs/taskDefinition:TaskDefinition", name: "td", inputs: container(image) }]);
    const repo = `123456789012.dkr.ecr.eu-west-1.amazonaws.com/${"a".repeat(200)}`;
    expect(check(`${repo}@sha256:${"ab".repeat(32)}`)).to.deep.equal([]);
    expect(check(`${repo}:${"t".repeat(5)}`)).to.deep.equal([]); // 252 characters
    expect(check(`${repo}:${"t".repeat(60)}`).join("\n")).to.contain("at most 255 allowed");
    expect(check(`${repo}@sha256:${"ab".repeat(31)}`).join("\n")).to.contain("exactly 64 hex");
  });

  it("measures an event pattern as compact JSON, as terraform-provider-aws does before PutRule", () => {
    const pattern = JSON.stringify({ source: ["aws.secretsmanager"], detail: { k: "v".repeat(4000) } }, null, 8);
    expect(pattern.length).to.be.greaterThan(4096);
    expect(checkAwsRules([{ type: "aws:cloudwatch/eventRule:EventRule", name: "r", inputs: { name: "r", eventPattern: pattern } }])).to.deep.equal(
      [],
    );
  });

  it("refuses a task whose container logs with awsfirelens without a log router, and accepts it with one", () => {
    const task = (defs: unknown[]) => [
      { type: "aws:ecs/taskDefinition:TaskDefinition", name: "t", inputs: { family: "t", containerDefinitions: JSON.stringify(defs) } },
    ];
    const app = { name: "app", image: "app:1", logConfiguration: { logDriver: "awsfirelens", options: { Name: "cloudwatch_logs" } } };
    const router = { name: "log_router", image: "fluent-bit:1", firelensConfiguration: { type: "fluentbit" } };
    expect(checkAwsRules(task([app])).join("\n")).to.include(
      '"app" logs with awsfirelens, and no container of the task has a firelensConfiguration',
    );
    expect(checkAwsRules(task([app, router]))).to.deep.equal([]);
  });

  describe("the stack's table and its byRef index (DynamoDB's key attributes and projections)", () => {
    const table = (byRef: Record<string, unknown>, attributes = ["user", "date", "refId"]) => [
      {
        type: "aws:dynamodb/table:Table",
        name: "twitterStream",
        inputs: {
          hashKey: "user",
          rangeKey: "date",
          attributes: attributes.map((name) => ({ name, type: "S" })),
          globalSecondaryIndexes: [{ name: "byRef", hashKey: "refId", projectionType: "INCLUDE", nonKeyAttributes: ["refType"], ...byRef }],
        },
      },
    ];

    it("accepts the index as the stack defines it", () => {
      expect(checkAwsRules(table({}))).to.deep.equal([]);
    });

    it("refuses an index key not defined in attributes, and an attribute no key uses, naming both", () => {
      const [violation, ...rest] = checkAwsRules(table({ hashKey: "ref" }));
      expect(rest).to.deep.equal([]);
      expect(violation).to.contain('globalSecondaryIndexes[0] (byRef).hashKey "ref" is not defined in attributes: add it there');
      expect(violation).to.contain('attributes "refId" is no key of the table or an index');
      expect(violation).to.contain("validateTableAttributes");
    });

    it("refuses an index name DynamoDB does not take, and non-key attributes without INCLUDE", () => {
      expect(checkAwsRules(table({ name: "by ref" })).join("\n")).to.contain(
        'globalSecondaryIndexes[0].name "by ref": does not match [a-zA-Z0-9_.-]',
      );
      expect(checkAwsRules(table({ projectionType: "KEYS_ONLY" })).join("\n")).to.contain(
        'nonKeyAttributes go with projectionType "INCLUDE" only, not "KEYS_ONLY"',
      );
      expect(checkAwsRules(table({ projectionType: "ALL_ATTRIBUTES" })).join("\n")).to.contain('projectionType "ALL_ATTRIBUTES": not one of');
    });
  });

  describe("the repository's lifecycle policy: a selection's tag lists", () => {
    const policy = (selection: Record<string, unknown>) => [
      {
        type: "aws:ecr/lifecyclePolicy:LifecyclePolicy",
        name: "app-repo-lifecycle",
        inputs: {
          repository: "proj/dev/app",
          policy: JSON.stringify({
            rules: [
              {
                rulePriority: 1,
                description: "Keep the image the task definition runs, and a description long enough for the policy's 100 characters",
                selection: { countType: "imageCountMoreThan", countNumber: 1, ...selection },
                action: { type: "expire" },
              },
            ],
          }),
        },
      },
    ];

    it("accepts a tagged selection by one pattern list or one prefix list", () => {
      expect(checkAwsRules(policy({ tagStatus: "tagged", tagPatternList: ["sha-1a2b3c4"] }))).to.deep.equal([]);
      expect(checkAwsRules(policy({ tagStatus: "tagged", tagPrefixList: ["release-"] }))).to.deep.equal([]);
    });

    it("refuses a tag list without tagStatus tagged, both lists at once, none, and a pattern with five wildcards", () => {
      expect(checkAwsRules(policy({ tagStatus: "untagged", tagPrefixList: ["v"] })).join("\n")).to.contain(
        'tagPrefixList only with tagStatus "tagged", not "untagged"',
      );
      expect(checkAwsRules(policy({ tagStatus: "any", tagPatternList: ["v*"] })).join("\n")).to.contain(
        'tagPatternList only with tagStatus "tagged", not "any"',
      );
      expect(checkAwsRules(policy({ tagStatus: "tagged", tagPrefixList: ["v"], tagPatternList: ["v*"] })).join("\n")).to.contain(
        'tagStatus "tagged" takes exactly one of tagPrefixList and tagPatternList',
      );
      expect(checkAwsRules(policy({ tagStatus: "tagged" })).join("\n")).to.contain("takes exactly one of");
      expect(checkAwsRules(policy({ tagStatus: "tagged", tagPatternList: ["a*b*c*d*e*"] })).join("\n")).to.contain(
        "5 wildcards (*), at most 4 allowed",
      );
    });
  });

  it("keeps each type token in one service's file: the merge refuses one in two", () => {
    const entry = { rules: [], note: "n" };
    expect(Object.keys(mergeServices({ a: { "x:y:Z": entry }, b: { "x:y:W": entry } }))).to.deep.equal(["x:y:Z", "x:y:W"]);
    expect(() => mergeServices({ a: { "x:y:Z": entry }, b: { "x:y:Z": entry } })).to.throw("x:y:Z is in both services/a.ts and services/b.ts");
    const total = Object.values(SERVICE_RULES).reduce((n, entries) => n + Object.keys(entries).length, 0);
    expect(Object.keys(AWS_RULES)).to.have.length(total);
  });

  it("merges every file of services/", () => {
    const files = fs.readdirSync(path.join(__dirname, "..", "..", "src", "awsRules", "services")).map((f) => f.replace(/\.ts$/, ""));
    expect(Object.keys(SERVICE_RULES).sort()).to.deep.equal(files.sort());
  });

  it("reports a resource whose type is not in the table", () => {
    expect(checkAwsRules([{ type: "aws:rds/instance:Instance", name: "q", inputs: {} }])).to.deep.equal([
      "aws:rds/instance:Instance q: resource type not in the AWS rules table (add it to its AWS service's file in packages/test-kit/src/awsRules/services/, with an empty entry if it has no rules)",
    ]);
  });

  it("parses JSON fields and reports one that does not parse once", () => {
    const violations = checkAwsRules([{ type: "aws:iam/rolePolicy:RolePolicy", name: "p", inputs: { name: "p", policy: "{not json" } }]);
    expect(violations).to.have.length(1);
    expect(violations[0]).to.match(/^aws:iam\/rolePolicy:RolePolicy p policy: not valid JSON/);
  });

  it("checks every ARN of a policy's Resource list in its service's format", () => {
    const policy = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: "s3:GetObject", Resource: ["arn:aws:s3:::proj-dev-app-1/secrets/A", "arn:aws:s3:::Proj_Bucket/secrets/A"] },
      ],
    });
    const violations = checkAwsRules([{ type: "aws:iam/rolePolicy:RolePolicy", name: "p", inputs: { name: "p", policy } }]);
    expect(violations).to.have.length(1);
    expect(violations[0]).to.contain("policy(json).Statement[0].Resource[1]");
  });
});

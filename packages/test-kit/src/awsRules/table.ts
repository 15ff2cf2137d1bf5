/**
 * AWS's input rules for every resource type the SecureFargateTask component and the twitterstream stack create, with
 * the source of each rule, one file per AWS service under services/. Pulumi's mocks accept any input; `checkAwsRules`
 * (check.ts) holds captured inputs to this table so that what AWS would refuse fails a unit test instead of `pulumi up`.
 *
 * Every type the program can register is a key here, even with no rules: `checkAwsRules` reports a type that is not.
 */
import type { ResourceRules } from "./rules";
import { APPAUTOSCALING_RULES } from "./services/appautoscaling";
import { AWSX_RULES } from "./services/awsx";
import { CLOUDWATCH_RULES } from "./services/cloudwatch";
import { DOCKER_RULES } from "./services/docker";
import { DYNAMODB_RULES } from "./services/dynamodb";
import { EC2_RULES } from "./services/ec2";
import { ECR_RULES } from "./services/ecr";
import { ECS_RULES } from "./services/ecs";
import { ELB_RULES } from "./services/elb";
import { EVENTS_RULES } from "./services/events";
import { IAM_RULES } from "./services/iam";
import { KMS_RULES } from "./services/kms";
import { LAMBDA_RULES } from "./services/lambda";
import { LOGS_RULES } from "./services/logs";
import { PULUMI_RULES } from "./services/pulumi";
import { S3_RULES } from "./services/s3";
import { SCHEDULER_RULES } from "./services/scheduler";
import { SECRETSMANAGER_RULES } from "./services/secretsmanager";
import { SNS_RULES } from "./services/sns";
import { SQS_RULES } from "./services/sqs";

/** The AWS input rules of every resource type the component and the stack can register. */
export const AWS_RULES: Readonly<Record<string, ResourceRules>> = {
  ...PULUMI_RULES,
  ...EC2_RULES,
  ...IAM_RULES,
  ...KMS_RULES,
  ...LOGS_RULES,
  ...SECRETSMANAGER_RULES,
  ...ECR_RULES,
  ...DOCKER_RULES,
  ...ECS_RULES,
  ...APPAUTOSCALING_RULES,
  ...ELB_RULES,
  ...S3_RULES,
  ...LAMBDA_RULES,
  ...EVENTS_RULES,
  ...SCHEDULER_RULES,
  ...SQS_RULES,
  ...CLOUDWATCH_RULES,
  ...SNS_RULES,
  ...DYNAMODB_RULES,
  ...AWSX_RULES,
};
